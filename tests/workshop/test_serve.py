"""`rehearse serve` without a browser: what textual-serve does not do is
ours, so each app process gets a bare environment and a throwaway data
folder, every request needs the code (and this Host and Origin), the page
needs nothing from the internet, sessions are capped, and junk from a
browser is dropped without stopping anything."""

import asyncio
import json

import aiohttp
import pytest

from bot.workshop.gate import Gate
from bot.workshop.network import listen
from bot.workshop.serve import FIRST_SCREEN_BYTES, ServeServer, session_environment

from .conftest import LIBRARY


def test_each_app_gets_a_bare_environment_and_its_own_folder(tmp_path):
    base = {"PATH": "/usr/bin", "LANG": "en_GB.UTF-8", "HOME": "/home/counselor", "REHEARSE_HOME": "/home/c/data",
            "SSH_AUTH_SOCK": "/tmp/agent", "XDG_DATA_HOME": "/home/c/.local", "AWS_SECRET_ACCESS_KEY": "x",
            "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver", "COLUMNS": "80", "ROWS": "24"}
    env = session_environment(base, tmp_path)
    assert env == {"PATH": "/usr/bin", "LANG": "en_GB.UTF-8", "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
                   "COLUMNS": "80", "ROWS": "24", "HOME": str(tmp_path), "REHEARSE_HOME": str(tmp_path / "data"),
                   "TMPDIR": str(tmp_path)}


class Served:
    def __init__(self, **options):
        self.server = ServeServer(Gate(), listen("127.0.0.1", 0), [LIBRARY], **options)
        self.origin = self.server.url.rstrip("/")

    async def __aenter__(self):
        await self.server.start()
        return self

    async def __aexit__(self, *exc):
        await self.server.stop()

    def browser(self) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def join(self, http) -> None:
        response = await http.post(self.server.url + "join", data={"code": self.server.gate.code},
                                   allow_redirects=False)
        assert response.status == 303

    async def app(self, http):
        return await http.ws_connect(self.server.url.replace("http", "ws") + "ws?width=80&height=24",
                                     origin=self.origin)


async def first_screen(ws) -> bytes:
    """What the app sends until its first screen is drawn."""
    received = b""
    while len(received) < FIRST_SCREEN_BYTES:
        message = await asyncio.wait_for(ws.receive(), 60)
        if message.type == aiohttp.WSMsgType.BINARY:
            received += message.data
    return received


def drive(test):
    asyncio.run(asyncio.wait_for(test(), 120))


def test_everything_needs_the_code_this_host_and_this_origin():
    async def test():
        async with Served() as served, served.browser() as http:
            url = served.server.url
            page = await http.get(url)
            assert page.status == 200 and "Code from the screen" in await page.text()
            for path in ("static/textual.js", "status"):
                assert (await http.get(url + path)).status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await served.app(http)
            assert refused.value.status == 403
            assert (await http.get(url, headers={"Host": "evil.example"})).status == 400
            await served.join(http)
            for origin in ("http://evil.example", None):
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(url.replace("http", "ws") + "ws", origin=origin)
                assert refused.value.status == 403
            assert (await http.get(url + "static/..%2F..%2Fserver.py")).status == 404
            assert (await http.get(url + "static/background.png")).status == 404
            assert served.server.sessions == {}

    drive(test)


def test_the_page_needs_nothing_from_the_internet():
    async def test():
        async with Served() as served, served.browser() as http:
            await served.join(http)
            response = await http.get(served.server.url)
            page = await response.text()
            assert "googleapis" not in page and "https://" not in page and "http://" not in page
            assert f'data-session-websocket-url="ws://127.0.0.1:{served.server.port}/ws"' in page
            assert "font-src 'self'" in response.headers["Content-Security-Policy"]
            css = await (await http.get(served.server.url + "static/serve.css")).text()
            assert 'url("/static/RobotoMono.ttf")' in css
            font = await http.get(served.server.url + "static/RobotoMono.ttf")
            assert font.status == 200 and len(await font.read()) > 100_000

    drive(test)


def test_sessions_are_capped_junk_is_dropped_and_folders_are_removed():
    async def test():
        async with Served(max_sessions=1) as served, served.browser() as first, served.browser() as second:
            await served.join(first)
            await served.join(second)
            ws = await served.app(first)
            assert len(await first_screen(ws)) >= FIRST_SCREEN_BYTES
            [session] = served.server.sessions.values()
            assert (session.session_home / "data").is_dir()  # the app's own throwaway data folder
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await served.app(second)
            assert refused.value.status == 429
            status = await (await second.get(served.server.url + "status")).json()
            assert status == {"starting": 0, "running": 1, "full": True}
            for junk in ("not json", "[]", "{}", '["stdin", 5]', '["resize", "big"]', '["nonsense", 1]', "[" * 1000):
                await ws.send_str(junk)
            await ws.send_str(json.dumps(["ping", "still-here"]))
            while True:
                message = await asyncio.wait_for(ws.receive(), 10)
                if message.type == aiohttp.WSMsgType.TEXT and json.loads(message.data) == ["pong", "still-here"]:
                    break
            await ws.close()
            for _ in range(100):
                if not session.session_home.exists():
                    break
                await asyncio.sleep(0.1)
            assert not session.session_home.exists() and served.server.sessions == {}

    drive(test)


def test_it_stops_by_itself_when_idle():
    async def test():
        async with Served(idle_seconds=0.2) as served:
            watching = asyncio.create_task(served.server.watch_idle())
            await asyncio.wait_for(served.server.stopped.wait(), 5)
            await watching

    drive(test)
