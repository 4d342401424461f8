"""The compiled machine and the session: choices on offer, effects, undo,
save and restore, and many sessions sharing one machine."""

import json

import pytest

from bot.content.library import Library
from bot.engine.catalog import Catalog
from bot.engine.machine import CompiledScenario
from bot.engine.session import InvalidChoice, StaleSession
from helpers import TEST_LIBRARY


@pytest.fixture(scope="module")
def library():
    return Library([TEST_LIBRARY])


@pytest.fixture
def catalog(library):
    return Catalog(library)


def test_conditions_filter_offered_choices(catalog):
    session = catalog.session("door")
    assert [c.target for c in session.offered()] == ["drive", "gave"]  # the `if calm >= 5` choice is hidden
    assert session.path == ["door"]


def test_choose_applies_effects_and_reaches_ending(catalog):
    session = catalog.session("door")
    session.choose(1)
    assert session.path == ["door", "drive"]
    assert session.skill_scores() == {"calm": 1, "enabling": 0}
    assert session.ending == "drive" and session.outcome == "success"
    assert session.offered() == []


def test_number_outside_offered_choices_is_refused(catalog):
    session = catalog.session("door")
    for bad in (0, 3, 99, -1):
        with pytest.raises(InvalidChoice):
            session.choose(bad)
    assert session.path == ["door"]


def test_undo_restores_position_skills_and_visited(catalog):
    session = catalog.session("door")
    session.choose(2)
    assert session.skills == {"enabling": 1}
    assert session.undo() is True
    assert session.state == "door" and session.path == ["door"] and session.skills == {}
    assert "gave" not in session.visited
    assert session.undo() is False
    session.choose(1)
    assert session.ending == "drive"


def test_state_is_plain_json_and_restores_at_any_step(catalog):
    session = catalog.session("door")
    saved_start = json.loads(json.dumps(session.to_dict()))
    session.choose(2)
    saved_end = json.loads(json.dumps(session.to_dict()))
    other = catalog.session("door")
    other.restore(saved_end)
    assert other.to_dict() == saved_end
    other.restore(saved_start)
    assert other.to_dict() == saved_start


def test_restore_refuses_steps_that_no_longer_fit(catalog):
    session = catalog.session("door")
    with pytest.raises(StaleSession):
        session.restore({"steps": [["door", 7]]})
    with pytest.raises(StaleSession):
        session.restore({"steps": [["elsewhere", 0]]})
    with pytest.raises(StaleSession):
        session.restore({"steps": "nonsense"})
    assert session.path == ["door"]


def test_sessions_share_one_compiled_machine_and_stay_independent(catalog):
    first, second = catalog.session("door"), catalog.session("door")
    assert first.compiled is second.compiled
    first.choose(1)
    second.choose(2)
    assert (first.state, second.state) == ("drive", "gave")
    assert first.skill_scores() != second.skill_scores()


def test_scenarios_compile_lazily(library):
    catalog = Catalog(library)
    assert catalog._compiled == {}
    catalog.session("door")
    assert list(catalog._compiled) == ["door"]


def test_machine_has_no_auto_transitions(library):
    compiled = CompiledScenario(library.scenarios["door"])
    triggers = set(compiled.machine.events)
    assert not any(t.startswith("to_") for t in triggers)
    assert triggers == set(compiled.triggers.values())


def test_restart_goes_back_to_the_first_node(catalog):
    session = catalog.session("door")
    session.choose(2)
    session.restart()
    assert session.path == ["door"] and session.skills == {} and session.steps == []


def test_node_effects_and_visited_conditions(tmp_path):
    folder = tmp_path / "lib"
    (folder / "scenarios" / "basics").mkdir(parents=True)
    (folder / "sources").mkdir()
    (folder / "course.md").write_text((TEST_LIBRARY / "course.md").read_text())
    (folder / "sources" / "guide.md").write_text((TEST_LIBRARY / "sources" / "guide.md").read_text())
    (folder / "scenarios" / "basics" / "loop.md").write_text(
        "---\ntitle: Loop\nmodule: basics\n---\n\n"
        "## Hub\n\n`calm +1`\n\n- [side](#side)\n- [leave](#out) `if visited(side)`\n- [stay](#hub)\n\n"
        "## Side\n\n`if calm >= 2` `enabling = 5`\n\n- [back](#hub)\n- [out](#out)\n\n"
        "## Out\n\n`end: partial`\n"
    )
    session = Catalog(Library([folder])).session("loop")
    assert session.skills == {"calm": 1}
    assert [c.target for c in session.offered()] == ["side", "hub"]
    session.choose(1)  # side: calm is 1, so the conditional `enabling = 5` does not apply
    assert session.skills == {"calm": 1}
    session.choose(1)  # back to hub: calm 2, and `leave` is now offered
    assert session.skills == {"calm": 2}
    assert [c.target for c in session.offered()] == ["side", "out", "hub"]
    session.choose(1)
    assert session.skills == {"calm": 2, "enabling": 5}
