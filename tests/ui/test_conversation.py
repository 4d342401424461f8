"""The conversation: the chat, every key, the coach panel, saving each step."""

from contextlib import asynccontextmanager

from textual.widgets import Static

from bot.ui.screens.debrief import DebriefScreen
from bot.ui.screens.dialogs import Question
from bot.ui.screens.home import HomeScreen
from bot.ui.screens.source import SourceScreen
from bot.ui.widgets.coach import CoachPanel

from .helpers import all_text, conversation, screen_text, start_playing


def chat_texts(app, kind: str) -> list[str]:
    return [w.render().plain for w in app.screen.query(f"#chat .{kind}").results(Static)]


def saved_steps(app) -> list[tuple[str, int]]:
    screen = conversation(app)
    return [(s.node, s.choice) for s in app.store.steps(screen.play.playthrough_id)]


async def test_the_chat_shows_names_narration_and_your_line(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_playing(pilot, "lend")
        assert chat_texts(app, "said") == ["Alex\nHey. I'm stuck at the gas station. Can you send me twenty? Just for gas."]
        assert chat_texts(app, "narration") == ["The phone rings at ten."]
        narration = app.screen.query_one("#chat .narration", Static)
        assert all(span.style == "italic" for span in narration.render().spans)
        await pilot.press("1")
        await pilot.pause()
        assert chat_texts(app, "you") == ["You\nWhat does your sponsor say?"]
        assert chat_texts(app, "said")[-1] == "Alex\nI don't want to bother him over twenty bucks."


async def test_number_keys_arrows_enter_and_mouse_all_choose(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("3")  # by number
        await pilot.pause()
        assert conversation(app).session.state == "angry"
        await pilot.press("down", "down", "enter")  # by arrows: the first press lands on option 1, then 2
        await pilot.pause()
        assert conversation(app).session.state == "hung-up"
        await pilot.press("u")
        await pilot.pause()
        choices = app.screen.query_one("#choices")
        await pilot.click("#choices", offset=(4, choices.get_option_index("choice-1")))  # by mouse
        await pilot.pause()
        assert conversation(app).session.state == "ride"
        assert saved_steps(app) == [("the-call", 2), ("angry", 0)]


async def test_a_number_not_on_offer_does_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("7")
        await pilot.pause()
        assert conversation(app).session.state == "the-call"
        assert saved_steps(app) == []


async def test_options_hidden_by_a_condition_are_not_offered(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("3")  # calm -1, so the breathing option appears
        await pilot.pause()
        assert app.screen.query_one("#choices").option_count == 3
        assert "Press 1-3" in app.screen.query_one("#prompt").render().plain


async def test_every_step_is_saved_as_it_is_made(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("1")
        await pilot.pause()
        assert saved_steps(app) == [("the-call", 0)]
        saved = app.store.playthrough(conversation(app).play.playthrough_id)
        assert (saved.node, saved.skills, saved.state) == ("sponsor", {"boundaries": 1, "calm": 0, "enabling": 0},
                                                           "playing")


async def test_undo_takes_back_the_last_choice_on_screen_and_on_disk(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("1", "2")
        await pilot.pause()
        assert conversation(app).session.ending == "sent"
        await pilot.press("u")
        await pilot.pause()
        assert conversation(app).session.state == "sponsor"
        assert saved_steps(app) == [("the-call", 0)]
        assert chat_texts(app, "you") == ["You\nWhat does your sponsor say?"]
        assert chat_texts(app, "said")[-1] == "Alex\nI don't want to bother him over twenty bucks."
        await pilot.press("u", "u")
        await pilot.pause()
        assert conversation(app).session.state == "the-call"
        assert chat_texts(app, "you") == [] and saved_steps(app) == []


async def test_restart_asks_first_and_keeps_the_old_try_in_the_history(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        first = conversation(app).play.playthrough_id
        await pilot.press("1", "r")
        await pilot.pause()
        assert isinstance(app.screen, Question)
        await pilot.press("n")
        await pilot.pause()
        assert conversation(app).session.state == "sponsor"
        await pilot.press("r", "y")
        await pilot.pause()
        screen = conversation(app)
        assert screen.session.state == "the-call" and chat_texts(app, "you") == []
        assert screen.play.playthrough_id != first
        assert app.store.playthrough(first).state == "left"
        assert len(app.store.steps(first)) == 1


async def test_escape_goes_back_to_the_menu_and_the_step_is_kept(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("1", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "after 1 step" in app.screen.query_one("#carry-on").label.plain
        await pilot.press("c")
        await pilot.pause()
        assert conversation(app).session.state == "sponsor"
        assert chat_texts(app, "you") == ["You\nWhat does your sponsor say?"]


async def test_the_coach_panel_shows_feedback_source_and_which_way_is_good(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_playing(pilot, "lend")
        coach = app.screen.query_one(CoachPanel)
        assert "A quick ask with a story is worth a calm question." in all_text(app)
        await pilot.press("2")
        await pilot.pause()
        text = all_text(app)
        assert "Coach: Saying yes ends the tension fast, and that is the trap." in text
        assert "Source: Ask about the plan" in text
        assert [str(c) for c in coach.citations][0] == "guide#ask-about-the-plan"
        skills = app.screen.query_one("#coach-skills").render().plain
        assert "↓ Enabling" in skills and "+1  lower is better" in skills
        assert "↑ Staying calm" in skills and "higher is better" in skills


async def test_narrow_screens_show_the_skills_in_a_line(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("2")
        await pilot.pause()
        assert not app.screen.query_one("#coach-skills").display
        compact = app.screen.query_one("#coach-skills-line")
        # a score then an arrow ("+1↓") reads as movement: the good way is said in words
        assert compact.display and "Enabling +1 (lower is better)" in compact.render().plain
        assert "Staying calm 0 ·" in compact.render().plain  # higher is better, as people expect
        assert "↓" not in compact.render().plain and "↑" not in compact.render().plain


async def test_s_opens_the_cited_section_in_the_reader(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        text = all_text(app)
        assert "A short guide for families" in text and "Stay calm" in text
        assert "A calm voice lowers the temperature." in text
        assert "https://example.org/guide" in text  # shown as text, never opened
        await pilot.press("down")
        await pilot.pause()
        assert "Turn a request back to the recovery plan" in all_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert conversation(app).session.state == "angry"


async def test_safety_callouts_stand_out_in_the_chat(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "late")
        safety = app.screen.query_one("#chat .safety", Static)
        text = safety.render().plain
        assert text.startswith("Safety\n") and "call your emergency number now" in text
        assert text.endswith("In an emergency, call 999. Press F1 for help lines.")  # the profile's region, UK
        assert safety.styles.border_top[0] == "heavy"


async def test_a_safety_callout_gives_the_learners_own_emergency_number(make_app):
    app = make_app(profile=("Sam", "AU"))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "late")
        text = app.screen.query_one("#chat .safety", Static).render().plain
        assert "In an emergency, call 000 (112 also works from a mobile)." in text
        assert "999" not in text and "911" not in text


async def test_an_ending_leads_to_the_debrief(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("1", "1")
        await pilot.pause()
        assert conversation(app).session.ending == "ride"
        assert "This is one of the endings" in app.screen.query_one("#prompt").render().plain
        assert "You held a kind, clear line" in all_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)


async def test_lines_appear_one_at_a_time_with_a_typing_pause(make_app, monkeypatch):
    monkeypatch.setenv("REHEARSE_TYPING_DELAY", "5")  # capped at LONGEST_PAUSE, long enough to look
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        assert chat_texts(app, "narration") == ["The phone rings at ten."]  # narration needs no typing
        assert chat_texts(app, "typing") == ["Alex is typing…"]
        assert chat_texts(app, "said") == []
        assert app.screen.query_one("#choices").option_count == 0
        await pilot.press("space")  # skip the pause
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert chat_texts(app, "typing") == [] and len(chat_texts(app, "said")) == 1
        assert app.screen.query_one("#choices").option_count == 3


async def test_the_typing_pause_can_be_switched_off(make_app, monkeypatch):
    monkeypatch.setenv("REHEARSE_TYPING_DELAY", "5")
    app = make_app(typing=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        assert chat_texts(app, "typing") == [] and len(chat_texts(app, "said")) == 1


async def test_own_words_first_are_kept_with_the_step(make_app):
    app = make_app(own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        assert app.screen.query_one("#own-words").display and not app.screen.query_one("#choices").display
        await pilot.press(*"No money, sorry 1", "enter")
        await pilot.pause()
        assert app.screen.query_one("#choices").display
        assert "closest to what you would say" in app.screen.query_one("#prompt").render().plain
        await pilot.press("1")
        await pilot.pause()
        assert app.store.steps(conversation(app).play.playthrough_id)[0].own_words == "No money, sorry 1"
        assert "In your words: No money, sorry 1" in chat_texts(app, "you")[0]
        assert app.screen.query_one("#own-words").display  # asked again at the next step
        await pilot.press("enter")  # skipping is fine
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert app.store.steps(conversation(app).play.playthrough_id)[1].own_words is None


async def test_a_long_conversation_keeps_only_recent_turns_on_screen(make_app):
    from bot.ui.widgets.chat import ChatLog

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "loop")
        steps = ChatLog.KEEP + ChatLog.SLACK + 3
        for _ in range(steps):
            await pilot.press("1")
        await pilot.pause()
        chat = app.screen.query_one(ChatLog)
        assert len(chat.turns) <= ChatLog.KEEP + ChatLog.SLACK and chat.hidden == steps + 1 - len(chat.turns)
        assert f"{chat.hidden} earlier steps of this conversation are not shown here" in \
            app.screen.query_one("#earlier").render().plain
        assert len(chat.children) < 5 * (ChatLog.KEEP + ChatLog.SLACK)
        on_screen = len(chat.turns)
        for _ in range(on_screen):  # take back more turns than are on screen
            await pilot.press("u")
        await pilot.pause()
        assert len(conversation(app).session.steps) == steps - on_screen
        assert len(chat.turns) >= 2 and chat.turns[-1]  # the history came back from the saved steps
        assert len(app.store.steps(conversation(app).play.playthrough_id)) == steps - on_screen
        assert chat_texts(app, "said")[-1] in ("Robin\nCan I have some money?", "Robin\nBut why not?")


async def test_when_a_choice_returns_the_whole_step_is_in_place(make_app):
    """Your reply, the new lines and the new options are all there at once, so
    the step is painted once and never without your reply in it."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_playing(pilot, "lend")
        screen = conversation(app)
        await screen.action_choose(1)  # no pause: nothing gets to finish later
        assert chat_texts(app, "you") == ["You\nWhat does your sponsor say?"]
        assert chat_texts(app, "said")[-1] == "Alex\nI don't want to bother him over twenty bucks."
        choices = screen.query_one("ChoiceList")
        assert choices.option_count == len(screen.session.offered()) > 0
        assert not app._batch_count  # painting is back on


async def test_a_number_pressed_straight_after_enter_is_a_choice_too(make_app):
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await start_playing(pilot, "lend")
        app.post_message(events.Key("down", None))  # highlights the first option
        app.post_message(events.Key("enter", None))  # and says it
        app.post_message(events.Key("1", "1"))  # before the first step has finished showing
        await pilot.pause()
        await pilot.pause()
        assert len(saved_steps(app)) == 2


async def test_enter_in_the_restart_question_keeps_the_conversation(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("1", "r")
        await pilot.pause()
        assert isinstance(app.screen, Question) and app.focused.id == "no"
        await pilot.press("enter")
        await pilot.pause()
        assert conversation(app).session.state == "sponsor"


async def test_enter_alone_chooses_nothing_until_an_option_is_picked(make_app):
    """People from chat apps press Enter to carry on; that must not say option 1."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        assert app.screen.query_one("#choices").highlighted is None
        await pilot.press("enter")
        await pilot.pause()
        assert conversation(app).session.state == "the-call" and saved_steps(app) == []
        await pilot.press("down", "enter")
        await pilot.pause()
        assert conversation(app).session.state == "sponsor"


def key_bar(app) -> str:
    from bot.ui.widgets.keybar import KeyBar

    return app.screen.query_one(KeyBar).render().plain


async def test_while_typing_own_words_the_key_bar_and_coach_name_keys_that_work(make_app):
    app = make_app(own_words=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("enter", "1")  # skip the words, choose: the coach now cites a source
        await pilot.pause()
        assert "press Ctrl+O to read it" in app.screen.query_one("#coach-source").render().plain
        bar = key_bar(app)
        assert "Ctrl+Z Undo" in bar and "Ctrl+R Restart" in bar and "Ctrl+O Source" in bar
        assert " u Undo" not in bar and " s Source" not in bar
        assert "Ctrl+T more" in app.screen.query_one("#coach-more").render().plain  # c would type a c
        await pilot.press("ctrl+t")
        assert app.screen.query_one(CoachPanel).has_class("-open")
        await pilot.press(*"sure")  # s types, and opens nothing
        assert app.screen.query_one("#own-words").value == "sure"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert saved_steps(app) == []  # the choice was taken back
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, Question)


async def test_when_picking_an_option_the_letters_are_shown_again(make_app):
    app = make_app(own_words=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("enter", "1", "enter")  # skip words twice: now the options have focus
        await pilot.pause()
        bar = key_bar(app)
        assert " u Undo" in bar and " s Source" in bar and "Ctrl+Z" not in bar
        assert "press s to read it" in app.screen.query_one("#coach-source").render().plain
        assert "c more" in app.screen.query_one("#coach-more").render().plain


async def test_escape_mid_sentence_asks_first_and_keep_writing_is_the_default(make_app):
    app = make_app(own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press(*"I can't send", "escape")
        await pilot.pause()
        assert isinstance(app.screen, Question)
        assert "I can't send" in all_text(app)
        await pilot.press("enter")  # Enter out of habit keeps the words
        await pilot.pause()
        assert app.screen.query_one("#own-words").value == "I can't send"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_escape_with_nothing_typed_goes_straight_to_the_menu(make_app):
    app = make_app(own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


def whole_in(inner, outer) -> bool:
    return inner.region == inner.region.intersection(outer.region)


async def test_at_80x24_the_coach_folds_to_two_lines_under_your_line_and_the_reply(make_app):
    """The conversation keeps the room: your line, the reply and the coach's
    note are on screen together, the note cut to one line that says c opens it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("3")
        await pilot.pause()
        screen, chat = app.screen, app.screen.query_one("#chat")
        coach = screen.query_one(CoachPanel)
        assert coach.region.height == 3  # its rule, the note and the skills, each one line
        assert whole_in(screen.query("#chat .you").last(), chat)
        assert whole_in(screen.query("#chat .said").last(), chat)
        assert screen.query_one("#coach-line").render().plain.startswith("Coach: Fear is fair.")
        assert "c more" in screen.query_one("#coach-more").render().plain
        assert not screen.query_one("#coach-says").display and not screen.query_one("#coach-source").display


async def test_c_opens_the_whole_coach_note_and_folds_it_again(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("3", "c")
        await pilot.pause()
        text = screen_text(app)
        assert "Fear is fair. A charge usually brings a fight instead of an answer." in text
        assert "Source: Stay calm" in text and "c show less" in text
        assert app.screen.query_one("#choices").option_count == 3
        await pilot.press("c")
        await pilot.pause()
        assert not app.screen.query_one("#coach-says").display
        await pilot.press("1")  # the options still answer
        await pilot.pause()
        assert conversation(app).session.ending == "ride"


async def test_what_the_coach_is_for_is_said_once_not_at_every_step(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "loop")
        assert "Choose what you would say" in app.screen.query_one("#coach-line").render().plain
        await pilot.press("1")
        await pilot.pause()
        conversation(app).update_coach(None)  # a later step where the coach has nothing to say
        await pilot.pause()
        assert "Choose what you would say" not in all_text(app)
        assert app.screen.query_one(CoachPanel).has_class("-quiet")
        assert app.screen.query_one(CoachPanel).region.height == 2  # its rule and the skills line, no more


def words_panel_text(app) -> str:
    return "\n".join(app.screen.query_one(f"#words-{part}").render().plain for part in ("said", "says"))


def option_prompts(app) -> list[str]:
    choices = app.screen.query_one("#choices")
    return [choices.get_option_at_index(n).prompt.plain for n in range(choices.option_count)]


async def type_words(pilot, words: str) -> None:
    await pilot.press(*words, "enter")
    await pilot.pause()


@asynccontextmanager
async def words_typed(make_app, words: str):
    """The lending scenario at 80x24 with own words on, these words typed at its first step."""
    app = make_app(own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await type_words(pilot, words)
        yield app, pilot


async def test_what_your_words_do_names_the_habits_kindly_above_the_options(make_app):
    app = make_app(own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        panel = app.screen.query_one("#words")
        assert not panel.display  # nothing to say before the learner has typed
        await type_words(pilot, "I feel scared. You always do this, you junkie")
        text = words_panel_text(app)
        assert "What your words do" in text and "You said: “I feel scared. You always do this, you junkie”" in text
        assert "What helped: You said how you feel" in text
        assert "May backfire: 'Junkie' is a label" in text and "May backfire: \"Always\" and \"never\"" in text
        assert "One thing to try: " in text
        choices = app.screen.query_one("#choices")
        assert panel.display and choices.display
        assert panel.region.bottom <= app.screen.query_one("#prompt").region.y < choices.region.y
        assert "What helped: You said how you feel" in screen_text(app)  # on screen, not only in the widget
        await pilot.press("1")
        await pilot.pause()
        assert not panel.display and app.screen.query_one("#own-words").display  # the next step asks afresh


async def test_words_that_touch_an_emergency_get_the_safety_words_alone(make_app):
    async with words_typed(make_app, "I feel scared, but no ambulance. The junkie can sleep it off") as (app, pilot):
        text = words_panel_text(app)
        assert "Safety first: If someone may be overdosing" in text
        assert "May backfire" not in text and "What helped" not in text and "One thing to try" not in text
        assert app.screen.query_one("#words-line", Static).render().plain.endswith("Safety first")


async def test_words_about_stopping_treatment_put_safety_first_and_still_name_a_trap(make_app):
    async with words_typed(make_app, "I feel scared. Methadone is just swapping one drug for another, junkie") as (app, pilot):
        text = words_panel_text(app)
        assert text.index("Safety first: Methadone, buprenorphine") < text.index("May backfire: 'Junkie' is a label")
        assert "What helped" not in text and "One thing to try" not in text
        assert "Safety first; may backfire: Labels" in app.screen.query_one("#words-line", Static).render().plain


async def test_words_with_nothing_to_say_about_them_say_so(make_app):
    async with words_typed(make_app, "hmm ok") as (app, pilot):
        assert "Nothing stood out either way." in words_panel_text(app)
        assert "May backfire" not in words_panel_text(app) and "What helped" not in words_panel_text(app)


async def test_skipping_the_words_shows_no_panel(make_app):
    async with words_typed(make_app, "") as (app, pilot):
        assert app.screen.query_one("#choices").display and not app.screen.query_one("#words").display


async def test_the_option_closest_to_your_words_is_marked_not_chosen(make_app):
    async with words_typed(make_app, "youre using again arent you") as (app, pilot):
        prompts = option_prompts(app)
        assert prompts[2].endswith("closest to what you said")
        assert not any("closest to what you said" in p for p in prompts[:2])
        assert app.screen.query_one("#choices").highlighted is None and "closest to what you said" in screen_text(app)
        await pilot.press("enter")  # Enter alone still says nothing for you
        await pilot.pause()
        assert conversation(app).session.state == "the-call" and saved_steps(app) == []
        await pilot.press("1")  # the choice is the learner's, marked or not
        await pilot.pause()
        assert saved_steps(app) == [("the-call", 0)]
        assert "closest to what you said" not in chat_texts(app, "you")[0]


async def test_nothing_is_marked_when_no_option_is_close(make_app):
    app = make_app(own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await type_words(pilot, "I wont give you money but I can drive you")
        assert len(option_prompts(app)) == 3 and not any("closest" in prompt for prompt in option_prompts(app))


async def test_your_words_are_shown_as_text_never_as_markup(make_app):
    app = make_app(own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        words = app.screen.query_one("#own-words")
        words.value = "[bold red]no[/] $accent \x1b[31mcash\x07"
        await pilot.press("enter")
        await pilot.pause()
        said = app.screen.query_one("#words-said").render()
        assert "[bold red]no[/] $accent" in said.plain and "\x1b" not in said.plain and "\x07" not in said.plain
        assert "[bold red]no[/]" in screen_text(app)


async def test_taking_back_a_step_asks_for_your_words_there_again(make_app):
    app = make_app(own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("enter", "1")  # skip the words, choose
        await pilot.pause()
        await type_words(pilot, "I wont send cash")
        await pilot.press("u")
        await pilot.pause()
        assert conversation(app).session.state == "the-call"
        assert app.screen.query_one("#own-words").display and not app.screen.query_one("#words").display


async def test_a_new_learner_is_offered_own_words_once_and_not_now_is_the_default(make_app, store):
    from bot.progress.settings import Settings

    app = make_app(profile=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#start")  # the first run
        await pilot.pause()
        await start_playing(pilot, "lend")
        assert isinstance(app.screen, Question) and "Your own words first?" in all_text(app)
        assert "It can miss a danger: if anyone may be in danger now, press F1" in " ".join(all_text(app).split())
        assert app.focused.id == "no" and str(app.focused.label) == "Not now"
        await pilot.press("enter")  # Enter out of habit changes nothing
        await pilot.pause()
        screen = conversation(app)
        assert not app.settings.own_words and screen.query_one("#choices").display
        assert Settings.load(store, app.profile.id) == app.settings and not app.settings.offer_own_words
        await pilot.press("escape")
        await pilot.pause()
        await start_playing(pilot, "loop")
        assert not isinstance(app.screen, Question)  # asked once, never again


async def test_yes_to_the_offer_turns_own_words_on_at_once(make_app, store):
    from bot.progress.settings import Settings

    app = make_app(offer_own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.query_one("#own-words").display and not app.screen.query_one("#choices").display
        assert app.focused.id == "own-words"
        saved = Settings.load(store, app.profile.id)
        assert saved.own_words and not saved.offer_own_words


async def test_learners_not_new_through_the_welcome_are_not_asked(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_playing(pilot, "lend")
        assert not isinstance(app.screen, Question)



async def test_own_words_are_read_with_the_librarys_own_rules(make_app, tmp_path):
    """A library given with --content that has its own words/en.yaml: the
    conversation reads the learner's words with those rules, as plain mode does."""
    import shutil

    from bot.content.library import Library

    from applib import TEST_LIBRARY
    from words.test_rules_file import GOOD  # says only "You said how you feel."

    root = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, root)
    (root / "words").mkdir()
    (root / "words" / "en.yaml").write_text(GOOD, encoding="utf-8")
    app = make_app(library=Library([root]), own_words=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_playing(pilot, "lend")
        await pilot.press(*"I am so scared", "enter")
        await pilot.pause()
        said = app.screen.query_one("#words-says", Static).render().plain.splitlines()
        assert "What helped: You said how you feel." in said, said
