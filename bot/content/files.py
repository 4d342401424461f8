"""Finding a library's files on disk without following a symlink loop or
stopping at an unreadable folder."""

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic


@dataclass
class LibraryFiles:
    root: Path
    label: str  # how file names of this library are shown: "" or "DIR/"
    course: Path | None
    sources: list[Path] = field(default_factory=list)
    scenarios: list[Path] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)

    def all_files(self) -> list[Path]:
        return ([self.course] if self.course else []) + self.sources + self.scenarios

    def name(self, path: Path) -> str:
        try:
            relative = path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
        return self.label + relative


def markdown_files(folder: Path, files: LibraryFiles) -> list[Path]:
    """Every .md file below folder, sorted, each real folder visited once."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as err:
            files.problems.append(Diagnostic(files.name(current), 1, "encoding",
                                             f"cannot read this folder: {err.strerror or err}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError as err:
                files.problems.append(Diagnostic(files.name(path), 1, "encoding", f"cannot read: {err.strerror or err}"))
                continue
            if is_dir:
                stack.append(path)
            elif entry.name.endswith(".md") and entry.is_file():
                found.append(path)
    return sorted(found)


def scan_library(root: Path, label: str = "") -> LibraryFiles:
    course = root / "course.md"
    files = LibraryFiles(root, label, course if course.is_file() else None)
    if (root / "sources").is_dir():
        files.sources = markdown_files(root / "sources", files)
    if (root / "scenarios").is_dir():
        files.scenarios = markdown_files(root / "scenarios", files)
    return files


def library_root_of(path: Path) -> Path | None:
    """The nearest folder at or above path that holds a course.md (a
    translation's folder, `<library>/es`, is part of the library above it)."""
    for folder in [path, *path.parents]:
        if (folder / "course.md").is_file() and not is_translation_folder(folder):
            return folder
    return None


ORIGINAL_LANGUAGE = "en"  # the language the built-in course is written in
_LANGUAGE = re.compile(r"[a-z]{2}")


def is_language(code: str) -> bool:
    """A two-letter language code, as the translation folders are named."""
    return bool(_LANGUAGE.fullmatch(code))


TRANSLATED_FOLDERS = ("scenarios", "sources", "workshops")  # under <library>/<lang>/, as under <library>/


def languages(root: Path) -> list[str]:
    """The languages a library folder holds translations for."""
    try:
        folders = sorted(p for p in root.iterdir() if is_language(p.name) and p.is_dir())
    except OSError:
        return []
    return [p.name for p in folders
            if any((p / folder).is_dir() for folder in TRANSLATED_FOLDERS) or (p / "course.md").is_file()]


def translation_files(files: LibraryFiles, lang: str, folder: str) -> list[Path]:
    """The translations in `lang` of one folder of a library (`scenarios`, `sources`, `workshops`)."""
    found = files.root / lang / folder
    return markdown_files(found, files) if found.is_dir() else []


def library_translation_files(files: LibraryFiles, lang: str) -> list[Path]:
    """Every file a library loaded in `lang` reads besides its originals
    (plans are not part of it): what a cache of that library depends on."""
    course = files.root / lang / "course.md"
    return ([course] if course.is_file() else []) + [path for folder in ("scenarios", "sources")
                                                     for path in translation_files(files, lang, folder)]


def is_translation_folder(folder: Path) -> bool:
    """`<library>/<lang>`: not a library of its own, though it may hold a course.md."""
    return is_language(folder.name) and (folder.parent / "course.md").is_file()


def original_of_translation(path: Path, folder: str, id_of: Callable[[Path], str | None]) -> tuple[str, Path] | None:
    """(language, original file) when `path` is a translation, below
    `<library>/<lang>/<folder>/`, and the file of the same id (by `id_of`) is
    below `<library>/<folder>/`; the original spelled the way `path` is
    (relative stays relative), so a message can tell the reader what to give
    instead of a file that only holds another language's words."""
    where = path.absolute()
    lang_folder = next((above for above in where.parents if is_translation_folder(above)), None)
    if lang_folder is None or not where.is_relative_to(lang_folder / folder):
        return None
    originals, wanted = lang_folder.parent / folder, id_of(path)
    found = markdown_files(originals, LibraryFiles(originals, "", None)) if wanted and originals.is_dir() else []
    original = next((candidate for candidate in found if id_of(candidate) == wanted), None)
    if original is None:
        return None
    return lang_folder.name, original if path.is_absolute() else Path(os.path.relpath(original))
