"""Old copies of the progress file beside it: backups made before a
migration (`progress.sqlite3.v1-<time>.bak`), damaged files moved aside
(`.damaged-<time>`), and what a killed backup leaves (a `.bak.tmp`, and
`-journal`, `-wal`, `-shm` files SQLite made for a copy). One place knows
these names, so `forget` finds every copy and start-up clears the debris."""

import os
import re
import time
from pathlib import Path

SIDE_FILES = ("-wal", "-shm")
_BACKUP = r"v\d+-[\d-]+\.bak"
_SIDE = r"(?:-wal|-shm|-journal)"
# every old copy of the data, with any side file SQLite made for it
_COPY = re.compile(rf"(?:{_BACKUP}(?:\.tmp)?|damaged-[\d-]+){_SIDE}?")
# debris: a backup that was never verified, and side files of a backup (never written once renamed).
# A damaged file's -wal and -shm are not debris: they hold part of its data.
_LEFTOVER = re.compile(rf"{_BACKUP}(?:\.tmp{_SIDE}?|{_SIDE})")


def _named(database: Path, pattern: re.Pattern) -> list[Path]:
    prefix = database.name + "."
    try:
        names = os.listdir(database.parent)
    except OSError:
        return []
    return sorted(database.parent / name for name in names
                  if name.startswith(prefix) and pattern.fullmatch(name[len(prefix):]))


def copies(database: Path) -> list[Path]:
    """Backups, damaged files moved aside, and their debris: everything that holds old data."""
    return _named(database, _COPY)


def leftovers(database: Path) -> list[Path]:
    return _named(database, _LEFTOVER)


def remove_leftovers(database: Path) -> None:
    """Only while holding the database's write lock: then no other window is making a backup."""
    for path in leftovers(database):
        path.unlink(missing_ok=True)


def backups_of(database: Path, version: int) -> list[Path]:
    """Finished backups of this schema version, oldest first."""
    pattern = re.compile(rf"v{version}-[\d-]+\.bak")
    return sorted(_named(database, pattern), key=lambda p: p.stat().st_mtime)


def free_name(database: Path, kind: str, suffix: str = "") -> Path:
    """`<database>.<kind>-<time><suffix>`, with a counter if that is taken."""
    stem = f"{database.name}.{kind}-{time.strftime('%Y%m%d-%H%M%S')}"
    target, counter = database.with_name(stem + suffix), 1
    while os.path.lexists(target):
        counter += 1
        target = database.with_name(f"{stem}-{counter}{suffix}")
    return target


def move_aside(path: Path) -> Path:
    """Rename the file (and its WAL and shared-memory files) out of the way."""
    target = free_name(path, "damaged")
    for suffix in ("",) + SIDE_FILES:
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    return target
