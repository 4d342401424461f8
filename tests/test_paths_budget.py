"""`rehearse paths` on a scenario whose exact exploration cannot finish: it
says so in text and in JSON, and still lists what is proven never offered."""

import json
import shutil

import pytest

from bot.cli import main
from bot.content.reach import STATE_BUDGET
from helpers import TEST_LIBRARY

# Every round of the loop raises calm, so the states never end; the last choice can never hold.
ENDLESS = """---
title: Endless
module: basics
skills: [calm, enabling]
---

## Door

- [Wait.](#hall) `calm +1`
  > Kind. `source: guide#stay-calm`
- [Go.](#good)
  > Good. `source: guide#stay-calm`
- [Shout.](#good) `if calm < 0`
  > Loud. `source: guide#stay-calm`

## Hall

- [Back.](#door) `enabling +1`
  > Back. `source: guide#say-no-kindly`

## Good

`end: success`
"""


@pytest.fixture
def library(tmp_path):
    root = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, root)
    (root / "scenarios" / "basics" / "endless.md").write_text(ENDLESS, encoding="utf-8")
    return root


def run(capsys, *args):
    code = main([str(a) for a in args])
    return code, capsys.readouterr().out


def test_paths_says_in_text_when_the_exploration_stopped_short(capsys, library):
    code, text = run(capsys, "paths", "endless", "--content", library)
    lines = text.splitlines()
    assert lines[1].startswith(f"INCOMPLETE: the exploration stopped at its budget of {STATE_BUDGET:,} states")
    assert "at least" in lines[1]
    assert "Choices never offered (proven without the full exploration; there may be more): 1" in text
    assert "endless.md:13: at `door`: the condition never holds" in text
    assert code == 1  # a choice is never offered
    _, summary = run(capsys, "paths", "--content", library)
    endless = next(line for line in summary.splitlines() if line.startswith("endless"))
    assert "INCOMPLETE" in endless and f"{STATE_BUDGET:,}+ states" in endless


def test_paths_says_in_json_when_the_exploration_stopped_short(capsys, library):
    _, out = run(capsys, "paths", "endless", "--content", library, "--json")
    report = json.loads(out)
    assert report["complete"] is False and report["states"] == STATE_BUDGET
    assert f"budget of {STATE_BUDGET:,} states" in report["stopped"]
    assert [c["line"] for c in report["never_offered"]] == [13]
    _, out = run(capsys, "paths", "--content", library, "--json")
    summary = json.loads(out)
    assert summary["complete"] is False
    complete = {s["scenario"]: (s["complete"], s["stopped"]) for s in summary["scenarios"]}
    assert complete["door"] == (True, None) and complete["endless"][0] is False
