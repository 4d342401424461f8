"""The facilitator's screen under Textual's pilot: the join code and QR,
the hidden tally and then the bars, the facilitator's own pick, undo, the
private notes panel, timers and saving the record, and the server the app
starts and stops."""

import asyncio
import html
import json
from pathlib import Path

import segno

from bot.workshop import phases
from bot.workshop.gate import Gate
from bot.workshop.network import listen
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


def test_private_notes_are_hidden_until_asked_for(make_run, room):
    async def test():
        run = make_run()
        app = make_app(run, room)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "space")
            assert run.phase == phases.SCENE
            notes = app.screen.query_one("#ws-notes")
            assert not notes.display
            assert "SECRET" not in on_screen(app)
            await pilot.press("n")
            await pilot.pause()
            assert notes.display and not app.screen.query_one("#ws-side").display
            assert "FACILITATOR-SECRET" in str(app.screen.query_one("#ws-notes-text").content)
            assert "PRIVATE NOTES" in on_screen(app)
            await pilot.press("n")
            await pilot.pause()
            assert not notes.display and "SECRET" not in on_screen(app)

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


def test_the_record_is_saved_where_the_facilitator_says(make_run, room, tmp_path):
    async def test():
        run = make_run(with_plan=False)
        app = make_app(run, room, tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("space", "1")
            await pilot.press("e")
            field = app.screen.query_one("#folder")
            assert field.value == str(tmp_path / "records")
            field.value = str(tmp_path / "friday")
            await pilot.press("enter")
            await pilot.pause()
            saved = sorted(p.suffix for p in (tmp_path / "friday").iterdir())
            assert saved == [".csv", ".md"]

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
