"""The self-paced screens, driven by keys and clicks as a learner would:
course map and completion, skills over time, reflection after a debrief,
journal, review, conversation card, practising together, profiles."""

import os

from textual.geometry import Region
from textual.widgets import Input, OptionList, TextArea

from bot.learning import journal, profiles, review
from bot.locations import exports_dir
from bot.progress.settings import Settings
from bot.ui import flow
from bot.ui.screens.briefing import BriefingScreen
from bot.ui.screens.card import CardScreen
from bot.ui.screens.course import CompletionScreen, CourseMapScreen
from bot.ui.screens.debrief import DebriefScreen
from bot.ui.screens.growth import SkillsScreen
from bot.ui.screens.home import HomeScreen
from bot.ui.screens.journal import EntryEditor, JournalScreen
from bot.ui.screens.profiles import NameDialog, ProfilesScreen
from bot.ui.screens.review import ReviewScreen
from bot.ui.screens.together import TogetherScreen
from bot.ui.screens.welcome import WelcomeScreen

from .playing import CARDS_ALL_RIGHT, CARDS_ALL_WRONG, play

SIZE = (100, 40)


def text_of(app) -> str:
    parts = []
    for widget in app.screen.query("*"):
        rendered = widget.render() if hasattr(widget, "render") else None
        if hasattr(rendered, "plain"):
            parts.append(rendered.plain)
    for options in app.screen.query(OptionList):
        prompts = (options.get_option_at_index(i).prompt for i in range(options.option_count))
        parts += [getattr(prompt, "plain", str(prompt)) for prompt in prompts]
    return "\n".join(parts)


def me(app):
    return app.profile.id


async def open_map(pilot):
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CourseMapScreen)


async def test_the_course_map_shows_modules_and_the_next_step(make_app, store, library):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        play(store, library, me(app), "cards", CARDS_ALL_WRONG)
        await open_map(pilot)
        text = text_of(app)
        assert "Your next step: Carry on with Four cards in Facts first." in text
        assert "What is true and what is a myth." in text and "Practises: Staying calm, Enabling" in text
        assert "0 of 1 completed" in text and "played once · 1 of 2 endings found" in text
        assert "Later   coming soon" in text
        assert str(app.screen.query_one("#review").label) == "Review (3)"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.screen.scenario.id == "cards"


async def test_a_finished_module_and_course_open_their_completion_view(make_app, store, library):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        play(store, library, me(app), "cards", CARDS_ALL_RIGHT)
        await open_map(pilot)
        assert "✓ completed: see what you learned" in text_of(app)
        options = app.screen.query_one("#map", OptionList)
        options.focus()
        options.highlighted = options.get_option_index("module:facts")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompletionScreen)
        text = text_of(app)
        assert "You have completed Facts first." in text and "What it taught: What is true" in text
        assert "Next: Hard talks · Twenty dollars" in text
        await pilot.press("escape")
        play(store, library, me(app), "money", [1, 1])
        play(store, library, me(app), "late", [1])
        app.screen.refresh_map()
        await pilot.pause()
        assert "You have completed every module." in text_of(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CompletionScreen) and app.screen.module is None
        assert "You have completed the whole course." in text_of(app)


async def open_skills_after_two_tries(pilot, store, library):
    """Skills over time after "cards" played twice: calm and enabling practised, boundaries not."""
    await pilot.pause()
    for picks in (CARDS_ALL_WRONG, CARDS_ALL_RIGHT):
        play(store, library, me(pilot.app), "cards", picks)
    await open_map(pilot)
    await pilot.press("s")
    await pilot.pause()


async def test_skills_over_time_draws_a_chart_per_practised_skill(make_app, store, library):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_skills_after_two_tries(pilot, store, library)
        assert isinstance(app.screen, SkillsScreen)
        charts = {s.parent.id: s.render().plain for s in app.screen.query(".skill-chart")}
        assert charts == {"skill-calm": "     ▄▄\n     ██\n────────\n ▀▀    \n -1  +3",
                          "skill-enabling": " ▄▄    \n ██    \n─────━━─\n +3   0"}
        text = text_of(app)
        assert "↓ Enabling  lower is better · latest 0 · best 0 · 2 tries" in text
        assert "Better than your last try at the same scenario." in text
        assert "Holding boundaries  higher is better · not practised yet" in text
        assert app.screen.query_one("#skill-enabling").has_class("good-down")


async def test_skills_over_time_at_80x24_shows_whole_charts_and_says_when_there_is_more(make_app, store, library):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_skills_after_two_tries(pilot, store, library)
        page = app.screen.query_one("#growth")
        for chart in app.screen.query(".skill-chart"):  # bars and the numbers under them
            assert page.content_region.contains_region(chart.region), chart.parent.id
        for facts in app.screen.query(".skill-facts"):
            assert all(" " in row.strip() for row in drawn_lines(facts)), "no word left alone on a line"
        more = app.screen.query_one("#more-below")
        assert page.max_scroll_y > 0 and more.display  # the last skill's line is just below, and it says so
        assert "More below" in more.render().plain
        await pilot.press("down", "down")
        await pilot.pause()
        assert page.scroll_y == page.max_scroll_y and not more.display


async def test_skills_over_time_draws_each_score_differently(make_app):
    from bot.ui.screens.growth import score_chart

    *bars, numbers = score_chart((-1, 0, 1, 2)).plain.split("\n")
    columns = ["".join(row[at:at + 3] for row in bars) for at in range(0, 16, 4)]
    assert len(set(columns)) == 4 and numbers.split() == ["-1", "0", "+1", "+2"]
    line = next(n for n, row in enumerate(bars) if row.startswith("─"))
    assert bars[line + 1][:3].strip() and not any(row[:3].strip() for row in bars[:line])  # -1 hangs below the line
    assert bars[line - 1][8:11].strip() and not any(row[8:11].strip() for row in bars[line + 1:])  # +1 stands above
    assert bars[line][4:7] != bars[line][:3]  # and 0 is marked on the line itself


async def test_two_different_scenarios_are_never_called_slipping(make_app, store, library):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        play(store, library, me(app), "cards", CARDS_ALL_RIGHT)
        play(store, library, me(app), "late", [2])
        await open_map(pilot)
        await pilot.press("s")
        await pilot.pause()
        text = text_of(app)
        assert "slipping" not in text and "not as good" not in text
        assert "Try a scenario again to see how this skill grows." in text


async def test_after_a_debrief_a_reflection_goes_into_the_journal(make_app, store, library):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tracked = play(store, library, me(app), "money", [2])
        flow.debrief(app, tracked)
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert "A moment to reflect" in text_of(app)
        assert str(app.screen.query_one("#reflect-prompt").value) == "What will you say next time?"
        await pilot.press("w")
        await pilot.press(*"Offer a ride first.", "enter")
        await pilot.pause()
        [entry] = journal.entries(store, me(app))
        assert (entry.prompt, entry.text, entry.scenario) == ("What will you say next time?", "Offer a ride first.",
                                                              "money")
        assert app.screen.query_one("#reflect-text", Input).value == ""


async def test_a_good_ending_that_completes_a_module_says_so(make_app, store, library):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        flow.debrief(app, play(store, library, me(app), "cards", CARDS_ALL_RIGHT))
        await pilot.pause()
        assert "✓ You have completed Facts first." in text_of(app)
        await pilot.click("#see-module")
        await pilot.pause()
        assert isinstance(app.screen, CompletionScreen) and app.screen.module.module.id == "facts"


async def test_the_conversation_card_opens_from_the_debrief_and_saves_a_private_copy(make_app, store, library):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        flow.debrief(app, play(store, library, me(app), "money", [1, 1]))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        text = text_of(app)
        assert "Lines that went well" in text and "I love you. The answer on money is still no." in text
        assert "If anyone is in danger now, call 999." in text and "Samaritans: Call 116 123 (free)" in text
        await pilot.press("p")
        await pilot.pause()
        [saved] = exports_dir().glob("card-money-*.html")
        assert os.stat(saved).st_mode & 0o777 == 0o600
        printed = saved.read_text()  # each line in one list: here both went well, so no second list repeats them
        assert "<li>No, but I can drive you" in printed and printed.count("No, but I can drive you") == 1


async def test_the_journal_can_be_browsed_edited_and_deleted(make_app, store, library):
    app = make_app()
    first = journal.add(store, app.profile.id, journal.HARD, "Staying calm.", "money")
    journal.add(store, app.profile.id, journal.WENT_WELL, "The ride offer.")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_map(pilot)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert "Twenty dollars" in text_of(app) and "The ride offer." in text_of(app)
        await pilot.press("down", "enter")  # the older note
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor)
        area = app.screen.query_one(TextArea)
        assert area.text == "Staying calm."
        area.text = "Staying calm, even when he shouted."
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert journal.entries(store, me(app))[1].text == "Staying calm, even when he shouted."
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert [e.id for e in journal.entries(store, me(app))] != [] and \
            first.id not in [e.id for e in journal.entries(store, me(app))]
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"A new thought.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [e.text for e in journal.entries(store, me(app))][0] == "A new thought."


async def test_the_review_asks_missed_cards_and_explains(make_app, store, library):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        play(store, library, me(app), "cards", CARDS_ALL_WRONG)
        await open_map(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        text = text_of(app)
        assert "Card 1 of 3" in text and "“Nothing can help until they hit bottom.”" in text
        await pilot.press("m")
        await pilot.pause()
        text = text_of(app)
        assert "Right: it is a myth." in text and "Yes: a family can act now." in text
        assert "Source: A small guide: Family recovery" in text
        await pilot.press("enter")  # Next
        await pilot.pause()
        assert "Card 2 of 3" in text_of(app)
        await pilot.press("m")  # wrong: people recover is a fact
        await pilot.pause()
        assert "Not quite: it is a fact." in text_of(app)
        for key in ("enter", "m", "enter"):  # only the family can fix it: a myth
            await pilot.press(key)
            await pilot.pause()  # a button press is a message: let it land before the next key
        assert "You got 2 of 3 right this time." in text_of(app)
    assert len(review.due(store, library, me(app))) == 3  # once right is not yet twice


async def test_two_people_compare_the_same_scenario(make_app, store, library):
    app = make_app("Ann", "Bob")
    ann, bob = profiles.all_profiles(store)
    play(store, library, ann.id, "money", [1, 1])
    play(store, library, bob.id, "money", [1, 2])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_map(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)
        await pilot.pause()
        text = text_of(app)
        assert "Ann reached Held (good ending)" in text and "Bob reached Gave (hard ending)" in text
        assert ("You both chose the same words once: when Alex said “Can I borrow twenty? Just this once.”. "
                "You chose differently once: when Alex said “Fine. Drive me, then.”.") in text
        assert "Where you agreed\n  “Can I borrow twenty? Just this once.”  you both said: No, but I can drive" \
            in text
        assert "“Fine. Drive me, then.”  this is where a shared line matters most" in text  # not the title "Drive"
        assert "Why agreeing on boundaries matters" in text
        assert "Source: A small guide: Family recovery; A small guide: Accountability" in text


def drawn_lines(widget) -> list[str]:
    """The rows a widget draws at its size, as the learner sees them."""
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))]


async def test_a_wrapped_moment_line_keeps_its_indent(make_app, store, library):
    app = make_app("Ann", "Bob")
    ann, bob = profiles.all_profiles(store)
    play(store, library, ann.id, "money", [1, 1])
    play(store, library, bob.id, "money", [1, 2])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_map(pilot)
        await pilot.press("w")
        await pilot.pause()
        drawn = [row for static in app.screen.query("#comparison Static") for row in drawn_lines(static)]
        agreed = next(at for at, row in enumerate(drawn) if "“Can I borrow twenty?" in row and "you both said" in row)
        assert drawn[agreed + 1] == " " * drawn[agreed].index("“") + "drive you to your meeting."  # under its words


async def test_the_comparison_is_offered_where_a_second_person_has_played_the_same(make_app, store, library):
    app = make_app("Ann", "Bob")
    ann, bob = profiles.all_profiles(store)
    play(store, library, bob.id, "money", [1, 2])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#together-offer").display  # Ann has not played it yet
        flow.debrief(app, play(store, library, ann.id, "money", [1, 1]))
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        offer = app.screen.query_one("#together-offer")
        assert offer.display and "Bob has finished “Twenty dollars” too. Press g to see where you agreed" \
            in offer.render().plain
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)
        assert "Bob reached Gave (hard ending)" in text_of(app)  # already picked: Bob and this scenario
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Bob has finished “Twenty dollars” too. Press w" in app.screen.query_one("#together-offer").render().plain
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        assert "Press w to see" in app.screen.query_one("#together-offer").render().plain
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen) and "Ann reached Held" in text_of(app)


async def test_profiles_are_created_renamed_switched_and_deleted(make_app, store, library):
    app = make_app("Ann")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NameDialog)
        await pilot.press(*"Bob", "enter")
        await pilot.pause()
        assert app.profile.name == "Bob" and store.profile().name == "Bob"
        await pilot.press("r")
        await pilot.pause()
        name = app.screen.query_one(Input)
        name.value = ""
        await pilot.press(*"Robert", "enter")
        await pilot.pause()
        assert app.profile.name == "Robert"
        options = app.screen.query_one(OptionList)
        options.highlighted = 0  # Ann
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.profile.name == "Ann"
        assert "Practising as Ann" in text_of(app)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("d")  # Ann is highlighted: the one in use
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert [p.name for p in profiles.all_profiles(store)] == ["Robert"]
        assert app.profile.name == "Robert"
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert profiles.all_profiles(store) == []
        assert isinstance(app.screen, WelcomeScreen)


async def test_a_profile_added_here_is_offered_own_words_as_after_the_welcome(make_app, store):
    app = make_app("Ann")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.settings.offer_own_words  # Ann came in without the welcome
        await pilot.press("o", "n")
        await pilot.pause()
        await pilot.press(*"Bob", "enter")
        await pilot.pause()
        assert app.profile.name == "Bob" and app.settings.offer_own_words
        assert Settings.load(store, app.profile.id).offer_own_words  # kept for Bob's first conversation


async def test_the_profile_in_use_and_its_notes_last_after_closing(make_app, store, library):
    from bot.ui.app import RehearseApp

    app = make_app("Ann", "Bob")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o", "down", "enter")
        await pilot.pause()
        journal.add(store, app.profile.id, journal.HARD, "Bob's note.")
    again = RehearseApp(library, store, still=True)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.profile.name == "Bob"
        await pilot.press("m", "j")
        await pilot.pause()
        assert "Bob's note." in text_of(again)


async def test_names_and_notes_are_shown_as_text_never_as_markup(make_app, store, library):
    app = make_app("[b]Ann[/b]\x1b]0;x\x07")
    journal.add(store, app.profile.id, journal.HARD, "[red]loud[/red] \x1b[2J words")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m", "j")
        await pilot.pause()
        text = text_of(app)
        assert "[red]loud[/red] [2J words" in text and "\x1b" not in text
        await pilot.press("escape", "escape", "o")
        await pilot.pause()
        assert "[b]Ann[/b]]0;x" in text_of(app)


async def test_choosing_another_person_clears_the_scenario_choice(make_app, store, library):
    app = make_app("Ann", "Bob", "Cy")
    ann, bob, cy = profiles.all_profiles(store)
    for person in (ann, bob, cy):
        play(store, library, person.id, "money", [1, 1])
        play(store, library, person.id, "late", [1])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m", "w")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#other").value = bob.id
        await pilot.pause()
        screen.query_one("#scenario").value = "late"
        await pilot.pause()
        assert "Bob reached Morning (good ending)" in text_of(app)
        screen.query_one("#other").value = cy.id
        await pilot.pause()
        assert screen.query_one("#scenario").is_blank()
        screen.query_one("#scenario").value = "money"
        await pilot.pause()
        assert "Cy reached Held (good ending)" in text_of(app) and "the same words at both moments" in text_of(app)


async def test_d_then_enter_keeps_the_profile(make_app, store):
    """Deleting is for good, so Enter in the question keeps the profile."""
    app = make_app("Ann")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [p.name for p in profiles.all_profiles(store)] == ["Ann"]
        assert isinstance(app.screen, ProfilesScreen)
