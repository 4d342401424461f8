"""`rehearse serve`: the whole app in participants' browsers, one app
process per browser, through textual-serve's AppService. What textual-serve
leaves to us is here: the join code and Host/Origin checks (it has none),
a page with no internet fonts (its template fetches one), a cap on
sessions, a waiting message while starts queue for the CPU, and a stop
that leaves nothing behind; session.py gives each process a throwaway
folder and a bare environment (textual-serve passes on the server's own,
which would open the facilitator's family profiles) and ends it with its
connection."""

import asyncio
import contextlib
import json
import os
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path

import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.download_manager import DownloadManager

from ..i18n import _
from . import pages
from .gate import Gate, RateLimit, show_code
from .session import AppGone, Session
from .site import Full, GatedSite, JoinLimits, Socket, Timeouts, refuse

TEXTUAL_STATIC = Path(textual_serve.__file__).with_name("static")
STATIC_FILES = {
    "textual.js": ("js/textual.js", "application/javascript"),
    "xterm.css": ("css/xterm.css", "text/css"),
    "RobotoMono.ttf": ("fonts/RobotoMono-VariableFont_wght.ttf", "font/ttf"),
    "RobotoMono-Italic.ttf": ("fonts/RobotoMono-Italic-VariableFont_wght.ttf", "font/ttf"),
}
OWN_STATIC = {"serve.css": "text/css", "serve.js": "application/javascript"}
START_TIMEOUT = 120.0  # seconds a queued start may take before we give up on it
MAX_MESSAGE = 64 * 1024  # a paste into the app, at most


class ServeServer(GatedSite):
    def __init__(self, gate: Gate, sock: socket.socket, content_dirs: list[Path], *, max_sessions: int = 40,
                 idle_seconds: float = 3 * 3600, starts_at_once: int | None = None,
                 joins: JoinLimits = JoinLimits(), timeouts: Timeouts = Timeouts()):
        super().__init__(gate, sock, 4096, joins, timeouts)
        self.argv = [sys.executable, "-m", "bot",
                     *(arg for d in content_dirs for arg in ("--content", str(Path(d).resolve())))]
        self.max_sessions, self.idle_seconds = max_sessions, idle_seconds
        self.participants: set[str] = set()
        self.sessions: dict[str, Session] = {}  # by participant: one browser tab each
        self.waiting = 0
        self._starts = asyncio.Semaphore(starts_at_once or os.cpu_count() or 2)
        self._new_sockets = RateLimit(0.5, 6)
        self._downloads = DownloadManager()
        self.last_activity = time.monotonic()
        self.stopped = asyncio.Event()

    # -- GatedSite ---------------------------------------------------------------------
    def admit(self, nickname: str) -> str:
        if len(self.participants) >= 4 * self.max_sessions:
            raise Full("this session is full")
        participant = os.urandom(12).hex()
        self.participants.add(participant)
        return participant

    def knows(self, participant: str) -> bool:
        return participant in self.participants

    def seen(self) -> None:
        self.last_activity = time.monotonic()

    def routes(self) -> list:
        return [web.get("/", self.index), web.get("/ws", self.websocket), web.get("/status", self.status),
                web.get("/static/{name}", self.static)]

    def headers(self, host: str) -> dict[str, str]:
        """xterm.js adds its own style elements, so inline styles are allowed here; scripts are not."""
        headers = pages.security_headers(host)
        headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
            f"img-src 'self' data:; connect-src 'self' ws://{host}; frame-ancestors 'none'; base-uri 'none'; "
            "form-action 'self'")
        return headers

    # -- pages ---------------------------------------------------------------------------
    async def index(self, request: web.Request) -> web.Response:
        if self.participant(request) is None:
            return self.join_page(request)
        page = pages.fill("serve.html", websocket=f"ws://{request.host}/ws")
        return web.Response(text=page, content_type="text/html")

    async def static(self, request: web.Request) -> web.Response:
        if self.participant(request) is None:
            return refuse(403, "not-joined", "join with the code first")
        name = request.match_info["name"]
        if name in OWN_STATIC:
            return web.Response(text=pages.read(name), content_type=OWN_STATIC[name])
        if name not in STATIC_FILES:
            return refuse(404, "not-found", "no such file")
        path, kind = STATIC_FILES[name]
        return web.FileResponse(TEXTUAL_STATIC / path, headers={"Content-Type": kind})

    async def status(self, request: web.Request) -> web.Response:
        if self.participant(request) is None:
            return refuse(403, "not-joined", "join with the code first")
        return web.json_response({"starting": self.waiting, "running": len(self.sessions),
                                  "full": len(self.sessions) >= self.max_sessions})

    # -- one browser's app --------------------------------------------------------------------
    async def websocket(self, request: web.Request) -> web.StreamResponse:
        """One browser's app, from the first message to the last: the
        session is counted from before anything waits, so the cap holds,
        and it ends (process group and folder) however the connection does."""
        participant = self.participant(request)
        if participant is None:
            return refuse(403, "not-joined", "join with the code first")
        if not self.origin_ok(request, required=True):
            return refuse(403, "wrong-origin", "only this server's own page may connect")
        if not self._new_sockets.allow(participant):
            return refuse(429, "slow-down", "too many connections")
        if participant not in self.sessions and len(self.sessions) >= self.max_sessions:
            return refuse(429, "full", f"all {self.max_sessions} sessions are in use")
        if self.stopped.is_set():
            return refuse(503, "stopping", "the server is stopping")
        previous = self.sessions.get(participant)  # the same browser again (a reload): the old app goes
        connection = Socket(request, self.timeouts, MAX_MESSAGE)
        folder = Path(tempfile.mkdtemp(prefix="rehearse-session-"))
        session = Session(self.argv, folder, connection, self._downloads)
        session.size = (_size(request.query.get("width"), 80), _size(request.query.get("height"), 24))
        self.sessions[participant] = session
        starting = None
        try:
            if previous is not None:
                await previous.end()
            await connection.ws.prepare(request)
            starting = asyncio.create_task(self._start(session))
            await self._relay(session)
        finally:
            if starting is not None:
                starting.cancel()
                await asyncio.wait([starting])
            if self.sessions.get(participant) is session:
                del self.sessions[participant]
            await session.end()
        return connection.ws

    async def _start(self, session: Session) -> None:
        """Starts wait their turn (one per core), so the first people in get a
        screen quickly and everyone else sees the queue move."""
        self.waiting += 1
        try:
            async with self._starts:
                await session.start(*session.size)
                if session.running:
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(session.first_screen.wait(), START_TIMEOUT)
        finally:
            self.waiting -= 1

    async def _relay(self, session: Session) -> None:
        """What textual.js sends, checked: anything malformed is dropped, and
        so are keys pressed before the app has started. Reading never waits
        on the start, so a browser that leaves while queued is noticed."""
        with contextlib.suppress(AppGone, ConnectionResetError):
            async for message in session.socket.ws:
                if message.type != WSMsgType.TEXT:
                    continue
                self.seen()
                try:
                    envelope = json.loads(message.data)
                except (ValueError, RecursionError):
                    continue
                if not isinstance(envelope, list) or not envelope:
                    continue
                await self._pass_on(session, envelope[0], envelope[1] if len(envelope) > 1 else None)

    async def _pass_on(self, session: Session, kind, data) -> None:
        if kind == "ping" and isinstance(data, str):
            await session.socket.send_str(json.dumps(["pong", data[:32]]))
        elif kind == "resize" and isinstance(data, dict):
            session.size = (_size(data.get("width"), 80), _size(data.get("height"), 24))
            if session.running:
                await session.give(session.set_terminal_size(*session.size))
        elif not session.running:
            return
        elif kind == "stdin" and isinstance(data, str):
            await session.give(session.send_bytes(data.encode("utf-8")))
        elif kind == "blur":
            await session.give(session.blur())
        elif kind == "focus":
            await session.give(session.focus())

    async def watch_idle(self) -> None:
        """Stop after idle_seconds with no request and no key pressed in any session."""
        while not self.stopped.is_set():
            await asyncio.sleep(min(30.0, self.idle_seconds / 4))
            if time.monotonic() - self.last_activity > self.idle_seconds:
                self.stopped.set()

    async def stop(self) -> None:
        """Every app's process group is killed at once and every folder
        removed, then the connections close: well within two seconds."""
        self.stopped.set()
        await asyncio.gather(*(session.end() for session in list(self.sessions.values())))
        await super().stop()


def _size(value, default: int) -> int:
    """A terminal dimension from the browser, kept sane."""
    try:
        return min(500, max(10, int(value)))
    except (TypeError, ValueError):
        return default


def serve(sock: socket.socket, content_dirs: list[Path], *, max_sessions: int, idle_seconds: float) -> int:
    """Run until Ctrl+C, or a long idle with nobody connected."""

    async def main() -> None:
        server = ServeServer(Gate(), sock, content_dirs, max_sessions=max_sessions, idle_seconds=idle_seconds)
        await server.start()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signum, server.stopped.set)
        print("rehearse serve: " + _("open {url} in each browser (bound to {host} only).").format(
            url=server.url, host=server.host))
        print(_("Join code: {code}. Give it to the participants; it is not shown anywhere else.").format(
            code=show_code(server.gate.code)))
        print(_("Each browser gets its own practice session and a throwaway data folder; at most {count} at once. "
                "Press Ctrl+C to stop.").format(count=max_sessions), flush=True)
        idle = asyncio.create_task(server.watch_idle())
        await server.stopped.wait()
        idle.cancel()
        await server.stop()
        print("rehearse serve: " + _("stopped."))

    asyncio.run(main())
    return 0
