"""Exploring the reachable states of a scenario (node, skills, visited),
memoised and bounded, for the checker's warnings and the `paths` tool.

Two modes:
- exact: every skill and visited node, as play sees them; bounded by a state
  budget (loops that raise a skill forever have no end);
- projected: only what conditions read. Each skill is exact inside a band
  around the numbers its conditions compare against; below the band it is
  BELOW, above it ABOVE (every condition treats those alike), and TOP when a
  step could land anywhere. That is finite and over-approximates play, so
  "never offered" is always true when it is reported."""

from collections import deque
from dataclasses import dataclass, field

from .expr import And, Compare, Not, Or, Visited, evaluate, names_in
from .model import Scenario
from .playrules import apply_effects, offered

STATE_BUDGET = 20_000
BAND = 4  # exact scores this far either side of the numbers conditions compare against
BELOW, ABOVE, TOP = "below", "above", None


@dataclass(frozen=True)
class State:
    node: str
    skills: tuple  # sorted (skill, score) pairs
    visited: frozenset

    def skill_dict(self) -> dict:
        return dict(self.skills)


@dataclass
class Exploration:
    start: State
    edges: dict = field(default_factory=dict)  # State -> [(choice index in node, State)]
    complete: bool = True

    @property
    def states(self):
        return self.edges.keys()


def _conditions(scenario: Scenario):
    for node in scenario.nodes:
        for effect in node.effects:
            yield effect.condition
        for choice in node.choices:
            yield choice.condition
            for effect in choice.effects:
                yield effect.condition


def _compared_values(expr, bounds: dict) -> None:
    stack = [expr]
    while stack:
        e = stack.pop()
        if isinstance(e, Compare):
            lo, hi = bounds.get(e.skill, (e.value, e.value))
            bounds[e.skill] = (min(lo, e.value), max(hi, e.value))
        elif isinstance(e, Not):
            stack.append(e.operand)
        elif isinstance(e, (And, Or)):
            stack.extend(e.operands)


def relevant_names(scenario: Scenario) -> tuple[dict, set[str]]:
    """Skills conditions read (with the range they compare against) and nodes `visited()` reads."""
    bounds: dict[str, tuple[int, int]] = {}
    nodes: set[str] = set()
    for expr in _conditions(scenario):
        if expr is not None:
            _compared_values(expr, bounds)
            nodes |= names_in(expr)[1]
    return {k: (lo - BAND, hi + BAND) for k, (lo, hi) in bounds.items()}, nodes


def _eval3(expr, skills: dict, visited) -> bool | None:
    """Three-valued: None when a TOP score makes the answer unknown."""
    if isinstance(expr, Compare):
        value = skills.get(expr.skill, 0)
        if value is TOP:
            return None
        if value in (BELOW, ABOVE):  # beyond the band: compares like any far-off number
            far = expr.value - BAND - 1 if value == BELOW else expr.value + BAND + 1
            return evaluate(expr, {expr.skill: far}, visited)
        return evaluate(expr, skills, visited)
    if isinstance(expr, Visited):
        return expr.node in visited
    if isinstance(expr, Not):
        inner = _eval3(expr.operand, skills, visited)
        return None if inner is None else not inner
    values = [_eval3(e, skills, visited) for e in expr.operands]
    decisive = False if isinstance(expr, And) else True
    if decisive in values:
        return decisive
    return None if None in values else not decisive


class _Projection:
    def __init__(self, scenario: Scenario):
        self.bounds, self.nodes = relevant_names(scenario)

    def clamp(self, skills: dict) -> dict:
        kept = {}
        for skill, (lo, hi) in self.bounds.items():
            value = skills.get(skill, 0)
            if isinstance(value, int):
                value = BELOW if value < lo else ABOVE if value > hi else value
            kept[skill] = value
        return kept

    @staticmethod
    def change(effect, value):
        """An effect on an abstract score."""
        if effect.op == "=":
            return effect.value
        if isinstance(value, int):
            return effect.apply(value)
        rising = (effect.op == "+") == (effect.value >= 0)
        if value == BELOW:
            return BELOW if not rising or effect.value == 0 else TOP
        if value == ABOVE:
            return ABOVE if rising or effect.value == 0 else TOP
        return TOP

    def apply(self, effects, skills: dict, visited) -> list[dict]:
        """Every outcome of the effects: an unknown condition branches both ways."""
        outcomes = [dict(skills)]
        for effect in effects:
            if effect.skill not in self.bounds:
                continue
            branches = []
            for current in outcomes:
                holds = True if effect.condition is None else _eval3(effect.condition, current, visited)
                if holds is not False:
                    changed = dict(current)
                    changed[effect.skill] = self.change(effect, current.get(effect.skill, 0))
                    branches.append(self.clamp(changed))
                if holds is not True:
                    branches.append(current)
            outcomes = branches
        return outcomes

    def offered(self, node, skills: dict, visited) -> list[int]:
        return [i for i, c in enumerate(node.choices)
                if c.condition is None or _eval3(c.condition, skills, visited) is not False]


def _exact_step(node, skills: dict, visited):
    available = offered(node, skills, visited)
    return [i for i, c in enumerate(node.choices) if any(c is a for a in available)]


def explore(scenario: Scenario, projected: bool = False, budget: int = STATE_BUDGET) -> Exploration:
    """Breadth-first over states, up to `budget` states."""
    nodes = scenario.node_map
    projection = _Projection(scenario) if projected else None

    def states_after(effects, skills: dict, visited) -> list[dict]:
        if projection is not None:
            return projection.apply(effects, skills, visited)
        changed = dict(skills)
        apply_effects(effects, changed, visited)
        return [changed]

    def make(node_id: str, skills: dict, visited) -> State:
        if projection is not None:
            visited = set(visited) & projection.nodes
        return State(node_id, tuple(sorted(skills.items())), frozenset(visited))

    first = {scenario.start}
    initial = projection.clamp({}) if projection else {}
    starts = [make(scenario.start, s, first) for s in states_after(nodes[scenario.start].effects, initial, first)]
    result = Exploration(starts[0])
    queue = deque(starts)
    for state in starts:
        result.edges[state] = []
    while queue:
        state = queue.popleft()
        node = nodes[state.node]
        skills = state.skill_dict()
        choices = projection.offered(node, skills, state.visited) if projection else \
            _exact_step(node, skills, state.visited)
        for index in choices:
            choice = node.choices[index]
            target = nodes.get(choice.target)
            if target is None:
                continue
            visited = set(state.visited) | {target.id}
            for after_choice in states_after(choice.effects, skills, state.visited):
                for after_entry in states_after(target.effects, after_choice, visited):
                    nxt = make(target.id, after_entry, visited)
                    result.edges[state].append((index, nxt))
                    if nxt not in result.edges:
                        if len(result.edges) >= budget:
                            result.complete = False
                            return result
                        result.edges[nxt] = []
                        queue.append(nxt)
    return result


def never_offered(scenario: Scenario, exploration: Exploration) -> list:
    """(node, choice) for each conditional choice at a reached node that no
    explored state offers."""
    offered = {(state.node, index) for state, edges in exploration.edges.items() for index, _ in edges}
    reached = {state.node for state in exploration.states}
    return [(node, choice) for node in scenario.nodes if node.id in reached
            for index, choice in enumerate(node.choices)
            if choice.condition is not None and (node.id, index) not in offered]
