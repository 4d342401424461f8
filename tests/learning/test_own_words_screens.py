"""The learner's own words on the self-paced screens: a line per habit in
skills over time (only once words have been typed), and the conversation
card, which shows them only after the learner asks (o), as text."""

import os

import pytest

from bot.learning.own_words import habit_counts, recent_replies
from bot.locations import exports_dir
from bot.ui import flow
from bot.ui.screens.card import CardScreen
from bot.ui.screens.growth import SkillsScreen
from bot.words import habit_label

from .playing import play
from .test_own_words import FAMILY, FEELING, LABEL, typed
from .test_screens import text_of

SIZE = (100, 40)


async def open_skills(pilot):
    await pilot.press("m", "s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SkillsScreen)


async def test_skills_over_time_has_no_own_words_part_until_words_are_typed(make_app, store, library):
    app = make_app()
    play(store, library, app.profile.id, "money", [1, 1])
    async with app.run_test(size=SIZE) as pilot:
        await open_skills(pilot)
        assert not app.screen.query("#own-words-habits")


async def test_skills_over_time_gains_a_line_per_habit(make_app, store, library):
    app = make_app()
    typed(store, library, app.profile.id, [FEELING, LABEL])
    typed(store, library, app.profile.id, [FEELING, None])
    async with app.run_test(size=SIZE) as pilot:
        await open_skills(pilot)
        text = app.screen.query_one("#own-words-habits").query_one("Static").render().plain
        assert text == "In your own words  (the habits in your last 3 typed replies)"
        shown = text_of(app)
        assert f"{habit_label('i-statement')} in 2 of your last 3 replies" in shown
        assert f"{habit_label('label')} in 1 of your last 3 replies — fewer is kinder" in shown
        assert len(app.screen.query(".habit-helps")) + len(app.screen.query(".habit-trap")) == len(
            habit_counts(recent_replies(store, app.profile.id)))


async def open_card(pilot, words):
    app = pilot.app
    tracked = typed(app.store, app.library, app.profile.id, words)
    flow.debrief(app, tracked)
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, CardScreen)


async def test_the_card_adds_own_words_only_when_asked(make_app, rehearse_home):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, [FAMILY, FEELING])
        assert "Larch Road" not in text_of(app) and not app.screen.query("#card-own-words")
        assert "Your own typed words are not on this card" in text_of(app)
        await pilot.press("o")
        await pilot.pause()
        shown = text_of(app)
        assert "[bold]don't[/] tell Mum <b>" in shown  # as typed: text, never markup
        assert f"{FEELING}  (helped: {habit_label('i-statement')})" in shown
        assert str(app.screen.query_one("#own-words-toggle").label) == "Leave out my own words"
        await pilot.press("p")
        await pilot.pause()
        [saved] = exports_dir().glob("card-money-*.html")
        assert os.stat(saved).st_mode & 0o777 == 0o600 and "Larch Road" in saved.read_text()
        await pilot.press("o")
        await pilot.pause()
        assert "Larch Road" not in text_of(app) and app.screen.card.own_words == ()


async def test_the_card_has_no_own_words_choice_when_none_were_typed(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_card(pilot, [None, None])
        assert not app.screen.query("#own-words-toggle")
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.card.own_words == () and "My own words" not in app.screen.query_one("KeyBar").render().plain


async def skills_with_words(pilot):
    app = pilot.app
    typed(app.store, app.library, app.profile.id, [FEELING, LABEL])
    typed(app.store, app.library, app.profile.id, [FEELING, "Okay then"])
    await open_skills(pilot)
    app.screen.query_one("#own-words-habits").scroll_visible(animate=False)
    await pilot.pause()


async def card_with_words(pilot):
    await open_card(pilot, [FEELING, LABEL])
    await pilot.press("o")
    await pilot.pause()


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "rehearse-contrast"])
@pytest.mark.parametrize("screen", [skills_with_words, card_with_words], ids=lambda f: f.__name__)
def test_snapshot(snap_compare, make_app, screen, theme):
    async def themed(pilot):
        pilot.app.change_settings(theme=theme)
        await screen(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=themed)
