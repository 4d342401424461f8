"""The help lines file the project ships: its shape, the regions it must
cover, and the numbers the issue names."""

import json
import re

from bot import help as helplines_module
from bot.help import DATA_FILE, as_text, guess_region, load

REQUIRED_REGIONS = {"US", "UK", "IE", "CA", "AU", "other"}
LINE_KEYS = {"name", "contact", "about", "hours", "source", "topics", "checked"}
TEXT_KEYS = LINE_KEYS - {"topics"}


def test_the_file_has_the_expected_shape():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    assert data["format"] == 1
    assert re.fullmatch(r"\d{4}-\d{2}", data["checked"])
    assert data["default_region"] == "other"
    assert all(isinstance(step, str) and step for step in data["danger_steps"])
    ids = [region["id"] for region in data["regions"]]
    assert len(ids) == len(set(ids))
    assert REQUIRED_REGIONS <= set(ids)
    for region in data["regions"]:
        assert set(region) == {"id", "name", "emergency", "lines"}
        assert region["name"] and region["emergency"] and region["lines"]
        for line in region["lines"]:
            assert set(line) == LINE_KEYS, line
            assert all(isinstance(line[key], str) and line[key].strip() for key in TEXT_KEYS)
            assert line["topics"] and set(line["topics"]) <= set(helplines_module.TOPICS), line
            assert re.match(r"\d{4}-\d{2}(-\d{2})? against ", line["checked"]), line
            assert line["source"].startswith("https://")
            assert line["contact"].isprintable()


def test_the_numbers_named_in_the_issue_are_there():
    helplines = load()
    text = {r.id: " ".join([r.emergency] + [f"{l.name} {l.contact}" for l in r.lines]) for r in helplines.regions}
    for expected in ("911", "988 Suicide & Crisis Lifeline", "Call or text 988", "1-800-662-4357"):
        assert expected in text["US"]
    for expected in ("999", "NHS 111", "116 123", "FRANK", "0300 123 6600", "NSPCC", "0808 800 5000"):
        assert expected in text["UK"]
    assert "112" in text["IE"] and "911" in text["CA"] and "000" in text["AU"]


def test_unknown_regions_fall_back_to_the_neutral_one():
    helplines = load()
    assert helplines.region("ZZ").id == "other"
    assert helplines.region(None).id == "other"
    assert "local emergency number" in helplines.region("ZZ").emergency


def test_the_plain_text_version_starts_with_the_emergency():
    helplines = load()
    lines = as_text(helplines.region("US"), helplines)
    assert lines[0] == "IF ANYONE IS IN DANGER NOW: call 911."
    assert any("SAMHSA National Helpline" in line for line in lines)
    assert lines[-1].startswith("This app is practice, not medical advice and not a crisis service")


def test_a_first_guess_of_the_region_comes_from_the_locale():
    assert guess_region({"LANG": "en_GB.UTF-8"}) == "UK"
    assert guess_region({"LC_ALL": "en_IE.UTF-8", "LANG": "en_US.UTF-8"}) == "IE"
    assert guess_region({"LANG": "C"}) == ""
    assert helplines_module.load().region(guess_region({})).id == "other"


def test_every_region_has_a_domestic_abuse_line_and_somewhere_to_ask_about_poisoning():
    for region in load().regions:
        topics = {topic for line in region.lines for topic in line.topics}
        assert "domestic-abuse" in topics, region.id
        assert topics & {"poison", "medical", "overdose"} or region.id == "other", region.id


def test_every_region_has_a_line_children_can_call_themselves():
    helplines = load()
    for region in helplines.regions:
        assert any("children" in line.topics for line in region.lines), region.id
    for region_id, number in (("UK", "0800 1111"), ("IE", "1800 66 66 66"), ("NZ", "0800 942 8787")):
        children = [line for line in helplines.region(region_id).lines if "children" in line.topics]
        assert any(number in line.contact for line in children), region_id


def test_the_domestic_abuse_numbers_checked_this_release_are_there():
    helplines = load()
    expected = {"US": "1-800-799-7233", "UK": "0808 2000 247", "IE": "1800 341 900", "AU": "1800 737 732",
                "NZ": "0800 733 843", "CA": "sheltersafe.ca"}
    for region_id, number in expected.items():
        lines = [line for line in helplines.region(region_id).lines if "domestic-abuse" in line.topics]
        assert any(number in line.contact for line in lines), region_id
