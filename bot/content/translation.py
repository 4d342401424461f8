"""A course in another language is a translation of the original, never a
second course: `<library>/<lang>/scenarios/<module>/<id>.md` holds the words of
scenario <id> in <lang>, and `<library>/<lang>/course.md` the course's titles
and welcome text. The structure always comes from the original (`drift`
proves the translation's is the same), so play, scores and transcripts are
identical in every language."""

import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from .course_parser import parse_course
from .diagnostics import Diagnostic, Report
from .document import load_document
from .drift import INHERITED_KEYS, drift
from .files import LibraryFiles, markdown_files
from .model import Course, Scenario
from .reader import read_text
from .scenario_parser import scenario_from_document

ORIGINAL_LANGUAGE = "en"  # the language the built-in course is written in
_LANGUAGE = re.compile(r"[a-z]{2}")
VERSION_LENGTH = 12


def is_language(code: str) -> bool:
    """A two-letter language code, as the translation folders are named."""
    return bool(_LANGUAGE.fullmatch(code))


def languages(root: Path) -> list[str]:
    """The languages a library folder holds translations for."""
    try:
        folders = sorted(p for p in root.iterdir() if is_language(p.name) and p.is_dir())
    except OSError:
        return []
    return [p.name for p in folders if (p / "scenarios").is_dir() or (p / "course.md").is_file()]


def is_translation_folder(folder: Path) -> bool:
    """`<library>/<lang>`: not a library of its own, though it may hold a course.md."""
    return is_language(folder.name) and (folder.parent / "course.md").is_file()


def version_of(path: Path) -> str | None:
    """The version a translation records: the start of the SHA-256 of the
    original's text (line endings normalised, so a checkout's CRLF is the
    same file), marked so that YAML never reads it as a number."""
    text = read_text(path, Report(str(path)))
    if text is None:
        return None
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:VERSION_LENGTH]


def translation_files(files: LibraryFiles, lang: str) -> list[Path]:
    folder = files.root / lang / "scenarios"
    return markdown_files(folder, files) if folder.is_dir() else []


def read_translation(path: Path, report: Report, original_of) -> tuple[Scenario | None, Scenario | None]:
    """(translation as played, original), after reporting every drift. The
    translation is None when it has errors; `original_of(id)` finds the
    original scenario (None if there is none)."""
    doc = load_document(path, report)
    if doc is None:
        return None, None
    scenario = scenario_from_document(doc, path, report.file, report, translation=True)
    if scenario is None:
        return None, None
    original = original_of(scenario.id)
    if original is None:
        report.error(scenario.key_lines.get("id", 1), "translation-drift",
                     f"there is no scenario `{scenario.id}` to translate: a translation has its original's "
                     "file name (or `id`)")
        return None, None
    for line, message, their_line in drift(scenario, original):
        report.error(line, "translation-drift",
                     message.replace("{original}", f"the original ({original.file}:{their_line})"))
    if report.has_errors:
        return None, original
    return replace(scenario, **{key: getattr(original, key) for key in INHERITED_KEYS}), original


def check_version(path: Path, original: Scenario, report: Report) -> None:
    """`translation-of` must name a version; a different one than the
    original's now means the original changed since (a warning, with the fix)."""
    doc = load_document(path, Report(report.file))
    recorded = doc.front.data.get("translation-of") if doc and doc.front else None
    line = doc.front.key_lines.get("translation-of", 1) if doc and doc.front else 1
    current = version_of(original.path)
    if not isinstance(recorded, str) or not recorded.strip():
        report.error(line, "front-matter", "a translation needs `translation-of: VERSION`, the version of the "
                     f"original it was made from; for {original.file} as it is now, that is `{current}`")
    elif recorded.strip() != current:
        report.warn(line, "translation-stale",
                    f"the original {original.file} changed after this translation was made from it (version "
                    f"`{recorded.strip()}`, now `{current}`): bring the words up to date, then set "
                    f"`translation-of: {current}`")


def check_translations(libraries: list[LibraryFiles], originals: dict[str, tuple[Path, str]],
                       course: Course | None, only: set | None) -> list[Diagnostic]:
    """Every translation in every language, against its original (re-read
    one at a time, as `check` reads the originals)."""
    from .scenario_parser import parse_scenario

    found: list[Diagnostic] = []
    for files in libraries:
        for lang in languages(files.root):
            course_file = files.root / lang / "course.md"
            if course_file.is_file() and only is None and course is not None:
                report = Report(files.name(course_file))
                translate_course(course_file, course, report)
                found.extend(report.items)
            for path in translation_files(files, lang):
                report = Report(files.name(path))

                def original_of(scenario_id: str) -> Scenario | None:
                    if scenario_id not in originals:
                        return None
                    original_path, name = originals[scenario_id]
                    return parse_scenario(original_path, name, Report(name))

                if only is None or path.resolve() in only or _original_in(path, originals, only):
                    _, original = read_translation(path, report, original_of)
                    if original is not None:
                        check_version(path, original, report)
                found.extend(report.items)
    return found


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
    exists; the rest stays in the original language (`library.untranslated`)."""
    originals = library.scenarios
    translations: dict[str, Scenario] = {}
    for files in libraries:
        course_file = files.root / lang / "course.md"
        if course_file.is_file() and library.course is not None:
            library.course = translate_course(course_file, library.course, Report(str(course_file))) or library.course
        for path in translation_files(files, lang):
            scenario, _ = read_translation(path, Report(files.name(path)),
                                           lambda scenario_id: originals[scenario_id] if scenario_id in originals else None)
            if scenario is not None:
                translations[scenario.id] = scenario
    library.scenarios = Translated(originals, translations)
    library.cards = {i: replace(c, title=translations[i].title) if i in translations else c
                     for i, c in library.cards.items()}
    library.untranslated = [i for i in library.cards if i not in translations]
