"""Paths come from one place; REHEARSE_HOME wins; folders 0700, files 0600."""

import os
import stat

from bot import locations


def test_rehearse_home_overrides_the_data_folder(rehearse_home):
    assert locations.home() == rehearse_home
    assert locations.database_path() == rehearse_home / "progress.sqlite3"


def test_without_the_override_the_users_data_folder_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("REHEARSE_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert locations.home() == tmp_path / "xdg" / "rehearse"


def test_nothing_is_created_until_it_is_needed(rehearse_home):
    locations.home()
    assert not rehearse_home.exists()


def test_folders_and_files_are_private_whatever_the_umask(rehearse_home):
    old = os.umask(0)
    try:
        folder = locations.exports_dir()
        written = locations.write_private(folder / "copy.txt", "hello")
        touched = rehearse_home / "touched"
        locations.make_private(touched)
    finally:
        os.umask(old)
    assert stat.S_IMODE(rehearse_home.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(touched.stat().st_mode) == 0o600
    assert written.read_text() == "hello"


def test_an_existing_loose_folder_is_tightened(rehearse_home):
    rehearse_home.mkdir(mode=0o755)
    os.chmod(rehearse_home, 0o755)
    locations.data_dir()
    assert stat.S_IMODE(rehearse_home.stat().st_mode) == 0o700
