"""A library: course.md, sources and scenarios, from the built-in folder and
any `--content DIR`, loaded for play (checking lives in `checking`)."""

from pathlib import Path

from .diagnostics import Diagnostic, Report
from .files import (ORIGINAL_LANGUAGE, LibraryFiles, is_language, library_root_of, library_translation_files,
                    scan_library)
from .model import Course, Module, Scenario, ScenarioCard, Source


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

    With `lang`, the words are those of that language's translations where
    they exist (see `translation`). With `cache_file`, the parsed library is
    kept as JSON, one file per language, and reused while none of the files
    it was made from changes (the app's start-up); each scenario is then
    decoded only when it is first used, and `cards` serve the lists."""

    def __init__(self, content_dirs: list[Path] | None = None, cache_file: Path | None = None,
                 lang: str | None = None):
        self.content_dirs = list(content_dirs or [])
        self.untranslated: list[str] = []  # with `lang`: scenarios still in the original language
        libraries = library_roots(self.content_dirs)
        lang = None if lang == ORIGINAL_LANGUAGE else lang
        if cache_file is not None and (lang is None or is_language(lang)):
            self._load(libraries, cache_file, lang)
        else:
            self._parse(libraries, lang)

    def _parse(self, libraries: list[LibraryFiles], lang: str | None) -> None:
        from .checking import parse_library  # the parsers load only when the cache cannot help

        self.course, self.sources, self.scenarios, self.problems = parse_library(libraries)
        self.cards = {s.id: s.card for s in self.scenarios.values()}
        if lang is not None:
            from .translation import translate

            translate(self, libraries, lang)

    def _load(self, libraries: list[LibraryFiles], cache_file: Path, lang: str | None) -> None:
        """From the cache entry for `lang`, keyed by the language and every
        file it was made from (originals and that language's translations);
        a miss or a damaged entry is parsed afresh and written for next time."""
        from . import cache

        files = [p for f in libraries for p in f.all_files()]
        if lang is not None:
            files += [p for f in libraries for p in library_translation_files(f, lang)]
        key, path = cache.fingerprint(files, lang or ORIGINAL_LANGUAGE), cache.file_for(cache_file, lang)

        def parse_and_keep() -> dict:
            self._parse(libraries, lang)
            scenarios = dict(self.scenarios)
            cache.save(path, key, (self.course, self.sources, tuple(self.cards.values()),
                                   {i: cache.dumps(s) for i, s in scenarios.items()}, tuple(self.problems),
                                   tuple(self.untranslated)))
            return scenarios

        if not self._from_cache(cache.load(path, key), parse_and_keep):
            parse_and_keep()

    def _from_cache(self, cached, reload) -> bool:
        """Use a cached library if every part has the shape written; anything else is a miss."""
        from .cache import Shelf

        if not (isinstance(cached, tuple) and len(cached) == 6):
            return False
        course, sources, cards, texts, problems, untranslated = cached
        shaped = (
            (course is None or isinstance(course, Course))
            and isinstance(sources, dict) and all(isinstance(s, Source) for s in sources.values())
            and isinstance(cards, tuple) and all(isinstance(c, ScenarioCard) for c in cards)
            and isinstance(texts, dict) and all(isinstance(t, str) for t in texts.values())
            and [c.id for c in cards] == list(texts)
            and isinstance(problems, tuple) and all(isinstance(d, Diagnostic) for d in problems)
            and isinstance(untranslated, tuple) and all(i in texts for i in untranslated)
        )
        if not shaped:
            return False
        self.course, self.sources, self.problems = course, sources, list(problems)
        self.cards = {c.id: c for c in cards}
        self.untranslated = list(untranslated)
        self.scenarios = Shelf(texts, Scenario, reload)
        return True

    def contents(self) -> list[tuple[Module, list[ScenarioCard]]]:
        """Modules in course order, each with its scenarios' cards by `order`, then title."""
        result = []
        for module in self.course.modules if self.course else ():
            cards = [c for c in self.cards.values() if c.module == module.id]
            cards.sort(key=lambda c: (c.order if c.order is not None else 10**6, c.title))
            result.append((module, cards))
        return result

    def cards_in_order(self) -> list[ScenarioCard]:
        return [c for _, cards in self.contents() for c in cards]

    def modules(self) -> list[tuple[Module, list[Scenario]]]:
        """As `contents`, with each scenario itself."""
        return [(module, [self.scenarios[c.id] for c in cards]) for module, cards in self.contents()]

    def in_order(self) -> list[Scenario]:
        return [self.scenarios[c.id] for c in self.cards_in_order()]

    def left_out(self) -> list[str]:
        """Scenario files the checker rejected, each once: they are in no list, so the lists say so."""
        return list(dict.fromkeys(problem.file for problem in self.problems))


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
