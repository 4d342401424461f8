"""Opening the progress file only to read it (`rehearse report`, `rehearse
export`): nothing beside it is created or changed, so a locked USB stick or a
copy on a read-only disk can be read. The whole-file check is skipped (it
grows with history); damage met later shows up as a sqlite3.DatabaseError."""

import errno
import sqlite3
from pathlib import Path

from ..locations import unusable
from .db import Unusable, check_file, is_damage, migrate, reason
from .schema import MIGRATIONS


class OlderDatabase(Exception):
    """The file needs updating (which writes) before this version can read it."""


def open_for_reading(path: Path, migrations=MIGRATIONS) -> sqlite3.Connection:
    """A read-only connection; with no file (or an empty one), an empty database
    of the current shape in memory. Raises Unusable for a damaged or foreign
    file (left as it is), NewerDatabase, OlderDatabase, or UnusableFolder."""
    if path.is_dir():
        raise unusable(path, errno.EISDIR)
    if not path.exists():
        return empty_database(migrations)
    # With a -wal beside it the file is in use, or holds its latest steps there: read
    # through it (SQLite uses the -wal and -shm already there). Without one nobody has it
    # open, and reading it as immutable creates no -wal or -shm.
    query = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?{query}", uri=True, isolation_level=None)
    except sqlite3.Error as err:
        raise unusable(path, None, reason(err)) from None
    try:
        check_file(conn, len(migrations), verify=False)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as err:
        conn.close()
        if is_damage(err):
            raise Unusable(reason(err)) from None
        raise unusable(path, None, reason(err)) from None
    except BaseException:
        conn.close()
        raise
    if version == 0:  # an empty file: nothing saved yet
        conn.close()
        return empty_database(migrations)
    if version < len(migrations):
        conn.close()
        raise OlderDatabase(f"your progress file was saved by an older rehearse (format {version}) "
                            "and needs updating before it can be read")
    return conn


def empty_database(migrations=MIGRATIONS) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, None, migrations)
    return conn
