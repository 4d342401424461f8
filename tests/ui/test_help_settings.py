"""Help one key away on every screen, and the profile and settings."""

import pytest

from bot.ui import flow
from bot.ui.screens.help import HelpScreen
from bot.ui.screens.settings import SettingsScreen

from .helpers import all_text, play


async def reach(pilot, where: str):
    app = pilot.app
    if where == "briefing":
        flow.open_briefing(app, "lend")
    elif where == "conversation":
        flow.start(app, "lend")
    elif where == "debrief":
        flow.debrief(app, play(app, "lend", [2]))
    elif where == "settings":
        await pilot.press("p")
    elif where == "source":
        flow.start(app, "lend")
        await pilot.pause()
        await pilot.press("s")
    await pilot.pause()


@pytest.mark.parametrize("where", ["home", "briefing", "conversation", "debrief", "settings", "source"])
@pytest.mark.parametrize("key", ["f1", "question_mark"])
async def test_help_is_one_key_away_everywhere(make_app, where, key):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await reach(pilot, where)
        before = app.screen
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = all_text(app)
        assert "If anyone is in danger right now, call 999." in text
        assert "Samaritans" in text and "116 123" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is before


async def test_f1_works_even_while_typing(make_app):
    app = make_app(profile=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Jo?")
        assert app.screen.query_one("#name").value == "Jo?"  # ? is a letter here
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Somewhere else" in all_text(app) or "Help lines:" in all_text(app)


async def test_help_lines_follow_the_chosen_region(make_app):
    app = make_app(profile=("Sam", "US"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = all_text(app)
        assert "call 911" in text and "988 Suicide & Crisis Lifeline" in text and "1-800-662-4357" in text
        app.screen.query_one("#region").value = "AU"
        await pilot.pause()
        assert "call 000" in all_text(app) and "13 11 14" in all_text(app)


async def test_settings_change_the_profile_the_pause_own_words_and_theme(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        name = app.screen.query_one("#name")
        name.value = "Sammy"
        app.screen.query_one("#region").value = "IE"
        await pilot.click("#typing")
        await pilot.click("#own_words")
        app.screen.query_one("#theme").value = "rehearse-contrast"
        await pilot.pause()
        assert app.theme == "rehearse-contrast"
        await pilot.press("escape")
        await pilot.pause()
        assert "Practising as Sammy" in all_text(app) and "Ireland" in all_text(app)
    profile = store.profile()
    assert (profile.name, profile.region) == ("Sammy", "IE")
    assert store.settings(profile.id) == {"typing": "off", "own_words": "on", "theme": "rehearse-contrast"}


@pytest.mark.parametrize("theme", ["textual-light", "rehearse-contrast"])
async def test_a_saved_theme_is_used_from_the_start(make_app, theme):
    app = make_app(theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == theme


async def test_every_regions_help_lines_fit_whole_on_an_80x24_screen(make_app):
    """Crisis help must not need scrolling: the danger box and every line of
    the chosen region, most urgent first, are in view at 80x24."""
    app = make_app(profile=("Sam", "US"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        page = app.screen.query_one("#help")
        for region in app.helplines.regions:
            app.screen.query_one("#region").value = region.id
            await pilot.pause()
            visible = page.content_region
            rows = list(app.screen.query(".help-line"))
            assert len(rows) == len(region.lines), region.id
            for row in [app.screen.query_one("#danger"), *rows]:
                assert visible.y <= row.region.y and row.region.bottom <= visible.bottom, (region.id, row)
            first = rows[0].render().plain.removeprefix("• ")
            assert first.startswith(region.by_urgency()[0].name)


async def test_help_lists_crisis_lines_first_and_explains_the_app_below(make_app):
    app = make_app(profile=("Sam", "UK"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        entries = [row.render().plain.removeprefix("• ") for row in app.screen.query(".help-line")]
        assert entries[0].startswith("Samaritans: Call 116 123 (free) (24/7)")
        assert entries[1].startswith("National Domestic Abuse Helpline")
        text = all_text(app)
        assert "What each line is for" in text and "Childline: For children and young people under 19" in text
        assert "How to use rehearse" in text and "press 1-9 to say a line" in text
        assert "c to open the coach's whole note" in text and "Ctrl+Z" in text
        assert "Enabling (lower is better)" in text and "Staying calm (higher is better)" in text


async def test_help_explains_own_words_where_to_turn_them_on_and_that_the_closest_is_not_chosen(make_app):
    app = make_app(profile=("Sam", "UK"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = " ".join(all_text(app).split())
        assert "Your own words: turn on “Own words first” in Settings" in text
        assert "Press w to open “What your words do”" in text
        assert "The option closest to your words is marked, not chosen" in text


@pytest.mark.parametrize("region_id", ["ES", "MX"])
async def test_spanish_speaking_regions_show_their_crisis_line_first_and_whole_in_english(make_app, region_id):
    app = make_app(profile=("Sam", region_id))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        visible = app.screen.query_one("#help").content_region
        rows = list(app.screen.query(".help-line"))
        first = rows[0].render().plain.removeprefix("• ")
        crisis = next(line for line in app.helplines.region(region_id).lines if "crisis" in line.topics)
        assert first.startswith(f"{crisis.name}: {crisis.contact}")
        assert all(visible.y <= row.region.y and row.region.bottom <= visible.bottom for row in rows)
        assert all(row.region.height == 1 for row in rows), region_id  # one whole row each
