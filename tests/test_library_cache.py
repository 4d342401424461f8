"""The app's parsed-library cache: same model as a fresh parse, refreshed when
any content file changes, ignored when damaged, private, never code."""

import json
import os
import shutil

from bot.content.library import Library
from helpers import TEST_LIBRARY


def _copy(tmp_path):
    folder = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, folder)
    return folder


def test_cache_gives_the_same_library_and_is_private(tmp_path):
    folder, cache = _copy(tmp_path), tmp_path / "library.json"
    fresh = Library([folder], cache_file=cache)
    assert cache.exists() and (cache.stat().st_mode & 0o777) == 0o600
    cached = Library([folder], cache_file=cache)
    assert cached.course == fresh.course and cached.sources == fresh.sources
    assert cached.scenarios == fresh.scenarios and cached.scenarios["door"].nodes[0].choices


def test_editing_a_file_refreshes_the_cache(tmp_path):
    folder, cache = _copy(tmp_path), tmp_path / "library.json"
    Library([folder], cache_file=cache)
    scenario = folder / "scenarios" / "basics" / "door.md"
    scenario.write_text(scenario.read_text().replace("At the door", "At the gate"))
    os.utime(scenario, ns=(1, 1))
    assert Library([folder], cache_file=cache).scenarios["door"].title == "At the gate"


def test_damaged_or_foreign_cache_is_ignored(tmp_path):
    folder, cache = _copy(tmp_path), tmp_path / "library.json"
    Library([folder], cache_file=cache)
    data = json.loads(cache.read_text())
    value = data["value"]
    for damage in ("{not json", json.dumps({**data, "value": {"@": "os.system", "x": 1}}),
                   json.dumps({**data, "value": [{"@": "Scenario", "bogus": 1}, {}, {}, []]}),
                   json.dumps({**data, "value": [value[0], value[1], 0, value[3], value[4]]}),
                   json.dumps({**data, "value": ["a course?", value[1], value[2], value[3], value[4]]}),
                   json.dumps({**data, "value": [value[0], [], value[2], value[3], value[4]]}),
                   json.dumps({**data, "value": [value[0], value[1], value[2], value[3], 7]})):
        cache.write_text(damage)
        library = Library([folder], cache_file=cache)
        assert "door" in library.scenarios and library.scenarios["door"].nodes
        assert [title for _, cards in library.contents() for title in cards]


def _count_decodes(monkeypatch) -> list:
    from bot.content import cache

    decoded, loads = [], cache.loads
    monkeypatch.setattr(cache, "loads", lambda text: decoded.append(text) or loads(text))
    return decoded


def test_cached_scenarios_are_decoded_only_when_used(tmp_path, monkeypatch):
    folder, cache = _copy(tmp_path), tmp_path / "library.json"
    fresh = Library([folder], cache_file=cache)
    decoded = _count_decodes(monkeypatch)
    cached = Library([folder], cache_file=cache)
    assert cached.contents() == fresh.contents() and cached.cards == fresh.cards
    assert "door" in cached.scenarios and "nowhere" not in cached.scenarios
    assert sorted(cached.scenarios) == sorted(fresh.scenarios)
    assert decoded == []  # lists, lookups and the home screen need no conversation
    assert cached.scenarios["door"] == fresh.scenarios["door"]
    assert cached.scenarios["door"] is cached.scenarios["door"]
    assert len(decoded) == 1


def test_a_scenario_that_will_not_decode_is_parsed_afresh(tmp_path):
    folder, cache = _copy(tmp_path), tmp_path / "library.json"
    fresh = Library([folder], cache_file=cache)
    data = json.loads(cache.read_text())
    shelf = data["value"][3]["@dict"]
    for entry in shelf:
        entry[1] = entry[1][: len(entry[1]) // 2]  # cut off mid-way
    cache.write_text(json.dumps(data))
    cached = Library([folder], cache_file=cache)
    assert cached.scenarios["door"] == fresh.scenarios["door"]
    assert dict(cached.scenarios) == fresh.scenarios
    assert json.loads(cache.read_text()) != data  # and the cache is written afresh for next time
    assert Library([folder], cache_file=cache).scenarios["door"] == fresh.scenarios["door"]


def test_a_scenario_that_decodes_as_something_else_is_parsed_afresh(tmp_path):
    folder, cache = _copy(tmp_path), tmp_path / "library.json"
    fresh = Library([folder], cache_file=cache)
    data = json.loads(cache.read_text())
    for entry in data["value"][3]["@dict"]:
        entry[1] = json.dumps({"@": "Module", "id": "m", "title": "t", "summary": ""})
    cache.write_text(json.dumps(data))
    assert Library([folder], cache_file=cache).scenarios["door"] == fresh.scenarios["door"]
