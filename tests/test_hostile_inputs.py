"""No input makes any command print a traceback or hang, and content never
executes."""

import os
import time

import pytest

from helpers import TEST_LIBRARY, rehearse

FRONT = "---\ntitle: T\nmodule: basics\n---\n\n"

HOSTILE = {
    "empty": b"",
    "binary": bytes(range(256)) * 20,
    "over-cap": (FRONT + "## A\n\n" + "word " * 60_000).encode(),
    "latin-1": (FRONT + "## Caf\xe9\n\n`end: success`\n").encode("latin-1"),
    "nul": FRONT.encode() + b"## A\n\x00\n",
    "nested-quotes": (FRONT + "## A\n\n" + ">" * 100_000 + " hi\n").encode(),
    "brackets": (FRONT + "## A\n\n" + "[" * 200_000 + "\n").encode(),
    "images": (FRONT + "## A\n\n" + "![" * 100_000 + "\n").encode(),
    "heading-brackets": (FRONT + "## " + "[" * 200_000 + "\n").encode(),
    "alias-bomb": ("---\ntitle: T\nmodule: basics\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                   "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n## A\n").encode(),
    "deep-yaml": ("---\ntitle: " + "[" * 100_000 + "\n---\n").encode(),
    "long-condition": (FRONT + "## A\n\n- [x](#a) `if " + "(" * 50_000 + "`\n").encode(),
    "crlf-bom": b"\xef\xbb\xbf" + (FRONT + "## A\n\n`end: success`\n").replace("\n", "\r\n").encode(),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_gets_a_clear_answer(tmp_path, name):
    path = tmp_path / f"{name}.md"
    path.write_bytes(HOSTILE[name])
    started = time.perf_counter()
    result = rehearse("check", "--content", str(TEST_LIBRARY), str(path), timeout=30)
    assert time.perf_counter() - started < 30
    assert "Traceback" not in result.stderr + result.stdout
    if name == "crlf-bom":
        assert result.returncode == 0, result.stdout
        return
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}:") and first.split(":")[1].isdigit(), first


def test_python_tags_and_imports_run_nothing(tmp_path):
    marker = tmp_path / "PWNED"
    tag = tmp_path / "tag.md"
    tag.write_text(f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\nmodule: basics\n---\n## A\n")
    imp = tmp_path / "imp.md"
    imp.write_text(FRONT + f"## A\n\n- [go](#b) `if __import__('os').system('touch {marker}')`\n- [b](#b)\n\n## B\n\n`end: success`\n")
    for path in (tag, imp):
        result = rehearse("check", "--content", str(TEST_LIBRARY), str(path))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        result = rehearse("play", str(path), "--script", "1", "--json")
        assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not marker.exists()
    assert "front-matter" in rehearse("check", "--content", str(TEST_LIBRARY), str(tag)).stdout
    assert "bad-directive" in rehearse("check", "--content", str(TEST_LIBRARY), str(imp)).stdout


def _copy_library(tmp_path):
    import shutil

    folder = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, folder)
    return folder


def test_symlink_loop_and_fifo_in_library(tmp_path):
    folder = _copy_library(tmp_path)
    os.symlink("..", folder / "scenarios" / "basics" / "loop")
    os.symlink("nowhere.md", folder / "scenarios" / "basics" / "dangling.md")
    os.mkfifo(folder / "scenarios" / "basics" / "pipe.md")
    result = rehearse("check", str(folder), timeout=30)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_and_folder(tmp_path):
    folder = _copy_library(tmp_path)
    locked = folder / "scenarios" / "locked"
    locked.mkdir()
    secret = folder / "scenarios" / "basics" / "secret.md"
    secret.write_text(FRONT)
    secret.chmod(0)
    locked.chmod(0)
    try:
        result = rehearse("check", str(folder))
    finally:
        locked.chmod(0o700)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "scenarios/basics/secret.md:1: encoding: cannot read" in result.stdout
    assert "scenarios/locked:1: encoding: cannot read this folder" in result.stdout


def test_unreadable_file_reported_even_as_root(tmp_path, monkeypatch):
    """Root reads anything, so simulate the refusal at the reader."""
    from bot.content import reader
    from bot.content.diagnostics import Report

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reader.os, "open", refuse)
    report = Report("x.md")
    assert reader.read_text(tmp_path / "x.md", report) is None
    assert [str(d) for d in report.items] == ["x.md:1: encoding: cannot read the file: Permission denied"]


def test_unreadable_folder_reported_even_as_root(tmp_path, monkeypatch):
    from bot.content import files

    folder = _copy_library(tmp_path)
    real_scandir = files.os.scandir

    def scandir(path):
        if str(path).endswith("basics"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    scanned = files.scan_library(folder)
    assert [str(d) for d in scanned.problems] == ["scenarios/basics:1: encoding: cannot read this folder: Permission denied"]
