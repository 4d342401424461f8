"""The debrief: outcome, path, the road not taken, skills and endings found,
and every way on from it."""

import os
import stat

import pytest

from bot.ui import flow
from bot.ui.screens.briefing import BriefingScreen
from bot.ui.screens.debrief import DebriefScreen
from bot.ui.screens.dialogs import StepPicker
from bot.ui.screens.home import HomeScreen

from .helpers import all_text, conversation, play


async def open_debrief(pilot, numbers, own_words=None):
    app = pilot.app
    tracked = play(app, "lend", numbers)
    if own_words:
        tracked.own_words[:] = own_words
    flow.debrief(app, tracked)
    await pilot.pause()
    assert isinstance(app.screen, DebriefScreen)
    return tracked


def skills_shown(app) -> str:
    return "\n".join(s.render().plain for s in app.screen.query("#skills Static"))


async def test_the_debrief_tells_the_whole_story(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_debrief(pilot, [3, 1], own_words=["Are you using?", None])
        text = all_text(app)
        assert "A good ending" in text
        assert "You held a kind, clear line and offered real help." in text
        assert "1. The call  you said: You're using again, aren't you?" in text
        assert "In your own words: Are you using?" in text
        assert "Fear is fair." in text and "Skills: Staying calm -1" in text
        assert "The road not taken:" in text
        assert "· Sure, I'll send it now. → Sent (could lead to a hard ending)" in text
        assert "· What does your sponsor say? → Sponsor (could lead to a good or hard ending)" in text
        assert "2. Angry  you said: I'm sorry I said it like that." in text
        assert "Endings you have found: 1 of 3" in text and "✓ Ride  (good ending)" in text


async def test_skills_show_the_good_way_and_the_previous_best(make_app):
    app = make_app()
    play(app, "lend", [1, 1])  # boundaries +2
    async with app.run_test(size=(120, 40)) as pilot:
        await open_debrief(pilot, [3, 1])  # boundaries +1, calm 0
        skills = skills_shown(app)
        assert "↑ Holding boundaries  +1  higher is better; your previous best +2" in skills
        assert "↓ Enabling  0  lower is better; your previous best 0" in skills
        assert "Endings you have found: 1 of 3" in all_text(app)


async def test_a_new_best_is_called_out(make_app):
    app = make_app()
    play(app, "lend", [2])  # enabling +1
    async with app.run_test(size=(120, 40)) as pilot:
        await open_debrief(pilot, [1, 1])
        skills = skills_shown(app)
        assert "↓ Enabling  0  lower is better; a new best: lower than your +1 before" in skills
        assert "Endings you have found: 2 of 3" in all_text(app)


async def test_try_again_starts_a_new_try(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        tracked = await open_debrief(pilot, [2])
        ended = tracked.playthrough_id
        await pilot.press("t")
        await pilot.pause()
        screen = conversation(app)
        assert screen.session.state == "the-call" and screen.play.playthrough_id != ended
        assert app.store.playthrough(ended).state == "ended"


async def test_try_from_a_chosen_step_keeps_the_steps_before_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(pilot, [1, 2], own_words=["first words", None])
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, StepPicker)
        await pilot.press("down", "enter")  # step 2
        await pilot.pause()
        screen = conversation(app)
        assert screen.session.state == "sponsor"
        steps = app.store.steps(screen.play.playthrough_id)
        assert [(s.node, s.choice, s.target, s.own_words) for s in steps] == [("the-call", 0, "sponsor", "first words")]


async def test_next_scenario_opens_its_briefing_and_escape_goes_home(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(pilot, [2])
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "loop"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_buttons_do_what_the_keys_do(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(pilot, [2])
        await pilot.click("#go-home")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_save_a_copy_writes_a_private_plain_text_file(make_app, rehearse_home):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(pilot, [3, 1], own_words=["my words", None])
        old = os.umask(0)
        try:
            await pilot.press("e")
            await pilot.pause()
        finally:
            os.umask(old)
        [copy] = (rehearse_home / "exports").iterdir()
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert stat.S_IMODE((rehearse_home / "exports").stat().st_mode) == 0o700
        text = copy.read_text()
        assert "Twenty dollars" in text and "In your own words: my words" in text and "\x1b" not in text


@pytest.mark.parametrize("typed, kept", [("I said yes too fast", ["I said yes too fast"]), ("", [])])
async def test_escape_from_the_reflection_box_keeps_the_typed_note(make_app, typed, kept):
    from bot.learning import journal

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(pilot, [2])
        await pilot.press("w", *typed, "escape")  # typed, never saved with Enter
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [e.text for e in journal.entries(app.store, app.profile.id)] == kept


async def test_every_way_out_of_the_debrief_keeps_the_typed_note(make_app):
    from bot.learning import journal

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for way_out in ("t", "n"):
            await open_debrief(pilot, [2])
            await pilot.press("w", *f"before {way_out}")
            await pilot.click("#again" if way_out == "t" else "#next")
            await pilot.pause()
            assert not isinstance(app.screen, DebriefScreen)
        texts = [e.text for e in journal.entries(app.store, app.profile.id)]
        assert sorted(texts) == ["before n", "before t"]


FEELING = "I feel scared when you ask me for money"  # an I-statement (tests/learning/test_own_words.py checks)


async def test_each_steps_own_words_show_what_they_did(make_app):
    from bot.words import read

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_debrief(pilot, [3, 1], own_words=[FEELING, "[b]hmm[/b] ok"])
        text = all_text(app)
        reading = read(FEELING)
        assert f"In your own words: {FEELING}" in text
        assert f"What helped: {reading.helps[0].says}" in text
        assert "In your own words: [b]hmm[/b] ok" in text  # text, never markup
        assert "One thing to try" not in text  # the debrief looks back; trying is for the next step
        rows = [row.plain for _, row in app.screen.step_rows(app.screen.steps[0])]
        assert rows.index(f"In your own words: {FEELING}") + 1 == rows.index(f"What helped: {reading.helps[0].says}")


async def test_a_step_without_typed_words_has_no_habits(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(pilot, [3, 1], own_words=["   ", None])
        assert all(step.reading is None for step in app.screen.steps)
        assert "What helped" not in all_text(app) and "May backfire" not in all_text(app)


async def own_words_debrief(pilot):
    await open_debrief(pilot, [3, 1], own_words=[FEELING, "You are a junkie and you always do this"])
    pilot.app.screen.query_one(".step").scroll_visible(animate=False, top=True)
    await pilot.pause()


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "rehearse-contrast"])
def test_snapshot_of_own_words_in_the_debrief(snap_compare, make_app, theme):
    assert snap_compare(make_app(theme=theme), terminal_size=(80, 24), run_before=own_words_debrief)


async def test_at_80x24_a_long_skill_line_wraps_under_its_words_not_the_arrow(make_app):
    app = make_app()
    play(app, "lend", [2])  # enabling +1
    async with app.run_test(size=(80, 24)) as pilot:
        await open_debrief(pilot, [1, 1])
        row = max(app.screen.query("#skills Static"), key=lambda s: s.size.height)
        assert row.size.height >= 2  # the longest skill line wraps at this width
        strips = [row.render_line(y).text for y in range(row.size.height)]
        assert strips[0].startswith(("  ↑ ", "  ↓ ")) and all(s.startswith("    ") for s in strips[1:])
