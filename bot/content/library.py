"""A library: course.md, sources and scenarios, from the built-in folder and
any `--content DIR`. Loading for play, and checking file by file."""

from dataclasses import dataclass, field
from pathlib import Path

from .checker import check_scenario
from .course_parser import parse_course
from .diagnostics import Diagnostic, Report
from .files import LibraryFiles, library_root_of, scan_library
from .model import Course, Module, Scenario
from .scenario_parser import parse_scenario, scenario_id_of
from .source_parser import parse_source


def builtin_root() -> Path:
    """The course shipped inside the package (or content/ in a source checkout)."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "library"
    return installed if (installed / "course.md").is_file() else package.parent / "content"


def library_roots(content_dirs: list[Path]) -> list[LibraryFiles]:
    """Built-in first; a --content DIR with its own course.md replaces what came before."""
    libraries = [scan_library(builtin_root())]
    for folder in content_dirs:
        label = str(folder).rstrip("/") + "/"
        files = scan_library(folder, label)
        libraries = [files] if files.course else libraries + [files]
    return libraries


@dataclass
class CheckResult:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    stats: dict = field(default_factory=lambda: {"scenarios": 0, "nodes": 0, "choices": 0, "endings": 0})

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]


class _Shared:
    """course.md and sources of a set of libraries, parsed once."""

    def __init__(self, libraries: list[LibraryFiles], result: CheckResult | None = None):
        self.course: Course | None = None
        self.sources: dict = {}
        for files in libraries:
            if result is not None:
                result.diagnostics.extend(files.problems)
            if files.course is not None:
                report = Report(files.name(files.course))
                self.course = parse_course(files.course, report.file, report)
                self._keep(report, result)
            for path in files.sources:
                report = Report(files.name(path))
                source = parse_source(path, report.file, report)
                if source is not None:
                    self.sources[source.id] = source
                self._keep(report, result)

    @staticmethod
    def _keep(report: Report, result: CheckResult | None) -> None:
        if result is not None:
            result.diagnostics.extend(report.items)


def check(content_dirs: list[Path], only: list[Path] | None = None) -> CheckResult:
    """Check every scenario (or only those files), one file at a time, so a
    huge library never sits in memory whole."""
    result = CheckResult()
    libraries = library_roots(content_dirs)
    shared = _Shared(libraries, result)
    only_set = {p.resolve() for p in only} if only else None
    seen_ids: dict[str, str] = {}
    moved: set[str] = set()
    for files in libraries:
        for path in files.scenarios:
            report = Report(files.name(path))
            if only_set is not None and path.resolve() not in only_set:
                other_id = scenario_id_of(path)
                if other_id:
                    seen_ids.setdefault(other_id, report.file)
                continue
            scenario = parse_scenario(path, report.file, report)
            if scenario is not None:
                check_scenario(scenario, shared.course, shared.sources, report)
                if scenario.id in seen_ids:
                    report.error(scenario.key_lines.get("id", 1), "duplicate-id",
                                 f"scenario id `{scenario.id}` is also used by {seen_ids[scenario.id]}")
                seen_ids.setdefault(scenario.id, report.file)
                moved.update(scenario.moved_skills())
            result.diagnostics.extend(report.items)
            if scenario is not None:
                count_scenario(result.stats, scenario)
    from ..workshop.plan import check_plans  # workshop plan files: their own module, same report

    result.diagnostics.extend(check_plans(libraries, seen_ids, only_set))
    if only_set is None and shared.course is not None:
        _warn_unmoved_course_skills(libraries, shared.course, moved, result)
    return result


def count_scenario(stats: dict, scenario: Scenario) -> None:
    stats["scenarios"] += 1
    stats["nodes"] += len(scenario.nodes)
    stats["choices"] += sum(len(n.choices) for n in scenario.nodes)
    stats["endings"] += sum(1 for n in scenario.nodes if n.ending)


def _warn_unmoved_course_skills(libraries, course: Course, moved: set, result: CheckResult) -> None:
    course_file = next((f.name(f.course) for f in libraries if f.course), "course.md")
    for skill_id in course.skills:
        if skill_id not in moved:
            result.diagnostics.append(Diagnostic(course_file, course.skill_lines.get(skill_id, 1), "unused-skill",
                                                 f"skill `{skill_id}` is declared but no scenario moves it", "warning"))


class Library:
    """The loaded library a user plays: course, sources and scenarios in course order."""

    def __init__(self, content_dirs: list[Path] | None = None):
        libraries = library_roots(list(content_dirs or []))
        shared = _Shared(libraries)
        self.course = shared.course
        self.sources = shared.sources
        self.scenarios: dict[str, Scenario] = {}
        self.problems: list[Diagnostic] = []
        for files in libraries:
            for path in files.scenarios:
                report = Report(files.name(path))
                scenario = parse_scenario(path, report.file, report)
                if scenario is not None and scenario.id not in self.scenarios:
                    check_scenario(scenario, self.course, self.sources, report, warnings=False)
                    if not report.has_errors:
                        self.scenarios[scenario.id] = scenario
                self.problems.extend(d for d in report.items if d.severity == "error")

    def modules(self) -> list[tuple[Module, list[Scenario]]]:
        """Modules in course order, each with its scenarios by `order`, then title."""
        modules = list(self.course.modules) if self.course else []
        result = []
        for module in modules:
            members = [s for s in self.scenarios.values() if s.module == module.id]
            members.sort(key=lambda s: (s.order if s.order is not None else 10**6, s.title))
            result.append((module, members))
        return result

    def in_order(self) -> list[Scenario]:
        return [s for _, members in self.modules() for s in members]


def load_scenario_file(path: Path) -> tuple[Library, Scenario | None, list[Diagnostic]]:
    """A scenario given by path: its library is the folder with course.md above it."""
    root = library_root_of(path.resolve().parent)
    library = Library([root] if root else [])
    report = Report(str(path))
    scenario = parse_scenario(path, report.file, report)
    if scenario is not None:
        check_scenario(scenario, library.course, library.sources, report)
    errors = [d for d in report.items if d.severity == "error"]
    return library, (None if errors else scenario), errors
