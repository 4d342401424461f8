"""The progress file: durable settings, private permissions, migrations with
a verified backup, recovery from a damaged or foreign file, two writers."""

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest

from bot.progress import db as progress_db
from bot.progress.schema import MIGRATIONS
from bot.progress.store import Step, Store


def fill(store: Store) -> int:
    profile = store.create_profile("Sam", "UK")
    playthrough = store.begin(profile.id, "lend", "the-call", {})
    store.record_step(playthrough, Step(1, "the-call", 0, "sponsor"), {"boundaries": 1})
    return playthrough


def test_the_connection_is_durable_and_strict(rehearse_home):
    store = Store.open()
    pragma = lambda name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == progress_db.BUSY_TIMEOUT_MS
    assert pragma("user_version") == len(MIGRATIONS)
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute("INSERT INTO playthroughs (profile_id, scenario, node, started_at, updated_at) "
                           "VALUES (99, 'x', 'y', 0, 0)")
    store.close()


def test_database_wal_and_exports_are_private_whatever_the_umask(rehearse_home):
    old = os.umask(0)
    try:
        store = Store.open()
        fill(store)
        names = ["progress.sqlite3", "progress.sqlite3-wal", "progress.sqlite3-shm"]
        modes = {name: stat.S_IMODE((rehearse_home / name).stat().st_mode) for name in names}
        store.close()
    finally:
        os.umask(old)
    assert modes == dict.fromkeys(names, 0o600)
    assert stat.S_IMODE(rehearse_home.stat().st_mode) == 0o700


def corrupt(path):
    """Scribble over the middle of the file, as a failing disk might."""
    data = bytearray(path.read_bytes())
    data[100:4096] = os.urandom(3996)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["scribbled", "not a database", "foreign database", "truncated"])
def test_a_damaged_or_foreign_file_is_moved_aside_and_nothing_else_is_lost(rehearse_home, damage):
    store = Store.open()
    fill(store)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = rehearse_home / "progress.sqlite3"
    keep = rehearse_home / "exports"
    keep.mkdir()
    (keep / "debrief.txt").write_text("mine")
    if damage == "scribbled":
        corrupt(path)
    elif damage == "not a database":
        path.write_text("these are my notes, not a database\n" * 200)
    elif damage == "foreign database":
        path.unlink()
        other = sqlite3.connect(path)
        other.execute("CREATE TABLE recipes (name TEXT)")
        other.execute("INSERT INTO recipes VALUES ('soup')")
        other.commit()
        other.close()
    else:
        path.write_bytes(path.read_bytes()[:1500])
    before = path.read_bytes()

    store = Store.open()

    assert store.profile() is None  # a fresh, working file
    fill(store)
    store.close()
    [moved] = rehearse_home.glob("progress.sqlite3.damaged-*")
    assert moved.read_bytes() == before  # kept, byte for byte
    assert "could not be read" in store.notice and moved.name in store.notice
    assert "a fresh one was started" in store.notice
    assert (keep / "debrief.txt").read_text() == "mine"
    assert Store.open().notice is None  # the fresh file is healthy next time


def test_an_empty_file_is_simply_started(rehearse_home):
    rehearse_home.mkdir()
    (rehearse_home / "progress.sqlite3").write_bytes(b"")
    store = Store.open()
    assert store.notice is None and store.profile() is None
    store.close()


def test_a_file_from_a_newer_version_is_left_untouched(rehearse_home):
    store = Store.open()
    store.conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    store.close()
    path = rehearse_home / "progress.sqlite3"
    before = path.read_bytes()
    with pytest.raises(progress_db.NewerDatabase, match="newer version"):
        Store.open()
    assert path.read_bytes() == before
    assert not list(rehearse_home.glob("*.damaged-*"))


def test_a_migration_runs_after_a_verified_backup(rehearse_home):
    store = Store.open()
    fill(store)
    store.close()
    extra = MIGRATIONS + (("ALTER TABLE profiles ADD COLUMN pronouns TEXT NOT NULL DEFAULT ''",),)
    old = os.umask(0)
    try:
        conn, notice = progress_db.open_database(rehearse_home / "progress.sqlite3", extra)
    finally:
        os.umask(old)
    assert notice is None
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(extra)
    assert conn.execute("SELECT name, pronouns FROM profiles").fetchall() == [("Sam", "")]
    conn.close()
    [backup] = rehearse_home.glob(f"progress.sqlite3.v{len(MIGRATIONS)}-*.bak")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert copy.execute("SELECT count(*) FROM steps").fetchone()[0] == 1
    copy.close()


def test_a_failing_migration_changes_nothing(rehearse_home):
    store = Store.open()
    fill(store)
    store.close()
    broken = MIGRATIONS + (("ALTER TABLE profiles ADD COLUMN a TEXT", "THIS IS NOT SQL"),)
    with pytest.raises(progress_db.MigrationFailed, match="left as it was"):
        progress_db.open_database(rehearse_home / "progress.sqlite3", broken)
    assert not list(rehearse_home.glob("*.damaged-*"))
    store = Store.open()
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert "a" not in [row[1] for row in store.conn.execute("PRAGMA table_info(profiles)")]
    assert store.profile().name == "Sam"
    store.close()


WRITER = textwrap.dedent("""
    import sys
    from bot.progress.store import Step, Store
    store = Store.open()
    profile = store.profile() or store.create_profile("", "")
    playthrough = store.begin(profile.id, sys.argv[1], "start", {})
    for number in range(1, 201):
        store.record_step(playthrough, Step(number, "a", 0, "b"), {"calm": number})
    store.close()
""")


def test_two_instances_writing_at_once_do_not_corrupt_the_file(rehearse_home):
    Store.open().create_profile("Sam", "UK")
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, name], env=os.environ.copy())
               for name in ("one", "two")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    store = Store.open()
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    counts = dict(store.conn.execute("SELECT p.scenario, count(*) FROM steps s JOIN playthroughs p "
                                     "ON p.id = s.playthrough_id GROUP BY p.scenario").fetchall())
    assert counts == {"one": 200, "two": 200}
    store.close()
