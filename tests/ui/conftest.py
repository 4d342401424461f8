"""Apps for pilot tests: a fresh progress store per test, the built-in
library loaded once, and nothing that moves on its own (no typing pause,
no cursor blink), so tests and snapshots are deterministic."""

import asyncio
import inspect

import pytest

from bot.content.library import Library
from bot.progress.store import Store
from bot.ui.app import RehearseApp
from applib import TEST_LIBRARY


@pytest.fixture(scope="session")
def library():
    """A small library of our own, so tests do not move when the course is edited."""
    return Library([TEST_LIBRARY])


@pytest.fixture
def store(rehearse_home):
    store = Store.open()
    yield store
    store.close()


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


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests in a fresh event loop (no plugin needed)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None
