"""Every test gets its own empty data folder, so no test can touch a real
user's progress; a fresh progress store; and `async def` tests run without
a plugin."""

import asyncio
import inspect

import pytest

from bot import i18n
from bot.progress.store import Store


@pytest.fixture(autouse=True)
def rehearse_home(tmp_path, monkeypatch):
    home = tmp_path / "rehearse-home"
    monkeypatch.setenv("REHEARSE_HOME", str(home))
    monkeypatch.setenv("REHEARSE_TYPING_DELAY", "0")
    return home


@pytest.fixture(autouse=True)
def english(monkeypatch):
    """Tests speak English unless they choose otherwise, whatever the machine's locale;
    a test that switches the language leaves English behind it."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    yield
    i18n.use_language("en")


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
