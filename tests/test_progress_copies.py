"""Copies of the progress file: the backup before a migration is made under
a temporary name and renamed once verified; a kill during it leaves no
`.bak`, and what it left is cleared at the next start; a start after a failed
migration reuses the verified backup instead of copying the file again; and
`forget --yes` leaves nothing behind."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from bot.cli import main
from bot.progress import db as progress_db
from bot.progress.schema import MIGRATIONS
from bot.progress.store import Step, Store

from helpers import REPO

EXTRA = MIGRATIONS + (("ALTER TABLE profiles ADD COLUMN pronouns TEXT NOT NULL DEFAULT ''",),)
BROKEN = MIGRATIONS + (("ALTER TABLE profiles ADD COLUMN a TEXT", "THIS IS NOT SQL"),)


def _filled(rehearse_home):
    store = Store.open()
    profile = store.create_profile("Sam", "UK")
    play = store.begin(profile.id, "door", "door", {})
    store.record_step(play, Step(1, "door", 0, "drive", own_words="my words"), {"calm": 1})
    store.close()
    return rehearse_home / "progress.sqlite3"


def _names(folder) -> list[str]:
    return sorted(os.listdir(folder))


KILLED_BACKUP = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from bot.progress import db
    real_copy = db._copy
    def killed(*args):
        real_copy(*args)
        os.kill(os.getpid(), signal.SIGKILL)  # copied and verified, not yet renamed
    db._copy = killed
    extra = db.MIGRATIONS + (("ALTER TABLE profiles ADD COLUMN pronouns TEXT NOT NULL DEFAULT ''",),)
    db.open_database(Path(sys.argv[1]), extra)
""")


def test_a_kill_during_the_backup_leaves_no_bak_and_the_next_start_clears_it(rehearse_home):
    path = _filled(rehearse_home)
    result = subprocess.run([sys.executable, "-c", KILLED_BACKUP, str(path)], cwd=REPO, timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert not list(rehearse_home.glob("*.bak"))  # never a copy that was not verified under the final name
    assert list(rehearse_home.glob("*.bak.tmp"))

    conn, notice = progress_db.open_database(path, EXTRA)
    conn.close()

    assert notice is None
    [backup] = rehearse_home.glob("*.bak")
    assert not list(rehearse_home.glob("*.tmp*"))
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT own_words FROM steps").fetchall() == [("my words",)]
    copy.close()


def test_debris_of_backups_is_cleared_at_the_next_start_and_damaged_files_are_kept(rehearse_home):
    _filled(rehearse_home)
    stem = rehearse_home / "progress.sqlite3"
    debris = [".v1-20260101-000000.bak.tmp", ".v1-20260101-000000.bak.tmp-journal", ".v1-20250101-000000.bak-wal",
              ".v1-20250101-000000.bak-shm", ".v1-20250101-000000.bak-journal"]
    kept = [".v1-20250101-000000.bak", ".damaged-20250101-000000", ".damaged-20250101-000000-wal"]
    for suffix in debris + kept:
        (rehearse_home / f"{stem.name}{suffix}").write_bytes(b"old")

    Store.open().close()

    assert _names(rehearse_home) == sorted([stem.name] + [f"{stem.name}{s}" for s in kept])


def test_a_start_after_a_failed_migration_does_not_copy_the_file_again(rehearse_home):
    path = _filled(rehearse_home)
    with pytest.raises(progress_db.MigrationFailed):
        progress_db.open_database(path, BROKEN)
    [backup] = rehearse_home.glob("*.bak")
    made = backup.stat()
    for _ in range(2):
        with pytest.raises(progress_db.MigrationFailed):
            progress_db.open_database(path, BROKEN)
    assert list(rehearse_home.glob("*.bak")) == [backup]
    assert (backup.stat().st_ino, backup.stat().st_mtime_ns) == (made.st_ino, made.st_mtime_ns)

    store = Store.open()  # new progress since then: the next migration makes a copy of it
    store.create_profile("Ann", "UK")
    store.close()
    conn, _ = progress_db.open_database(path, EXTRA)
    conn.close()
    assert len(list(rehearse_home.glob("*.bak"))) == 2


def test_a_backup_opened_later_leaves_nothing_beside_it(rehearse_home):
    path = _filled(rehearse_home)
    conn, _ = progress_db.open_database(path, EXTRA)
    conn.close()
    [backup] = rehearse_home.glob("*.bak")
    copy = sqlite3.connect(backup)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copy.execute("SELECT count(*) FROM steps").fetchone()
    assert not list(rehearse_home.glob("*.bak-*"))
    copy.close()


def test_forget_everything_leaves_nothing(rehearse_home, capsys):
    path = _filled(rehearse_home)
    conn, _ = progress_db.open_database(path, EXTRA)  # a real backup
    conn.close()
    for suffix in (".v1-20250101-000000.bak-wal", ".v1-20250101-000000.bak-shm", ".v1-20260101-000000.bak.tmp",
                   ".damaged-20250101-000000", ".damaged-20250101-000000-wal"):
        (rehearse_home / f"{path.name}{suffix}").write_bytes(b"old words")
    (rehearse_home / "exports").mkdir()
    (rehearse_home / "exports" / ".report.md.x1y2.tmp").write_text("half a report")

    assert main(["forget", "--yes"]) == 0

    assert not [name for name in _names(rehearse_home) if name.startswith(path.name)]
    assert _names(rehearse_home / "exports") == []
    assert main(["forget", "--yes"]) == 0
    assert "There is no saved progress to delete." in capsys.readouterr().out


def test_forget_removes_copies_left_without_a_progress_file(rehearse_home):
    rehearse_home.mkdir()
    leftover = rehearse_home / "progress.sqlite3.v1-20250101-000000.bak"
    leftover.write_bytes(b"old words")
    assert main(["forget", "--yes"]) == 0
    assert not leftover.exists()
