"""The vote server under real HTTP on loopback: joining with the code,
voting, live updates; every hostile request gets a 4xx, changes nothing
and leaves the server running; 100 phones vote in one round, each counted
exactly once."""

import asyncio
import json
import time

import hmac

import aiohttp
import pytest

from bot.workshop import gate as gate_module
from bot.workshop.gate import Gate
from bot.workshop.room import Room
from bot.workshop.server import Limits
from bot.workshop.site import JoinLimits, Timeouts

from .serving import Phone, serving, until


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 60))


def test_join_vote_change_and_close_with_live_updates():
    async def scenario():
        async with serving() as server, Phone(server) as phone:
            assert (await phone.http.get(server.url)).status == 200  # the join page
            assert await phone.join(nickname="Ann") == 303
            server.room.show({"kind": "scene", "title": "Door", "options": ["a", "b", "c"]})
            ws = await phone.live()
            first = json.loads((await ws.receive()).data)
            assert first["nickname"] == "Ann" and first["vote"] is None
            server.room.open_vote(3)
            opened = json.loads((await ws.receive()).data)
            assert opened["vote"]["open"] and "counts" not in opened["vote"]
            assert await phone.vote(1) == (200, {"ok": True, "mine": 1, "voters": 1})
            assert await phone.vote(3) == (200, {"ok": True, "mine": 3, "voters": 1})  # changed
            state = await (await phone.http.get(server.url + "state")).json()
            assert state["mine"] == 3 and state["seq"] == 2
            server.room.close_vote()
            while True:
                update = json.loads((await ws.receive()).data)
                if not update["vote"]["open"]:
                    break
            assert update["vote"]["counts"] == [0, 0, 1] and update["vote"]["choice"] == 3
            assert "Ann" not in json.dumps(update)
            await ws.close()

    run(scenario())


def tally(server):
    return server.room.round.counts() if server.room.round else None


HOSTILE = {
    "wrong host": ("GET", "/", {"Host": "evil.example"}, None, 400),
    "rebinding host": ("GET", "/state", {"Host": "attacker.test:80"}, None, 400),
    "no cookie": ("POST", "/vote", {"Cookie": ""}, "vote", 403),
    "forged cookie": ("POST", "/vote", {"Cookie": "{cookie}=" + "a" * 24 + "." + "0" * 32}, "vote", 403),
    "other server's cookie": ("POST", "/vote", {"Cookie": "{cookie}=" + Gate().cookie_for("x" * 24)}, "vote", 403),
    "wrong origin": ("POST", "/vote", {"Origin": "http://evil.example"}, "vote", 403),
    "no page header": ("POST", "/vote", {"X-Rehearse": ""}, "vote", 403),
    "malformed json": ("POST", "/vote", {}, b"{'round': 1,", 400),
    "not an object": ("POST", "/vote", {}, b"[1, 2, 3]", 400),
    "deeply nested": ("POST", "/vote", {}, b"[" * 4000, 400),
    "extra keys": ("POST", "/vote", {}, "extra", 400),
    "not utf-8": ("POST", "/vote", {}, b"\xff\xfe\xfd", 400),
    "huge body": ("POST", "/vote", {}, b"{" + b" " * 100_000 + b"}", 413),
    "option 0": ("POST", "/vote", {}, {"option": 0}, 400),
    "option 4": ("POST", "/vote", {}, {"option": 4}, 400),
    "option as text": ("POST", "/vote", {}, {"option": "1"}, 400),
    "option as float": ("POST", "/vote", {}, {"option": 1.0}, 400),
    "old round": ("POST", "/vote", {}, {"round": 0}, 409),
    "replayed": ("POST", "/vote", {}, {"seq": 1}, 409),
    "unknown path": ("GET", "/admin", {}, None, 404),
    "wrong method": ("PUT", "/vote", {}, "vote", 405),
    "state without cookie": ("GET", "/state", {"Cookie": ""}, None, 403),
    "script without cookie": ("GET", "/vote.js", {"Cookie": ""}, None, 403),
    "join from another site": ("POST", "/join", {"Origin": "http://evil.example",
                                                 "Content-Type": "application/x-www-form-urlencoded"}, "code", 403),
    "wrong code": ("POST", "/join", {"Content-Type": "application/x-www-form-urlencoded"}, b"code=AAAA-AAAA", 403),
    "broken form": ("POST", "/join", {"Content-Type": "multipart/form-data; boundary=x"}, b"--x\r\nbroken", 400),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_requests_get_a_4xx_and_change_nothing(name):
    method, path, headers, body, status = HOSTILE[name]

    async def scenario():
        async with serving() as server, Phone(server) as phone:
            await phone.join()
            server.room.open_vote(3)
            assert await phone.vote(2) == (200, {"ok": True, "mine": 2, "voters": 1})
            before = (tally(server), len(server.room.participants), server.room.round.id)
            sent_headers = {"X-Rehearse": "vote", "Origin": phone.origin, "Content-Type": "application/json",
                            **{k: v.replace("{cookie}", server.cookie) for k, v in headers.items()}}
            data = body
            if body == "vote" or isinstance(body, dict):
                data = json.dumps({"round": server.room.round.id, "option": 1, "seq": 5,
                                   **(body if isinstance(body, dict) else {})})
            elif body == "extra":
                data = json.dumps({"round": server.room.round.id, "option": 1, "seq": 5, "admin": True})
            elif body == "code":
                data = f"code={server.gate.code}"
            cookies = phone.http.cookie_jar
            if "Cookie" in headers:
                phone.http._cookie_jar = aiohttp.DummyCookieJar()
            response = await phone.http.request(method, server.url.rstrip("/") + path, data=data,
                                                headers=sent_headers)
            phone.http._cookie_jar = cookies
            assert response.status == status, await response.text()
            assert 400 <= response.status < 500
            assert (tally(server), len(server.room.participants), server.room.round.id) == before
            # and the server keeps running: a good vote still counts
            assert await phone.vote(3) == (200, {"ok": True, "mine": 3, "voters": 1})

    run(scenario())


def test_live_updates_need_the_code_and_this_origin():
    async def scenario():
        async with serving() as server, Phone(server) as phone:
            url = server.url.replace("http", "ws") + "live"
            async with aiohttp.ClientSession() as stranger:
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await stranger.ws_connect(url, origin=phone.origin)
                assert refused.value.status == 403
            await phone.join()
            for origin in ("http://evil.example", None):
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await phone.http.ws_connect(url, origin=origin)
                assert refused.value.status == 403
            assert server.connected == 0

    run(scenario())


def test_floods_are_slowed_and_counted_once():
    async def scenario():
        async with serving() as server, Phone(server) as phone:
            await phone.join()
            server.room.open_vote(3)
            statuses = [(await phone.vote(1 + n % 3))[0] for n in range(40)]
            assert statuses.count(200) >= 10 and statuses[-1] == 429
            assert server.room.round.voters == 1
            sockets = []
            refused = 0
            for _ in range(20):
                try:
                    sockets.append(await phone.live())
                except aiohttp.WSServerHandshakeError as err:
                    assert err.status == 429
                    refused += 1
            assert refused >= 10
            await asyncio.sleep(0.1)
            assert server.connected <= server.limits.sockets_per_participant
            for ws in sockets:
                await ws.close()

    run(scenario())


def test_the_room_has_a_cap():
    async def scenario():
        async with serving(Room(cap=2)) as server:
            statuses = []
            for _ in range(3):
                async with Phone(server) as phone:
                    statuses.append(await phone.join())
            assert statuses == [303, 303, 403] and len(server.room.participants) == 2

    run(scenario())


def test_loopback_is_the_default_and_localhost_works():
    async def scenario():
        async with serving() as server:
            assert server.host == "127.0.0.1"
            async with aiohttp.ClientSession() as http:
                response = await http.get(f"http://localhost:{server.port}/")
                assert response.status == 200
                assert "default-src 'none'" in response.headers["Content-Security-Policy"]
                assert "https://" not in await response.text()

    run(scenario())


def test_it_stops_by_itself_when_idle():
    async def scenario():
        stopped = asyncio.Event()
        async with serving(limits=Limits(idle_seconds=0.3), on_idle=stopped.set):
            await asyncio.wait_for(stopped.wait(), 5)

    run(scenario())


def test_a_hundred_phones_vote_in_one_round_each_counted_once():
    async def scenario():
        # in a room each phone has its own address; here all share 127.0.0.1
        async with serving(limits=Limits(joins=JoinLimits(burst=100, per_address=100))) as server:
            phones = [Phone(server) for _ in range(100)]
            try:
                started = time.perf_counter()
                assert await asyncio.gather(*(p.join() for p in phones)) == [303] * 100
                sockets = await asyncio.gather(*(p.live() for p in phones))
                server.room.show({"kind": "scene", "options": ["a", "b", "c"]})
                server.room.open_vote(3)
                picks = [1 + n % 3 for n in range(100)]
                results = await asyncio.gather(*(p.vote(pick) for p, pick in zip(phones, picks)))
                assert [status for status, _ in results] == [200] * 100
                decision = server.room.close_vote()
                elapsed = time.perf_counter() - started
                assert decision.counts == (34, 33, 33) and decision.voters == 100
                assert len(server.room.round.ballots) == 100
                assert elapsed < 15, elapsed

                async def closed_on(ws):
                    while True:
                        state = json.loads((await ws.receive()).data)
                        if state["vote"] and not state["vote"]["open"]:
                            return state["vote"]["counts"]

                seen = await asyncio.wait_for(asyncio.gather(*(closed_on(ws) for ws in sockets)), 10)
                assert seen == [[34, 33, 33]] * 100
                await asyncio.gather(*(ws.close() for ws in sockets))
            finally:
                await asyncio.gather(*(p.http.close() for p in phones))

    run(scenario())


def test_wrong_codes_are_slowed_but_the_right_code_still_gets_in():
    """A lab behind one address: after a run of wrong codes, each attempt
    waits its turn, and the right code is let in when its turn comes."""
    joins = JoinLimits(wrong_burst=3, wrong_rate=10.0, wrong_wait=0.5)

    async def scenario():
        async with serving(limits=Limits(joins=joins)) as server, Phone(server) as guesser:
            started = time.perf_counter()
            codes = [await guesser.join(code="WRONG-CODE") for _ in range(8)]
            assert codes == [403] * 8
            assert time.perf_counter() - started >= 0.8 * (8 - 3) / 10  # past the burst, one every 0.1 s
            at_once = await asyncio.gather(*(guesser.join(code=f"WRONG{n}") for n in range(20)))
            assert set(at_once) == {403, 429} and at_once.count(403) <= 6  # no faster in parallel: the rest wait
            assert len(server.room.participants) == 0
            async with Phone(server) as classmate:
                assert await asyncio.wait_for(classmate.join(), 5) == 303  # same address, right code: in
            assert await asyncio.wait_for(guesser.join(), 5) == 303
            assert len(server.room.participants) == 2

    run(scenario())


def test_one_address_cannot_join_as_a_crowd():
    async def scenario():
        async with serving() as server:
            phones = [Phone(server) for _ in range(100)]
            try:
                started = time.perf_counter()
                statuses = await asyncio.gather(*(p.join() for p in phones))
                elapsed = time.perf_counter() - started
            finally:
                await asyncio.gather(*(p.http.close() for p in phones))
            joins = server.limits.joins
            assert joins.burst <= statuses.count(303) <= joins.burst + joins.rate * elapsed + 1
            assert statuses.count(303) + statuses.count(429) == 100
            assert len(server.room.participants) == statuses.count(303)
        async with serving(limits=Limits(joins=JoinLimits(rate=1000.0, per_address=8))) as server:
            statuses = []
            for _ in range(12):
                async with Phone(server) as phone:
                    statuses.append(await phone.join())
            assert statuses == [303] * 8 + [429] * 4 and len(server.room.participants) == 8

    run(scenario())


def test_a_browser_that_joins_again_keeps_its_one_ballot():
    async def scenario():
        async with serving() as server, Phone(server) as phone:
            assert await phone.join(nickname="Ann") == 303
            server.room.open_vote(3)
            assert await phone.vote(2) == (200, {"ok": True, "mine": 2, "voters": 1})
            rescan = await phone.http.get(server.join_url, allow_redirects=False)  # the QR code scanned again
            assert rescan.status == 303 and rescan.headers["Location"] == "/"
            assert await phone.join(nickname="Annie") == 303  # the join page sent again
            assert await phone.join() == 303
            assert len(server.room.participants) == 1
            state = await (await phone.http.get(server.url + "state")).json()
            assert state["mine"] == 2 and state["nickname"] == "Annie" and state["people"] == 1
            assert await phone.vote(3) == (200, {"ok": True, "mine": 3, "voters": 1})
            assert server.room.round.counts() == (0, 0, 1)

    run(scenario())



def test_the_room_counts_people_present_not_every_join(clock):
    async def scenario():
        async with serving(Room(clock=clock)) as server:
            phones = [Phone(server) for _ in range(5)]
            try:
                for phone in phones:
                    assert await phone.join() == 303
                sockets = [await phone.live() for phone in phones[:4]]  # the fifth polls instead
                server.room.open_vote(3)
                assert server.room.public_state()["people"] == 5
                for ws in sockets[:3]:
                    await ws.close()
                await until(lambda: server.connected == 1)
                clock.now += 11  # the closed phones and the poller are not heard from again
                await until(lambda: server.room.people == 1)
                assert server.room.public_state()["people"] == 1
                while (state := json.loads((await sockets[3].receive()).data))["people"] != 1:
                    pass  # the phone still here is told
                assert (await phones[4].http.get(server.url + "state")).status == 200  # the poller is back
                assert server.room.people == 2
                assert await phones[0].vote(1) == (200, {"ok": True, "mine": 1, "voters": 1})
                clock.now += 11
                await until(lambda: server.room.people == 2)  # still here: its ballot counts in this round
                await sockets[3].close()
            finally:
                await asyncio.gather(*(p.http.close() for p in phones))

    run(scenario())


def test_idle_and_half_open_connections_are_closed():
    timeouts = Timeouts(idle=0.3, body=0.3, heartbeat=0.4)

    async def closed_by_server(server, sent: bytes) -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(sent)
        try:
            return await asyncio.wait_for(reader.read(), 3)  # b"" or a reply, then the end: closed
        finally:
            writer.close()

    async def scenario():
        async with serving(limits=Limits(timeouts=timeouts)) as server, Phone(server) as phone:
            host = f"Host: 127.0.0.1:{server.port}\r\n".encode()
            await phone.join()
            cookie = f"Cookie: {server.cookie}={next(iter(phone.http.cookie_jar)).value}"
            assert await closed_by_server(server, b"") == b""  # connected and never said anything
            assert await closed_by_server(server, b"GET / HTTP/1.1\r\n" + host) == b""  # half a request
            half_body = (b"POST /vote HTTP/1.1\r\n" + host + cookie.encode() + b"\r\nX-Rehearse: vote\r\n"
                         b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"round\": 1")
            await closed_by_server(server, half_body)
            # keep-alive between requests ends too
            reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            writer.write(b"GET /page.css HTTP/1.1\r\n" + host + b"\r\n")
            assert (await asyncio.wait_for(reader.readline(), 3)).startswith(b"HTTP/1.1 200")
            await asyncio.wait_for(reader.read(), 3)
            writer.close()
            # a phone that stops answering pings (gone from the Wi-Fi without a word)
            ws = await phone.http.ws_connect(server.url.replace("http", "ws") + "live", origin=phone.origin,
                                             autoping=False)
            await until(lambda: server.connected == 1)
            await until(lambda: server.connected == 0, 3)
            await ws.close()

    run(scenario())


def test_the_facilitator_page_opens_only_with_its_own_token(monkeypatch):
    compared = []
    real_compare = hmac.compare_digest
    monkeypatch.setattr(gate_module.hmac, "compare_digest", lambda a, b: compared.append(1) or real_compare(a, b))

    async def scenario():
        async with serving() as server, Phone(server) as phone:
            token = server.gate.facilitator_token
            assert len(token) >= 43 and server.gate.code not in token  # 256 random bits, not the join code
            server.facilitator_view = lambda: {"where": "Door", "now": ["NOTE-FOR-NOW"], "plan": []}
            async with aiohttp.ClientSession() as facilitator:  # no join code, no cookie: the link is enough
                page = await facilitator.get(server.facilitator_url)
                assert page.status == 200 and "Facilitator notes" in await page.text()
                assert page.headers["Cache-Control"] == "no-store"
                notes = await facilitator.get(server.facilitator_url + "/notes")
                assert (await notes.json())["now"] == ["NOTE-FOR-NOW"]
                assert compared  # checked in constant time
                for wrong in (token[:-1], token + "x", token.upper() if token.upper() != token else token.lower(),
                              server.gate.code, "x" * len(token)):
                    for path in (f"f/{wrong}", f"f/{wrong}/notes"):
                        response = await facilitator.get(server.url + path)
                        assert response.status == 404 and "NOTE" not in await response.text()
            assert await phone.join() == 303  # a phone with the room's code sees none of it
            server.room.open_vote(3)
            for path in ("", "state", "vote.js"):
                text = await (await phone.http.get(server.url + path)).text()
                assert token not in text and "NOTE-FOR-NOW" not in text
            assert token not in server.join_url

    run(scenario())
