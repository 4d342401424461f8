#!/usr/bin/env python3
"""Speed figures for the closing notes, each as a ratio against a baseline run
in the same process where one exists. Not a test: run it by hand.

    python scripts/bench.py            # every group
    python scripts/bench.py engine     # one group
"""

import gc
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from markdown_it import MarkdownIt  # noqa: E402
from mdit_py_plugins.front_matter import front_matter_plugin  # noqa: E402

from bot.content.library import Library, check  # noqa: E402
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


def scenario_text(number: int, nodes: int, rng: random.Random, loops: bool = False) -> str:
    """A realistic scenario: speaker lines, narration, 3 choices with feedback
    and citations, some conditions, and 3 endings."""
    regular = nodes - 3
    parts = [f"---\ntitle: Scenario {number}\nmodule: bench\nid: s{number}\nskills: [calm, enabling]\n---\n",
             f"# Scenario {number}\n\nA short briefing about the evening and who is at the door."]
    for i in range(regular):
        forward = f"n{i + 1}" if i + 1 < regular else ("n0" if loops else "win")
        back = f"n{max(0, i - 5)}" if loops else rng.choice([f"n{j}" for j in range(i + 1, regular)] + ["lose"])
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


def make_library(root: Path, scenarios: int, nodes: int) -> Path:
    rng = random.Random(7)
    (root / "sources").mkdir(parents=True)
    (root / "scenarios" / "bench").mkdir(parents=True)
    (root / "course.md").write_text(COURSE)
    (root / "sources" / "guide.md").write_text(SOURCE)
    for number in range(scenarios):
        (root / "scenarios" / "bench" / f"s{number}.md").write_text(scenario_text(number, nodes, rng))
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


def bench_engine() -> None:
    print("== engine (issue 3)")
    with tempfile.TemporaryDirectory() as tmp:
        small = make_library(Path(tmp) / "small", 100, 40)
        large = make_library(Path(tmp) / "large", 1000, 40)
        result = check([large])
        assert not result.errors, result.errors[:3]
        floor = timed(lambda: tokenize_only(large), repeat=2)
        checking = timed(lambda: check([large]), repeat=2)
        print(f"check 1,000 x 40 nodes: {checking:.2f} s; markdown-it-py tokenizing the same files: {floor:.2f} s; "
              f"ratio {checking / floor:.2f}x (goal <= 2.0x)")
        checking_small = timed(lambda: check([small]))
        print(f"check 100 scenarios: {checking_small:.3f} s; 1,000: {checking:.3f} s; "
              f"growth {checking / checking_small:.1f}x for 10x the work (goal <= 11x)")
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


GROUPS = {"engine": bench_engine, "hostile": bench_hostile}


def main(argv: list[str]) -> None:
    for name in argv or list(GROUPS):
        GROUPS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
