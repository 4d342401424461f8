"""The briefing, content warnings, and the private safety check."""

from bot.ui.screens.briefing import BriefingScreen
from bot.ui.screens.conversation import ConversationScreen
from bot.ui.screens.dialogs import Question
from bot.ui.screens.help import HelpScreen
from bot.ui.screens.home import HomeScreen
from bot.ui import flow

from .helpers import all_text, play


def database_rows(store) -> dict:
    tables = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: store.conn.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}


async def test_briefing_shows_who_whom_where_minutes_and_warnings(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        flow.open_briefing(app, "lend")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        text = all_text(app)
        scenario = app.library.scenarios["lend"]
        for expected in (scenario.title, scenario.persona, scenario.learner, scenario.setting,
                         f"about {scenario.minutes} minutes", "Content warning", "anger", "Tonight he calls, and he sounds rushed."):
            assert expected in text
        assert app.screen.query_one("#skip").label.plain == "Skip this one"


async def test_skip_goes_back_home_without_starting(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        flow.open_briefing(app, "lend")
        await pilot.pause()
        await pilot.click("#skip")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.latest_unfinished(store.profile().id) is None


async def test_danger_yes_leads_straight_to_help_and_nothing_is_stored(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        flow.open_briefing(app, "lend")  # warnings: anger
        await pilot.pause()
        before = database_rows(store)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Question)
        assert "Is anyone in danger right now?" in all_text(app)
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "call 999" in all_text(app)  # the profile's region is the UK
        assert database_rows(store) == before
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)


async def test_danger_no_starts_the_conversation_and_stores_no_answer(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        flow.open_briefing(app, "lend")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        rows = database_rows(store)
        assert rows["settings"] == []
        assert [r[1:5] for r in rows["playthroughs"]] == [(store.profile().id, "lend", "playing",
                                                          "the-call")]


async def test_escape_on_the_safety_check_goes_back_to_the_briefing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        flow.open_briefing(app, "lend")
        await pilot.pause()
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)


async def test_no_safety_check_without_anger_violence_or_overdose(make_app):
    app = make_app()
    calm = next(s for s in app.library.in_order() if not {"anger", "violence", "overdose"} & set(s.warnings))
    async with app.run_test(size=(80, 24)) as pilot:
        flow.open_briefing(app, calm.id)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)


async def test_briefing_offers_to_carry_on_an_unfinished_try(make_app):
    app = make_app()
    play(app, "lend", [1])
    async with app.run_test(size=(80, 24)) as pilot:
        flow.open_briefing(app, "lend")
        await pilot.pause()
        assert app.screen.query_one("#carry-on").label.plain == "Carry on (after step 1)"
        await pilot.click("#carry-on")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.session.state == "sponsor"


async def test_enter_on_the_safety_check_is_the_safe_answer_and_the_keys_are_shown(make_app):
    """Start then Enter out of habit must not jump anywhere unasked: the check
    opens on "No, let's practise", and says that y and n work."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        flow.open_briefing(app, "lend")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Question) and app.focused.id == "no"
        assert "Keys: y for yes, n for no, Esc to go back." in all_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
