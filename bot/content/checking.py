"""Parsing and checking a whole library file by file: every scenario's
problems for `rehearse check`, and the parsed model for play."""

from dataclasses import dataclass, field
from pathlib import Path

from .checker import check_scenario
from .course_parser import parse_course
from .diagnostics import Diagnostic, Report
from .files import LibraryFiles
from .library import library_roots
from .model import Course, Scenario
from .scenario_parser import parse_scenario, scenario_id_of
from .source_parser import parse_source
from .translation import check_translations
from .workshop_plan import check_plans
from ..words.check import check_word_rules


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
    originals: dict[str, tuple[Path, str]] = {}  # id -> (path, name), for the translations
    moved: set[str] = set()
    for files in libraries:
        for path in files.scenarios:
            report = Report(files.name(path))
            if only_set is not None and path.resolve() not in only_set:
                other_id = scenario_id_of(path)
                if other_id:
                    seen_ids.setdefault(other_id, report.file)
                    originals.setdefault(other_id, (path, report.file))
                continue
            scenario = parse_scenario(path, report.file, report)
            if scenario is not None:
                check_scenario(scenario, shared.course, shared.sources, report)
                if scenario.id in seen_ids:
                    report.error(scenario.key_lines.get("id", 1), "duplicate-id",
                                 f"scenario id `{scenario.id}` is also used by {seen_ids[scenario.id]}")
                seen_ids.setdefault(scenario.id, report.file)
                originals.setdefault(scenario.id, (path, report.file))
                moved.update(scenario.moved_skills())
            result.diagnostics.extend(report.items)
            if scenario is not None:
                count_scenario(result.stats, scenario)
    result.diagnostics.extend(check_plans(libraries, seen_ids, only_set))
    result.diagnostics.extend(check_word_rules(libraries, only_set))
    result.diagnostics.extend(check_translations(libraries, originals, shared.course, only_set))
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


def parse_library(libraries: list[LibraryFiles]) -> tuple:
    """(course, sources, playable scenarios by id, errors) for a set of libraries.
    Every scenario file left out has an error here, so no scenario vanishes unsaid."""
    shared = _Shared(libraries)
    scenarios: dict[str, Scenario] = {}
    files_of: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for files in libraries:
        for path in files.scenarios:
            report = Report(files.name(path))
            scenario = parse_scenario(path, report.file, report)
            if scenario is not None and scenario.id in files_of:
                report.error(scenario.key_lines.get("id", 1), "duplicate-id",
                             f"scenario id `{scenario.id}` is also used by {files_of[scenario.id]}")
            elif scenario is not None:
                files_of[scenario.id] = report.file
                check_scenario(scenario, shared.course, shared.sources, report, warnings=False)
                if not report.has_errors:
                    scenarios[scenario.id] = scenario
            problems.extend(d for d in report.items if d.severity == "error")
    return shared.course, shared.sources, scenarios, problems
