"""Every test gets its own empty data folder, so no test can touch a real
user's progress; a fresh progress store; and `async def` tests run without
a plugin."""

import asyncio
import inspect

import pytest

from bot.progress.store import Store


@pytest.fixture(autouse=True)
def rehearse_home(tmp_path, monkeypatch):
    home = tmp_path / "rehearse-home"
    monkeypatch.setenv("REHEARSE_HOME", str(home))
    monkeypatch.setenv("REHEARSE_TYPING_DELAY", "0")
    return home


@pytest.fixture
def store(rehearse_home):
    store = Store.open()
    yield store
    store.close()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests in a fresh event loop (no plugin needed)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None
