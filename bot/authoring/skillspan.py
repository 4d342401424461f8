"""What each play-through does to the skills: the range of every skill at each
ending and which skills the paths to it move. Exact over the projected state
graph, loops included: a loop that keeps moving a skill makes its range
unbounded. The rules of play come from playrules, never a copy of them."""

from collections import deque
from dataclasses import dataclass, field

from ..content.model import Scenario
from ..content.playrules import apply_effects
from ..content.reach import Exploration, State, relevant_names
from .statespace import all_states, successors

PROBE = 10**9  # a score no play-through reaches: tells "add" from "set"
INF = float("inf")


@dataclass
class SkillSpan:
    """Per state: lowest and highest score of each skill, and the skills some
    route to the state moved."""

    low: dict = field(default_factory=dict)  # State -> {skill: number}
    high: dict = field(default_factory=dict)
    moved: dict = field(default_factory=dict)  # State -> frozenset of skills
    still: set = field(default_factory=set)  # states some route reaches without moving any skill


def _step(scenario: Scenario, state: State, index: int, skills: dict) -> dict:
    """The scores after taking choice `index` from state, starting from `skills`."""
    node = scenario.node(state.node)
    choice = node.choices[index]
    apply_effects(choice.effects, skills, state.visited)
    apply_effects(scenario.node(choice.target).effects, skills, set(state.visited) | {choice.target})
    return skills


def _transfers(scenario: Scenario, exploration: Exploration, hidden: list[str]):
    """For each edge: the function it applies to each skill the projection
    dropped (("+", n) or ("=", n)) and the set of skills it moves."""
    result = {}
    for state, edges in exploration.edges.items():
        known = state.skill_dict()
        for index, nxt in edges:
            at_zero = _step(scenario, state, index, known | dict.fromkeys(hidden, 0))
            at_probe = _step(scenario, state, index, known | dict.fromkeys(hidden, PROBE))
            ops = {}
            moved = {k for k, v in nxt.skills if known.get(k, 0) != v}
            for skill in hidden:
                start, probe = at_zero.get(skill, 0), at_probe.get(skill, PROBE)
                ops[skill] = ("+", start) if probe - start == PROBE else ("=", start)
                if ops[skill] != ("+", 0):
                    moved.add(skill)
            result[(state, index)] = (ops, frozenset(moved))
    return result


def _extreme(exploration, transfers, skill: str, start_value: int, pick) -> dict:
    """Highest (pick=max) or lowest (pick=min) score of a hidden skill at each
    state; a score a loop keeps pushing further becomes infinite."""
    unbounded = INF if pick is max else -INF
    best = {exploration.start: start_value}
    queued = {exploration.start}
    rounds: dict = {}
    limit = len(exploration.edges) + 1
    work = deque([exploration.start])
    while work:  # first in, first out: a state improves at most once a round without a loop
        state = work.popleft()
        queued.discard(state)
        for index, nxt in successors(exploration, state):
            op, value = transfers[(state, index)][0][skill]
            candidate = best[state] + value if op == "+" else value
            if nxt in best and pick(best[nxt], candidate) == best[nxt]:
                continue
            best[nxt] = candidate
            if nxt not in queued:
                rounds[nxt] = rounds.get(nxt, 0) + 1
                if rounds[nxt] > limit:
                    best[nxt] = unbounded
                queued.add(nxt)
                work.append(nxt)
    return best


def skill_span(scenario: Scenario, exploration: Exploration) -> SkillSpan:
    projected, _ = relevant_names(scenario)
    skills = list(scenario.moved_skills())
    hidden = [s for s in skills if s not in projected]
    transfers = _transfers(scenario, exploration, hidden)
    opening: dict = {}
    apply_effects(scenario.node(scenario.start).effects, opening, {scenario.start})
    span = SkillSpan()
    for state in all_states(exploration):
        known = state.skill_dict()
        span.low[state] = {s: known.get(s, 0) for s in skills if s in projected}
        span.high[state] = dict(span.low[state])
    for skill in hidden:
        for pick, table in ((min, span.low), (max, span.high)):
            for state, value in _extreme(exploration, transfers, skill, opening.get(skill, 0), pick).items():
                table.setdefault(state, {})[skill] = value
    _spread_moved(exploration, transfers, frozenset(opening), span)
    return span


def _spread_moved(exploration, transfers, opening: frozenset, span: SkillSpan) -> None:
    span.moved[exploration.start] = opening
    work = [exploration.start]
    while work:
        state = work.pop()
        for index, nxt in successors(exploration, state):
            moved = span.moved[state] | transfers[(state, index)][1]
            if nxt not in span.moved or not moved <= span.moved[nxt]:
                span.moved[nxt] = moved | span.moved.get(nxt, frozenset())
                work.append(nxt)
    if opening:
        return
    span.still = {exploration.start}
    work = [exploration.start]
    while work:
        state = work.pop()
        for index, nxt in successors(exploration, state):
            if nxt not in span.still and not transfers[(state, index)][1]:
                span.still.add(nxt)
                work.append(nxt)
