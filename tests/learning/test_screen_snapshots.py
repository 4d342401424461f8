"""What each self-paced screen looks like. Update with
`pytest tests/learning/test_screen_snapshots.py --snapshot-update`, then
look at the SVGs before accepting them."""

import pytest

from bot.learning import journal, profiles
from bot.ui import flow

from .playing import CARDS_ALL_RIGHT, CARDS_ALL_WRONG, play

NOON = 1_780_000_000  # a fixed time, so dates in the journal do not move


def played(app):
    store, library = app.store, app.library
    play(store, library, app.profile.id, "cards", CARDS_ALL_WRONG)
    play(store, library, app.profile.id, "cards", CARDS_ALL_RIGHT)
    play(store, library, app.profile.id, "money", [2])
    return play(store, library, app.profile.id, "money", [1, 1])


async def course_map(pilot):
    played(pilot.app)
    await pilot.press("m")
    await pilot.pause()


async def completion(pilot):
    await course_map(pilot)
    from bot.ui.screens.course import CompletionScreen

    screen = pilot.app.screen
    pilot.app.push_screen(CompletionScreen(screen.map, screen.map.modules[0]))
    await pilot.pause()


async def skills(pilot):
    await course_map(pilot)
    await pilot.press("s")
    await pilot.pause()


async def journal_list(pilot):
    app = pilot.app
    for number, (prompt, words) in enumerate([(journal.HARD, "Keeping my voice low when he shouted."),
                                              (journal.NEXT_TIME, "Offer the ride before he asks for money.")]):
        journal.add(app.store, app.profile.id, prompt, words, "money")
    app.store.conn.execute("UPDATE journal SET created_at = ? + id * 86400", (NOON,))
    await pilot.press("m", "j")
    await pilot.pause()


async def journal_editor(pilot):
    await journal_list(pilot)
    await pilot.press("enter")
    await pilot.pause()


async def review_card(pilot):
    play(pilot.app.store, pilot.app.library, pilot.app.profile.id, "cards", CARDS_ALL_WRONG)
    await pilot.press("m", "v")
    await pilot.pause()


async def review_answered(pilot):
    await review_card(pilot)
    await pilot.press("f")
    await pilot.pause()


async def reflection(pilot):
    flow.debrief(pilot.app, played(pilot.app))
    await pilot.pause()
    pilot.app.screen.query_one("#after-debrief").scroll_visible(animate=False)
    await pilot.pause()


async def card(pilot):
    await reflection(pilot)
    await pilot.press("c")
    await pilot.pause()


async def together(pilot):
    app = pilot.app
    ann, bob = profiles.all_profiles(app.store)
    play(app.store, app.library, ann.id, "money", [1, 1])
    play(app.store, app.library, bob.id, "money", [1, 2])
    await pilot.press("m", "w")
    await pilot.pause()


async def profile_list(pilot):
    await pilot.press("o")
    await pilot.pause()


async def review_empty(pilot):
    await pilot.press("m", "v")
    await pilot.pause()


def then(screen, *keys: str, name: str):
    """`screen`, then these keys: a box opened over it."""
    async def run(pilot):
        await screen(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    run.__name__ = name
    return run


new_note = then(journal_list, "n", name="new_note")
note_delete = then(journal_list, "d", name="note_delete")


async def profiles_played(pilot):
    played(pilot.app)
    await profile_list(pilot)


new_profile = then(profiles_played, "n", name="new_profile")
profile_delete = then(profiles_played, "down", "d", name="profile_delete")


SCREENS = [course_map, completion, skills, journal_list, journal_editor, review_card, review_answered, reflection,
           card, together, profile_list]
# every self-paced screen and its dialogs, at the size most terminals open at and a roomy one
EVERY_SCREEN = [course_map, completion, skills, journal_list, journal_editor, review_card, review_answered, reflection,
                card, together, profiles_played, review_empty, new_note, note_delete, new_profile, profile_delete]
TWO_PROFILES = (together, profile_list, profiles_played, new_profile, profile_delete)
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.mark.parametrize("screen", SCREENS, ids=lambda f: f.__name__)
def test_screen(snap_compare, make_app, screen):
    app = make_app("Ann", "Bob") if screen in TWO_PROFILES else make_app()
    assert snap_compare(app, terminal_size=(100, 32), run_before=screen)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", EVERY_SCREEN, ids=lambda f: f.__name__)
def test_every_screen(snap_compare, make_app, screen, size):
    app = make_app("Ann", "Bob") if screen in TWO_PROFILES else make_app()
    assert snap_compare(app, terminal_size=SIZES[size], run_before=screen)


def test_course_map_when_narrow(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=course_map)
