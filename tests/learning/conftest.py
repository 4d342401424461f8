"""A small course for the self-paced tests (tests/fixtures/selfpaced: a
myth-or-fact scenario and two short talks), a fresh store, and playing a
scenario to its end through the same TrackedPlay the app uses."""

import pytest

from bot.content.library import Library

from .playing import SMALL_COURSE


@pytest.fixture(scope="session")
def library():
    return Library([SMALL_COURSE])


@pytest.fixture
def make_app(store, library):
    """The app on the small course, with nothing that moves on its own."""
    from bot.ui.app import RehearseApp

    def make(*names: str) -> "RehearseApp":
        from bot.learning import profiles

        created = [profiles.create(store, name, "UK") for name in names or ("Ann",)]
        profiles.use(store, created[0].id)
        return RehearseApp(library, store, still=True)

    return make
