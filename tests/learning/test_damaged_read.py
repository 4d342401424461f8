"""Report and export only read, so they skip the whole-file check at open;
damage they meet later is reported in one plain line, never a traceback,
and the app still finds and moves the damaged file aside."""

import os
import sqlite3

import pytest

from bot.cli import main
from bot.progress.store import Step, Store

from .playing import SMALL_COURSE


def _filled(rehearse_home):
    store = Store.open()
    profile = store.create_profile("Sam", "UK")
    for number in range(300):
        play = store.begin(profile.id, "door", "door", {})
        store.record_step(play, Step(1, "door", 0, "drive", own_words="words " * 20), {"calm": 1})
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return rehearse_home / "progress.sqlite3"


def test_damage_met_while_reading_is_reported_plainly(rehearse_home, capsys):
    path = _filled(rehearse_home)
    data = bytearray(path.read_bytes())
    assert len(data) > 60_000
    data[-40_000:-20_000] = os.urandom(20_000)  # pages far from the header, as a failing disk might
    path.write_bytes(bytes(data))
    before = path.read_bytes()

    code = main(["export", "--output", "-"])

    err = capsys.readouterr().err
    assert code == 1 and "looks damaged" in err and "Traceback" not in err
    assert path.read_bytes() == before  # reading changed nothing
    store = Store.open()  # the app's open checks the whole file and moves it aside
    assert "could not be read" in store.notice
    store.close()


def test_report_and_export_skip_the_whole_file_check(rehearse_home, monkeypatch, tmp_path):
    _filled(rehearse_home)
    statements = []
    real_connect = sqlite3.connect

    def tracing_connect(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", tracing_connect)
    assert main(["export", "--output", str(tmp_path / "export.json")]) == 0
    assert not any("quick_check" in s for s in statements)
    Store.open().close()
    assert any("quick_check" in s for s in statements)


@pytest.mark.parametrize("command", [["export"], ["report", "--content", str(SMALL_COURSE)]])
def test_damage_found_at_open_is_said_and_nothing_is_written(rehearse_home, capsys, tmp_path, command):
    """Not an empty export with exit 0: the person rescuing their data is told
    what happened and where the damaged file was kept."""
    path = _filled(rehearse_home)
    path.write_text("these are my notes, not a database\n" * 200)
    before = path.read_bytes()
    output = tmp_path / "out"

    assert main([*command, "--output", str(output)]) == 1

    err = capsys.readouterr().err
    [kept] = rehearse_home.glob("progress.sqlite3.damaged-*")
    assert kept.read_bytes() == before
    assert "could not be read" in err and kept.name in err and str(rehearse_home) in err
    assert "Nothing was written" in err and "Traceback" not in err and "went wrong inside" not in err
    assert not output.exists()
