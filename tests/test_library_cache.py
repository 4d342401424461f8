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


# -- one entry per language (issue 14) ----------------------------------------------------
SPANISH = "es/scenarios/basics/door.md"


def _bilingual(tmp_path):
    """A library with a sound Spanish translation of door.md, as in test_translations."""
    from helpers import FIXTURES

    folder = tmp_path / "lib"
    shutil.copytree(FIXTURES / "bad" / "translation", folder)
    path = folder / SPANISH
    path.write_text(path.read_text(encoding="utf-8").replace("(#gave)", "(#drive)", 1), encoding="utf-8")
    return folder


def _parsing_fails(monkeypatch):
    """A load that parses or translates anything fails: only a cache hit gets through."""
    from bot.content import checking, translation

    def refuse(*args, **kwargs):
        raise AssertionError("parsed, not read from the cache")

    monkeypatch.setattr(checking, "parse_library", refuse)
    monkeypatch.setattr(translation, "translate", refuse)


def test_the_library_in_spanish_comes_from_its_own_cache_entry(tmp_path, monkeypatch):
    folder, cache = _bilingual(tmp_path), tmp_path / "library.json"
    fresh = Library([folder], cache_file=cache, lang="es")
    entry = cache.with_name("library.es.json")
    assert entry.exists() and (entry.stat().st_mode & 0o777) == 0o600 and not cache.exists()
    _parsing_fails(monkeypatch)
    cached = Library([folder], cache_file=cache, lang="es")
    assert cached.scenarios["door"].title == "En la puerta" == fresh.scenarios["door"].title
    assert dict(cached.scenarios) == dict(fresh.scenarios) and cached.cards == fresh.cards
    assert cached.course == fresh.course and cached.sources == fresh.sources
    assert cached.untranslated == fresh.untranslated == []
    assert cached.sources["guide"].sections["stay-calm"].title == fresh.sources["guide"].sections["stay-calm"].title


def test_changing_adding_or_removing_a_translation_is_a_miss(tmp_path):
    folder, cache = _bilingual(tmp_path), tmp_path / "library.json"
    Library([folder], cache_file=cache, lang="es")
    path = folder / SPANISH
    path.write_text(path.read_text(encoding="utf-8").replace("title: En la puerta", "title: En el portón"),
                    encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert Library([folder], cache_file=cache, lang="es").scenarios["door"].title == "En el portón"
    path.unlink()
    library = Library([folder], cache_file=cache, lang="es")
    assert library.scenarios["door"].title == "At the door" and library.untranslated == ["door"]
    (folder / "es" / "course.md").write_text(
        "---\ntitle: Curso\nmodules:\n  - id: basics\n    title: Lo básico\n  - id: more\n    title: Más\n"
        "skills:\n  calm: {label: Calma, good: up}\n  enabling: {label: Facilitar, good: down}\n---\n\nHola.\n",
        encoding="utf-8")
    assert Library([folder], cache_file=cache, lang="es").course.modules[0].title == "Lo básico"


def test_english_and_spanish_entries_never_mix(tmp_path):
    folder, cache = _bilingual(tmp_path), tmp_path / "cache" / "library.json"
    cache.parent.mkdir()
    mine = cache.parent / "notes.txt"  # something the user put there
    mine.write_text("mine")
    Library([folder], cache_file=cache)
    english_entry = cache.read_bytes()
    Library([folder], cache_file=cache, lang="es")
    assert cache.read_bytes() == english_entry  # writing Spanish left English alone
    assert sorted(p.name for p in cache.parent.iterdir()) == ["library.es.json", "library.json", "notes.txt"]
    assert mine.read_text() == "mine"
    for _ in range(2):  # each language from its own entry, in either order
        assert Library([folder], cache_file=cache).scenarios["door"].title == "At the door"
        assert Library([folder], cache_file=cache, lang="es").scenarios["door"].title == "En la puerta"
    shutil.copy(cache.with_name("library.es.json"), cache)  # a Spanish entry where English belongs is a miss
    english = Library([folder], cache_file=cache)
    assert english.scenarios["door"].title == "At the door" and english.cards["door"].title == "At the door"
    assert json.loads(cache.read_text())["key"] != json.loads(cache.with_name("library.es.json").read_text())["key"]


def test_a_damaged_spanish_entry_is_a_miss(tmp_path):
    folder, cache = _bilingual(tmp_path), tmp_path / "library.json"
    fresh = Library([folder], cache_file=cache, lang="es")
    entry = cache.with_name("library.es.json")
    data = json.loads(entry.read_text())
    value = data["value"]
    for damage in ("{not json", json.dumps({**data, "value": value[:5]}),
                   json.dumps({**data, "value": [*value[:5], ["nowhere"]]}),
                   json.dumps({**data, "value": [*value[:5], 7]})):
        entry.write_text(damage)
        library = Library([folder], cache_file=cache, lang="es")
        assert library.scenarios["door"] == fresh.scenarios["door"] and library.untranslated == []
