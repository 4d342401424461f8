"""Opening the progress file safely. WAL with a full sync per commit, so a
killed process loses at most the step it was writing; foreign keys on; a
busy timeout so two windows can share the file. A damaged or foreign file is
moved aside (never deleted) and a fresh one started; before a migration the
file is copied and the copy verified."""

import os
import sqlite3
import time
from pathlib import Path

from ..locations import make_private, private_dir
from .schema import APPLICATION_ID, MIGRATIONS

BUSY_TIMEOUT_MS = 10_000
SIDE_FILES = ("-wal", "-shm")


class Unusable(Exception):
    """The file is not a healthy database of ours."""


class CannotOpen(Exception):
    """The file is fine but this version cannot use it; it is left exactly as it was."""


class NewerDatabase(CannotOpen):
    """The file was written by a newer rehearse."""


class BackupFailed(CannotOpen):
    """The copy made before a migration did not verify."""


class MigrationFailed(CannotOpen):
    """A migration failed and was rolled back."""


def open_database(path: Path, migrations=MIGRATIONS, verify: bool = True) -> tuple[sqlite3.Connection, str | None]:
    """The connection, and a message for the user when the old file had to be moved aside.

    `verify` runs SQLite's quick_check, which reads the whole file; the app and
    anything that writes keep it on. A read-only command may skip it and meet
    damage as a sqlite3.DatabaseError instead."""
    private_dir(path.parent)
    try:
        return _open_checked(path, migrations, verify), None
    except (Unusable, sqlite3.DatabaseError) as err:
        moved = move_aside(path)
        notice = (f"Your saved progress could not be read ({_reason(err)}). The old file was kept as "
                  f"{moved.name} in {path.parent}, and a fresh one was started.")
        return _open_checked(path, migrations, verify), notice


def _reason(err: Exception) -> str:
    text = str(err).strip().rstrip(".")
    return text or type(err).__name__


def _open_checked(path: Path, migrations, verify: bool) -> sqlite3.Connection:
    """Damage shows up as Unusable or sqlite3.DatabaseError; a failed migration
    as MigrationFailed, which must not be mistaken for damage."""
    fresh = not path.exists() or path.stat().st_size == 0
    make_private(path)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        if not fresh:
            _check(conn, len(migrations), verify)
        _configure(conn)
        try:
            migrate(conn, path, migrations)
        except sqlite3.Error as err:
            raise MigrationFailed(f"updating your progress file failed ({err}); it was left as it was") from err
        for suffix in SIDE_FILES:
            side = Path(f"{path}{suffix}")
            if side.exists():
                os.chmod(side, 0o600)
        return conn
    except BaseException:
        conn.close()
        raise


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise Unusable(f"journal mode is {mode}")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _check(conn: sqlite3.Connection, known_versions: int, verify: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id != APPLICATION_ID and tables:
        raise Unusable("it belongs to another program")
    if verify and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise Unusable("the file is damaged")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > known_versions:
        raise NewerDatabase(f"your progress was saved by a newer version of rehearse (format {version}); "
                            f"please update rehearse to open it")


def migrate(conn: sqlite3.Connection, path: Path, migrations) -> None:
    """Run the migrations not yet run, each in its own transaction; a file with
    data is backed up (and the copy checked) first."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= len(migrations):
        return
    if version > 0:
        backup(conn, path, version)
    for number in range(version + 1, len(migrations) + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # another window may have migrated while we waited for the lock
            if conn.execute("PRAGMA user_version").fetchone()[0] >= number:
                conn.execute("ROLLBACK")
                continue
            for statement in migrations[number - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A verified copy of the file as it is, before it changes shape."""
    target = path.with_name(f"{path.name}.v{version}-{time.strftime('%Y%m%d-%H%M%S')}.bak")
    make_private(target)
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
        if copy.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupFailed(f"the backup copy {target.name} did not verify")
        if copy.execute("PRAGMA user_version").fetchone()[0] != version or _counts(copy) != _counts(conn):
            raise BackupFailed(f"the backup copy {target.name} does not match the file")
    finally:
        copy.close()
    return target


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def move_aside(path: Path) -> Path:
    """Rename the file (and its WAL and shared-memory files) out of the way."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    for suffix in ("",) + SIDE_FILES:
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    return target
