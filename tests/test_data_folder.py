"""A data folder that cannot be used gets its own plain message naming the
path and what to do (never a traceback, never "something went wrong inside
rehearse"): a folder where the progress file should be, a locked
(immutable) folder, a read-only disk. `export` and `report` read the
progress file without writing anything, so a locked USB stick can be read."""

import errno
import json
import os
import shutil
import subprocess

import pytest

from bot.cli import main
from bot.progress.store import Step, Store

from applib import TEST_LIBRARY

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
REPORT = ["report", "--content", str(TEST_LIBRARY)]


def _saved(home):
    store = Store.open()
    profile = store.create_profile("Sam", "UK")
    play = store.begin(profile.id, "door", "door", {})
    store.record_step(play, Step(1, "door", 0, "drive"), {"calm": 1})
    store.close()
    return home / "progress.sqlite3"


def _state(folder) -> dict:
    """Every file below folder with its size, mtime and bytes: what "nothing was written" means."""
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            info = os.stat(path)
            with open(path, "rb") as handle:
                found[path] = (info.st_size, info.st_mtime_ns, handle.read())
    return found


def _plain(err: str) -> bool:
    return "went wrong inside" not in err and "Traceback" not in err and "please report" not in err


@pytest.mark.parametrize("command", [[], ["play", "lend", "--plain", "--content", str(TEST_LIBRARY)],
                                     ["export"], REPORT, ["forget", "--yes"], ["forget", "--profile", "Sam", "--yes"]])
def test_a_folder_where_the_progress_file_should_be(rehearse_home, tmp_path, capsys, command):
    database = rehearse_home / "progress.sqlite3"
    database.mkdir(parents=True)
    (database / "mine.txt").write_text("not yours")

    argv = command[:1] + ["--output", str(tmp_path / "out")] + command[1:] if command[:1] in (["export"], ["report"]) \
        else command
    assert main(argv) == 1

    err = capsys.readouterr().err
    assert f"{database} is a folder" in err and "REHEARSE_HOME" in err and _plain(err)
    assert (database / "mine.txt").read_text() == "not yours"


@pytest.mark.parametrize("code, words", [(errno.EROFS, "read-only disk"), (errno.EPERM, "locked against changes"),
                                         (errno.EACCES, "not allowed to write"), (errno.ENOSPC, "is full"),
                                         (errno.EIO, "Input/output error")])
def test_each_reason_the_folder_cannot_be_written_has_its_own_message(rehearse_home, monkeypatch, capsys,
                                                                      code, words):
    """What the operating system says, as a sentence (the cases below meet the real thing where they can)."""
    def refused(path):
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr("bot.progress.db.make_private", refused)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert words in err and str(rehearse_home) in err and _plain(err)


@pytest.fixture
def locked_home(rehearse_home):
    """The data folder locked against changes: immutable as root (chattr +i,
    which root cannot bypass), read-only permissions otherwise."""
    _saved(rehearse_home)
    if IS_ROOT:
        if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(rehearse_home)],
                                                        capture_output=True).returncode:
            pytest.skip("chattr +i is not available here")
        yield rehearse_home, "chattr -i"
        subprocess.run(["chattr", "-i", str(rehearse_home)], check=True)
    else:
        os.chmod(rehearse_home, 0o500)
        yield rehearse_home, "chmod u+rwx"
        os.chmod(rehearse_home, 0o700)


def test_a_locked_folder_is_named_with_what_to_do(locked_home, capsys):
    home, remedy = locked_home
    before = _state(home)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert str(home) in err and remedy in err and _plain(err)
    assert _state(home) == before


def test_a_locked_folder_can_still_be_exported_and_reported(locked_home, tmp_path):
    home, _ = locked_home
    before = _state(home)
    assert main(["export", "--output", str(tmp_path / "export.json")]) == 0
    assert main([*REPORT, "--output", str(tmp_path / "report.md")]) == 0
    assert json.loads((tmp_path / "export.json").read_text())["profiles"][0]["steps"][0]["target"] == "drive"
    assert "Sam" in (tmp_path / "report.md").read_text()
    assert _state(home) == before


@pytest.fixture
def read_only_disk(tmp_path, monkeypatch):
    """A real read-only file system (a tmpfs remounted read-only), as root where mounting is allowed."""
    if not IS_ROOT or not shutil.which("mount"):
        pytest.skip("mounting needs root")
    stick = tmp_path / "stick"
    stick.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(stick)], capture_output=True).returncode:
        pytest.skip("mount is not allowed here")
    try:
        home = stick / "rehearse"
        monkeypatch.setenv("REHEARSE_HOME", str(home))
        _saved(home)
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        yield home
    finally:
        subprocess.run(["umount", "-l", str(stick)], check=True)


def test_a_read_only_disk_is_named_and_can_still_be_read(read_only_disk, tmp_path, capsys):
    home = read_only_disk
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "read-only disk" in err and str(home) in err and "--output" in err and _plain(err)

    assert main(["export"]) == 1  # the exports folder is on the same disk: it says where else to write
    err = capsys.readouterr().err
    assert "read-only disk" in err and "--output" in err and _plain(err)

    assert main(["export", "--output", str(tmp_path / "export.json")]) == 0
    assert json.loads((tmp_path / "export.json").read_text())["profiles"][0]["name"] == "Sam"


def test_export_and_report_write_nothing_beside_the_progress_file(rehearse_home, tmp_path):
    _saved(rehearse_home)
    before = _state(rehearse_home)
    assert main(["export", "--output", str(tmp_path / "export.json")]) == 0
    assert main([*REPORT, "--output", str(tmp_path / "report.md")]) == 0
    assert _state(rehearse_home) == before  # no -wal, no -shm, not a byte changed


def test_export_reads_the_steps_an_open_window_has_not_yet_folded_in(rehearse_home, tmp_path):
    """While the app has the file open its latest steps are in the -wal: they are exported too."""
    _saved(rehearse_home)
    window = Store.open()
    try:
        profile = window.profile()
        play = window.begin(profile.id, "door", "door", {})
        window.record_step(play, Step(1, "door", 1, "hall"), {"calm": 2})
        assert (rehearse_home / "progress.sqlite3-wal").stat().st_size > 0
        assert main(["export", "--output", str(tmp_path / "export.json")]) == 0
    finally:
        window.close()
    steps = json.loads((tmp_path / "export.json").read_text())["profiles"][0]["steps"]
    assert sorted(step["target"] for step in steps) == ["drive", "hall"]


def test_export_with_nothing_saved_creates_nothing(rehearse_home, tmp_path):
    assert main(["export", "--output", str(tmp_path / "export.json")]) == 0
    assert json.loads((tmp_path / "export.json").read_text())["profiles"] == []
    assert not rehearse_home.exists()
