"""Every test gets its own empty data folder, so no test can touch a real
user's progress."""

import pytest


@pytest.fixture(autouse=True)
def rehearse_home(tmp_path, monkeypatch):
    home = tmp_path / "rehearse-home"
    monkeypatch.setenv("REHEARSE_HOME", str(home))
    monkeypatch.setenv("REHEARSE_TYPING_DELAY", "0")
    return home
