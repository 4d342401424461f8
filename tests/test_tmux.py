"""The app in a real terminal (tmux): first run, a scenario played to its
ending, quit and reopen, carry on where it stopped, and a killed process
that resumes at the same step."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from applib import TEST_LIBRARY

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
REHEARSE = Path(sys.executable).with_name("rehearse")


class Terminal:
    def __init__(self, home: Path, socket: str):
        self.home, self.socket = home, socket
        self.started = False

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True,
                              timeout=20).stdout

    def start(self) -> None:
        command = (f"env REHEARSE_HOME={self.home} REHEARSE_TYPING_DELAY=0 TERM=xterm-256color "
                   f"{REHEARSE} --content {TEST_LIBRARY}")
        if self.started:  # the same window, as if the user ran it again
            self.tmux("respawn-pane", "-k", "-t", "app", command)
            return
        self.tmux("new-session", "-d", "-s", "app", "-x", "100", "-y", "30", command)
        self.tmux("set-option", "-t", "app", "remain-on-exit", "on")
        self.started = True

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared on screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "app", key)
            time.sleep(0.05)

    def finished(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "app", "#{pane_dead}").strip() == "1"

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", "app", "#{pane_pid}").strip())

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=20)


@pytest.fixture
def terminal(rehearse_home):
    term = Terminal(rehearse_home, f"rehearse-test-{os.getpid()}")
    yield term
    term.close()


def quit_app(terminal: Terminal) -> None:
    terminal.keys("C-q")
    deadline = time.monotonic() + 10
    while not terminal.finished():
        assert time.monotonic() < deadline, "the app did not quit"
        time.sleep(0.1)


def test_play_quit_reopen_and_carry_on(terminal):
    terminal.start()
    terminal.wait_for("glad you're here")
    terminal.keys("S", "a", "m", "Tab", "Tab", "Enter")
    terminal.wait_for("Practising as Sam")
    terminal.keys("Enter")  # "Start here": the first scenario's briefing
    terminal.wait_for("Who: Alex, your 30-year-old brother")
    terminal.keys("Enter")
    terminal.wait_for("Is anyone in danger right now?")
    terminal.keys("n")
    terminal.wait_for("Your own words first?")  # offered once to a new learner
    terminal.keys("n")
    terminal.wait_for("Can you send me twenty?")
    terminal.keys("1")
    terminal.wait_for("I don't want to bother him")
    terminal.keys("Escape")
    terminal.wait_for("Continue where you left off: Twenty dollars (after 1 step)")
    quit_app(terminal)

    terminal.start()
    screen = terminal.wait_for("Continue where you left off: Twenty dollars (after 1 step)")
    assert "Welcome. We're glad" not in screen  # no second first run
    terminal.keys("c")
    terminal.wait_for("I don't want to bother him")
    terminal.keys("1")
    terminal.wait_for("This is one of the endings")
    terminal.keys("Enter")
    screen = terminal.wait_for("Endings you have found: 1 of 3")
    assert "A good ending" in screen
    quit_app(terminal)


def test_a_killed_app_resumes_at_the_same_step(terminal):
    terminal.start()
    terminal.wait_for("glad you're here")
    terminal.keys("Tab", "Tab", "Enter")
    terminal.wait_for("Practising without a name")
    terminal.keys("Enter")
    terminal.wait_for("Who: Alex")
    terminal.keys("Enter")
    terminal.wait_for("Is anyone in danger right now?")
    terminal.keys("n")
    terminal.wait_for("Your own words first?")  # offered once to a new learner
    terminal.keys("n")
    terminal.wait_for("Can you send me twenty?")
    terminal.keys("3")
    terminal.wait_for("Unbelievable. Forget I asked.")
    os.kill(terminal.pid(), signal.SIGKILL)
    deadline = time.monotonic() + 10
    while not terminal.finished():
        assert time.monotonic() < deadline
        time.sleep(0.1)

    terminal.start()
    terminal.wait_for("Continue where you left off: Twenty dollars (after 1 step)")
    terminal.keys("c")
    screen = terminal.wait_for("Unbelievable. Forget I asked.")
    assert "You're using again, aren't you?" in screen
    quit_app(terminal)
