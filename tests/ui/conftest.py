"""Apps for pilot tests: a fresh progress store per test, the built-in
library loaded once, and nothing that moves on its own (no typing pause,
no cursor blink), so tests and snapshots are deterministic."""

import pytest

from bot.content.library import Library
from bot.ui.app import RehearseApp
from applib import TEST_LIBRARY


@pytest.fixture(scope="session")
def library():
    """A small library of our own, so tests do not move when the course is edited."""
    return Library([TEST_LIBRARY])


@pytest.fixture
def make_app(store, library):
    test_library = library

    def make(library=None, profile=("Sam", "UK"), **settings) -> RehearseApp:
        if profile is not None and store.profile() is None:
            created = store.create_profile(*profile)
            for key, value in settings.items():
                store.set_setting(created.id, key, ("on" if value else "off") if isinstance(value, bool) else value)
        return RehearseApp(library or test_library, store, still=True)

    return make
