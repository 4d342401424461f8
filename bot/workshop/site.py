"""What both of our web servers (the vote page and `rehearse serve`) do
before anything else: answer only to their own Host, refuse big bodies, let
people in with the join code (a signed cookie from then on), and add
headers that keep the pages to themselves."""

import asyncio
import socket

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from . import pages
from .gate import Gate, RateLimit, allowed_hosts, origin_ok

WRONG_CODE_RATE = 0.2  # wrong join codes a second per address, after a burst
WRONG_CODE_BURST = 10


def refuse(status: int, reason: str, message: str) -> web.Response:
    return web.json_response({"error": reason, "message": message}, status=status)


class Full(Exception):
    """No more participants fit; the message says so."""


class GatedSite:
    """Subclasses add routes and say how a participant is admitted."""

    def __init__(self, gate: Gate, sock: socket.socket, max_body: int):
        self.gate, self.sock, self.max_body = gate, sock, max_body
        self.host, self.port = sock.getsockname()[:2]
        self.hosts = allowed_hosts(self.host, self.port)
        self.cookie = f"rehearse-{self.port}"  # browsers share cookies across ports; two servers must not
        self._wrong_codes = RateLimit(WRONG_CODE_RATE, WRONG_CODE_BURST)
        self._runner: web.AppRunner | None = None

    # -- for subclasses ---------------------------------------------------------
    def admit(self, nickname: str) -> str:
        """A new participant's id, or Full."""
        raise NotImplementedError

    def knows(self, participant: str) -> bool:
        raise NotImplementedError

    def routes(self) -> list:
        raise NotImplementedError

    def seen(self) -> None:
        """Someone with the code did something (for the idle timer)."""

    # -- life ---------------------------------------------------------------------
    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def join_url(self) -> str:
        """The address in the QR code: it fills the code in on the join page."""
        return f"{self.url}j/{self.gate.code}"

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard], client_max_size=self.max_body)
        app.add_routes([web.get("/j/{code}", self.join_link), web.post("/join", self.join),
                        web.get("/page.css", self.page_css), *self.routes()])
        return app

    async def start(self) -> None:
        self._runner = web.AppRunner(self.make_app(), access_log=None, handle_signals=False)
        await self._runner.setup()
        await web.SockSite(self._runner, self.sock).start()

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    # -- every request ---------------------------------------------------------------
    @web.middleware
    async def _guard(self, request: web.Request, handler):
        if request.headers.get("Host") not in self.hosts:
            return refuse(400, "wrong-host", "this server answers only to its own address")
        if (request.content_length or 0) > self.max_body:
            return refuse(413, "too-big", "request body too large")
        try:
            response = await handler(request)
        except web.HTTPRequestEntityTooLarge:
            return refuse(413, "too-big", "request body too large")
        except web.HTTPException as err:
            return refuse(err.status, "refused", err.reason)
        if not isinstance(response, web.WebSocketResponse):
            response.headers.update(self.headers(request.host))
        return response

    def headers(self, host: str) -> dict[str, str]:
        return pages.security_headers(host)

    def participant(self, request: web.Request) -> str | None:
        """The participant a valid cookie names, or None."""
        participant = self.gate.participant(request.cookies.get(self.cookie))
        if participant is None or not self.knows(participant):
            return None
        self.seen()
        return participant

    def origin_ok(self, request: web.Request, required: bool = False) -> bool:
        return origin_ok(request.headers.get("Origin"), self.hosts, required)

    # -- joining -------------------------------------------------------------------------
    def join_page(self, code: str = "", error: str = "", status: int = 200) -> web.Response:
        page = pages.fill("join.html", code=code, error=error, hidden="" if error else "hidden")
        return web.Response(text=page, content_type="text/html", status=status)

    async def join_link(self, request: web.Request) -> web.Response:
        return self.join_page(code=request.match_info["code"][:32])

    async def page_css(self, request: web.Request) -> web.Response:
        return web.Response(text=pages.read("page.css"), content_type="text/css")

    async def join(self, request: web.Request) -> web.Response:
        if not self.origin_ok(request):
            return refuse(403, "wrong-origin", "requests must come from this server's own page")
        address = request.remote or "?"
        if not self._wrong_codes.has_room(address):
            return refuse(429, "slow-down", "too many wrong codes; wait a minute")
        if request.content_type != "application/x-www-form-urlencoded":
            return refuse(400, "bad-form", "send the join form")
        try:
            form = await request.post()
        except (ValueError, UnicodeDecodeError, asyncio.IncompleteReadError, HttpProcessingError):
            return refuse(400, "bad-form", "send the join form")
        if not self.gate.code_matches(str(form.get("code", ""))):
            self._wrong_codes.allow(address)
            return self.join_page(error="That code is not right. Check the screen and try again.", status=403)
        try:
            participant = self.admit(str(form.get("nickname", "")))
        except Full as err:
            return self.join_page(error=f"Sorry, {err}.", status=403)
        response = web.Response(status=303, headers={"Location": "/"})
        response.set_cookie(self.cookie, self.gate.cookie_for(participant), httponly=True, samesite="Strict", path="/")
        return response
