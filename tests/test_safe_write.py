"""Writing files that are not ours: a device or a pipe given as --output is
written to as it is (its mode never changes), a symbolic link is refused, an
existing file keeps its mode and is replaced whole, and a write cut short
leaves the old file intact with no half file under its name. Every path
here is in a temporary folder: the real /dev/null is never touched."""

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import threading

import pytest

from bot import locations
from bot.cli import main
from bot.progress.store import Store

from applib import TEST_LIBRARY
from helpers import REPO

needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="making a device node needs root")


@pytest.fixture
def saved(rehearse_home):
    store = Store.open()
    store.create_profile("Sam", "UK")
    store.close()


def _mode(path) -> int:
    return os.lstat(path).st_mode


def _files(folder) -> list[str]:
    return sorted(os.listdir(folder))


@needs_root
def test_a_device_given_as_output_keeps_its_mode(saved, tmp_path, capsys):
    """What `--output /dev/null` did to the machine: made it crw-------."""
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null, in our own folder
    os.chmod(device, 0o666)
    before = _mode(device)

    assert main(["export", "--output", str(device)]) == 0

    assert _mode(device) == before and stat.S_ISCHR(_mode(device))
    assert os.stat(device).st_rdev == os.makedev(1, 3)
    assert _files(tmp_path) == ["null", "rehearse-home"]  # no temporary file beside it
    assert "only you can read it" not in capsys.readouterr().out


def test_a_pipe_given_as_output_is_written_as_it_is(saved, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o644)
    os.chmod(fifo, 0o644)
    received = []

    def read():
        with open(fifo, encoding="utf-8") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert main(["export", "--output", str(fifo)]) == 0
    reader.join(timeout=10)

    assert [p["name"] for p in json.loads(received[0])["profiles"]] == ["Sam"]
    assert stat.S_ISFIFO(_mode(fifo)) and stat.S_IMODE(_mode(fifo)) == 0o644


@pytest.mark.parametrize("command", [["export"], ["report", "--content", str(TEST_LIBRARY)],
                                     ["guide", "ninety-minutes"]])
def test_a_symbolic_link_given_as_output_is_refused(saved, tmp_path, capsys, command):
    target = tmp_path / "notes.txt"
    target.write_text("my own notes\n")
    os.chmod(target, 0o644)
    link = tmp_path / "out"
    link.symlink_to(target)

    assert main([*command, "--output", str(link)]) == 2

    err = capsys.readouterr().err
    assert "symbolic link" in err and str(link) in err and "went wrong inside" not in err
    assert target.read_text() == "my own notes\n" and stat.S_IMODE(_mode(target)) == 0o644
    assert link.is_symlink()
    assert _files(tmp_path) == ["notes.txt", "out", "rehearse-home"]


def test_an_existing_file_keeps_its_mode_and_is_replaced_whole(saved, tmp_path, capsys):
    existing = tmp_path / "export.json"
    existing.write_text("x" * 100_000)  # longer than the export: nothing of it may remain
    os.chmod(existing, 0o640)

    assert main(["export", "--output", str(existing)]) == 0

    assert stat.S_IMODE(_mode(existing)) == 0o640
    assert json.loads(existing.read_text())["profiles"][0]["name"] == "Sam"
    assert "only you can read it" not in capsys.readouterr().out  # it is not: it kept its mode
    assert _files(tmp_path) == ["export.json", "rehearse-home"]


def test_a_new_file_is_private(saved, tmp_path, capsys):
    old = os.umask(0)
    try:
        assert main(["export", "--output", str(tmp_path / "new.json")]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(_mode(tmp_path / "new.json")) == 0o600
    assert "(only you can read it)" in capsys.readouterr().out


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_write_cut_short_leaves_the_old_file_whole(tmp_path, monkeypatch, failing):
    old = tmp_path / "report.md"
    old.write_text("the report I printed last week\n")

    def cut_short(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, failing, cut_short)
    with pytest.raises(OSError):
        locations.write_private(old, "a new report, much longer than the old one\n" * 1000)

    assert old.read_text() == "the report I printed last week\n"
    assert _files(tmp_path) == ["report.md"]  # the temporary file is gone too


KILLED_WRITER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from bot import locations
    real_fsync = os.fsync
    def killed(fd):
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGKILL)  # as a power cut or `kill -9` would, before the rename
    os.fsync = killed
    locations.write_private(Path(sys.argv[1]), '{"profiles": [' + '{"name": "x"}, ' * 200000 + ']}')
""")


def test_a_kill_during_a_write_leaves_the_old_file_and_no_half_file(tmp_path):
    export = tmp_path / "export.json"
    export.write_text('{"profiles": []}\n')
    result = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(export)], cwd=REPO, timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert export.read_text() == '{"profiles": []}\n'
    others = [name for name in _files(tmp_path) if name != "export.json"]
    # at most a hidden temporary file, never half a file under the final name
    assert all(name.startswith(".export.json.") and name.endswith(".tmp") for name in others)


def test_write_new_never_replaces_anything(tmp_path):
    path = tmp_path / "new.md"
    locations.write_new(path, "first\n")
    assert stat.S_IMODE(_mode(path)) == 0o600
    with pytest.raises(FileExistsError):
        locations.write_new(path, "second\n")
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "elsewhere.md")  # a dangling link: nothing is created through it
    with pytest.raises(FileExistsError):
        locations.write_new(link, "third\n")
    assert path.read_text() == "first\n" and not (tmp_path / "elsewhere.md").exists()
    assert _files(tmp_path) == ["link.md", "new.md"]


def test_a_transcript_in_a_shared_library_that_is_a_link_is_not_written_through(tmp_path, capsys):
    """A library cloned from someone else could hold a transcript that links to a file of yours."""
    library = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, library)
    victim = tmp_path / "bashrc"
    victim.write_text("export PATH\n")
    (library / "transcripts" / "lend").mkdir(parents=True)
    (library / "transcripts" / "lend" / "mine.json").symlink_to(victim)

    assert main(["--content", str(library), "record", "lend", "--script", "2", "--name", "mine", "--force"]) == 2

    err = capsys.readouterr().err
    assert "symbolic link" in err and "went wrong inside" not in err
    assert victim.read_text() == "export PATH\n"
