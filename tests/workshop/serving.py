"""A vote server on loopback for a test, participants that talk to it
the way the phone page does, and a bounded wait for any server to get
somewhere."""

import asyncio
import contextlib
import json
import time

import aiohttp

from bot.workshop.gate import Gate
from bot.workshop.network import listen
from bot.workshop.room import Room
from bot.workshop.server import Limits, VoteServer


@contextlib.asynccontextmanager
async def serving(room: Room | None = None, limits: Limits = Limits(), on_idle=None):
    room = room or Room()
    server = VoteServer(room, Gate(), listen("127.0.0.1", 0), limits, on_idle)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


class Phone:
    """One participant: their own cookie, the page's headers."""

    def __init__(self, server: VoteServer):
        self.server = server
        self.origin = server.url.rstrip("/")
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.seq = 0

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.http.close()

    async def join(self, code: str | None = None, nickname: str = "") -> int:
        response = await self.http.post(self.server.url + "join", allow_redirects=False,
                                         data={"code": self.server.gate.code if code is None else code,
                                               "nickname": nickname})
        return response.status

    async def vote(self, option, round_id=None, seq=None, **headers):
        if seq is None:
            self.seq += 1
            seq = self.seq
        body = {"round": self.server.room.round.id if round_id is None else round_id, "option": option, "seq": seq}
        return await self.post("vote", json.dumps(body), **headers)

    async def post(self, path: str, data, **headers):
        headers = {"X-Rehearse": "vote", "Origin": self.origin, "Content-Type": "application/json", **headers}
        response = await self.http.post(self.server.url + path, data=data, headers=headers)
        return response.status, await response.json()

    async def live(self):
        return await self.http.ws_connect(self.server.url.replace("http", "ws") + "live", origin=self.origin)


async def until(condition, seconds: float = 5) -> None:
    """Wait until condition() holds; fail after `seconds`."""
    deadline = time.perf_counter() + seconds
    while not condition():
        assert time.perf_counter() < deadline, "timed out"
        await asyncio.sleep(0.05)
