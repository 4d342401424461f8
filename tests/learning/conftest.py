"""A small course for the self-paced tests (tests/fixtures/selfpaced: a
myth-or-fact scenario and two short talks), a fresh store, and playing a
scenario to its end through the same TrackedPlay the app uses."""

import asyncio
import inspect

import pytest

from bot.content.library import Library
from bot.progress.store import Store

from .playing import SMALL_COURSE


@pytest.fixture(scope="session")
def library():
    return Library([SMALL_COURSE])


@pytest.fixture
def store(rehearse_home):
    store = Store.open()
    yield store
    store.close()


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


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests in a fresh event loop (no plugin needed)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None
