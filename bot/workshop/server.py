"""The vote server: the room's phones join with the code, see the options,
vote, and get live updates over a WebSocket (or by polling on a phone too
old for one). It runs on the facilitator's own event loop, serves only this
room, and refuses anything else with a 4xx that changes nothing."""

import asyncio
import contextlib
import json
import socket
from dataclasses import dataclass

from aiohttp import WSMsgType, web

from . import pages, page_words
from .gate import Gate, RateLimit
from .languages import speaking
from .room import Room, RoomFull
from .site import Full, GatedSite, JoinLimits, Socket, Timeouts, refuse
from .votes import VoteRefused

BROADCAST_DELAY = 0.03  # seconds: a burst of votes becomes one update per phone
TICK = 0.25


@dataclass(frozen=True)
class Limits:
    max_body: int = 8192  # bytes; a vote is about 40, a line of 1,000 characters at most about 6,000 as JSON
    vote_rate: float = 4.0  # votes a second per participant, after a burst
    vote_burst: int = 12
    say_rate: float = 0.2  # lines a second per participant, after a burst (the round's own cap is lower)
    say_burst: int = 6
    poll_rate: float = 4.0
    poll_burst: int = 20
    socket_rate: float = 0.5  # new live connections a second per participant
    socket_burst: int = 8
    sockets_per_participant: int = 3  # older ones are closed when a phone reconnects
    idle_seconds: float = 3 * 3600
    joins: JoinLimits = JoinLimits()
    timeouts: Timeouts = Timeouts()


VOTE_STATUS = {"closed": 409, "wrong-round": 409, "replayed": 409, "not-joined": 403,
               "unknown-option": 400, "bad-seq": 400, "bad-text": 400, "too-long": 413, "empty": 400,
               "enough": 429, "unknown-line": 404}
NOT_JOINED = (403, "not-joined", "join with the room's code first")
NOT_FOUND = (404, "not-found", "no such page")  # a wrong facilitator token looks like any unknown address


class VoteServer(GatedSite):
    def __init__(self, room: Room, gate: Gate, sock: socket.socket, limits: Limits = Limits(), on_idle=None):
        """`sock` is already bound (network.listen), so the address is known
        and a busy port is reported before any screen opens."""
        super().__init__(gate, sock, limits.max_body, limits.joins, limits.timeouts)
        self.room, self.limits, self.on_idle = room, limits, on_idle
        self.facilitator_view = lambda: {}  # the app sets it: what the facilitator's private page shows
        self.sockets: dict[str, list[Listener]] = {}
        self.latest: dict[str, str] = {}  # the room as JSON, by language, made once per update for every phone
        self._votes = RateLimit(limits.vote_rate, limits.vote_burst)
        self._says = RateLimit(limits.say_rate, limits.say_burst)
        self._polls = RateLimit(limits.poll_rate, limits.poll_burst)
        self._new_sockets = RateLimit(limits.socket_rate, limits.socket_burst)
        self._ticker: asyncio.Task | None = None
        self._pending: asyncio.Handle | None = None
        room.subscribe(self._room_changed)

    # -- GatedSite -------------------------------------------------------------------
    def admit(self, nickname: str) -> str:
        try:
            return self.room.join(nickname).id
        except RoomFull as err:
            raise Full(str(err)) from None

    def rejoin(self, participant: str, nickname: str) -> None:
        self.room.join(nickname, returning=participant)

    def knows(self, participant: str) -> bool:
        return self.room.knows(participant)

    def seen(self) -> None:
        self.room.touch()

    def routes(self) -> list:
        return [web.get("/", self.index), web.get("/state", self.state), web.post("/vote", self.vote),
                web.post("/say", self.say), web.get("/live", self.live), web.get("/vote.js", self.script),
                web.get("/f/{token}", self.facilitator_page), web.get("/f/{token}/notes", self.facilitator_notes),
                web.post("/f/{token}/show", self.facilitator_show), web.get("/facilitator.js", self.facilitator_script)]

    @property
    def facilitator_url(self) -> str:
        """The facilitator's private page: printed in their terminal, never projected."""
        return f"{self.url}f/{self.gate.facilitator_token}"

    # -- life -----------------------------------------------------------------------------
    async def start(self) -> None:
        await super().start()
        self._ticker = asyncio.create_task(self._tick())

    async def stop(self) -> None:
        """Phones are cut off at once (they show the page as it was); none can hold the stop up."""
        if self._ticker:
            self._ticker.cancel()
        for listeners in list(self.sockets.values()):
            for listener in list(listeners):
                listener.socket.hang_up()
        await super().stop()

    async def _tick(self) -> None:
        """Close a vote whose countdown ran out; count who is still here;
        stop after a long idle."""
        while True:
            await asyncio.sleep(TICK)
            if self.room.expired():
                self.room.close_vote()
            self.room.sweep()
            if self.room.clock() - self.room.last_activity > self.limits.idle_seconds and self.on_idle:
                self.on_idle()
                return

    # -- pages --------------------------------------------------------------------------------
    async def index(self, request: web.Request) -> web.Response:
        if self.participant(request) is None:
            return self.join_page(request)
        return self.page(request, "vote.html", page_words.vote_page)

    async def script(self, request: web.Request) -> web.Response:
        if self.participant(request) is None:
            return refuse(*NOT_JOINED)
        return web.Response(text=pages.read("vote.js"), content_type="application/javascript")

    # -- the facilitator's private page -------------------------------------------------------
    async def facilitator_page(self, request: web.Request) -> web.Response:
        if not self.gate.is_facilitator(request.match_info["token"]):
            return refuse(*NOT_FOUND)
        with speaking(self.language):
            page = pages.fill("facilitator.html", **page_words.facilitator_page())
        return web.Response(text=page, content_type="text/html")

    async def facilitator_notes(self, request: web.Request) -> web.Response:
        if not self.gate.is_facilitator(request.match_info["token"]):
            return refuse(*NOT_FOUND)
        return web.json_response(self.facilitator_view())

    async def facilitator_show(self, request: web.Request) -> web.Response:
        """Put a line from the room on the projector, or take it off: only from the facilitator's own page."""
        if not self.gate.is_facilitator(request.match_info["token"]):
            return refuse(*NOT_FOUND)
        body = await self._json(request, "show", {"round", "line", "shown"})
        if isinstance(body, web.Response):
            return body
        if not isinstance(body["shown"], bool):
            return refuse(400, "bad-json", "shown must be true or false")
        try:
            self.room.show_line(body["round"], body["line"], body["shown"])
        except VoteRefused as err:
            return refuse(VOTE_STATUS[err.reason], err.reason, str(err))
        return web.json_response(self.facilitator_view())

    async def facilitator_script(self, request: web.Request) -> web.Response:
        """No secret in it: the page passes its own address, token included."""
        return web.Response(text=pages.read("facilitator.js"), content_type="application/javascript")

    # -- the phone's API -----------------------------------------------------------------------
    async def state(self, request: web.Request) -> web.Response:
        participant = self.participant(request)
        if participant is None:
            return refuse(*NOT_JOINED)
        if not self._polls.allow(participant):
            return refuse(429, "slow-down", "too many requests")
        self.room.heard_from(participant)
        return web.json_response(self._state_for(participant, self.phone_language(request)))

    def _state_for(self, participant: str, lang: str) -> dict:
        state = self._public(lang)
        round_ = self.room.round
        state["mine"] = self.room.ballot_of(participant)
        state["seq"] = round_.seqs.get(participant, 0) if round_ else 0
        state["nickname"] = self.room.participants[participant].nickname
        state["said"] = self.room.said_by(participant)
        return state

    async def _json(self, request: web.Request, header: str, keys: set[str], limit: RateLimit | None = None,
                    participant: str = ""):
        """The body of a POST from our own page, an object with exactly `keys`;
        or the refusal to send instead."""
        if request.headers.get("X-Rehearse") != header or not self.origin_ok(request):
            return refuse(403, "wrong-origin", "this comes only from this server's own page")
        if limit is not None and not limit.allow(participant):
            return refuse(429, "slow-down", "too many at once; wait a moment")
        try:
            body = json.loads(await self.body(request))
        except (ValueError, UnicodeDecodeError, RecursionError):
            return refuse(400, "bad-json", "the body must be JSON")
        if not isinstance(body, dict) or set(body) != keys:
            return refuse(400, "bad-json", f"send exactly {', '.join(sorted(keys))}")
        return body

    async def vote(self, request: web.Request) -> web.Response:
        participant = self.participant(request)
        if participant is None:
            return refuse(*NOT_JOINED)
        body = await self._json(request, "vote", {"round", "option", "seq"}, self._votes, participant)
        if isinstance(body, web.Response):
            return body
        try:
            self.room.vote(participant, body["round"], body["option"], body["seq"])
        except VoteRefused as err:
            return refuse(VOTE_STATUS[err.reason], err.reason, str(err))
        return web.json_response({"ok": True, "mine": body["option"], "voters": self.room.round.voters})

    async def say(self, request: web.Request) -> web.Response:
        """A line for the "What would you say?" round: it goes to the
        facilitator's private page only, with no trace of who sent it."""
        participant = self.participant(request)
        if participant is None:
            return refuse(*NOT_JOINED)
        body = await self._json(request, "say", {"round", "text"}, self._says, participant)
        if isinstance(body, web.Response):
            return body
        try:
            self.room.say(participant, body["round"], body["text"])
        except VoteRefused as err:
            return refuse(VOTE_STATUS[err.reason], err.reason, str(err))
        return web.json_response({"ok": True, "said": self.room.said_by(participant)})

    async def live(self, request: web.Request) -> web.StreamResponse:
        participant = self.participant(request)
        if participant is None:
            return refuse(*NOT_JOINED)
        if not self.origin_ok(request, required=True):
            return refuse(403, "wrong-origin", "live updates are only for this server's own page")
        if not self._new_sockets.allow(participant):
            return refuse(429, "slow-down", "too many connections")
        connection = Socket(request, self.limits.timeouts, max_msg_size=512)
        await connection.ws.prepare(request)
        lang = self.phone_language(request)
        listener = Listener(connection, lang)
        mine = self.sockets.setdefault(participant, [])
        mine.append(listener)
        self.room.arrive(participant)
        sender = asyncio.create_task(listener.send_updates(self, json.dumps(self._state_for(participant, lang))))
        try:
            while len(mine) > self.limits.sockets_per_participant:
                await mine.pop(0).socket.close()
            async for message in connection.ws:  # phones only listen; anything they send is ignored
                if message.type == WSMsgType.ERROR:
                    break
        finally:
            sender.cancel()
            connection.hang_up()  # whatever the phone has not taken by now, it never will
            with contextlib.suppress(ValueError):
                mine.remove(listener)
            if not mine and self.sockets.get(participant) is mine:
                del self.sockets[participant]
            self.room.leave(participant)
        return connection.ws

    # -- pushing updates ---------------------------------------------------------------------
    def _room_changed(self) -> None:
        if self._pending is None and self._runner is not None:
            self._pending = asyncio.get_running_loop().call_later(BROADCAST_DELAY, self._broadcast)

    def _public(self, lang: str) -> dict:
        """The room in a phone's language: the slide in it, and the vote's reason said in it."""
        with speaking(lang):
            return self.room.public_state(lang)

    def _broadcast(self) -> None:
        self._pending = None
        self.latest = {lang: json.dumps(self._public(lang))
                       for lang in {listener.lang for listeners in self.sockets.values() for listener in listeners}}
        for listeners in self.sockets.values():
            for listener in listeners:
                listener.wake.set()

    @property
    def connected(self) -> int:
        return sum(len(s) for s in self.sockets.values())


class Listener:
    """One phone's live connection. Its own sender sends the latest state
    whenever there is news, so a slow phone only ever delays itself, and
    updates that pile up while it is busy become one; a phone that takes
    none for timeouts.send is cut off (Socket)."""

    def __init__(self, socket: Socket, lang: str):
        self.socket, self.lang = socket, lang
        self.wake = asyncio.Event()

    async def send_updates(self, server: VoteServer, first: str) -> None:
        with contextlib.suppress(ConnectionResetError):
            await self.socket.send_str(first)
            while True:
                await self.wake.wait()
                self.wake.clear()
                await self.socket.send_str(server.latest[self.lang])
