"""The workshop in a real terminal (tmux) with a phone on loopback: the
screen shows the address and code, the phone joins and votes, the
facilitator closes the vote, goes on with the room's choice, saves the
record and stops (which saves it again, and prints where). The private
facilitator link is printed before the projector screen opens, and never
on it."""

import asyncio
import re
import shutil
import sys
import time
from pathlib import Path

import pytest

from test_tmux import Terminal

from .conftest import LIBRARY
from .serving import Phone

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
REHEARSE = Path(sys.executable).with_name("rehearse")


class Projector(Terminal):
    def start_workshop(self, *args: str) -> None:
        command = f"env REHEARSE_HOME={self.home} TERM=xterm-256color {REHEARSE} --content {LIBRARY} workshop " + \
            " ".join(args)
        self.tmux("new-session", "-d", "-s", "app", "-x", "120", "-y", "36", command)
        self.tmux("set-option", "-t", "app", "remain-on-exit", "on")
        self.started = True


class Joined:
    """Just enough of a VoteServer for a Phone: its address and code."""

    def __init__(self, address: str, code: str):
        self.url = f"http://{address}/"
        self.gate = type("Code", (), {"code": code})()


async def phone_votes(server: Joined, option: int) -> tuple:
    async with Phone(server) as phone:
        assert await phone.join() == 303
        state = None
        for _ in range(100):
            state = await (await phone.http.get(server.url + "state")).json()
            if state["vote"] and state["vote"]["open"]:
                break
            await asyncio.sleep(0.1)
        status, _ = await phone.vote(option, round_id=state["vote"]["round"])
        return status, state["slide"]["options"]


def test_a_workshop_in_a_real_terminal(rehearse_home, tmp_path):
    terminal = Projector(rehearse_home, f"rehearse-workshop-{id(tmp_path)}")
    records = tmp_path / "records"
    try:
        terminal.start_workshop("evening", "--port", "0", "--export", str(records))
        before = terminal.wait_for("Press Enter to open the projector screen")
        link = re.search(r"http://127\.0\.0\.1:\d+/f/(\S+)", before).group(1)
        terminal.keys("Enter")
        screen = terminal.wait_for("What is hard about a late")
        assert link not in screen
        address, code = re.search(r"Join: (127\.0\.0\.1:\d+)\s+code ([A-Z0-9]{4}-[A-Z0-9]{4})", screen).groups()
        terminal.keys("Space", "Space", "Space", "Space")  # briefing, scene, discussion, vote
        terminal.wait_for("have voted")
        status, options = asyncio.run(phone_votes(Joined(address, code), 2))
        assert status == 200 and options[1] == "Sure, here you go."
        terminal.wait_for("1 of 1 have voted")
        terminal.keys("c")
        terminal.wait_for("the room's choice")
        terminal.keys("Space")
        terminal.wait_for("A hard ending")
        terminal.keys("e")
        terminal.wait_for("Save the session record")
        terminal.keys("y")
        assert str(records) not in terminal.wait_for("Saved")  # the room sees file names, not the folder
        assert sorted(p.suffix for p in records.iterdir()) == [".csv", ".md"]
        assert "| 2 | Sure, here you go. | 1 (room's choice, taken) |" in next(records.glob("*.md")).read_text()
        terminal.keys("q")
        terminal.wait_for("Stop the workshop?")
        terminal.keys("y")
        deadline = time.monotonic() + 10
        while not terminal.finished():
            assert time.monotonic() < deadline, "the workshop did not stop"
            time.sleep(0.1)
        assert f"saved the session record: {records}" in terminal.wait_for("saved the session record")
    finally:
        terminal.close()
