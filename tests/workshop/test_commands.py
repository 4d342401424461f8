"""`rehearse workshop`, `guide` and `serve` on the command line: every
mistake is a plain message and exit 2, before any screen or server."""

import stat

import pytest

from helpers import rehearse

from .conftest import LIBRARY


@pytest.mark.parametrize("args, message", [
    (["workshop", "no-such-thing"], "no scenario or plan `no-such-thing`"),
    (["workshop", "sixty-minutes", "fifty-dollars"], "give one workshop plan, or scenarios, not both"),
    (["workshop", "fifty-dollars", "--lan", "8.8.8.8"], "not a private network address"),
    (["workshop", "fifty-dollars", "--lan", "0.0.0.0"], "not every interface"),
    (["workshop", "fifty-dollars", "--lan", "not-an-address"], "not an IP address"),
    (["workshop", "fifty-dollars", "--port", "99999"], "not a port number"),
    (["workshop", "missing.md"], "missing.md: no such file"),
    (["serve", "--lan", "0.0.0.0"], "not every interface"),
    (["guide", "fifty-dollars"], "`rehearse guide` needs a workshop plan"),
])
def test_mistakes_are_plain_messages(args, message):
    result = rehearse(*args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_a_plan_with_errors_says_how_to_check_it(tmp_path):
    plan = tmp_path / "workshops" / "bad.md"
    plan.parent.mkdir()
    plan.write_text("---\ntitle: Bad\nscenarios:\n  - id: nope\n    minutes: 5\n---\n")
    result = rehearse("workshop", str(plan))
    assert result.returncode == 2 and f"run `rehearse check {plan}`" in result.stderr
    assert "unknown-name" in result.stderr


def test_guide_to_the_screen_and_to_a_private_file(tmp_path):
    result = rehearse("--content", str(LIBRARY), "guide", "evening")
    assert result.returncode == 0 and result.stdout.startswith("# Facilitator guide: An evening workshop")
    out = tmp_path / "guide.html"
    result = rehearse("guide", "ninety-minutes", "--format", "html", "--output", str(out), "--region", "US")
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "<h1>Facilitator guide: Holding steady: a 90-minute workshop" in page
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
