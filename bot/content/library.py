"""A library: course.md, sources and scenarios, from the built-in folder and
any `--content DIR`, loaded for play (checking lives in `checking`)."""

from pathlib import Path

from .diagnostics import Diagnostic, Report
from .files import LibraryFiles, library_root_of, scan_library
from .model import Module, Scenario


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


class Library:
    """The loaded library a user plays: course, sources and scenarios in course order.

    With `cache_file`, the parsed library is kept there as JSON and reused
    while no content file changes (the app's start-up)."""

    def __init__(self, content_dirs: list[Path] | None = None, cache_file: Path | None = None):
        libraries = library_roots(list(content_dirs or []))
        key = None
        if cache_file is not None:
            from . import cache

            key = cache.fingerprint([p for f in libraries for p in f.all_files()])
            cached = cache.load(cache_file, key)
            if isinstance(cached, tuple) and len(cached) == 4:
                self.course, self.sources, self.scenarios, problems = cached
                self.problems = list(problems)
                return
        self._parse(libraries)
        if key is not None:
            cache.save(cache_file, key, (self.course, self.sources, self.scenarios, self.problems))

    def _parse(self, libraries: list[LibraryFiles]) -> None:
        from .checking import parse_library  # the parsers load only when the cache cannot help

        self.course, self.sources, self.scenarios, self.problems = parse_library(libraries)

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
    from .checker import check_scenario
    from .scenario_parser import parse_scenario

    root = library_root_of(path.resolve().parent)
    library = Library([root] if root else [])
    report = Report(str(path))
    scenario = parse_scenario(path, report.file, report)
    if scenario is not None:
        check_scenario(scenario, library.course, library.sources, report)
    errors = [d for d in report.items if d.severity == "error"]
    return library, (None if errors else scenario), errors
