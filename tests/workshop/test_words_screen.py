"""The projector during a "What would you say?" round: w opens and closes
it, the key bar and F1 say so, and a line from the room shows only once the
facilitator chooses it, with its habits and never a name."""

import asyncio
from types import SimpleNamespace

from bot.ui.widgets.keybar import KeyBar
from bot.words import Note
from bot.workshop import phases, words_round

from .test_screen import make_app, notices, on_screen, shown

SIZE = (80, 24)
LINE = "I feel scared when you come home late"


def drive(test):
    asyncio.run(asyncio.wait_for(test(), 60))


async def at_scene_with_a_round(pilot, room):
    await pilot.press("space", "space")  # the opening question, the briefing: the scene
    await pilot.press("w")
    await pilot.pause()
    robin = room.join("Robin").id
    room.say(robin, room.words.id, LINE)
    room.say(robin, room.words.id, "You always do this, you junkie.")
    await pilot.pause(0.4)


def test_w_opens_a_round_and_only_chosen_lines_reach_the_projector(make_run, room, monkeypatch):
    monkeypatch.setattr(words_round, "read", fixed_reading)

    async def test():
        run = make_run()
        app = make_app(run, room)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("w")  # the opening question: no step to ask about
            await pilot.pause()
            assert room.words is None and "before its vote" in notices(app)
            await at_scene_with_a_round(pilot, room)
            assert run.phase == phases.SCENE and room.words is not None
            assert ("w", "w", "Own words") in app.screen.query_one(KeyBar).keys()
            assert "What would you say?" in shown(app, "title") and "2 lines sent" in shown(app, "status")
            assert "Sam: Can I have twenty dollars?" in shown(app, "lines")  # the line the room answers
            assert LINE not in on_screen(app) and "junkie" not in on_screen(app)
            room.show_line(room.words.id, 1, True)
            await pilot.pause(0.4)
            words = shown(app, "words")
            assert f"“{LINE}”" in words and "✓ I-statements: " in words and "junkie" not in words
            assert "Robin" not in on_screen(app) and "junkie" not in on_screen(app)
            room.show_line(room.words.id, 1, False)
            await pilot.pause(0.4)
            assert LINE not in shown(app, "words")
            room.show_line(room.words.id, 2, True)
            await pilot.press("w")  # closes the round: the stage is the step's again
            await pilot.pause()
            assert room.words is None and "junkie" not in on_screen(app)
            assert [s.text for s in run.shared] == ["You always do this, you junkie."]
            assert "What would you say?" not in shown(app, "title") and shown(app, "options")

    drive(test)


def test_f1_on_the_projector_explains_the_round(make_run, room):
    async def test():
        app = make_app(make_run(), room)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("f1")
            await pilot.pause()
            help_text = str(app.screen.query_one("#how-to").content)
            assert "w opens a \"What would you say?\" round" in help_text and "no name" in help_text

    drive(test)


def fixed_reading(text: str):
    """What the analyser says, fixed here so the snapshot shows the layout, not the rules file's words of the day."""
    notes = (Note("i-statement", "helps", "You said how you feel: that is easier to hear than a charge."),) \
        if text == LINE else (Note("always-never", "trap", "'Always' and 'never' sound like a verdict."),
                              Note("label", "trap", "'Junkie' is a label; people dig in when labelled."))
    return SimpleNamespace(text=text, codes=tuple(n.code for n in notes), notes=notes, try_next=None,
                           helps=tuple(n for n in notes if n.kind == "helps"),
                           traps=tuple(n for n in notes if n.kind == "trap"))


def test_snapshot_of_a_shared_line_at_80x24(make_run, room, snap_compare, monkeypatch):
    monkeypatch.setattr(words_round, "read", fixed_reading)

    async def to_shared(pilot):
        await at_scene_with_a_round(pilot, room)
        room.show_line(room.words.id, 1, True)
        room.show_line(room.words.id, 2, True)
        await pilot.pause(0.4)

    assert snap_compare(make_app(make_run(), room), terminal_size=SIZE, run_before=to_shared)
