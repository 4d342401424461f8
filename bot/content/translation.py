"""A course in another language is a translation of the original, never a
second course: `<library>/<lang>/scenarios/<module>/<id>.md` holds the words of
scenario <id> in <lang>, `<library>/<lang>/sources/<id>.md` those of source
<id>, and `<library>/<lang>/course.md` the course's titles and welcome text.
The structure always comes from the original (`drift` proves the
translation's is the same), so play, scores, transcripts and citations are
identical in every language."""

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .course_parser import parse_course
from .diagnostics import Diagnostic, Report
from .document import load_document
from .drift import INHERITED_KEYS, SOURCE_KEYS, drift, source_drift
from .files import LibraryFiles, languages, translation_files
from .model import Course, Scenario, Source
from .reader import read_text
from .scenario_parser import scenario_from_document
from .source_parser import parse_source

VERSION_LENGTH = 12


def version_of(path: Path) -> str | None:
    """The version a translation records: the start of the SHA-256 of the
    original's text (line endings normalised, so a checkout's CRLF is the
    same file), marked so that YAML never reads it as a number."""
    text = read_text(path, Report(str(path)))
    if text is None:
        return None
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


@dataclass(frozen=True)
class Kind:
    """What can be translated: scenarios, and the sources their notes cite."""
    folder: str  # under <library>/ and <library>/<lang>/
    noun: str
    parse: Callable  # (path, name, report, translation) -> the item or None
    drift: Callable  # (translation, original) -> drift, as `drift.drift`
    inherit: Callable  # (translation, original) -> the translation as served


def _parse_scenario(path: Path, name: str, report: Report, translation: bool = False) -> Scenario | None:
    doc = load_document(path, report)
    return None if doc is None else scenario_from_document(doc, path, name, report, translation=translation)


SCENARIOS = Kind("scenarios", "scenario", _parse_scenario, drift,
                 lambda ours, theirs: replace(ours, **{key: getattr(theirs, key) for key in INHERITED_KEYS}))
SOURCES = Kind("sources", "source", parse_source, source_drift,
               lambda ours, theirs: replace(ours, **{key: getattr(theirs, key) for key in SOURCE_KEYS}))


def read_translation(path: Path, report: Report, original_of, kind: Kind = SCENARIOS) -> tuple:
    """(translation as served, original), after reporting every drift. The
    translation is None when it has errors; `original_of(id)` finds the
    original (None if there is none)."""
    item = kind.parse(path, report.file, report, translation=True)
    if item is None:
        return None, None
    original = original_of(item.id)
    if original is None:
        how = "file name (or `id`)" if kind is SCENARIOS else "file name"
        report.error(item.key_lines.get("id", 1), "translation-drift",
                     f"there is no {kind.noun} `{item.id}` to translate: a translation has its original's {how}")
        return None, None
    for line, message, their_line in kind.drift(item, original):
        report.error(line, "translation-drift",
                     message.replace("{original}", f"the original ({original.file}:{their_line})"))
    if report.has_errors:
        return None, original
    return kind.inherit(item, original), original


def check_version(path: Path, original_path: Path, original_name: str, report: Report) -> None:
    """`translation-of` must name a version; a different one than the
    original's now means the original changed since (a warning, with the fix)."""
    doc = load_document(path, Report(report.file))
    recorded = doc.front.data.get("translation-of") if doc and doc.front else None
    line = doc.front.key_lines.get("translation-of", 1) if doc and doc.front else 1
    current = version_of(original_path)
    if not isinstance(recorded, str) or not recorded.strip():
        report.error(line, "front-matter", "a translation needs `translation-of: VERSION`, the version of the "
                     f"original it was made from; for {original_name} as it is now, that is `{current}`")
    elif recorded.strip() != current:
        report.warn(line, "translation-stale",
                    f"the original {original_name} changed after this translation was made from it (version "
                    f"`{recorded.strip()}`, now `{current}`): bring the words up to date, then set "
                    f"`translation-of: {current}`")


def check_translations(libraries: list[LibraryFiles], originals: dict[str, tuple[Path, str]],
                       course: Course | None, only: set | None) -> list[Diagnostic]:
    """Every translation in every language, against its original (re-read
    one at a time, as `check` reads the originals). `originals` are the
    scenarios' (path, name) by id; sources are found here."""
    sources = {path.stem: (path, files.name(path)) for files in libraries for path in files.sources}
    found: list[Diagnostic] = []
    for files in libraries:
        for lang in languages(files.root):
            course_file = files.root / lang / "course.md"
            if course_file.is_file() and only is None and course is not None:
                report = Report(files.name(course_file))
                translate_course(course_file, course, report)
                found.extend(report.items)
            for kind, known in ((SCENARIOS, originals), (SOURCES, sources)):
                found.extend(check_kind(files, lang, kind, known, only))
    return found


def check_kind(files: LibraryFiles, lang: str, kind: Kind, known: dict[str, tuple[Path, str]],
               only: set | None) -> list[Diagnostic]:
    """Every translation of one kind in one language of a library, against
    the originals `known` by id as (path, name); with `only`, those named
    and those of the originals named."""
    found: list[Diagnostic] = []
    for path in translation_files(files, lang, kind.folder):
        if only is None or path.resolve() in only or _original_in(path, known, only):
            found.extend(_check_one(path, files.name(path), kind, known))
    return found


def _check_one(path: Path, name: str, kind: Kind, known: dict[str, tuple[Path, str]]) -> list[Diagnostic]:
    report = Report(name)

    def original_of(item_id: str):
        return kind.parse(*known[item_id], Report(known[item_id][1])) if item_id in known else None

    _, original = read_translation(path, report, original_of, kind)
    if original is not None:
        check_version(path, *known[original.id], report)
    return report.items


def _original_in(path: Path, originals: dict, only: set) -> bool:
    """Checking an original also checks its translations (named as it is)."""
    entry = originals.get(path.stem)
    return entry is not None and entry[0].resolve() in only


def translate_course(path: Path, course: Course, report: Report) -> Course | None:
    """The course's titles and welcome in another language: the same modules in
    the same order and the same skills, each as good in the same direction."""
    translated = parse_course(path, report.file, report)
    if translated is None or report.has_errors:
        return None
    theirs = f"the original ({course.file})"
    if [m.id for m in translated.modules] != [m.id for m in course.modules]:
        report.error(1, "translation-drift", f"the modules are {', '.join(m.id for m in translated.modules)} but "
                     f"in {theirs} they are {', '.join(m.id for m in course.modules)}, in that order")
    for skill in translated.skills.values():
        original = course.skills.get(skill.id)
        if original is None or original.good != skill.good:
            report.error(translated.skill_lines.get(skill.id, 1), "translation-drift",
                         f"skill `{skill.id}` is not declared with `good: {skill.good}` in {theirs}")
    for skill_id in course.skills:
        if skill_id not in translated.skills:
            report.error(1, "translation-drift", f"skill `{skill_id}` of {theirs} is missing")
    return None if report.has_errors else translated


class Translated(Mapping):
    """Scenarios by id: the translation where one is sound, else the original."""

    def __init__(self, originals: Mapping, translations: dict[str, Scenario]):
        self.originals, self.translations = originals, translations

    def __getitem__(self, key):
        return self.translations[key] if key in self.translations else self.originals[key]

    def __contains__(self, key) -> bool:
        return key in self.originals

    def __iter__(self):
        return iter(self.originals)

    def __len__(self) -> int:
        return len(self.originals)


def translate(library, libraries: list[LibraryFiles], lang: str) -> None:
    """Give a loaded library the words of `lang` wherever a sound translation
    exists, scenario by scenario and source by source; the rest stays in the
    original language (`library.untranslated` names the scenarios)."""
    originals = library.scenarios
    translations: dict[str, Scenario] = {}
    sources: dict[str, Source] = {}
    for files in libraries:
        course_file = files.root / lang / "course.md"
        if course_file.is_file() and library.course is not None:
            library.course = translate_course(course_file, library.course, Report(str(course_file))) or library.course
        for kind, found, known in ((SCENARIOS, translations, originals), (SOURCES, sources, library.sources)):
            for path in translation_files(files, lang, kind.folder):
                item, _ = read_translation(path, Report(files.name(path)), known.get, kind)
                if item is not None:
                    found[item.id] = item
    library.scenarios = Translated(originals, translations)
    library.sources = {**library.sources, **sources}
    library.cards = {i: replace(c, title=translations[i].title) if i in translations else c
                     for i, c in library.cards.items()}
    library.untranslated = [i for i in library.cards if i not in translations]
