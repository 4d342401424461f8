"""The facilitator's screen under Textual's pilot: the join code and QR,
the hidden tally and then the bars, the facilitator's own pick, undo, the
private notes panel, timers and saving the record, and the server the app
starts and stops."""

import asyncio
import html
import json
from pathlib import Path

import pytest
import segno

from bot.content.library import Library
from bot.engine.catalog import Catalog
from bot.workshop import phases
from bot.workshop.gate import Gate
from bot.workshop.network import listen
from bot.workshop.run import AgendaItem, WorkshopRun
from bot.workshop.qr import EMPTY, FULL, LOWER, UPPER
from bot.workshop.server import VoteServer
from bot.workshop.ui.app import WorkshopApp

from .serving import Phone

JOIN_URL = "http://192.168.1.20:8765/j/ACDEFGHJ"
SIZE = (110, 36)


def make_app(run, room, tmp_path=Path("."), server=None) -> WorkshopApp:
    return WorkshopApp(run, room, "ACDEFGHJ", server=server, join_url=JOIN_URL, export_dir=tmp_path / "records",
                       vote_seconds=30, discuss_minutes=2)


def shown(app, name: str) -> str:
    widget = app.screen.query_one(f"#ws-{name}")
    return str(widget.content) if widget.display else ""


def screen_text(app) -> str:
    return "\n".join(shown(app, n) for n in ("header", "heading", "title", "lines", "coach", "question", "options",
                                             "status", "join-text"))


def on_screen(app) -> str:
    """Everything drawn, as text (the SVG's no-break spaces made plain)."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


def notices(app) -> str:
    """The notifications on screen now, as text."""
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


def vote(room, options):
    for option in options:
        room.vote(room.join().id, room.round.id, option, 1)


def drive(test):
    asyncio.run(asyncio.wait_for(test(), 60))


def test_opening_shows_the_question_the_code_and_a_qr_code_that_scans(make_run, room):
    async def test():
        app = make_app(make_run(), room)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "What is hard about a late knock at the door?" in text
            assert "ACDE-FGHJ" in text and "192.168.1.20:8765" in text
            assert "ACDEFGHJ" not in shown(app, "header")  # the code is shown in its readable form
            rows = shown(app, "qr").split("\n")
            modules = []
            for row in rows:
                modules.append([c in (FULL, UPPER) for c in row])
                modules.append([c in (FULL, LOWER) for c in row])
            expected = [[bool(m) for m in row] for row in segno.make(JOIN_URL, error="m", boost_error=False)
                        .matrix_iter(border=2)]
            assert modules[:len(expected)] == expected
            assert set("".join(rows)) <= {FULL, UPPER, LOWER, EMPTY}

    drive(test)


def test_the_tally_stays_hidden_until_the_vote_closes(make_run, room):
    async def test():
        run = make_run()
        app = make_app(run, room)
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(4):
                await pilot.press("space")
            assert run.phase == phases.VOTING
            vote(room, [1, 1, 3])
            await pilot.pause(0.4)
            text = screen_text(app)
            assert "3 of 3 have voted" in text and "hidden until the vote closes" in text
            assert "vote ·" not in text and "votes ·" not in text and "room's choice" not in text
            await pilot.press("c")
            text = screen_text(app)
            assert "2 votes · 67%" in text and "1 vote · 33%" in text and "0 votes · 0%" in text
            assert "◀ the room's choice" in text and "Option 1 has the most votes." in text

    drive(test)


def test_the_facilitator_picks_another_and_can_take_it_back(make_run, room):
    async def test():
        run = make_run(with_plan=False)
        app = make_app(run, room)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "space", "space")  # briefing, scene, discussion, vote
            vote(room, [1, 1])
            await pilot.press("c", "2")
            assert run.records[-1].overridden and run.session.state == "gave"
            assert "A hard ending" in screen_text(app)
            await pilot.press("u")
            assert run.session.state == "door" and run.records == [] and run.phase == phases.SCENE
            await pilot.press("9")  # not on offer: nothing happens
            assert run.session.state == "door"

    drive(test)


def test_facilitator_notes_never_reach_the_projector(make_run, room):
    async def test():
        run = make_run()
        app = make_app(run, room)
        async with app.run_test(size=SIZE) as pilot:
            for _ in range(6):  # opening, briefing, scene, discussion, vote, tally: each with notes of its own
                await pilot.press("n")  # no key opens them here
                await pilot.pause()
                assert "SECRET" not in on_screen(app) and "PLAN-NOTE" not in on_screen(app)
                assert "notes" not in on_screen(app).lower()  # nor does the key bar offer them
                await pilot.press("space")

    drive(test)


def test_timers_for_the_vote_and_the_discussion(make_run, room, clock):
    async def test():
        run = make_run(with_plan=False)
        app = make_app(run, room)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "space")
            assert run.phase == phases.DISCUSS
            await pilot.press("t")
            assert str(app.screen.query_one("#ws-timer").value) == "2:00"
            await pilot.press("space")
            assert run.phase == phases.VOTING
            await pilot.press("t")
            assert room.round.closes_at == clock.now + 30
            vote(room, [2])
            clock.now += 31
            await pilot.pause(0.5)
            assert run.phase == phases.TALLY and run.decision.choice == 2

    drive(test)


def test_saving_projects_only_the_file_names(make_run, room, tmp_path):
    async def test():
        run = make_run(with_plan=False)
        app = make_app(run, room, tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "1")
            await pilot.press("e")
            await pilot.pause()
            assert "Save the session record?" in on_screen(app) and str(tmp_path) not in on_screen(app)
            await pilot.press("y")
            await pilot.pause()
            saved = sorted((tmp_path / "records").iterdir())
            assert [p.suffix for p in saved] == [".csv", ".md"] and app.saved == [saved[1], saved[0]]
            shown = notices(app) + on_screen(app)
            assert saved[1].name in shown and str(tmp_path) not in shown and "records" not in shown

    drive(test)


def test_stopping_asks_with_keep_going_focused_and_saves_the_record(make_run, room, tmp_path):
    async def test():
        run = make_run(with_plan=False)
        app = make_app(run, room, tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "1")
            step = run.step_number
            await pilot.press("q", "enter")  # Enter is also Next: out of habit it must not stop anything
            await pilot.pause()
            assert app.is_running and app.saved == [] and not (tmp_path / "records").exists()
            assert run.step_number == step and run.phase == phases.SCENE  # nor did the Enter move the room on
            await pilot.press("q", "y")
            await pilot.pause()
            assert not app.is_running
        assert sorted(p.suffix for p in (tmp_path / "records").iterdir()) == [".csv", ".md"]
        assert app.saved and all(p.parent == tmp_path / "records" for p in app.saved)

    drive(test)


def test_a_stop_that_cannot_save_says_so_and_asks_again(make_run, room, tmp_path):
    async def test():
        blocked = tmp_path / "file"
        blocked.write_text("not a folder")
        app = WorkshopApp(make_run(with_plan=False), room, "ACDEFGHJ", join_url=JOIN_URL, export_dir=blocked)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("q", "y")
            await pilot.pause()
            assert app.is_running and "Not saved" in notices(app)
            await pilot.press("q")
            await pilot.pause()
            assert "could not be saved; stop without it?" in on_screen(app)
            await pilot.press("y")
            await pilot.pause()
            assert not app.is_running

    drive(test)


def test_the_debrief_names_a_pick_made_without_votes(make_run, room):
    async def test():
        run = make_run(with_plan=False)
        app = make_app(run, room)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "space", "space")  # briefing, scene, discussion: the vote opens
            assert run.phase == phases.VOTING
            await pilot.press("2", "space")  # nobody voted; the facilitator picks, then the ending
            await pilot.pause()
            assert run.phase == phases.DEBRIEF
            lines = shown(app, "lines")
            assert "(your pick, no vote)" in lines and "0 of 0" not in lines

    drive(test)


def test_the_app_serves_the_room_and_stops_the_server(make_run, room):
    async def test():
        server = VoteServer(room, Gate(), listen("127.0.0.1", 0))
        run = make_run()
        app = WorkshopApp(run, room, server.gate.code, server=server, export_dir=Path("."))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.join_url == server.join_url and f"127.0.0.1:{server.port}" in screen_text(app)
            async with Phone(server) as phone:
                assert await phone.join() == 303
                await pilot.pause(0.4)
                assert "1 person has joined." in screen_text(app)
                await pilot.press("space", "space", "space", "space")
                assert await phone.vote(2) == (200, {"ok": True, "mine": 2, "voters": 1})
                state = await (await phone.http.get(server.url + "state")).json()
                assert state["slide"]["options"][1] == "Sure, here you go."
                assert "SECRET" not in json.dumps(state)
        async with Phone(server) as phone:
            try:
                await phone.join()
                raise AssertionError("the server should be stopped")
            except OSError:
                pass

    drive(test)


def inside(app, name: str) -> bool:
    """The widget is drawn, and whole, within the screen."""
    widget = app.screen.query_one(f"#ws-{name}")
    region = widget.region
    return widget.display and region.height >= widget.outer_size.height - 2 and app.screen.region.contains_region(region)


def test_at_80x24_the_join_words_the_qr_code_and_the_whole_tally_show(room):
    """fifty-dollars has the longest scene of the first steps: its tally
    must not be pushed off the screen, nor the join words by the QR code."""
    async def test():
        run = WorkshopRun(Catalog(Library([])), [AgendaItem("fifty-dollars")], room, title="Money")
        app = make_app(run, room)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert inside(app, "join-text") and inside(app, "qr")
            assert "code ACDE-FGHJ" in shown(app, "join-text")
            await pilot.resize_terminal(80, 20)  # no room for the whole QR code: none of it, and the words stay
            await pilot.pause()
            assert inside(app, "join-text") and not app.screen.query_one("#ws-qr").display
            await pilot.resize_terminal(80, 24)
            while run.phase != phases.VOTING:
                await pilot.press("space")
            await pilot.pause()
            assert inside(app, "options")
            vote(room, [1, 1, 3])
            await pilot.press("c")
            await pilot.pause()
            assert run.phase == phases.TALLY and "the room's choice" in shown(app, "options")
            assert inside(app, "options")

    drive(test)


def test_the_facilitator_link_follows_the_room_and_never_shows_on_the_projector(make_run, room):
    async def test():
        server = VoteServer(room, Gate(), listen("127.0.0.1", 0))
        run = make_run()
        app = WorkshopApp(run, room, server.gate.code, server=server, export_dir=Path("."))
        async with app.run_test(size=SIZE) as pilot, Phone(server) as facilitator:
            async def notes() -> dict:
                await pilot.pause()
                assert server.gate.facilitator_token not in on_screen(app)
                return await (await facilitator.http.get(server.facilitator_url + "/notes")).json()

            opening = await notes()
            assert opening["phase"] == "Opening question" and "PLAN-NOTE" in "".join(opening["plan"])
            await pilot.press("space")
            assert "BRIEFING-SECRET" in "".join((await notes())["now"])
            await pilot.press("space")
            scene = await notes()
            assert "FACILITATOR-SECRET" in "".join(scene["now"]) and "step 1: Door" in scene["where"]
            assert "SECRET" not in on_screen(app)

    drive(test)


def test_snapshot_of_the_projector_during_the_tally(make_run, room, snap_compare):
    run = make_run()

    async def to_tally(pilot):
        for _ in range(4):
            await pilot.press("space")
        vote(room, [1, 1, 1, 2, 3])
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(make_app(run, room), terminal_size=SIZE, run_before=to_tally)


def test_a_narrow_screen_keeps_the_stage_the_code_and_the_count(make_run, room):
    async def test():
        run = make_run()
        app = make_app(run, room)
        async with app.run_test(size=(80, 30)) as pilot:
            await pilot.pause()
            assert app.screen.query_one("#ws-side").display  # the QR while people join
            await pilot.press("space", "space", "space", "space")
            vote(room, [1])
            await pilot.press("t")
            await pilot.pause(0.4)
            assert not app.screen.query_one("#ws-side").display
            assert "code ACDE-FGHJ" in shown(app, "header")
            assert "1 of 1 have voted" in shown(app, "status") and "Closes in 0:30" in shown(app, "status")

    drive(test)


PHASES = [phases.OPENING, phases.BRIEFING, phases.SCENE, phases.DISCUSS, phases.VOTING, phases.TALLY, phases.ENDING,
          phases.DEBRIEF, phases.CLOSING, phases.DONE]


async def to_phase(pilot, phase: str) -> None:
    """On through the plan (the room voting 1, 1, 2 at each vote) to the first step in this phase."""
    app = pilot.app
    while app.screen.run.phase != phase:
        if app.screen.run.phase == phases.VOTING:
            vote(app.room, [1, 1, 2])
            await pilot.press("c")
        else:
            await pilot.press("space")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("shown", [*PHASES, "stop", "save"])
def test_snapshot_of_every_projector_screen(make_run, room, snap_compare, shown, size):
    async def to_screen(pilot):
        await to_phase(pilot, shown if shown in PHASES else phases.SCENE)
        if shown in ("stop", "save"):
            await pilot.press("q" if shown == "stop" else "e")
            await pilot.pause()

    assert snap_compare(make_app(make_run(), room), terminal_size=size, run_before=to_screen)


def test_close_vote_and_timer_show_only_where_they_act(make_run, room):
    from bot.ui.widgets.keybar import KeyBar

    timed = {phases.OPENING, phases.DISCUSS, phases.VOTING, phases.DEBRIEF, phases.CLOSING}

    async def test():
        app = make_app(make_run(), room)
        async with app.run_test(size=(80, 24)) as pilot:
            for phase in PHASES:
                await to_phase(pilot, phase)
                keys = [description for _, _, description in app.screen.query_one(KeyBar).keys()]
                assert ("Close vote" in keys) == (phase == phases.VOTING), phase
                assert ("Timer" in keys) == (phase in timed), phase
                if phase == phases.SCENE:
                    await pilot.press("c", "t")  # nothing to close or to time in a scene
                    await pilot.pause()
                    assert app.screen.run.phase == phases.SCENE and app.screen.timer_ends is None

    drive(test)
