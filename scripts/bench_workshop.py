"""Speed of workshop mode, for `python scripts/bench.py workshop`: votes a
second with 100 phones connected and the vote-to-tally latency, the vote
server's memory, per browser session of `rehearse serve` its memory, its
start time and how many fit in 4 GiB, and what a flooding page that reads
nothing leaves behind and how long Ctrl+C then takes. All on loopback;
Linux /proc for memory and processes."""

import asyncio
import json
import os
import random
import re
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
PHONES = 100

VOTE_SERVER = """
import asyncio, json, sys
from bot.workshop.gate import Gate
from bot.workshop.network import listen
from bot.workshop.room import Room
from bot.workshop.server import Limits, VoteServer
from bot.workshop.site import JoinLimits

async def main():
    room = Room()
    # measure the server, not the flood guards (and in a room each phone has its own address)
    limits = Limits(vote_rate=1e9, vote_burst=10**9, joins=JoinLimits(burst=1000, per_address=1000))
    server = VoteServer(room, Gate(), listen("127.0.0.1", 0), limits)
    await server.start()
    print(json.dumps({"url": server.url, "code": server.gate.code}), flush=True)
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        if line.strip() == "open":
            room.show({"kind": "scene", "options": ["a", "b", "c"]})
            room.open_vote(3)
        vote = room.round
        print(json.dumps({"round": vote.id if vote else None, "counts": list(vote.counts()) if vote else []}),
              flush=True)

asyncio.run(main())
"""


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _kib(pid: int, field: str, name: str = "status") -> int:
    for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = (task / "children").read_text().split()
        for child in children:
            pids += _tree(int(child))
    return pids


def _pss_mib(pid: int) -> float:
    return sum(_kib(p, "Pss", "smaps_rollup") for p in _tree(pid)) / 1024


class VoteServerProcess:
    """The vote server in its own process, as on the facilitator's laptop."""

    async def __aenter__(self):
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-c", VOTE_SERVER, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
        info = json.loads(await self.process.stdout.readline())
        self.url, self.code = info["url"], info["code"]
        return self

    async def command(self, line: str) -> dict:
        self.process.stdin.write(line.encode() + b"\n")
        await self.process.stdin.drain()
        return json.loads(await self.process.stdout.readline())

    def rss_mib(self) -> float:
        return _kib(self.process.pid, "VmRSS") / 1024

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    async def __aexit__(self, *exc):
        self.process.kill()
        await self.process.wait()


class Phone:
    def __init__(self, server: VoteServerProcess):
        self.server, self.seq, self.seen = server, 0, []
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.headers = {"X-Rehearse": "vote", "Origin": server.url.rstrip("/")}

    async def join(self) -> None:
        await self.http.post(self.server.url + "join", data={"code": self.server.code}, allow_redirects=False)
        self.ws = await self.http.ws_connect(self.server.url.replace("http", "ws") + "live",
                                             origin=self.server.url.rstrip("/"))
        self.listening = asyncio.create_task(self.listen())

    async def listen(self) -> None:
        async for message in self.ws:
            state = json.loads(message.data)
            if state["vote"]:
                self.seen.append((time.perf_counter(), state["vote"]["round"], state["vote"]["voters"]))

    async def vote(self, round_id: int, option: int) -> tuple[float, int]:
        self.seq += 1
        started = time.perf_counter()
        async with self.http.post(self.server.url + "vote", headers=self.headers,
                                  json={"round": round_id, "option": option, "seq": self.seq}) as response:
            body = await response.json()
        assert response.status == 200, body
        return started, body["voters"]

    async def close(self) -> None:
        await self.ws.close()
        self.listening.cancel()
        await self.http.close()


async def vote_server() -> None:
    async with VoteServerProcess() as server:
        await asyncio.sleep(0.5)
        idle_rss = server.rss_mib()
        phones = [Phone(server) for _ in range(PHONES)]
        for phone in phones:
            await phone.join()
        await asyncio.sleep(0.5)
        full_rss = server.rss_mib()

        # a room voting: each phone votes once within about two seconds
        round_id = (await server.command("open"))["round"]
        rng = random.Random(5)

        async def one(phone: Phone):
            await asyncio.sleep(rng.uniform(0, 2))
            started, voters = await phone.vote(round_id, rng.randint(1, 3))
            return started, time.perf_counter() - started, voters

        votes = await asyncio.gather(*(one(p) for p in phones))
        await asyncio.sleep(0.3)
        counts = (await server.command("count"))["counts"]
        assert sum(counts) == PHONES, counts
        watcher = phones[0].seen
        to_phones = [next(t for t, r, v in watcher if r == round_id and v >= voters) - started
                     for started, _, voters in votes]
        counted = [elapsed for _, elapsed, _ in votes]

        # as fast as 100 phones can send: each votes again and again for 3 seconds
        round_id = (await server.command("open"))["round"]
        stop = time.perf_counter() + 3
        latencies: list[float] = []

        async def flood(phone: Phone, option: int) -> int:
            sent = 0
            while time.perf_counter() < stop:
                started, _ = await phone.vote(round_id, 1 + (option + sent) % 3)
                latencies.append(time.perf_counter() - started)
                sent += 1
            return sent

        started, cpu = time.perf_counter(), server.cpu_seconds()
        sent = sum(await asyncio.gather(*(flood(p, n) for n, p in enumerate(phones))))
        elapsed, cpu = time.perf_counter() - started, server.cpu_seconds() - cpu
        rate = sent / elapsed
        counts = (await server.command("count"))["counts"]
        assert sum(counts) == PHONES, counts  # each phone counted once, however often it changed its vote

        # the floor: the same phones fetching the smallest page the server has
        stop = time.perf_counter() + 3

        async def fetch(phone: Phone) -> int:
            fetched = 0
            while time.perf_counter() < stop:
                async with phone.http.get(server.url + "page.css") as response:
                    await response.read()
                fetched += 1
            return fetched

        started = time.perf_counter()
        floor = sum(await asyncio.gather(*(fetch(p) for p in phones))) / (time.perf_counter() - started)
        for phone in phones:
            await phone.close()
    print(f"votes a second with {PHONES} phones connected and all sending at once: {rate:,.0f} "
          f"(the same server serving its smallest page: {floor:,.0f} a second; ratio {rate / floor:.2f}x); "
          f"round trip under that load p50 {_percentile(latencies, 0.5) * 1000:.0f} ms, "
          f"p95 {_percentile(latencies, 0.95) * 1000:.0f} ms; the server was busy {cpu / elapsed:.0%} of one core "
          f"(the phones, simulated in one process, are the limit): {sent / cpu:,.0f} votes per CPU-second")
    print(f"a room of {PHONES} voting within 2 s: vote counted in the tally p50 {_percentile(counted, 0.5) * 1000:.1f} "
          f"ms, p95 {_percentile(counted, 0.95) * 1000:.1f} ms; shown on every phone p95 "
          f"{_percentile(to_phones, 0.95) * 1000:.1f} ms (goal p95 <= 100 ms)")
    print(f"vote server memory: {idle_rss:.1f} MiB RSS empty, {full_rss:.1f} MiB with {PHONES} phones joined and "
          f"connected (ratio {full_rss / idle_rss:.2f}x, {(full_rss - idle_rss) * 1024 / PHONES:.0f} KiB a phone)")


async def serve_sessions(one_by_one: int = 3, at_once: int = 10) -> None:
    from bot.workshop.gate import Gate
    from bot.workshop.network import listen
    from bot.workshop.serve import ServeServer
    from bot.workshop.session import FIRST_SCREEN_BYTES

    server = ServeServer(Gate(), listen("127.0.0.1", 0), [], max_sessions=100)
    await server.start()
    origin = server.url.rstrip("/")
    browsers = []

    async def open_session() -> float:
        http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        browsers.append(http)
        await http.post(server.url + "join", data={"code": server.gate.code}, allow_redirects=False)
        started = time.perf_counter()
        ws = await http.ws_connect(server.url.replace("http", "ws") + "ws?width=120&height=40", origin=origin)
        received = 0
        while received < FIRST_SCREEN_BYTES:
            message = await ws.receive()
            if message.type == aiohttp.WSMsgType.BINARY:
                received += len(message.data)
        elapsed = time.perf_counter() - started
        asyncio.create_task(_drain(ws))
        return elapsed

    alone = [await open_session() for _ in range(one_by_one)]
    await asyncio.sleep(2)
    memory = [_pss_mib(s._process.pid) for s in server.sessions.values()]
    rss = [sum(_kib(p, "VmRSS") for p in _tree(s._process.pid)) / 1024 for s in server.sessions.values()]
    together = await asyncio.gather(*(open_session() for _ in range(at_once)))
    for http in browsers:
        await http.close()
    await server.stop()
    per_session = statistics.median(memory)
    print(f"rehearse serve, one browser session: first screen {statistics.median(alone):.2f} s after connecting "
          f"(one at a time, median of {one_by_one}); {per_session:.0f} MiB PSS ({statistics.median(rss):.0f} MiB RSS) "
          f"an app process at its first screen; {int(4096 // statistics.median(rss))} (by RSS) to "
          f"{int(4096 // per_session)} (by PSS) sessions fit in 4 GiB")
    print(f"{at_once} browsers opening at once on {os.cpu_count()} cores: first screen after "
          f"{min(together):.1f} s for the first, {statistics.median(together):.1f} s median, {max(together):.1f} s for "
          f"the last (starts queue one per core; the page says so while people wait)")


async def _drain(ws) -> None:
    async for _ in ws:
        pass


class ServeProcess:
    """`rehearse serve` as a facilitator runs it, its session folders in `tmp`."""

    def __init__(self, tmp: str):
        self.tmp = Path(tmp)

    async def __aenter__(self):
        env = dict(os.environ, TMPDIR=str(self.tmp), PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "serve", "--port", "0", cwd=ROOT, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        said = ""
        while "Join code" not in said:
            said += (await self.process.stdout.readline()).decode()
        self.url, self.code = re.search(r"open (\S+) ", said)[1], re.search(r"Join code: (\S+)\.", said)[1]
        return self

    def apps(self) -> set[int]:
        return set(_tree(self.process.pid)) - {self.process.pid}

    def folders(self) -> int:
        return len(list(self.tmp.glob("rehearse-session-*")))

    async def ctrl_c(self) -> tuple[float, str]:
        """Seconds until it has stopped, and what it printed on the way."""
        started = time.perf_counter()
        self.process.send_signal(signal.SIGINT)
        await self.process.wait()
        return time.perf_counter() - started, (await self.process.stdout.read()).decode()

    async def __aexit__(self, *exc):
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()


async def flooding_page(serve: ServeProcess, messages: int, seconds: float):
    """A page that sends `messages` keys and resizes in `seconds` from the
    moment its app starts, and reads nothing; its still open connection."""
    http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    await http.post(serve.url + "join", data={"code": serve.code}, allow_redirects=False)
    ws = await http.ws_connect(serve.url.replace("http", "ws") + "ws?width=80&height=24", origin=serve.url.rstrip("/"))
    while not serve.apps():
        await asyncio.sleep(0.05)
    for n in range(messages):
        message = ["stdin", "j" * 50] if n % 2 else ["resize", {"width": 80 + n % 50, "height": 24 + n % 20}]
        try:
            await asyncio.wait_for(ws.send_str(json.dumps(message)), 5)
        except (asyncio.TimeoutError, ConnectionError):
            break
        await asyncio.sleep(seconds / messages)
    return http


def _alive(pids: set[int]) -> int:
    return sum(1 for pid in pids if Path(f"/proc/{pid}").exists()
               and Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z")


async def serve_flood(messages: int = 2000, seconds: float = 10.0) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with ServeProcess(tmp) as serve:  # the baseline: Ctrl+C with nobody connected
            idle_stop, _ = await serve.ctrl_c()
        async with ServeProcess(tmp) as serve:  # a flooding page that then goes away
            http = await flooding_page(serve, messages, seconds)
            apps = serve.apps()
            await http.close()
            await asyncio.sleep(2)
            after_close = (_alive(apps), serve.folders())
            await serve.ctrl_c()
        async with ServeProcess(tmp) as serve:  # a flooding page still connected at Ctrl+C
            http = await flooding_page(serve, messages, seconds)
            apps = serve.apps()
            took, said = await serve.ctrl_c()
            after_stop = (_alive(apps), serve.folders())
            await http.close()
    clean = "Traceback" not in said and "Event loop is closed" not in said
    print(f"rehearse serve, a page sending {messages:,} keys and resizes in {seconds:.0f} s and reading nothing: "
          f"app processes left 2 s after it disconnects {after_close[0]}, session folders {after_close[1]}; "
          f"still connected at Ctrl+C: stopped in {took:.2f} s (with nobody connected {idle_stop:.2f} s, ratio "
          f"{took / idle_stop:.1f}x; goal < 2 s), processes left {after_stop[0]}, folders {after_stop[1]}, "
          f"{'no traceback' if clean else 'TRACEBACK printed'}")


def bench_workshop() -> None:
    print("== workshop mode (issue: workshop mode for counselors)")
    with tempfile.TemporaryDirectory() as home:
        os.environ["REHEARSE_HOME"] = home
        asyncio.run(vote_server())
        asyncio.run(serve_sessions())
        asyncio.run(serve_flood())
