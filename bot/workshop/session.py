"""One browser's app under `rehearse serve`: a process of its own, in its
own process group, with a bare environment and a throwaway folder, talking
to one WebSocket. textual-serve's AppService does the talking; what is
here makes sure the process and the folder end with the connection: the
page must keep up with what the app sends (site.Socket), the app must take
what the page sends within the same time, and ending kills the whole
process group (its data is thrown away, so there is nothing to save)."""

import asyncio
import contextlib
import os
import shlex
import shutil
import signal
from pathlib import Path

from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from .site import Socket

KEPT_ENVIRONMENT = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TZ", "PYTHONPATH", "SYSTEMROOT")
FIRST_SCREEN_BYTES = 2048  # the terminal set-up codes come first; a drawn screen is far more


def session_environment(base: dict, session_home: Path) -> dict:
    """textual-serve's environment for the app, minus everything of the
    facilitator's but the basics, with home and data in the throwaway folder."""
    env = {k: v for k, v in base.items()
           if k in KEPT_ENVIRONMENT or k.startswith(("TEXTUAL", "TERM_PROGRAM")) or k in ("COLUMNS", "ROWS")}
    env.update(HOME=str(session_home), REHEARSE_HOME=str(session_home / "data"), TMPDIR=str(session_home))
    return env


class AppGone(Exception):
    """The app did not take what the page sent in time."""


class Session(AppService):
    """One browser's app process, told when its first screen arrives."""

    def __init__(self, argv: list[str], session_home: Path, socket: Socket, downloads: DownloadManager):
        super().__init__(shlex.join(argv), write_bytes=socket.send_bytes, write_str=socket.send_str,
                         close=socket.close, download_manager=downloads)
        self.argv, self.session_home, self.socket = argv, session_home, socket
        self.size = (80, 24)
        self.first_screen = asyncio.Event()  # also set when the app ends without one
        self.ended = False
        self._ending: asyncio.Task | None = None
        self.sent = 0

    @property
    def running(self) -> bool:
        return self._process is not None and not self.ended

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        return session_environment(super()._build_environment(width, height), self.session_home)

    async def _open_app_process(self, width: int = 80, height: int = 24):
        """No shell in between, and a process group of its own, so ending
        kills the app and anything it started."""
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, env=self._build_environment(width, height), start_new_session=True)
        self._stdin = process.stdin
        return process

    async def start(self, width: int, height: int) -> None:
        """Nothing once ended; and an end that came while the process was
        being made (a reload, the server stopping) is done again for it."""
        if self.ended:
            return
        await super().start(width, height)
        if self.ended:
            self._ending = None
            await self.end()

    async def run(self) -> None:
        """The app's output to the page until either ends; then the page is told."""
        try:
            await super().run()
        finally:
            self.first_screen.set()
        await self.socket.close()

    async def on_data(self, payload: bytes) -> None:
        self.sent += len(payload)
        if self.sent >= FIRST_SCREEN_BYTES:
            self.first_screen.set()
        await super().on_data(payload)

    async def give(self, sending) -> None:
        """Pass the page's input on (AppService.send_bytes, set_terminal_size...);
        AppGone when the app does not take it within the page's own time."""
        try:
            async with asyncio.timeout(self.socket.timeout):
                await sending
        except TimeoutError:
            raise AppGone() from None

    async def end(self) -> None:
        """Hang up, kill the process group, wait for it, remove the folder.
        Any number of callers share one ending, which goes on to the end
        even when one of them is cancelled."""
        self.ended = True
        if self._ending is None:
            self._ending = asyncio.create_task(self._end())
        await asyncio.shield(self._ending)

    async def _end(self) -> None:
        self.socket.hang_up()
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        process = self._process
        if process is not None and process.returncode is None:  # not reaped, so the group id is still its own
            with contextlib.suppress(ProcessLookupError, PermissionError):
                _kill_group(process)
        if self._task is not None:
            self._task.cancel()
            await asyncio.wait([self._task])
        if process is not None:
            # Read what the app left in its pipes: until they close, asyncio
            # does not report the exit (and a pipe paused by a full buffer never would).
            await process.communicate()
        shutil.rmtree(self.session_home, ignore_errors=True)


def _kill_group(process) -> None:
    if hasattr(os, "killpg"):
        os.killpg(process.pid, signal.SIGKILL)
    else:  # Windows: no process groups to kill; the app starts nothing of its own
        process.kill()
