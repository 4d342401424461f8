"""`rehearse serve` without a browser: what textual-serve does not do is
ours, so each app process gets a bare environment and a throwaway data
folder, every request needs the code (and this Host and Origin), the page
needs nothing from the internet, sessions are capped, and junk from a
browser is dropped without stopping anything."""

import asyncio
import json
import os
import re
import signal
import sys
import tempfile
import time

import aiohttp
import pytest

from bot.workshop.gate import Gate
from bot.workshop.network import listen
from bot.workshop.serve import ServeServer
from bot.workshop.session import FIRST_SCREEN_BYTES, session_environment
from bot.workshop.site import Timeouts

from .conftest import LIBRARY
from .processes import HAS_PROC, alive, descendants, running
from .serving import until


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

    async def app(self, http, **options):
        return await http.ws_connect(self.server.url.replace("http", "ws") + "ws?width=80&height=24",
                                     origin=self.origin, **options)


async def first_screen(ws) -> bytes:
    """What the app sends until its first screen is drawn."""
    received = b""
    while len(received) < FIRST_SCREEN_BYTES:
        message = await asyncio.wait_for(ws.receive(), 60)
        if message.type == aiohttp.WSMsgType.BINARY:
            received += message.data
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
            raise AssertionError(f"the connection closed after {len(received)} bytes, before the first screen")
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


async def flood(ws, messages: int = 2000, seconds: float = 3) -> int:
    """Keys and resizes to big screens (each a full redraw) for up to
    `seconds`, never reading a reply: how many were sent."""
    deadline = time.perf_counter() + seconds
    for n in range(messages):
        message = ["stdin", "jk" * 20] if n % 2 else ["resize", {"width": 400 + n % 100, "height": 150 + n % 50}]
        try:
            await asyncio.wait_for(ws.send_str(json.dumps(message)), max(0.01, deadline - time.perf_counter()))
        except (asyncio.TimeoutError, ConnectionError):
            return n
        await asyncio.sleep(0.002)  # spread out, so the app redraws for each and its output piles up
    return messages


def our_apps() -> set[int]:
    """The app processes this test process started (on the test library)."""
    return running(os.getpid(), str(LIBRARY.resolve()))


needs_proc = pytest.mark.skipif(not HAS_PROC, reason="reads the process tree from Linux's /proc")


@needs_proc
def test_a_page_that_floods_and_stops_reading_is_cut_off_and_its_app_and_folder_end(tmp_path, monkeypatch):
    """Not reading, it answers no ping either; whichever comes first, the
    unanswered ping or a send it does not take, ends the connection."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    async def test():
        async with Served(timeouts=Timeouts(heartbeat=1.0, send=1.0)) as served, served.browser() as http:
            await served.join(http)
            ws = await served.app(http)
            await first_screen(ws)
            apps = our_apps()
            assert apps and len(list(tmp_path.glob("rehearse-session-*"))) == 1
            assert await flood(ws) > 0  # and never reads what the app draws
            await until(lambda: not served.server.sessions and not alive(apps)
                        and not list(tmp_path.glob("rehearse-session-*")), 10)

    drive(test)


@needs_proc
def test_a_page_that_stops_answering_pings_ends_its_session(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    async def test():
        # the heartbeat gives a loaded machine time to draw the first screen before pings are missed
        async with Served(timeouts=Timeouts(heartbeat=3)) as served, served.browser() as http:
            await served.join(http)
            ws = await served.app(http, autoping=False)  # gone from the network without a word
            await first_screen(ws)
            apps = our_apps()
            await until(lambda: not served.server.sessions and not alive(apps)
                        and not list(tmp_path.glob("rehearse-session-*")), 15)

    drive(test)


@needs_proc
def test_ctrl_c_stops_serve_at_once_and_leaves_nothing(tmp_path):
    """`rehearse serve` as a facilitator runs it, with a page flooding its
    session and reading nothing; then Ctrl+C."""
    env = dict(os.environ, TMPDIR=str(tmp_path), REHEARSE_HOME=str(tmp_path / "home"), PYTHONUNBUFFERED="1")

    async def test():
        server = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--content", str(LIBRARY), "serve", "--port", "0", env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        try:
            said = ""
            while "Join code" not in said:
                said += (await asyncio.wait_for(server.stdout.readline(), 30)).decode()
            url, code = re.search(r"open (\S+) ", said)[1], re.search(r"Join code: (\S+)\.", said)[1]
            async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
                response = await http.post(url + "join", data={"code": code}, allow_redirects=False)
                assert response.status == 303
                ws = await http.ws_connect(url.replace("http", "ws") + "ws?width=80&height=24", origin=url.rstrip("/"))
                await until(lambda: descendants(server.pid), 10)
                assert await flood(ws) > 0  # while the app is still starting, and on
                apps = descendants(server.pid)
                started = time.perf_counter()
                server.send_signal(signal.SIGINT)
                await asyncio.wait_for(server.wait(), 10)
                took = time.perf_counter() - started
            output = (await server.stdout.read()).decode()
        finally:
            if server.returncode is None:
                server.kill()
                await server.wait()
        assert took < 5, took  # bench.py measures it: a fraction of a second
        assert server.returncode == 0 and output.rstrip().endswith("rehearse serve: stopped."), output
        assert "Traceback" not in output and "Event loop is closed" not in output, output
        assert apps and not alive(apps)
        assert not list(tmp_path.glob("rehearse-session-*"))

    drive(test)


@needs_proc
def test_reloads_while_the_app_starts_leave_one_app_and_stop_leaves_none(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    async def test():
        seen: set[int] = set()
        async with Served(max_sessions=1) as served, served.browser() as http:
            await served.join(http)
            for pause in (0.0, 0.05, 0.3, 0.0):  # the same browser reloading, each time before its first screen
                await served.app(http)
                await asyncio.sleep(pause)
                seen |= our_apps()
            await until(lambda: len(alive(seen | our_apps())) == 1, 10)
            seen |= our_apps()
            assert len(served.server.sessions) == 1 and len(list(tmp_path.glob("rehearse-session-*"))) == 1
        assert not alive(seen) and not list(tmp_path.glob("rehearse-session-*"))

    drive(test)


def test_rehearse_lang_es_serve_starts_up_in_spanish(tmp_path):
    """`rehearse --lang es serve`: what the facilitator reads at start-up and at
    the end is in Spanish; started on a free loopback port, stopped with Ctrl+C."""
    env = dict(os.environ, TMPDIR=str(tmp_path), REHEARSE_HOME=str(tmp_path / "home"), PYTHONUNBUFFERED="1")

    async def test():
        server = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--lang", "es", "--content", str(LIBRARY), "serve", "--port", "0", env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        try:
            said = ""
            while "Presiona Ctrl+C" not in said:
                line = (await asyncio.wait_for(server.stdout.readline(), 30)).decode()
                assert line, said  # it ended before it was ready
                said += line
            server.send_signal(signal.SIGINT)
            await asyncio.wait_for(server.wait(), 10)
            said += (await server.stdout.read()).decode()
        finally:
            if server.returncode is None:
                server.kill()
                await server.wait()
        assert server.returncode == 0, said
        assert re.match(r"rehearse serve: abre http://127\.0\.0\.1:\d+/ en cada navegador \(solo en 127\.0\.0\.1\)\.\n"
                        r"Código para entrar: \S+\. Dáselo a quienes participan; no aparece en ningún otro lugar\.\n"
                        r"Cada navegador tiene su propia sesión de práctica .* como máximo 40 a la vez\. "
                        r"Presiona Ctrl\+C para detener\.\n", said), said
        assert said.rstrip().endswith("rehearse serve: se detuvo.") and "Join code" not in said, said

    drive(test)
