"""First run and the home screen: profile, progress per module, carry on."""

from bot.progress.store import Step
from bot.ui.screens.briefing import BriefingScreen
from bot.ui.screens.home import HomeScreen
from bot.ui.screens.welcome import WelcomeScreen
from bot.ui.screens.conversation import ConversationScreen

from .helpers import all_text, play


async def test_first_run_asks_for_a_name_and_region_then_shows_home(make_app, store):
    app = make_app(profile=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        text = all_text(app)
        assert "not medical advice" in text and "not a crisis service" in text
        await pilot.press(*"Robin", "enter")  # Enter moves on to the region
        await pilot.press("enter")  # open the region list
        await pilot.pause()
        await pilot.press("home", "enter")  # the first region: United States
        await pilot.pause()
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        profile = store.profile()
        assert (profile.name, profile.region) == ("Robin", "US")
        assert "Practising as Robin" in all_text(app)
        assert "United States" in all_text(app)


async def test_the_name_is_optional(make_app, store):
    app = make_app(profile=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.profile().name == ""
        assert "Practising without a name" in all_text(app)


async def test_home_shows_welcome_modules_and_progress(make_app, library):
    app = make_app()
    play(app, "lend", [2])  # straight to a setback
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = all_text(app)
        assert library.course.title in text
        assert "It is small on purpose." in text  # the course's welcome
        options = app.screen.query_one("#scenarios")
        prompts = [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]
        # a hard ending is tried, not completed: completed means a good ending, as on the course map
        assert any("When they ask for money" in p and "1 of 2 tried · 0 completed" in p for p in prompts)
        assert any("Hard evenings" in p and "0 of 1 tried · 0 completed" in p for p in prompts)
        assert any("Coming later" in p and "coming soon" in p for p in prompts)
        assert any("Twenty dollars" in p and "1 of 3 endings found" in p and "✓" not in p for p in prompts)
        assert any("Round and round" in p and "not tried yet" in p for p in prompts)


async def test_completed_on_home_means_a_good_ending_as_on_the_course_map(make_app):
    from bot.learning.course_map import course_map

    app = make_app()
    play(app, "lend", [2])  # a hard ending first
    play(app, "lend", [1, 1])  # then a good one
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#scenarios")
        prompts = [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]
        assert any("When they ask for money" in p and "1 of 2 tried · 1 completed" in p for p in prompts)
        assert any("Twenty dollars" in p and "✓ 2 of 3 endings found" in p for p in prompts)
        money = course_map(app.store, app.library, app.profile.id).module_of("lend")
        assert money.completed_count == 1


async def test_continue_where_you_left_off_resumes_at_the_same_step(make_app, store):
    app = make_app()
    profile = store.profile()
    store.begin(profile.id, "lend", "sponsor", {"boundaries": 1}, [Step(1, "the-call", 0, "sponsor")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        label = app.screen.query_one("#carry-on").label.plain
        assert "Continue where you left off: Twenty dollars (after 1 step)" in label
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert app.screen.session.state == "sponsor"
        assert "I don't want to bother him over twenty bucks." in all_text(app)


async def test_picking_a_scenario_by_keys_or_mouse_opens_its_briefing(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#scenarios").focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        first = app.library.in_order()[0]
        assert app.screen.scenario.id == first.id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        options = app.screen.query_one("#scenarios")
        index = options.get_option_index("late")
        await pilot.click("#scenarios", offset=(6, index - options.scroll_offset.y))
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.scenario.id == "late"


async def test_start_here_opens_the_first_scenario_not_tried(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = app.library.in_order()[0]
        assert app.screen.query_one("#carry-on").label.plain == f"Start here: {first.title}"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == first.id


async def test_q_quits_from_home(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_enter_alone_walks_from_name_to_region_to_start(make_app, store):
    app = make_app(profile=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Enter moves on: your name → the region (Enter opens its list) → Start." in all_text(app)
        await pilot.press(*"Robin", "enter")
        await pilot.pause()
        assert app.focused.id == "region" and not app.focused.expanded  # focused, not yet opened
        await pilot.press("enter")  # open the list
        await pilot.pause()
        await pilot.press("enter")  # keep the region it guessed
        await pilot.pause()
        await pilot.pause()
        assert app.focused.id == "start"  # Enter now starts instead of reopening the list
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert store.profile().name == "Robin"


async def test_a_scenario_named_on_the_command_line_opens_after_the_welcome(store, library):
    from bot.ui.app import RehearseApp

    app = RehearseApp(library, store, still=True, scenario_id="lend")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "lend"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_scenario_named_on_the_command_line_opens_its_briefing(store, library):
    from bot.ui.app import RehearseApp

    store.create_profile("Sam", "UK")
    app = RehearseApp(library, store, still=True, scenario_id="lend")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "lend"
