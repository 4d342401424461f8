"""A process killed (SIGKILL) in the middle of saving a step, fifty times:
every step it reported as saved is there, the file passes integrity_check,
and each new start resumes where the last one died."""

import os
import random
import select
import signal

from bot.content.library import Library
from bot.engine.catalog import Catalog
from bot.progress.store import Store
from bot.progress.tracked import TrackedPlay

from applib import TEST_LIBRARY

KILLS = 50


def keep_playing(catalog: Catalog, report_fd: int) -> None:
    """What the app does on each key press, as fast as it can, until killed."""
    store = Store.open()
    profile = store.profile() or store.create_profile("", "")
    saved = store.latest_unfinished(profile.id)
    tracked = (TrackedPlay.resume(store, profile.id, catalog.session("loop"), saved) if saved
               else TrackedPlay.start(store, profile.id, catalog.session("loop")))
    while True:
        tracked.choose(1)  # "loop" goes round and round
        os.write(report_fd, f"{tracked.playthrough_id} {len(tracked.session.steps)}\n".encode())


def run_until_killed(catalog: Catalog, rng: random.Random) -> tuple[int, int] | None:
    """Fork a player, let it save a few steps, kill it mid-flight; the last step it reported saved."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the player
        os.close(read_fd)
        try:
            keep_playing(catalog, write_fd)
        finally:
            os._exit(1)
    os.close(write_fd)
    received = b""
    wanted = rng.randint(1, 6)
    while received.count(b"\n") < wanted:
        ready, _, _ = select.select([read_fd], [], [], 20)
        assert ready, "the player stopped saving steps"
        received += os.read(read_fd, 4096)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 4096):
        received += chunk
    os.close(read_fd)
    lines = received.decode().split()
    return (int(lines[-2]), int(lines[-1])) if len(lines) >= 2 else None


def test_fifty_kills_lose_no_saved_step(rehearse_home):
    catalog = Catalog(Library([TEST_LIBRARY]))
    catalog.compiled("loop")
    rng = random.Random(20240611)
    reported: dict[int, int] = {}
    for _ in range(KILLS):
        last = run_until_killed(catalog, rng)
        assert last is not None
        playthrough, steps = last
        reported[playthrough] = max(reported.get(playthrough, 0), steps)
        store = Store.open()
        try:
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            saved = [s.number for s in store.steps(playthrough)]
            assert saved == list(range(1, len(saved) + 1))  # no gaps
            assert len(saved) >= reported[playthrough]  # nothing reported as saved is missing
        finally:
            store.close()
    assert len(reported) == 1  # every start resumed the same play-through
