"""A "What would you say?" round over real HTTP on loopback: phones send
lines that reach only the facilitator's private page, with their habits;
the facilitator's choice puts one on the projector's state; every hostile
line or request gets a 4xx and changes nothing."""

import asyncio
import contextlib
import json

import aiohttp
import pytest

from bot.words import read
from bot.workshop.words_round import LINE_LIMIT, LINES_PER_PHONE

from .serving import Phone, serving


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 60))


async def say(phone: Phone, text, round_id=None, **headers):
    body = {"round": phone.server.room.words.id if round_id is None else round_id, "text": text}
    return await phone.post("say", json.dumps(body), **{"X-Rehearse": "say", **headers})


async def show(http, server, line: int, shown=True, **headers):
    body = json.dumps({"round": server.room.words.id, "line": line, "shown": shown})
    response = await http.post(server.facilitator_url + "/show", data=body, headers={
        "X-Rehearse": "show", "Origin": server.url.rstrip("/"), "Content-Type": "application/json", **headers})
    return response.status, await response.json()


@contextlib.asynccontextmanager
async def a_round():
    """A server with a "What would you say?" round open, and a phone that has joined."""
    async with serving() as server, Phone(server) as phone:
        await phone.join()
        server.room.open_words()
        yield server, phone


def private_view(server):
    words = server.room.words
    return lambda: {"words": words.private_view() if words else None}


def test_a_line_reaches_only_the_facilitator_until_they_show_it():
    async def scenario():
        async with serving() as server, Phone(server) as phone, aiohttp.ClientSession() as facilitator:
            await phone.join(nickname="Robin")
            ws = await phone.live()
            assert json.loads((await ws.receive()).data)["words"] is None
            server.room.open_words()
            server.facilitator_view = lambda: {"words": server.room.words.private_view()}
            opened = json.loads((await ws.receive()).data)
            assert opened["words"] == {"round": server.room.words.id, "sent": 0, "limit": LINES_PER_PHONE}
            assert await say(phone, "I feel scared when you come home late") == (200, {"ok": True, "said": 1})
            state = await (await phone.http.get(server.url + "state")).json()
            assert state["said"] == 1 and state["words"]["sent"] == 1 and "scared" not in json.dumps(state)
            notes = await (await facilitator.get(server.facilitator_url + "/notes")).json()
            [line] = notes["words"]["lines"]
            assert line["text"] == "I feel scared when you come home late" and not line["shown"]
            reading = read(line["text"])
            assert [(h["code"], h["says"]) for h in line["helps"] + line["traps"]] == \
                [(n.code, n.says) for n in reading.helps + reading.traps]
            assert "Robin" not in json.dumps(notes)  # no nickname, not even on the private page
            status, after = await show(facilitator, server, 1)
            assert status == 200 and after["words"]["lines"][0]["shown"] is True
            assert [s.text for s in server.room.words.shown] == [line["text"]]
            assert (await show(facilitator, server, 1, shown=False))[0] == 200 and server.room.words.shown == []
            server.room.close_words()
            while json.loads((await ws.receive()).data)["words"] is not None:
                pass  # the phones are told the round has closed
            await ws.close()

    run(scenario())


HOSTILE_LINES = {
    "too long": ("x" * (LINE_LIMIT + 1), 413, "too-long"),
    "only control characters": ("\x1b\x00\u202e\x07", 400, "empty"),
    "not text": (["<b>"], 400, "bad-text"),
    "a number": (7, 400, "bad-text"),
}


@pytest.mark.parametrize("name", HOSTILE_LINES)
def test_hostile_lines_are_refused_and_change_nothing(name):
    text, status, reason = HOSTILE_LINES[name]

    async def scenario():
        async with a_round() as (server, phone):
            got, body = await say(phone, text)
            assert (got, body["error"]) == (status, reason)
            assert server.room.words.lines == [] and server.room.said_by(next(iter(server.room.participants))) == 0
            assert await say(phone, "What happened?") == (200, {"ok": True, "said": 1})  # still running

    run(scenario())


HOSTILE_REQUESTS = {
    "no cookie": ({"Cookie": ""}, None, 403),
    "wrong origin": ({"Origin": "http://evil.example"}, None, 403),
    "the vote's header": ({"X-Rehearse": "vote"}, None, 403),
    "extra keys": ({}, {"text": "hi", "round": 0, "who": "me"}, 400),
    "old round": ({}, {"text": "hi", "round": 0}, 409),
    "huge body": ({}, b"{" + b" " * 100_000 + b"}", 413),
    "not json": ({}, b"text=hi", 400),
}


@pytest.mark.parametrize("name", HOSTILE_REQUESTS)
def test_hostile_requests_to_say_get_a_4xx(name):
    headers, body, status = HOSTILE_REQUESTS[name]

    async def scenario():
        async with a_round() as (server, phone):
            data = body if isinstance(body, bytes) else json.dumps(body or {"round": server.room.words.id,
                                                                             "text": "hi"})
            sent = {"X-Rehearse": "say", "Origin": phone.origin, "Content-Type": "application/json", **headers}
            if "Cookie" in headers:
                phone.http._cookie_jar = aiohttp.DummyCookieJar()
            response = await phone.http.post(server.url + "say", data=data, headers=sent)
            assert response.status == status and server.room.words.lines == []

    run(scenario())


def test_markup_is_kept_as_text_and_each_phone_sends_a_few():
    async def scenario():
        async with a_round() as (server, phone):
            hostile = "<script>alert(1)</script> [bold]x[/bold] \x1b]8;;http://evil.example\x1b\\ link"
            assert (await say(phone, hostile))[0] == 200
            assert server.room.words.lines[0].text == \
                "<script>alert(1)</script> [bold]x[/bold] ]8;;http://evil.example\\ link"  # text, without ESC
            assert (await say(phone, "y" * LINE_LIMIT))[0] == 200
            assert (await say(phone, "three"))[0] == 200
            status, body = await say(phone, "four")
            assert (status, body["error"]) == (429, "enough") and len(server.room.words.lines) == 3
            page = await (await phone.http.get(server.url)).text()
            assert 'maxlength="1000"' in page

    run(scenario())


def test_showing_needs_the_facilitator_token_and_their_own_page():
    async def scenario():
        async with serving() as server, Phone(server) as phone, aiohttp.ClientSession() as stranger:
            await phone.join()
            server.room.open_words()
            server.facilitator_view = private_view(server)
            await say(phone, "What happened?")
            token = server.gate.facilitator_token
            body = json.dumps({"round": server.room.words.id, "line": 1, "shown": True})
            for url, headers, status in (
                    (server.url + f"f/{token[:-1]}x/show", {}, 404),
                    (server.url + f"f/{server.gate.code}/show", {}, 404),
                    (server.facilitator_url + "/show", {"Origin": "http://evil.example"}, 403),
                    (server.facilitator_url + "/show", {"X-Rehearse": ""}, 403)):
                response = await stranger.post(url, data=body, headers={
                    "X-Rehearse": "show", "Origin": phone.origin, "Content-Type": "application/json", **headers})
                assert response.status == status
            async with phone.http.post(server.url + f"f/{server.gate.code}/show", data=body) as response:
                assert response.status == 404  # a phone with the room's code cannot either
            for line, shown, status in ((2, True, 404), (1, "yes", 400), (True, True, 404)):
                assert (await show(stranger, server, line, shown))[0] == status
            assert server.room.words.shown == []
            assert (await show(stranger, server, 1))[0] == 200 and len(server.room.words.shown) == 1

    run(scenario())
