"""What each screen looks like, at 80x24 and 120x40, in the dark theme, and
the main screens in the light and high-contrast themes. Update with
`pytest tests/ui/test_snapshots.py --snapshot-update`, then look at the
SVGs before accepting them."""

import pytest

from bot.ui import flow

from .helpers import play

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


async def welcome(pilot):
    await pilot.pause()


async def home(pilot):
    play(pilot.app, "lend", [2])
    play(pilot.app, "loop", [1])
    pilot.app.screen.refresh_progress()
    await pilot.pause()


async def briefing(pilot):
    flow.open_briefing(pilot.app, "lend")
    await pilot.pause()


async def safety_check(pilot):
    await briefing(pilot)
    await pilot.press("enter")
    await pilot.pause()


async def conversation(pilot):
    flow.start(pilot.app, "lend")
    await pilot.pause()


async def coach(pilot):
    await conversation(pilot)
    await pilot.press("3")
    await pilot.pause()


async def safety_callout(pilot):
    flow.start(pilot.app, "late")
    await pilot.pause()


async def ending(pilot):
    await coach(pilot)
    await pilot.press("1")
    await pilot.pause()


async def own_words(pilot):
    pilot.app.change_settings(own_words=True)
    await conversation(pilot)


async def own_words_read(pilot):
    """What your words do, above the options, the closest one marked."""
    await own_words(pilot)
    await pilot.press(*"I am scared. You always do this, youre using again arent you", "enter")
    await pilot.pause()


async def own_words_danger(pilot):
    """Words that touch an emergency: the safety words alone, nothing praised, no note on wording."""
    await own_words(pilot)
    await pilot.press(*"no ambulance, the junkie is just sleeping it off", "enter")
    await pilot.pause()


async def own_words_less_sure(pilot):
    """A threat the learned weights sense as harm, less surely: the safety words
    first, nothing praised, and what may backfire still named beneath them."""
    await own_words(pilot)
    await pilot.press(*"Steal from your nan again and I'll make sure you never see the kids.", "enter")
    await pilot.pause()


async def debrief(pilot):
    play(pilot.app, "lend", [2])
    flow.debrief(pilot.app, play(pilot.app, "lend", [3, 1]))
    await pilot.pause()


async def step_picker(pilot):
    await debrief(pilot)
    await pilot.press("f")
    await pilot.pause()


async def help_lines(pilot):
    await pilot.press("f1")
    await pilot.pause()


async def source(pilot):
    await coach(pilot)
    await pilot.press("s")
    await pilot.pause()


async def settings(pilot):
    await pilot.press("p")
    await pilot.pause()


SCREENS = [welcome, home, briefing, safety_check, conversation, coach, safety_callout, ending, own_words, own_words_read,
           own_words_danger, own_words_less_sure,
           debrief, step_picker, help_lines, source, settings]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS, ids=lambda f: f.__name__)
def test_screen(snap_compare, make_app, screen, size):
    app = make_app(profile=None) if screen is welcome else make_app()
    assert snap_compare(app, terminal_size=SIZES[size], run_before=screen)


@pytest.mark.parametrize("theme", ["textual-light", "rehearse-contrast"])
@pytest.mark.parametrize("screen", [home, coach, debrief, help_lines, own_words_read], ids=lambda f: f.__name__)
def test_theme(snap_compare, make_app, screen, theme):
    app = make_app(theme=theme)
    assert snap_compare(app, terminal_size=(80, 24), run_before=screen)


@pytest.mark.parametrize("screen", [conversation, coach, own_words, own_words_read], ids=lambda f: f.__name__)
def test_conversation_at_60x20(snap_compare, make_app, screen):
    """The conversation on a small phone-sized terminal (issue 15): every row counts."""
    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=screen)


async def coach_open(pilot):
    await coach(pilot)
    await pilot.press("c")
    await pilot.pause()


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
def test_coach_open(snap_compare, make_app, size):
    assert snap_compare(make_app(), terminal_size=size, run_before=coach_open)
