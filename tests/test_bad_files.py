"""One hand-made bad file per checker code: each must be reported with its
code at the line the format names, and nothing else may go wrong."""

import pytest

from helpers import FIXTURES, TEST_LIBRARY, rehearse_json

EXPECTED = [
    ("front-matter-unknown-key.md", "front-matter", 4),
    ("front-matter-missing-title.md", "front-matter", 1),
    ("front-matter-bad-yaml.md", "front-matter", 3),
    ("front-matter-bad-id.md", "front-matter", 4),
    ("duplicate-id.md", "duplicate-id", 10),
    ("unknown-target.md", "unknown-target", 8),
    ("unknown-target-url.md", "unknown-target", 8),
    ("dead-end.md", "dead-end", 11),
    ("unreachable.md", "unreachable", 15),
    ("no-ending.md", "no-ending", 11),
    ("bad-directive.md", "bad-directive", 8),
    ("bad-directive-condition.md", "bad-directive", 8),
    ("bad-directive-safety-on-choice.md", "bad-directive", 8),
    ("bad-directive-safety-kind.md", "bad-directive", 13),
    ("unknown-name-skill.md", "unknown-name", 8),
    ("unknown-name-section.md", "unknown-name", 9),
    ("unknown-name-visited.md", "unknown-name", 8),
    ("unknown-name-module.md", "unknown-name", 3),
    ("structure-subheading.md", "structure", 8),
    ("structure-second-list.md", "structure", 13),
    ("structure-no-link.md", "structure", 9),
    ("structure-ending-with-choices.md", "structure", 15),
    ("structure-unknown-callout.md", "structure", 8),
    ("encoding-latin1.md", "encoding", 6),
    ("encoding-nul.md", "encoding", 9),
    ("translation/es/scenarios/basics/door.md", "translation-drift", 14),  # its original is translation/scenarios/
]


@pytest.mark.parametrize("name,code,line", EXPECTED)
def test_bad_file_reports_code_and_line(name, code, line):
    path = FIXTURES / "bad" / name
    result, report = rehearse_json("check", "--content", str(TEST_LIBRARY), str(path), "--json")
    assert result.returncode == 1, result.stderr
    assert report["ok"] is False
    found = [(e["code"], e["line"]) for e in report["errors"]]
    assert found == [(code, line)], report["errors"]
    assert report["errors"][0]["file"].endswith(name)
    assert "Traceback" not in result.stderr


def test_every_code_has_a_bad_file():
    from bot.content.diagnostics import CODES

    assert {code for _, code, _ in EXPECTED} == set(CODES)


def test_fixture_library_is_clean_but_warns_about_never_offered_choice():
    result, report = rehearse_json("check", str(TEST_LIBRARY), "--json")
    assert result.returncode == 0
    assert report["ok"] is True and report["errors"] == []
    assert [(w["code"], w["line"]) for w in report["warnings"]] == [("never-offered", 24)]
    assert report["stats"] == {"scenarios": 1, "nodes": 3, "choices": 3, "endings": 2}
