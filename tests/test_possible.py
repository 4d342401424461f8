"""The checker's never-offered analysis: the abstract domain (intervals,
must- and may-visited sets), its three-valued conditions, and that the
analysis is sound against the exact exploration and finishes on scenarios
whose states have no end."""

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from bot.content.abstract import INF, AbstractState, Domain
from bot.content.checking import check
from bot.content.expr import And, Compare, Not, Or, Visited, parse_expr
from bot.content.model import Choice, Effect, Node, Scenario, Span
from bot.content.possible import domain_for, possible
from bot.content.reach import explore, never_offered
from helpers import TEST_LIBRARY

DOMAIN = Domain(["calm", "enabling"], ["door", "hall"], {"calm": [0, 2, 5], "enabling": [1]})
DOOR, HALL = 1, 2  # their bits


def state(calm=(0, 0), enabling=(0, 0), must=0, may=0) -> AbstractState:
    return AbstractState((calm, enabling), must, may | must)


def truth(text: str, s: AbstractState):
    return DOMAIN.truth(parse_expr(text), s)


# -- three-valued conditions ------------------------------------------------------
@pytest.mark.parametrize("text,calm,expected", [
    ("calm >= 2", (2, 5), True), ("calm >= 2", (-INF, 1), False), ("calm >= 2", (1, 2), None),
    ("calm > 2", (3, INF), True), ("calm > 2", (0, 2), False), ("calm > 2", (2, 3), None),
    ("calm <= 2", (-INF, 2), True), ("calm <= 2", (3, 4), False), ("calm <= 2", (2, 3), None),
    ("calm < 2", (0, 1), True), ("calm < 2", (2, INF), False), ("calm < 2", (1, 2), None),
    ("calm == 2", (2, 2), True), ("calm == 2", (3, 9), False), ("calm == 2", (0, 1), False),
    ("calm == 2", (1, 3), None),
    ("calm != 2", (2, 2), False), ("calm != 2", (3, 9), True), ("calm != 2", (1, 3), None),
    ("patience >= 1", (5, 5), False),  # a skill nothing moves stays 0
    ("patience == 0", (5, 5), True),
])
def test_a_comparison_is_true_false_or_unknown_over_an_interval(text, calm, expected):
    assert truth(text, state(calm=calm)) is expected


@pytest.mark.parametrize("text,must,may,expected", [
    ("visited(door)", DOOR, 0, True),  # on every play-through
    ("visited(door)", 0, DOOR, None),  # on some
    ("visited(door)", 0, HALL, False),  # on none
    ("visited(nowhere)", DOOR | HALL, 0, False),
    ("not visited(door)", DOOR, 0, False),
    ("not visited(door)", 0, DOOR, None),
])
def test_visited_reads_the_must_and_may_sets(text, must, may, expected):
    assert truth(text, state(must=must, may=may)) is expected


@pytest.mark.parametrize("text,expected", [
    ("calm >= 9 and visited(door)", False),  # False decides an `and` whatever the other side
    ("calm >= 0 and visited(door)", None),
    ("calm >= 0 and enabling == 0", True),
    ("calm >= 0 or visited(door)", True),  # True decides an `or`
    ("calm >= 9 or visited(door)", None),
    ("calm >= 9 or enabling > 0", False),
    ("not (calm >= 9 or visited(door))", None),
    ("not (calm >= 9 or enabling > 0)", True),
    ("not not calm >= 9", False),
])
def test_not_and_or_combine_three_values(text, expected):
    s = state(calm=(0, 3), may=DOOR)
    assert truth(text, s) is expected


def test_an_and_of_two_unknowns_can_still_be_impossible_once_assumed():
    s = state(calm=(0, 5))
    condition = parse_expr("calm >= 4 and calm <= 1")
    assert DOMAIN.truth(condition, s) is None  # each side alone could hold
    assert DOMAIN.assume(condition, s) is None  # together they cannot


@pytest.mark.parametrize("text,holds,calm,must,may", [
    ("calm >= 2", True, (2, 5), 0, DOOR),
    ("calm >= 2", False, (0, 1), 0, DOOR),
    ("calm != 0", True, (1, 5), 0, DOOR),  # an end of the interval is cut off
    ("calm != 3", True, (0, 5), 0, DOOR),  # the middle cannot be
    ("visited(door)", True, (0, 5), DOOR, DOOR),
    ("visited(door)", False, (0, 5), 0, 0),
    ("calm < 1 or calm > 4", True, (0, 5), 0, DOOR),  # the join of both ways
    ("calm < 1 or visited(door)", False, (1, 5), 0, 0),
])
def test_assuming_a_condition_keeps_only_the_play_throughs_where_it_holds(text, holds, calm, must, may):
    assumed = DOMAIN.assume(parse_expr(text), state(calm=(0, 5), may=DOOR), holds)
    assert assumed == state(calm=calm, must=must, may=may)


def test_assuming_what_cannot_be_gives_nothing():
    s = state(calm=(0, 1), must=DOOR)
    for text in ("calm >= 2", "not visited(door)", "visited(hall)", "calm == 0 and calm == 1", "patience > 0"):
        assert DOMAIN.assume(parse_expr(text), s) is None, text


# -- effects, joins and widening ----------------------------------------------------
def effect(text: str, condition: str | None = None) -> Effect:
    skill, op, value = text.split()
    return Effect(skill, op, int(value), 1, parse_expr(condition) if condition else None)


def test_effects_move_intervals_in_order():
    s = state(calm=(0, 2))
    assert DOMAIN.apply([effect("calm + 3")], s).skills[0] == (3, 5)
    assert DOMAIN.apply([effect("calm - 1")], s).skills[0] == (-1, 1)
    assert DOMAIN.apply([effect("calm = 4"), effect("calm + 1")], s).skills[0] == (5, 5)
    assert DOMAIN.apply([effect("patience + 1")], s) == s  # no condition reads it


def test_a_conditional_effect_joins_applied_and_not_when_unknown():
    s = state(calm=(0, 2), enabling=(0, 1))
    assert DOMAIN.apply([effect("calm + 2", "enabling >= 1")], s).skills[0] == (0, 4)
    assert DOMAIN.apply([effect("calm + 2", "enabling >= 0")], s).skills[0] == (2, 4)  # always
    assert DOMAIN.apply([effect("calm + 2", "enabling >= 5")], s).skills[0] == (0, 2)  # never
    # refined on each side: only calm 2 passes the condition, so it becomes 9 and 0..1 stay
    assert DOMAIN.apply([effect("calm = 9", "calm >= 2")], s).skills[0] == (0, 9)
    # a later effect's condition sees the earlier one
    assert DOMAIN.apply([effect("calm = 7"), effect("enabling = 3", "calm == 7")], s).skills[1] == (3, 3)


def test_join_is_the_least_state_holding_both():
    a = state(calm=(0, 1), enabling=(5, 5), must=DOOR | HALL)
    b = state(calm=(3, 4), enabling=(-1, 2), must=DOOR)
    assert DOMAIN.join(a, b) == AbstractState(((0, 4), (-1, 5)), DOOR, DOOR | HALL)


def test_widening_jumps_to_the_next_compared_number_then_to_infinity():
    old, new = state(calm=(0, 1)), state(calm=(-1, 3))
    assert DOMAIN.widen(old, new).skills[0] == (-INF, 5)
    assert DOMAIN.widen(state(calm=(0, 5)), state(calm=(0, 6))).skills[0] == (0, INF)
    assert DOMAIN.widen(old, new, to_infinity=True).skills[0] == (-INF, INF)
    assert DOMAIN.widen(old, old) == old
    assert DOMAIN.widen(old, state(may=DOOR), may_bound=DOOR | HALL).may == DOOR | HALL


# -- the analysis ---------------------------------------------------------------------
def choice(target: str, condition: str | None = None, *effects: Effect, line: int = 0) -> Choice:
    return Choice((Span(target),), target, line, tuple(effects), parse_expr(condition) if condition else None)


def scenario(*nodes: Node) -> Scenario:
    return Scenario("t", "T", "basics", Path("t.md"), "t.md", nodes)


def test_a_loop_that_raises_a_skill_forever_settles_and_stays_sound():
    s = scenario(
        Node("door", "Door", 1, choices=(choice("hall", None, effect("calm + 1")), choice("end", "calm < 0", line=5),
                                          choice("end", "calm >= 40 and visited(hall)", line=6))),
        Node("hall", "Hall", 2, choices=(choice("door"),)),
        Node("end", "End", 3, ending="success"),
    )
    assert not explore(s, budget=500).complete  # no end to the exact states
    found = possible(s)
    assert found.states["door"].skills[0] == (0, INF)
    assert [c.line for _, c in found.never_offered] == [5]


def test_choices_at_nodes_no_one_reaches_are_left_to_the_graph_check():
    s = scenario(
        Node("door", "Door", 1, choices=(choice("end"), choice("locked", "calm > 0", line=5))),
        Node("locked", "Locked", 2, choices=(choice("end", "calm > 5", line=7),)),
        Node("end", "End", 3, ending="success"),
    )
    found = possible(s)
    assert "locked" not in found.states
    assert [c.line for _, c in found.never_offered] == [5]


# -- soundness against the exact exploration -------------------------------------------
SKILLS = ("calm", "enabling")


def conditions(node_ids):
    atoms = st.one_of(
        st.builds(Compare, st.sampled_from(SKILLS), st.sampled_from(["==", "!=", "<", "<=", ">", ">="]),
                  st.integers(-3, 4)),
        st.builds(Visited, st.sampled_from(node_ids)),
    )
    return st.recursive(atoms, lambda inner: st.one_of(
        st.builds(Not, inner),
        st.builds(And, st.tuples(inner, inner)),
        st.builds(Or, st.tuples(inner, inner)),
    ), max_leaves=4)


@st.composite
def small_scenarios(draw):
    """Up to 5 nodes and 2 endings, with any links (loops too), effects +N, -N
    and = N, and conditions on choices and on effects."""
    count = draw(st.integers(1, 5))
    ids = [f"n{i}" for i in range(count)]
    everything = ids + ["win", "lose"]
    maybe_condition = st.none() | conditions(everything)
    effects = st.lists(st.builds(Effect, st.sampled_from(SKILLS), st.sampled_from("+-="), st.integers(0, 2),
                                 st.just(0), maybe_condition), max_size=2).map(tuple)
    nodes = []
    line = 0
    for node_id in ids:
        choices = []
        for _ in range(draw(st.integers(1, 3))):
            line += 1
            choices.append(Choice((Span("x"),), draw(st.sampled_from(everything)), line, draw(effects),
                                  draw(maybe_condition)))
        nodes.append(Node(node_id, node_id, 0, choices=tuple(choices), effects=draw(effects)))
    nodes.append(Node("win", "Win", 0, effects=draw(effects), ending="success"))
    nodes.append(Node("lose", "Lose", 0, effects=draw(effects), ending="setback"))
    return scenario(*nodes)


def covers(domain: Domain, abstract: AbstractState, concrete) -> bool:
    """Is this exact state (a reach.State) among those the abstract state holds?"""
    scores = concrete.skill_dict()
    for skill, index in domain.skill_index.items():
        lo, hi = abstract.skills[index]
        if not lo <= scores.get(skill, 0) <= hi:
            return False
    visited = sum(bit for node, bit in domain.node_bit.items() if node in concrete.visited)
    return visited & abstract.must == abstract.must and visited & ~abstract.may == 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_scenarios())
def test_never_offered_is_never_offered_in_any_real_play_through(s):
    exact = explore(s, budget=1000)  # every state it finds is one real play reaches, finished or not
    found = possible(s)
    offered = {(state.node, index) for state, edges in exact.edges.items() for index, _ in edges}
    never = {(node.id, s.node(node.id).choices.index(c)) for node, c in found.never_offered}
    assert not never & offered
    domain = domain_for(s)
    for concrete in exact.states:
        assert concrete.node in found.states
        assert covers(domain, found.states[concrete.node], concrete), (concrete, found.states[concrete.node])
    if exact.complete:  # then the exact answer is known: what the analysis says is part of it
        assert {c.line for _, c in found.never_offered} <= {c.line for _, c in never_offered(s, exact)}


# -- through `check` ------------------------------------------------------------------
def big_scenario(nodes: int = 400, conditions: int = 50) -> tuple[str, set]:
    """A loop of `nodes` nodes, each step raising calm or skipping a node and
    raising enabling (so the exact states have no end and the combinations of
    visited nodes alone are far more than any budget), with `conditions`
    conditional choices; and the lines of those that can never hold."""
    lines = ["---", "title: Big", "module: basics", "skills: [calm, enabling]", "---", ""]
    never: set = set()
    every = nodes // conditions
    for i in range(nodes):
        lines += [f"## N{i}", "",
                  f"- [On.](#n{(i + 1) % nodes}) `calm +1`", "  > Kind. `source: guide#stay-calm`",
                  f"- [Skip.](#n{(i + 2) % nodes}) `enabling +1`", "  > Soft. `source: guide#say-no-kindly`",
                  "- [Stop.](#end)", "  > Stop. `source: guide#stay-calm`"]
        if i % every == 0:
            kind = (i // every) % 5
            condition = [
                f"calm < 0 and visited(n{(i + 7) % nodes})",  # calm only rises from 0: never
                "not visited(n0) or enabling < 0",  # n0 is the start, enabling only rises: never
                f"calm >= 1 and not visited(n{(i + 3) % nodes})",  # the first time round: offered
                f"visited(n{(i + 1) % nodes}) or calm == 2",  # the second time round: offered
                "enabling == 0 and calm > 0",  # never skipping: offered
            ][kind]
            if kind < 2:
                never.add(len(lines) + 1)
            lines += [f"- [Maybe.](#end) `if {condition}`", "  > Maybe. `source: guide#stay-calm`"]
        lines.append("")
    lines += ["## End", "", "`end: success`", ""]
    return "\n".join(lines), never


def test_a_400_node_scenario_with_50_conditions_is_checked_and_warns_where_a_condition_never_holds(tmp_path):
    text, never = big_scenario()
    root = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, root)
    path = root / "scenarios" / "basics" / "big.md"
    path.write_text(text, encoding="utf-8")
    result = check([root], only=[path])
    assert result.errors == [] and result.stats["nodes"] == 401
    assert text.count("`if ") == 50 and len(never) == 20
    warned = {w.line for w in result.warnings if w.code == "never-offered" and w.file.endswith("big.md")}
    assert warned == never
