"""Opening the progress file safely. WAL with a full sync per commit, so a
killed process loses at most the step it was writing; foreign keys on; a
busy timeout so two windows can share the file. A damaged or foreign file is
moved aside (never deleted) and a fresh one started; before a migration the
file is copied and the copy verified. A folder that cannot be used (read-only,
locked, a folder where the file should be) is an UnusableFolder with a plain
message, never mistaken for damage."""

import os
import sqlite3
import tempfile
from pathlib import Path

from ..locations import UnusableFolder, make_private, private_dir, sync_folder, unusable
from .copies import SIDE_FILES, backups_of, free_name, leftovers, move_aside, remove_leftovers
from .schema import APPLICATION_ID, MIGRATIONS

BUSY_TIMEOUT_MS = 10_000
DAMAGE = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


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
        try:
            return _open_checked(path, migrations, verify), None
        except (Unusable, sqlite3.DatabaseError) as err:
            if not is_damage(err):
                raise
            moved = move_aside(path)
            notice = (f"Your saved progress could not be read ({reason(err)}). The old file was kept as "
                      f"{moved.name} in {path.parent}, and a fresh one was started.")
            return _open_checked(path, migrations, verify), notice
    except OSError as err:
        raise unusable(Path(err.filename or path), err.errno) from None
    except sqlite3.DatabaseError as err:
        raise folder_problem(path, err) from None


def is_damage(err: Exception) -> bool:
    """Damage (or a stranger's file) rather than a folder SQLite could not write in."""
    return isinstance(err, Unusable) or (isinstance(err, sqlite3.DatabaseError)
                                         and (getattr(err, "sqlite_errorcode", 0) & 0xFF) in DAMAGE)


def folder_problem(path: Path, err: sqlite3.DatabaseError) -> UnusableFolder:
    """SQLite says only "unable to open" or "readonly": creating a file where it
    must (its -wal and -shm) tells what the operating system objects to."""
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.probe-"):
            pass
    except OSError as probe:
        return unusable(path.parent, probe.errno)
    return unusable(path, None, reason(err))


def reason(err: Exception) -> str:
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
            check_file(conn, len(migrations), verify)
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


def check_file(conn: sqlite3.Connection, known_versions: int, verify: bool) -> None:
    """Ours, not from a newer version, and (with `verify`) undamaged."""
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


def migrate(conn: sqlite3.Connection, path: Path | None, migrations) -> None:
    """Run the migrations not yet run, all in one transaction; a file with data
    is backed up (and the copy checked) first. Debris of a killed backup is
    cleared under the same write lock, so no other window is making one."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= len(migrations) and not (path and leftovers(path)):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if path is not None:
            remove_leftovers(path)
        # another window may have migrated while we waited for the lock
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if 0 < version < len(migrations):
            backup(conn, path, version)
        for number in range(version + 1, len(migrations) + 1):
            for statement in migrations[number - 1]:
                conn.execute(statement)
        if version < len(migrations):
            conn.execute(f"PRAGMA user_version = {len(migrations)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """A verified copy of the file as it is, before it changes shape. It is made
    under a temporary name and renamed once verified, so a `.bak` is always
    whole; a copy already made of this version with the same rows is reused
    (a start after a failed migration does not copy the file again). The
    caller holds the write lock, so the file is still while it is copied."""
    counts = _counts(conn)
    for existing in reversed(backups_of(path, version)):
        if _holds(existing, version, counts):
            return existing
    target = free_name(path, f"v{version}", ".bak")
    temporary = target.with_name(target.name + ".tmp")
    try:
        make_private(temporary)
        _copy(path, temporary, version, counts)
        os.replace(temporary, target)
    except BaseException:
        for suffix in ("", "-journal") + SIDE_FILES:
            Path(f"{temporary}{suffix}").unlink(missing_ok=True)
        raise
    sync_folder(path.parent)
    return target


def _copy(path: Path, temporary: Path, version: int, counts: dict) -> None:
    source = sqlite3.connect(path)  # a second connection reads the committed file under the caller's lock
    copy = sqlite3.connect(temporary, isolation_level=None)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")  # opening the copy later leaves no -wal or -shm beside it
        if copy.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupFailed(f"the backup copy {temporary.name} did not verify")
        if copy.execute("PRAGMA user_version").fetchone()[0] != version or _counts(copy) != counts:
            raise BackupFailed(f"the backup copy {temporary.name} does not match the file")
    finally:
        copy.close()
        source.close()


def _holds(backup_path: Path, version: int, counts: dict) -> bool:
    """A finished backup of this version with these rows (read as immutable: it is never written)."""
    try:
        copy = sqlite3.connect(f"{backup_path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        return copy.execute("PRAGMA user_version").fetchone()[0] == version and _counts(copy) == counts
    except sqlite3.Error:
        return False
    finally:
        copy.close()


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
