"""What both of our web servers (the vote page and `rehearse serve`) do
before anything else: answer only to their own Host, refuse big bodies, let
people in with the join code (a signed cookie from then on), and add
headers that keep the pages to themselves."""

import asyncio
import socket
from collections import Counter
from dataclasses import dataclass

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from ..i18n import language
from . import pages, page_words
from .gate import Gate, RateLimit, allowed_hosts, origin_ok
from .languages import accepted, chosen, speaking

COOKIE_HOURS = 12  # a browser that comes back within a workshop is the same person, with the same ballot


@dataclass(frozen=True)
class JoinLimits:
    """Joining, per network address. Phones on the room's Wi-Fi each have
    their own address, but a guest network or a lab can put a whole class
    behind one, so the numbers leave room for a class and not for one
    phone posing as a crowd."""

    rate: float = 1.0  # new people a second from one address, after a burst
    burst: int = 20  # a class scanning the QR code together behind one router
    per_address: int = 60  # people from one address in all
    wrong_rate: float = 2.0  # wrong codes a second from one address, after a burst: 2e11 codes stay out of reach
    wrong_burst: int = 20
    wrong_wait: float = 15.0  # past the burst, attempts wait their turn, at most this long; more are refused


@dataclass(frozen=True)
class Timeouts:
    """How long a connection may keep a server waiting. A phone that left
    the Wi-Fi without a word (half-open), a page that stopped reading and
    a request never finished are all closed, so none holds a slot, a
    process or memory for good."""

    idle: float = 20.0  # an HTTP connection with no request, or half a one (keep-alive between requests)
    body: float = 10.0  # to send a request's body
    heartbeat: float = 20.0  # WebSockets are pinged this often and closed when no answer comes in half of it
    send: float = 10.0  # for a page to take what is sent to it; then the connection is cut


def refuse(status: int, reason: str, message: str) -> web.Response:
    return web.json_response({"error": reason, "message": message}, status=status)


def hang_up(request: web.BaseRequest) -> None:
    """Cut the connection at once, dropping whatever the other side has not taken."""
    transport = request.transport
    if transport is not None:
        transport.abort()


class Socket:
    """A WebSocket whose page must keep up: each message, and the closing
    handshake, get `timeouts.send`; a page that does not take them in time
    (it stopped reading, or its network went away) is hung up on, so what
    waits for it is bounded by one message and the kernel's buffers."""

    def __init__(self, request: web.Request, timeouts: Timeouts, max_msg_size: int):
        self.request, self.timeout = request, timeouts.send
        self.ws = web.WebSocketResponse(heartbeat=timeouts.heartbeat, max_msg_size=max_msg_size, compress=False)

    async def send_str(self, data: str) -> None:
        await self._send(self.ws.send_str(data))

    async def send_bytes(self, data: bytes) -> None:
        await self._send(self.ws.send_bytes(data))

    async def _send(self, sending) -> None:
        """ConnectionResetError when the page did not take it (it is gone then)."""
        try:
            async with asyncio.timeout(self.timeout):
                await sending
        except (TimeoutError, ConnectionError, RuntimeError):
            self.hang_up()
            raise ConnectionResetError("the page stopped taking what is sent") from None

    async def close(self) -> None:
        try:
            async with asyncio.timeout(self.timeout):
                await self.ws.close()
        except (TimeoutError, ConnectionError, RuntimeError):
            pass
        self.hang_up()

    def hang_up(self) -> None:
        hang_up(self.request)


class Full(Exception):
    """No more participants fit; the message says so."""


class GatedSite:
    """Subclasses add routes and say how a participant is admitted."""

    def __init__(self, gate: Gate, sock: socket.socket, max_body: int, joins: JoinLimits, timeouts: Timeouts):
        self.gate, self.sock, self.max_body, self.joins, self.timeouts = gate, sock, max_body, joins, timeouts
        self.host, self.port = sock.getsockname()[:2]
        self.hosts = allowed_hosts(self.host, self.port)
        self.cookie = f"rehearse-{self.port}"  # browsers share cookies across ports; two servers must not
        self.language_cookie = f"{self.cookie}-lang"  # the page's language switch, remembered
        self.language = language()  # the workshop's: for a browser that names neither of ours
        self._wrong_codes = RateLimit(joins.wrong_rate, joins.wrong_burst)
        self._new_people = RateLimit(joins.rate, joins.burst)
        self._joined: Counter[str] = Counter()  # people admitted, by address (bounded by the participant cap)
        self._runner: web.AppRunner | None = None

    # -- for subclasses ---------------------------------------------------------
    def admit(self, nickname: str) -> str:
        """A new participant's id, or Full."""
        raise NotImplementedError

    def rejoin(self, participant: str, nickname: str) -> None:
        """A participant's browser joined again (nothing changes by default)."""

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
                        web.get("/join", self.join_again),
                        web.get("/page.css", self.page_css), *self.routes()])
        return app

    async def start(self) -> None:
        """Idle connections (none, or half a request) close after timeouts.idle;
        at stop, a handler still running gets a second before it is cancelled."""
        self._runner = web.AppRunner(self.make_app(), access_log=None, handle_signals=False,
                                     keepalive_timeout=self.timeouts.idle, shutdown_timeout=1.0)
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

    async def body(self, request: web.Request, read=None):
        """The request's body through `read` (default: the raw bytes), which
        must arrive within timeouts.body; a sender too slow is cut off."""
        try:
            async with asyncio.timeout(self.timeouts.body):
                return await (read or request.read)()
        except TimeoutError:
            hang_up(request)
            raise web.HTTPRequestTimeout() from None

    # -- languages -------------------------------------------------------------------------
    def phone_language(self, request: web.Request) -> str:
        """The page's own switch (this request's ?lang=, then its cookie), then
        the browser's Accept-Language, then the workshop's language."""
        return (chosen(request.query.get("lang")) or chosen(request.cookies.get(self.language_cookie))
                or accepted(request.headers.get("Accept-Language")) or self.language)

    def page(self, request: web.Request, name: str, words, status: int = 200, **values: str) -> web.Response:
        """A page in the phone's language; a choice on its switch is remembered."""
        lang = self.phone_language(request)
        with speaking(lang):
            text = pages.fill(name, **words(), **values)
        response = web.Response(text=text, content_type="text/html", status=status)
        if chosen(request.query.get("lang")):
            response.set_cookie(self.language_cookie, lang, max_age=COOKIE_HOURS * 3600, samesite="Strict", path="/")
        return response

    # -- joining -------------------------------------------------------------------------
    def join_page(self, request: web.Request, code: str = "", error: str = "", status: int = 200) -> web.Response:
        """`error` names one of page_words.join_errors(), said in the phone's language."""
        lang = self.phone_language(request)
        with speaking(lang):
            said = page_words.join_errors()[error] if error else ""
        return self.page(request, "join.html", page_words.join_page, status, code=code, error=said,
                         hidden="" if error else "hidden")

    async def join_link(self, request: web.Request) -> web.Response:
        if self.participant(request) is not None:  # the QR code scanned again: straight back in
            return web.Response(status=303, headers={"Location": "/"})
        return self.join_page(request, code=request.match_info["code"][:32])

    async def join_again(self, request: web.Request) -> web.Response:
        """The join page's language switch after a refused code (the form posts to /join)."""
        lang = chosen(request.query.get("lang"))
        return web.Response(status=303, headers={"Location": f"/?lang={lang}" if lang else "/"})

    async def page_css(self, request: web.Request) -> web.Response:
        return web.Response(text=pages.read("page.css"), content_type="text/css")

    async def join(self, request: web.Request) -> web.Response:
        """The code lets a new person in; a browser that has joined before
        comes back as the same person (a reload or a second scan of the QR
        code never makes a second ballot). Wrong codes cost time, not the
        right code: past their burst, every attempt from that address
        waits its turn, and a right one is let in when its turn comes.
        No await comes between a check and its cost, so attempts sent at
        once are no faster than the same in turn."""
        if not self.origin_ok(request):
            return refuse(403, "wrong-origin", "requests must come from this server's own page")
        if request.content_type != "application/x-www-form-urlencoded":
            return refuse(400, "bad-form", "send the join form")
        try:
            form = await self.body(request, request.post)
        except (ValueError, UnicodeDecodeError, asyncio.IncompleteReadError, HttpProcessingError):
            return refuse(400, "bad-form", "send the join form")
        address = request.remote or "?"
        waited = not self._wrong_codes.has_room(address)
        if waited:  # after a run of wrong codes: wait a turn, paid for now and given back if the code is right
            wait = self._wrong_codes.reserve(address, self.joins.wrong_wait)
            if wait is None:
                return self.join_page(request, error="too_many_wrong", status=429)
            await asyncio.sleep(wait)
        if not self.gate.code_matches(str(form.get("code", ""))):
            if not waited:
                self._wrong_codes.allow(address)
            return self.join_page(request, error="wrong_code", status=403)
        if waited:
            self._wrong_codes.refund(address)
        nickname = str(form.get("nickname", ""))
        returning = self.participant(request)
        if returning is not None:
            self.rejoin(returning, nickname)
            return self._welcome(returning)
        if self._joined[address] >= self.joins.per_address:
            return self.join_page(request, error="full", status=429)
        if not self._new_people.allow(address):
            return self.join_page(request, error="busy", status=429)
        try:
            participant = self.admit(nickname)
        except Full:
            return self.join_page(request, error="full", status=403)
        self._joined[address] += 1
        return self._welcome(participant)

    def _welcome(self, participant: str) -> web.Response:
        response = web.Response(status=303, headers={"Location": "/"})
        response.set_cookie(self.cookie, self.gate.cookie_for(participant), max_age=COOKIE_HOURS * 3600,
                            httponly=True, samesite="Strict", path="/")
        return response
