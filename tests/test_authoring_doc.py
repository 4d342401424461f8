"""Every example in docs/authoring.md works: the course and source it shows
make a library; each scenario in it checks with no error and no warning;
each broken one produces the code it is marked with; every command it
shows runs (and prints what the page says, where the page shows output);
and the files it shows `rehearse new` making are the ones it makes."""

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
NAMED = {words[0]: text for words, text in MARKDOWN if words and words[0].endswith(".md")}
MADE_BY_NEW = {name: text for name, text in NAMED.items() if name.startswith("my-library/")}
LIBRARY_FILES = {name: text for name, text in NAMED.items() if name not in MADE_BY_NEW}
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
    assert {"my-library/course.md", "my-library/sources/guide.md"} <= set(MADE_BY_NEW)
    assert CONSOLE[0].startswith("$ rehearse new practice/my-first --content my-library\n")  # the page starts there
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


def _commands(block: str):
    """Each `$ rehearse ...` line of a console block, with the lines shown after it."""
    lines = block.splitlines()
    starts = [n for n, line in enumerate(lines) if line.startswith("$ ")] + [len(lines)]
    for start, end in zip(starts, starts[1:]):
        if lines[start].startswith("$ rehearse "):
            yield lines[start], lines[start + 1:end]


def test_every_command_on_the_page_runs_as_shown(capsys, tmp_path, monkeypatch):
    """A command naming its own --content runs as written in a fresh folder
    (the reader's own library); every other one runs on the page's library."""
    root = _library(tmp_path / "lib", SCENARIOS)
    (tmp_path / "reader").mkdir()
    monkeypatch.chdir(tmp_path / "reader")
    ran = 0
    for block in CONSOLE:
        for line, shown in _commands(block):
            words = shlex.split(line[2:])[1:]
            if "--content" not in words:
                words = words[:1] + ["--content", str(root)] + words[1:]
            code = main(words)
            out = capsys.readouterr().out
            assert code == 0, (line, out)
            if shown[:1] and shown[0].startswith("{"):
                assert json.loads(out) == json.loads(shown[0]), line
            elif shown:
                assert out.splitlines() == shown, line
            ran += 1
    assert ran >= 10


def test_the_files_new_makes_are_the_ones_the_page_shows(capsys, tmp_path, monkeypatch):
    """...and the page's fuller course and guide, put in their place, keep the
    starter working beside every example scenario, with no warning."""
    monkeypatch.chdir(tmp_path)
    assert main(["new", "practice/my-first", "--content", "my-library"]) == 0
    for name, text in MADE_BY_NEW.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text, name
    _library(tmp_path / "my-library", SCENARIOS)
    capsys.readouterr()
    main(["check", "--content", "my-library", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == [] and report["warnings"] == [], report
    assert report["stats"]["scenarios"] == len(SCENARIOS) + 1
