"""Every example in docs/authoring.md works: the course and source it shows
make a library; each scenario in it checks with no error and no warning;
each broken one produces the code it is marked with; and every command it
shows runs (and prints what the page says, where the page shows output)."""

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from helpers import REPO

DOC = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
FENCES = re.findall(r"^```([^\n]*)\n(.*?)^```$", DOC, flags=re.M | re.S)
MARKDOWN = [(info.split()[1:], text) for info, text in FENCES if info.split()[:1] == ["markdown"]]
LIBRARY_FILES = {words[0]: text for words, text in MARKDOWN if words and words[0].endswith(".md")}
SCENARIOS = [text for words, text in MARKDOWN if not words]
BROKEN = [(words[1], text) for words, text in MARKDOWN if words[:1] == ["broken"]]
CONSOLE = [text for info, text in FENCES if info == "console"]


def _front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def _scenario_path(root: Path, text: str) -> Path:
    meta = _front_matter(text)
    return root / "scenarios" / meta["module"] / f"{meta.get('id') or 'example'}.md"


def _library(root: Path, scenarios=()) -> Path:
    for name, text in LIBRARY_FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    for text in scenarios:
        path = _scenario_path(root, text)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _check(capsys, root: Path, path: Path) -> dict:
    main(["check", "--content", str(root), str(path), "--json"])
    return json.loads(capsys.readouterr().out)


def test_the_page_has_every_kind_of_example():
    assert {"course.md", "sources/guide.md"} <= set(LIBRARY_FILES)
    assert len(SCENARIOS) >= 5 and len(BROKEN) >= 2 and CONSOLE
    assert all(not words or words[0].endswith(".md") or words[0] == "broken" for words, _ in MARKDOWN)


@pytest.mark.parametrize("text", SCENARIOS, ids=lambda text: _front_matter(text).get("id", "?"))
def test_each_scenario_example_checks_clean(capsys, tmp_path, text):
    root = _library(tmp_path / "lib", [text])
    report = _check(capsys, root, _scenario_path(root, text))
    assert report["errors"] == [] and report["warnings"] == [], report
    assert report["stats"]["scenarios"] == 1


def test_example_ids_are_unique_so_they_share_one_library():
    ids = [_front_matter(text)["id"] for text in SCENARIOS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("code,text", BROKEN, ids=[code for code, _ in BROKEN])
def test_each_broken_example_produces_its_code(capsys, tmp_path, code, text):
    root = _library(tmp_path / "lib")
    path = tmp_path / "broken.md"
    path.write_text(text, encoding="utf-8")
    report = _check(capsys, root, path)
    assert code in {d["code"] for d in report["errors"] + report["warnings"]}, report


def test_every_command_on_the_page_runs_as_shown(capsys, tmp_path):
    root = _library(tmp_path / "lib", SCENARIOS)
    ran = 0
    for block in CONSOLE:
        lines = block.splitlines()
        for number, line in enumerate(lines):
            if not line.startswith("$ rehearse "):
                continue
            words = shlex.split(line[2:])[1:]
            code = main(words[:1] + ["--content", str(root)] + words[1:])
            out = capsys.readouterr().out
            assert code == 0, (line, out)
            shown = lines[number + 1] if number + 1 < len(lines) else ""
            if shown.startswith("{"):
                assert json.loads(out) == json.loads(shown), line
            ran += 1
    assert ran >= 8
