"""The real start-up: no garbage collection until the first screen is up,
then full collections only between key presses."""

import gc

import pytest

from bot.ui import launch
from bot.ui.app import RehearseApp
from bot.ui.quiet_gc import EVERY, collect_between_keys


@pytest.fixture
def gc_restored():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    gc.enable()


def test_start_up_runs_with_collection_off_and_leaves_it_on(monkeypatch, gc_restored):
    seen = {}

    def run(app: RehearseApp, **options):
        seen["collecting"] = gc.isenabled()
        seen["quiet_gc"] = app.quiet_gc

    monkeypatch.setattr(RehearseApp, "run", run)
    assert launch.run_app([]) == 0
    assert seen == {"collecting": False, "quiet_gc": True}
    assert gc.isenabled()


def test_once_the_screen_is_up_collection_resumes_between_key_presses(gc_restored):
    timers = []

    class App:
        def set_interval(self, seconds, callback, name=""):
            timers.append((seconds, callback))

    gc.disable()
    collect_between_keys(App())
    assert gc.isenabled()
    assert gc.get_threshold()[2] == 1_000_000  # no automatic full collection in a key press
    assert [seconds for seconds, _ in timers] == [EVERY]


async def test_home_opens_without_loading_any_conversation(store, tmp_path, monkeypatch):
    from applib import TEST_LIBRARY
    from bot.content import cache
    from bot.content.library import Library
    from bot.ui.screens.home import HomeScreen

    Library([TEST_LIBRARY], cache_file=tmp_path / "library.json")  # writes the cache
    library = Library([TEST_LIBRARY], cache_file=tmp_path / "library.json")
    decoded, loads = [], cache.loads
    monkeypatch.setattr(cache, "loads", lambda text: decoded.append(text) or loads(text))
    store.create_profile("Sam", "UK")
    app = RehearseApp(library, store, still=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#scenarios").option_count > 3
        assert decoded == []
        await pilot.press("c")  # start here: the first scenario's briefing needs it
        await pilot.pause()
        assert len(decoded) == 1


def test_the_code_up_to_home_loads_no_parser_checker_or_state_machine():
    from helpers import modules_after

    loaded = modules_after(["bot.cli", "bot.ui.launch", "bot.ui.app", "bot.ui.screens.home"])
    assert "bot.ui.screens.home" in loaded
    assert not [m for m in loaded if m.split(".")[0] in ("transitions", "markdown_it", "yaml")]
    assert not [m for m in loaded if m in ("bot.content.checking", "bot.content.checker", "bot.content.reach")]
