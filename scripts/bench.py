#!/usr/bin/env python3
"""Speed figures for the closing notes, each as a ratio against a baseline run
in the same process where one exists. Not a test: run it by hand.

    python scripts/bench.py            # every group
    python scripts/bench.py engine     # one group
"""

import gc
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from markdown_it import MarkdownIt  # noqa: E402
from mdit_py_plugins.front_matter import front_matter_plugin  # noqa: E402

from bot.content.checking import check  # noqa: E402
from bot.content.library import Library  # noqa: E402
from bot.engine.catalog import Catalog  # noqa: E402
from bot.engine.machine import CompiledScenario  # noqa: E402
from bot.engine.session import Session  # noqa: E402

COURSE = """---
title: Bench course
modules:
  - {id: bench, title: Bench}
skills:
  calm: {label: Calm, good: up}
  enabling: {label: Enabling, good: down}
---

Welcome.
"""
SOURCE = "---\ntitle: Bench source\n---\n\n## Calm\n\nStay calm.\n\n## Kind no\n\nSay no kindly.\n"


def condition_text(i: int, regular: int) -> str:
    """A condition on skills and `visited()` for node i, varied over Compare, Visited, not, and, or."""
    other = f"n{(i * 7 + 3) % regular}"
    if i % 3 == 0:
        return f"calm >= {i % 4} and not visited({other})"
    if i % 3 == 1:
        return f"visited({other}) or enabling < {i % 5}"
    return f"not (calm > {i % 6} and visited({other}))"


def scenario_text(number: int, nodes: int, rng: random.Random, loops: bool = False, conditions: int = 0) -> str:
    """A realistic scenario: speaker lines, narration, 3 choices with feedback
    and citations, some conditions, and 3 endings. With `conditions`, that many
    nodes (spread evenly; all of them when it is the node count or more) carry
    a condition on skills and `visited()` on their third choice instead."""
    regular = nodes - 3
    parts = [f"---\ntitle: Scenario {number}\nmodule: bench\nid: s{number}\nskills: [calm, enabling]\n---\n",
             f"# Scenario {number}\n\nA short briefing about the evening and who is at the door."]
    for i in range(regular):
        forward = f"n{i + 1}" if i + 1 < regular else ("n0" if loops else "win")
        back = f"n{max(0, i - 5)}" if loops else rng.choice([f"n{j}" for j in range(i + 1, regular)] + ["lose"])
        if conditions:
            spread = i * conditions // regular != (i + 1) * conditions // regular
            condition = f" `if {condition_text(i, regular)}`" if spread else ""
        else:
            condition = " `if visited(n1)`" if i % 7 == 3 else (" `if calm >= 1`" if i % 11 == 5 else "")
        parts.append(
            f"## N{i}\n\n*They look at you for a long moment.*\n\n"
            f"**Sam:** I need you to hear me out, just this once, because it matters to me.\n\n"
            f"- [I hear you. What does your sponsor say?](#{forward}) `calm +1`\n"
            f"  > Bringing it back to their support keeps you kind and clear. `source: guide#calm`\n"
            f"- [Fine, take it, just this once.](#{back}) `enabling +1`\n"
            f"  > Giving in ends the tension and teaches that pushing works. `source: guide#kind-no`\n"
            f"- [You always do this to me!](#{'win' if i == 0 else 'lose' if i % 2 else 'draw'}){condition}\n"
            f"  > Anger is understandable, and it raises the temperature. `source: guide#calm`"
        )
    parts.append("## Win\n\n`end: success`\n\n> You held a kind line. `source: guide#calm`")
    parts.append("## Draw\n\n`end: partial`\n\n> Some of it landed. `source: guide#kind-no`")
    parts.append("## Lose\n\n`end: setback`\n\n> Next time, try a calm question. `source: guide#calm`")
    return "\n\n".join(parts) + "\n"


def make_library(root: Path, scenarios: int, nodes: int, conditions: int = 0) -> Path:
    rng = random.Random(7)
    (root / "sources").mkdir(parents=True)
    (root / "scenarios" / "bench").mkdir(parents=True)
    (root / "course.md").write_text(COURSE)
    (root / "sources" / "guide.md").write_text(SOURCE)
    for number in range(scenarios):
        (root / "scenarios" / "bench" / f"s{number}.md").write_text(scenario_text(number, nodes, rng,
                                                                                  conditions=conditions))
    return root


def timed(func, repeat: int = 3) -> float:
    """Best of `repeat` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def tokenize_only(root: Path) -> None:
    md = MarkdownIt("commonmark").use(front_matter_plugin)
    for path in sorted((root / "scenarios").rglob("*.md")):
        md.parse(path.read_text(encoding="utf-8"))


def goal(met: bool) -> str:
    return "goal met" if met else "GOAL NOT MET"


def bench_engine() -> None:
    """Checking libraries whose every node has a choice with a condition on
    skills and `visited()` (what made the old state enumeration slow), then
    compiling and playing one scenario."""
    print("== engine (issues 3 and 12)")
    with tempfile.TemporaryDirectory() as tmp:
        small = make_library(Path(tmp) / "small", 100, 40, conditions=40)
        large = make_library(Path(tmp) / "large", 1000, 40, conditions=40)
        result = check([large])
        assert not result.errors, result.errors[:3]
        warned = sum(w.code == "never-offered" for w in result.warnings)
        floor = timed(lambda: tokenize_only(large), repeat=2)
        checking = timed(lambda: check([large]), repeat=2)
        ratio = checking / floor
        print(f"check 1,000 x 40 nodes, a condition on skills and visited() at every node ({warned:,} choices never "
              f"offered): {checking:.2f} s; markdown-it-py tokenizing the same files: {floor:.2f} s; "
              f"ratio {ratio:.2f}x (goal <= 2.0x: {goal(ratio <= 2.0)})")
        checking_small = timed(lambda: check([small]))
        growth = checking / checking_small
        print(f"check 100 scenarios: {checking_small:.3f} s; 1,000: {checking:.3f} s; "
              f"growth {growth:.1f}x for 10x the work (goal <= 11x: {goal(growth <= 11)})")
        bench_one_large_scenario(Path(tmp) / "one")
        tracemalloc.start()
        check([small])
        _, peak_small = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        tracemalloc.start()
        check([large])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak traced memory while checking: 100 scenarios {peak_small / 2**20:.1f} MiB, "
              f"1,000 scenarios {peak / 2**20:.1f} MiB (file by file: it does not grow with the library)")
        one = Path(tmp) / "big"
        make_library(one, 0, 0)
        (one / "scenarios" / "bench" / "big.md").write_text(scenario_text(0, 200, random.Random(1), loops=True))
        library = Library([one])
        assert not library.problems, library.problems[:3]
        scenario = library.scenarios["s0"]
        compile_time = timed(lambda: CompiledScenario(scenario), repeat=5)
        print(f"compile one 200-node scenario: {compile_time * 1000:.1f} ms")
        compiled = CompiledScenario(scenario)

        def play():
            session = Session(compiled)
            for _ in range(10_000):
                session.choose(1)
            session.close()

        steps = timed(play)
        print(f"play 10,000 steps on it: {steps:.3f} s ({steps / 10_000 * 1e6:.0f} us a step)")
        sessions = [Session(compiled) for _ in range(100)]
        catalog = Catalog(library)
        print(f"100 sessions share one machine: {len({id(s.compiled) for s in sessions})} machine; "
              f"lazy compile: {len(catalog._compiled)} compiled before first play")


def bench_one_large_scenario(root: Path) -> None:
    """`check` on one 400-node scenario with 50 conditions and loops that keep
    raising skills (no end to its states), parsing included."""
    from bot.content.possible import possible

    make_library(root, 0, 0)
    path = root / "scenarios" / "bench" / "big.md"
    path.write_text(scenario_text(0, 400, random.Random(5), loops=True, conditions=50))
    result = check([root], only=[path])
    assert not result.errors, result.errors[:3]
    checking = timed(lambda: check([root], only=[path]), repeat=5)
    scenario = Library([root]).scenarios["s0"]
    analysing = timed(lambda: possible(scenario), repeat=5)
    print(f"check one 400-node scenario with 50 conditions and loops: {checking:.3f} s, of which the never-offered "
          f"analysis {analysing * 1000:.1f} ms (goal < 0.2 s: {goal(checking < 0.2)})")


def bench_hostile() -> None:
    """The slowest single file within the size cap, against markdown-it-py alone."""
    print("== hostile files (issue 3)")
    front = "---\ntitle: T\nmodule: bench\n---\n\n## A\n\n"
    cases = {
        "200,000 [": "[" * 200_000,
        "100,000 ![": "![" * 100_000,
        "120,000 a*": "a*" * 120_000,
        "100,000 _a": "_a" * 100_000,
        "50,000 [a](": "[a](" * 50_000,
        "250 KiB of prose": "Plain words in a row. " * 11_500,
    }
    md = MarkdownIt("commonmark").use(front_matter_plugin)
    with tempfile.TemporaryDirectory() as tmp:
        root = make_library(Path(tmp) / "lib", 0, 0)
        for label, body in cases.items():
            path = root / "scenarios" / "bench" / "hostile.md"
            path.write_text(front + body + "\n")
            ours = timed(lambda: check([root], only=[path]), repeat=1)
            alone = timed(lambda: md.parse(path.read_text()), repeat=1)
            print(f"{label:>18}: check {ours:.2f} s (markdown-it-py alone {alone:.2f} s)")


def bench_authoring() -> None:
    """`rehearse paths` against the exact exploration it is built on, on the
    built-in course (some of whose loops reach the state budget)."""
    from bot.authoring.paths import analyse
    from bot.content.reach import explore

    print("== authoring tools (issue: tools for authors)")
    library = Library()
    scenarios = library.in_order()
    exploring = timed(lambda: [explore(s) for s in scenarios], repeat=1)
    analysing = timed(lambda: [analyse(s) for s in scenarios], repeat=1)
    slowest = max(scenarios, key=lambda s: timed(lambda: analyse(s), repeat=1))
    print(f"paths for all {len(scenarios)} built-in scenarios: {analysing:.2f} s; the exact exploration alone: "
          f"{exploring:.2f} s; ratio {analysing / exploring:.2f}x; slowest one: {slowest.id} "
          f"{timed(lambda: analyse(slowest), repeat=1):.2f} s")


def bench_course() -> None:
    """The built-in course's size (the figures issue 11's note asks for) and
    what checking it costs against merely tokenizing the same files."""
    from bot.content.library import builtin_root

    print("== the built-in course (issue 11)")
    library = Library()
    scenarios = library.in_order()
    nodes = sum(len(s.nodes) for s in scenarios)
    choices = sum(len(n.choices) for s in scenarios for n in s.nodes)
    endings = sum(len(s.endings) for s in scenarios)
    sections = ", ".join(f"{name} {len(source.sections)}" for name, source in sorted(library.sources.items()))
    print(f"{len(library.course.modules)} modules, {len(scenarios)} scenarios, {nodes} nodes, {choices} choices, "
          f"{endings} endings; source sections: {sections}")
    root = builtin_root()
    checking = timed(lambda: check([root]))
    floor = timed(lambda: tokenize_only(root))
    print(f"check the built-in course: {checking:.2f} s; markdown-it-py tokenizing the same files: {floor:.2f} s; "
          f"ratio {checking / floor:.2f}x")


GROUPS = {"engine": bench_engine, "hostile": bench_hostile, "authoring": bench_authoring, "course": bench_course}



# -- the app (issue: the app for families) -------------------------------------------

# Each app prints the wall-clock time at which its first screen is shown
# (after a refresh), so tearing the app down is not counted as starting it.
BARE_APP = """
import time
from textual.app import App
from textual.widgets import Label
class Bare(App):
    def compose(self):
        yield Label("hello")
    def on_mount(self):
        self.call_after_refresh(self.shown)
    def shown(self):
        print(time.time())
        self.exit()
Bare().run(headless=True)
"""

HOME_APP = """
import time
from textual.app import App
from bot.cli import main
from bot.ui.screens import home
class TimedHome(home.HomeScreen):
    def on_mount(self):  # HomeScreen.on_mount (the options) runs right after this, before the refresh
        self.call_after_refresh(self.shown)
    def shown(self):
        assert self.query_one("#scenarios").option_count
        print(time.time())
        self.app.exit()
home.HomeScreen = TimedHome  # the app opens it as the bare app opens its label
_run = App.run
App.run = lambda self, **options: _run(self, headless=True)  # like the bare app
main(ARGUMENTS)  # the real `rehearse` command: arguments, progress file, library, app
"""
SPANISH_HOME_APP = HOME_APP.replace("ARGUMENTS", '["--lang", "es"]')
HOME_APP = HOME_APP.replace("ARGUMENTS", "[]")

A_PROFILE = """
from bot.progress.store import Store
store = Store.open()
store.create_profile("Sam", "UK")
store.close()
"""


def _run_seconds(code: str, env: dict) -> float:
    """From starting a new process to its first screen shown (teardown not counted)."""
    started = time.time()
    done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1]) - started


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def app_cold_start(rounds: int = 11) -> None:
    """A new process to the home screen, against a bare Textual app showing one label;
    and in Spanish (`rehearse --lang es`), against English."""
    import os
    import statistics

    repo = Path(__file__).resolve().parent.parent
    # pip compiles an installed app's bytecode, as it did Textual's; a checkout may not have it
    # (PYTHONDONTWRITEBYTECODE), and compiling our sources on every start is not what users see
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(repo / "bot")], check=True)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, REHEARSE_HOME=home, PYTHONPATH=str(repo))
        subprocess.run([sys.executable, "-c", A_PROFILE], env=env, check=True)
        _run_seconds(HOME_APP, env)  # warm the disk cache (and each language's library cache) for all
        _run_seconds(SPANISH_HOME_APP, env)
        _run_seconds(BARE_APP, env)
        bare, ours, spanish = [], [], []
        for _ in range(rounds):
            bare.append(_run_seconds(BARE_APP, env))
            ours.append(_run_seconds(HOME_APP, env))
            spanish.append(_run_seconds(SPANISH_HOME_APP, env))
    b, o, s = statistics.median(bare), statistics.median(ours), statistics.median(spanish)
    print(f"cold start to the home screen: {o:.2f} s; bare Textual app with one label: {b:.2f} s; "
          f"ratio {o / b:.2f}x (goal <= 1.5x; medians of {rounds}; best of each: {min(ours) / min(bare):.2f}x)")
    print(f"cold start to the home screen in Spanish (--lang es): {s:.2f} s; in English {o:.2f} s; "
          f"ratio {s / o:.2f}x (goal: within noise of 1.0x; best of each: {min(spanish) / min(ours):.2f}x)")


def _pilot_app(library: Library, store, **options):
    from bot.ui.app import RehearseApp

    if store.profile() is None:
        store.create_profile("Sam", "UK")
    return RehearseApp(library, store, still=True, **options)


def app_keypress(steps: int = 200, sizes: tuple = ((80, 24), (120, 40))) -> None:
    """Key press to the next node painted, over a 200-step transcript (typing pause off):
    from the key event reaching the app to the first screen refresh after the new
    node and its options are in place. At the size most terminals open at (where the
    coach is folded to a line) and at a roomy one (the coach down the side)."""
    import asyncio
    import os

    from textual import events

    from bot.progress.store import Store
    from bot.ui import flow
    from bot.ui.screens.conversation import ConversationScreen

    painted: list[float] = []
    after_reveal = ConversationScreen.after_reveal

    def timed_after_reveal(screen):
        after_reveal(screen)
        screen.call_after_refresh(lambda: painted.append(time.perf_counter()))

    async def run(library: Library, size: tuple[int, int]) -> tuple[list[float], list[float]]:
        store = Store.open()
        app = _pilot_app(library, store, quiet_gc=True)
        wall, cpu = [], []
        async with app.run_test(size=size) as pilot:
            flow.start(app, "s0")
            await pilot.pause()
            for _ in range(steps):
                seen, started, started_cpu = len(painted), time.perf_counter(), time.process_time()
                app._driver.send_message(events.Key("1", "1"))
                while len(painted) == seen:
                    await asyncio.sleep(0.0005)
                wall.append(painted[-1] - started)
                cpu.append(time.process_time() - started_cpu)
                await pilot.pause()  # let the app go idle, as between a person's key presses
            assert len(app.screen.session.steps) == steps
        store.close()
        return wall, cpu

    ConversationScreen.after_reveal = timed_after_reveal
    try:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["REHEARSE_HOME"] = str(Path(tmp) / "home")
            os.environ["REHEARSE_TYPING_DELAY"] = "0"
            root = make_library(Path(tmp) / "lib", 0, 0)
            (root / "scenarios" / "bench" / "loop.md").write_text(scenario_text(0, 40, random.Random(3), loops=True))
            for width, height in sizes:
                wall, cpu = asyncio.run(run(Library([root]), (width, height)))
                print(f"key press to the next node shown, {steps} steps at {width}x{height}: median "
                      f"{_percentile(wall, 0.5) * 1000:.1f} ms, p95 {_percentile(wall, 0.95) * 1000:.1f} ms, worst "
                      f"{max(wall) * 1000:.1f} ms; CPU time p95 {_percentile(cpu, 0.95) * 1000:.1f} ms "
                      "(goal p95 <= 33 ms)")
    finally:
        ConversationScreen.after_reveal = after_reveal


def app_resume(saved: int = 1000, rounds: int = 7) -> None:
    """Start, then "continue where you left off" to the conversation painted at
    the saved step, with no other saved play-throughs and with 1,000 of them."""
    import asyncio
    import os
    import statistics

    from bot.engine.catalog import Catalog
    from bot.progress.store import Store
    from bot.progress.tracked import TrackedPlay
    from bot.ui.screens.conversation import ConversationScreen

    painted: list[float] = []
    after_reveal = ConversationScreen.after_reveal

    def timed_after_reveal(screen):
        after_reveal(screen)
        screen.call_after_refresh(lambda: painted.append(time.perf_counter()))

    async def resume(library: Library) -> float:
        store = Store.open()
        started = time.perf_counter()
        app = _pilot_app(library, store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("c")
            await pilot.pause()
            assert len(app.screen.session.steps) == 8
        store.close()
        return painted[-1] - started

    def fill(library: Library, count: int) -> None:
        store = Store.open()
        profile = store.create_profile("Sam", "UK")
        catalog = Catalog(library)
        for n in range(count):
            tracked = TrackedPlay.start(store, profile.id, catalog.session(f"s{n % 5}"))
            for _ in range(6):
                tracked.choose(1)
        tracked = TrackedPlay.start(store, profile.id, catalog.session("s0"))
        for _ in range(8):
            tracked.choose(1)
        store.close()

    times: dict[int, list[float]] = {0: [], saved: []}
    ConversationScreen.after_reveal = timed_after_reveal
    try:
        with tempfile.TemporaryDirectory() as tmp:
            library = Library([make_library(Path(tmp) / "lib", 5, 40)])
            for count in times:
                os.environ["REHEARSE_HOME"] = str(Path(tmp) / f"home{count}")
                fill(library, count)
            for round_number in range(rounds):  # alternate the order, so drift hits both alike
                for count in sorted(times, reverse=bool(round_number % 2)):
                    os.environ["REHEARSE_HOME"] = str(Path(tmp) / f"home{count}")
                    gc.collect()
                    times[count].append(asyncio.run(resume(library)))
    finally:
        ConversationScreen.after_reveal = after_reveal
    none, many = statistics.median(times[0]), statistics.median(times[saved])
    spread = statistics.pstdev(times[0]) * 1000
    print(f"open the app and carry on to the saved step: {none * 1000:.0f} ms with no other saved play-throughs, "
          f"{many * 1000:.0f} ms with {saved:,} (ratio {many / none:.2f}x, noise about {spread:.0f} ms; "
          f"goal: not slower, within noise)")


def bench_app() -> None:
    print("== the app (issue: the app for families)")
    app_cold_start()
    app_keypress()
    app_resume()


GROUPS["app"] = bench_app


# -- self-paced learning (issue: the course path, progress over time, ...) ---------------

def fill_history(store, library: Library, profiles: int, plays: int, seed: int = 11) -> None:
    """`plays` finished or abandoned play-throughs per profile on the built-in course, each a
    random walk played by the engine, written in one transaction (steps, skills, endings)."""
    import json

    rng = random.Random(seed)
    catalog, scenarios = Catalog(library), [s.id for s in library.in_order()]
    rows, steps, endings = [], [], set()
    ids = [store.create_profile(f"P{n}", "UK").id for n in range(profiles)]
    number, clock = 0, 1_700_000_000.0
    for profile_id in ids:
        for _ in range(plays):
            number, clock = number + 1, clock + 60
            session = catalog.session(rng.choice(scenarios))
            while session.ending is None and len(session.steps) < 30:
                before = session.state
                session.choose(rng.randint(1, len(session.offered())))
                steps.append((number, len(session.steps), before, session.steps[-1][1], session.state, clock))
            state = "ended" if session.ending else "left"
            rows.append((number, profile_id, session.scenario.id, state, session.state,
                         json.dumps(session.skill_scores()), session.ending, session.outcome, clock, clock))
            if session.ending:
                endings.add((profile_id, session.scenario.id, session.ending, session.outcome, clock))
            session.close()
    with store.transaction() as db:
        db.executemany("INSERT INTO playthroughs (id, profile_id, scenario, state, node, skills, ending, outcome, "
                       "started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO steps (playthrough_id, number, node, choice, target, at) "
                       "VALUES (?, ?, ?, ?, ?, ?)", steps)
        db.executemany("INSERT OR IGNORE INTO endings_found VALUES (?, ?, ?, ?, ?)", sorted(endings))


def bench_selfpaced(profiles: int = 5, plays: int = 2000, rounds: int = 15) -> None:
    """The course map and the report for one learner, with an empty database and with 5 profiles x
    2,000 play-throughs, measured in turns (empty, full, empty, ...) so a busy machine slows both
    alike; medians of `rounds`. The screen and `rehearse report` are what the learner waits for; the
    data figures are the part that reads the database."""
    import asyncio
    import contextlib
    import io
    import os
    import statistics

    from bot.cli import main as rehearse
    from bot.learning.course_map import course_map
    from bot.learning.report import build_report, to_html, to_markdown
    from bot.learning.review import due
    from bot.learning.skills import skill_histories
    from bot.progress.store import Store
    from bot.ui.screens.course import CourseMapScreen

    print("== self-paced learning (issue: course path, progress over time, reports)")
    library = Library()
    times: dict = {}

    def note(what: str, label: str, seconds: float) -> None:
        times.setdefault(what, {}).setdefault(label, []).append(seconds)

    def reading(store, profile) -> None:
        course_map(store, library, profile.id), due(store, library, profile.id, limit=None)
        built = build_report(store, library, profile, with_journal=True)
        skill_histories(store, library.course, profile.id), to_html(built), to_markdown(built)

    async def open_map(homes: dict) -> None:
        app = _pilot_app(library, homes["empty"][0])
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for _ in range(rounds):
                for label, (store, profile) in homes.items():
                    app.store, app.profile = store, profile
                    started = time.perf_counter()
                    app.push_screen(CourseMapScreen())
                    await pilot.pause()
                    note("course map screen opening", label, time.perf_counter() - started)
                    app.pop_screen()
                    await pilot.pause()

    with tempfile.TemporaryDirectory() as tmp:
        homes = {}
        for label, each in (("empty", 0), ("a tenth", plays // 10), ("full", plays)):
            os.environ["REHEARSE_HOME"] = str(Path(tmp) / label)
            store = Store.open()
            started = time.perf_counter()
            fill_history(store, library, profiles if each else 1, each)
            if label == "full":
                filled = time.perf_counter() - started
                count = store.conn.execute("SELECT count(*) FROM playthroughs").fetchone()[0]
                cold = timed(lambda: due(store, library, store.profile().id), repeat=1)
            homes[label] = (store, store.profile())
        for _ in range(rounds):
            for label, (store, profile) in homes.items():
                note("reading the database (map, review, skills, report)", label,
                     timed(lambda: reading(store, profile), repeat=1))
        asyncio.run(open_map(homes))
        for _ in range(rounds):
            for label in homes:
                os.environ["REHEARSE_HOME"] = str(Path(tmp) / label)
                output = str(Path(tmp) / f"report-{label}.html")
                with contextlib.redirect_stdout(io.StringIO()):
                    note("rehearse report --format html", label,
                         timed(lambda: rehearse(["report", "--format", "html", "--output", output]), repeat=1))
        checking = {label: timed(lambda: store.conn.execute("PRAGMA quick_check").fetchone(), repeat=5)
                    for label, (store, _) in homes.items()}
        for store, _ in homes.values():
            store.close()
    print(f"database: {profiles} profiles x {plays:,} play-throughs ({count:,} rows, filled in {filled:.1f} s); "
          f"first reading of the plays for review cards, once after the import: {cold * 1000:.0f} ms")
    for what, runs in times.items():
        empty, tenth, full = (statistics.median(runs[k]) for k in ("empty", "a tenth", "full"))
        low, _, high = statistics.quantiles(runs["empty"], n=4)
        print(f"{what}: empty {empty * 1000:.1f} ms, {plays // 10:,} each {tenth * 1000:.1f} ms, {plays:,} each "
              f"{full * 1000:.1f} ms; full/empty {full / empty:.2f}x (noise: the empty runs' interquartile range "
              f"is {(high - low) / empty:.0%} of their median; goal: within it), full/tenth {full / tenth:.2f}x")
    print(f"for scale: PRAGMA quick_check (the app's open; report and export skip it) takes "
          f"{checking['empty'] * 1000:.1f} ms empty and {checking['full'] * 1000:.1f} ms full (it reads the whole file)")


GROUPS["selfpaced"] = bench_selfpaced


from bench_workshop import bench_workshop  # noqa: E402 -- workshop mode's figures, in their own file

GROUPS["workshop"] = bench_workshop
from bench_words import bench_words  # noqa: E402 -- the own-words coach's quality and speed
GROUPS["words"] = bench_words



def bench_i18n(calls: int = 100_000) -> None:
    """The interface in Spanish (issue 14): loading the catalogues, one `_()` against
    English (which passes the string through), and the library loaded in Spanish, as the
    app does at start, against English."""
    from bot import i18n

    print("== the interface in Spanish (issue 14)")
    loading = timed(lambda: (i18n.translations.cache_clear(), i18n.translations("es")))
    print(f"load every Spanish catalogue: {loading * 1000:.2f} ms")
    per_call = {}
    for lang in ("en", "es"):
        i18n.use_language(lang)
        per_call[lang] = timed(lambda: [i18n._("Choose a conversation to practise") for _ in range(calls)]) / calls
    i18n.use_language("en")
    print(f"_() per call: Spanish {per_call['es'] * 1e9:.0f} ns, English {per_call['en'] * 1e9:.0f} ns; "
          f"ratio {per_call['es'] / per_call['en']:.2f}x")
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "library.json"
        Library(cache_file=cache)  # warm, as every start after the first (one entry per language)
        Library(cache_file=cache, lang="es")
        english = timed(lambda: Library(cache_file=cache))
        spanish = timed(lambda: Library(cache_file=cache, lang="es"))
        parsed = timed(lambda: Library(lang="es"), repeat=1)
    print(f"the built-in library at app start (cache warm): Spanish {spanish * 1000:.1f} ms, English "
          f"{english * 1000:.1f} ms, ratio {spanish / english:.2f}x; Spanish parsed without the cache "
          f"{parsed:.2f} s")


GROUPS["i18n"] = bench_i18n


def main(argv: list[str]) -> int:
    unknown = [name for name in argv if name not in GROUPS]
    if unknown:
        print(f"bench.py: no group {unknown[0]!r}; the groups: {', '.join(GROUPS)}", file=sys.stderr)
        return 2
    for name in argv or list(GROUPS):
        GROUPS[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
