"""Workshop plan files: parsed and checked by `rehearse check` like
scenarios, each problem as `path:line: code: message`, never a traceback;
the two plans the project ships pass."""

import re
import shutil

import pytest

from helpers import rehearse, rehearse_json

from .conftest import LIBRARY

GOOD = """---
title: A plan
minutes: 45
opening: Why are we here?
scenarios:
  - id: door
    minutes: 20
  - id: phone
    minutes: 10
closing: What next?
---

Notes for the facilitator.
"""


def check(tmp_path, text: str, name: str = "plan.md"):
    root = tmp_path / "lib"
    shutil.copytree(LIBRARY, root)
    (root / "workshops" / name).write_text(text, encoding="utf-8")
    return rehearse_json("check", str(root), "--json")[1]


def test_the_shipped_plans_and_the_test_plan_pass():
    result, report = rehearse_json("check", "--json")
    assert report["ok"], report["errors"]
    assert [w for w in report["warnings"] if "workshops/" in w["file"]] == []  # their translations are up to date
    result, report = rehearse_json("check", str(LIBRARY), "--json")
    assert report["ok"] and report["warnings"] == [], report


def test_a_good_plan_passes(tmp_path):
    report = check(tmp_path, GOOD)
    assert report["ok"] and report["warnings"] == [], report


@pytest.mark.parametrize("old, new, line, code", [
    ("title: A plan", "titel: A plan", 2, "front-matter"),
    ("  - id: phone", "  - id: no-such-scenario", 8, "unknown-name"),
    ("    minutes: 10", "    minutes: ten", 8, "front-matter"),
    ("  - id: phone\n    minutes: 10", "  - phone", 8, "front-matter"),
    ("minutes: 45", "minutes: 0", 3, "front-matter"),
    ("opening: Why are we here?", "opening: [a, b]", 4, "front-matter"),
    ("Notes for the facilitator.", "## A heading", 13, "structure"),
    ("scenarios:\n", "scenarios: []\nx:\n", 5, "front-matter"),
])
def test_each_problem_has_a_line_and_a_code(tmp_path, old, new, line, code):
    assert old in GOOD
    report = check(tmp_path, GOOD.replace(old, new, 1))
    found = [(d["file"], d["line"], d["code"]) for d in report["errors"] + report["warnings"]]
    assert (f"{tmp_path}/lib/workshops/plan.md", line, code) in found, found


def test_two_plans_with_one_id(tmp_path):
    root = tmp_path / "lib"
    shutil.copytree(LIBRARY, root)
    (root / "workshops" / "copy.md").write_text(GOOD.replace("title: A plan", "title: A plan\nid: evening"))
    _, report = rehearse_json("check", str(root), "--json")
    assert [d["code"] for d in report["errors"]] == ["duplicate-id"]


BROKEN = {"latin-1": b"\xff\xfe not utf-8", "bad-yaml": b"---\ntitle: [\n---\n", "no-front-matter": b"no front matter",
          "a-list": b"---\n- a list\n---\n", "binary": b"\x00\x01", "huge": b"---\n" + b"a: " * 100_000 + b"\n---\n"}


@pytest.mark.parametrize("data", BROKEN.values(), ids=BROKEN.keys())
def test_broken_plans_never_crash(tmp_path, data):
    path = tmp_path / "loose-plan.md"
    path.write_bytes(data)
    shutil.copytree(LIBRARY, tmp_path / "lib")
    (tmp_path / "lib" / "workshops" / "broken.md").write_bytes(data)
    for target in (str(tmp_path / "lib"), str(tmp_path / "lib" / "workshops" / "broken.md")):
        result = rehearse("check", target)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "workshops/broken.md:" in result.stdout


def test_a_plan_shared_on_its_own_is_checked_against_the_built_in_course(tmp_path):
    path = tmp_path / "shared.md"
    path.write_text(GOOD.replace("door", "fifty-dollars").replace("id: phone", "id: where-were-you"))
    result = rehearse("check", str(path))
    assert result.returncode == 0, result.stdout
    path.write_text(GOOD)
    result = rehearse("check", str(path))
    assert result.returncode == 1 and f"{path}:6: unknown-name: no scenario `door`" in result.stdout


def test_the_docs_list_every_plan_key():
    from bot.content.workshop_plan import KEYS

    from helpers import REPO

    doc = (REPO / "docs" / "workshop.md").read_text(encoding="utf-8")
    table = doc.split("| key | required | meaning |")[1].split("\n\n")[0]
    documented = {key for row in table.splitlines()[2:] for key in re.findall(r"`([a-z-]+)`", row.split("|")[1])}
    assert documented == set(KEYS)
