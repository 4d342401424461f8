"""`rehearse workshop`, `guide` and `serve` on the command line: every
mistake is a plain message and exit 2, before any screen or server."""

import stat

import pytest

from helpers import rehearse

from bot.workshop import network

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


@pytest.mark.parametrize("found, bound", [("192.168.1.20", "192.168.1.20"), ("10.4.0.7", "10.4.0.7"),
                                           ("169.254.3.4", "169.254.3.4")])
def test_plain_lan_binds_the_private_address_the_routing_table_picks(monkeypatch, found, bound):
    monkeypatch.setattr(network, "routed_address", lambda: found)
    assert network.bind_address("") == bound


@pytest.mark.parametrize("lan", ["", "8.8.8.8"])
def test_a_public_lan_address_is_refused_whether_found_or_given(monkeypatch, lan):
    monkeypatch.setattr(network, "routed_address", lambda: "8.8.8.8")  # a machine with a public address
    with pytest.raises(network.AddressError) as refused:
        network.bind_address(lan)
    assert "8.8.8.8" in str(refused.value) and "private network address (10.x" in str(refused.value)


def test_plain_lan_without_a_network_says_so(monkeypatch):
    for found in ("", "127.0.1.1"):
        monkeypatch.setattr(network, "routed_address", lambda: found)
        with pytest.raises(network.AddressError, match="no local network address"):
            network.bind_address("")


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


def test_rehearse_serve_prints_its_address_and_code_and_stops_on_ctrl_c(rehearse_home):
    import os
    import re
    import signal
    import subprocess
    import sys
    import urllib.request

    from helpers import REPO

    process = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", "0"], cwd=REPO, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ))
    try:
        first, second = process.stdout.readline(), process.stdout.readline()
        url = re.search(r"open (http://127\.0\.0\.1:\d+/) in each browser", first).group(1)
        assert re.fullmatch(r"Join code: [A-Z0-9]{4}-[A-Z0-9]{4}\. .*\n", second)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200 and b"Code from the screen" in response.read()
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0 and "rehearse serve: stopped." in out and "Traceback" not in err
    assert not rehearse_home.exists()  # the facilitator's data folder is not even created
