"""The progress store and tracked play: every step saved, undo, restart,
resume, summaries."""

import pytest

from bot.content.library import Library
from bot.engine.catalog import Catalog
from bot.progress.settings import Settings
from bot.progress.store import Step, Store
from bot.progress.tracked import TrackedPlay

from applib import TEST_LIBRARY


@pytest.fixture(scope="module")
def catalog():
    return Catalog(Library([TEST_LIBRARY]))


@pytest.fixture
def profile(store):
    return store.create_profile("Sam", "UK")


def reopen(store) -> Store:
    store.close()
    return Store.open()


def test_profile_and_settings_persist(store):
    assert store.profile() is None
    profile = store.create_profile("Sam", "UK")
    store.update_profile(profile.id, "Sammy", "IE")
    settings = Settings.load(store, profile.id).save(store, profile.id, typing=False, theme="textual-light")
    assert settings == Settings(typing=False, own_words=False, theme="textual-light")
    store = reopen(store)
    assert store.profile() == profile.__class__(profile.id, "Sammy", "IE")
    assert Settings.load(store, profile.id) == settings
    store.close()


def test_an_unknown_theme_falls_back_to_the_default(store, profile):
    store.set_setting(profile.id, "theme", "no-such-theme")
    assert Settings.load(store, profile.id).theme == "textual-dark"


def test_each_choice_is_saved_with_where_it_led(store, profile, catalog):
    tracked = TrackedPlay.start(store, profile.id, catalog.session("lend"))
    tracked.choose(3, "are you using?")
    tracked.choose(1)
    store = reopen(store)
    saved = store.playthrough(tracked.playthrough_id)
    assert (saved.scenario, saved.node, saved.state, saved.ending, saved.outcome) == \
        ("lend", "ride", "ended", "ride", "success")
    assert saved.skills == {"boundaries": 1, "calm": 0, "enabling": 0}
    assert store.steps(saved.id) == [Step(1, "the-call", 2, "angry", "are you using?"), Step(2, "angry", 0, "ride")]
    assert store.latest_unfinished(profile.id) is None  # ended, so nothing to carry on
    assert store.endings_found(profile.id, "lend") == {"ride": "success"}
    store.close()


def test_resume_replays_the_saved_steps(store, profile, catalog):
    tracked = TrackedPlay.start(store, profile.id, catalog.session("lend"))
    tracked.choose(3, "words")
    store = reopen(store)
    saved = store.latest_unfinished(profile.id)
    resumed = TrackedPlay.resume(store, profile.id, catalog.session("lend"), saved)
    assert resumed.session.state == "angry" and resumed.session.skills == {"calm": -1}
    assert resumed.own_words == ["words"]
    assert [c.target for c in resumed.session.offered()] == ["ride", "hung-up", "ride"]
    store.close()


def test_a_scenario_changed_since_is_left_and_not_resumed(store, profile, catalog):
    playthrough = store.begin(profile.id, "lend", "gone", {}, [Step(1, "no-such-node", 0, "gone")])
    saved = store.playthrough(playthrough)
    assert TrackedPlay.resume(store, profile.id, catalog.session("lend"), saved) is None
    assert store.playthrough(playthrough).state == "left"


def test_undo_forgets_the_step_and_reopens_an_ending(store, profile, catalog):
    tracked = TrackedPlay.start(store, profile.id, catalog.session("lend"))
    tracked.choose(2)
    assert store.playthrough(tracked.playthrough_id).state == "ended"
    assert tracked.undo()
    saved = store.playthrough(tracked.playthrough_id)
    assert (saved.state, saved.node, saved.ending) == ("playing", "the-call", None)
    assert store.steps(tracked.playthrough_id) == []
    assert not tracked.undo()
    assert store.endings_found(profile.id, "lend") == {"sent": "setback"}  # found stays found


def test_restart_from_a_step_keeps_the_steps_before_it(store, profile, catalog):
    tracked = TrackedPlay.start(store, profile.id, catalog.session("lend"))
    tracked.choose(1, "one")
    tracked.choose(2, "two")
    old = tracked.playthrough_id
    tracked.restart_from(2)
    assert tracked.playthrough_id != old and store.playthrough(old).state == "ended"
    assert store.steps(tracked.playthrough_id) == [Step(1, "the-call", 0, "sponsor", "one")]
    assert tracked.session.state == "sponsor" and tracked.own_words == ["one"]
    tracked.restart()
    assert store.steps(tracked.playthrough_id) == [] and tracked.session.state == "the-call"


def test_starting_again_leaves_the_unfinished_try(store, profile, catalog):
    first = TrackedPlay.start(store, profile.id, catalog.session("lend"))
    first.choose(1)
    second = TrackedPlay.start(store, profile.id, catalog.session("lend"))
    assert store.playthrough(first.playthrough_id).state == "left"
    assert store.latest_unfinished(profile.id).id == second.playthrough_id


def test_progress_counts_tries_completions_and_endings(store, profile, catalog):
    for numbers in ([2], [1, 2], [3], [1, 1]):
        tracked = TrackedPlay.start(store, profile.id, catalog.session("lend"))
        for number in numbers:
            tracked.choose(number)
    progress = store.progress(profile.id)["lend"]
    assert (progress.plays, progress.ended, progress.endings) == (4, 3, 2)
    earlier = store.ended_skills(profile.id, "lend", exclude=tracked.playthrough_id)
    assert {"boundaries": 0, "calm": 0, "enabling": 1} in earlier and len(earlier) == 2


def test_a_failed_save_takes_the_choice_back(store, profile, catalog):
    tracked = TrackedPlay.start(store, profile.id, catalog.session("lend"))
    store.conn.execute("DROP TABLE steps")
    with pytest.raises(Exception):
        tracked.choose(1)
    assert tracked.session.state == "the-call" and tracked.own_words == []
