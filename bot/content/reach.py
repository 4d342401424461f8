"""Exploring the reachable states of a scenario (node, skills, visited)
exactly, as play sees them, for the `paths` tool. The number of states can
grow without end (a loop that raises a skill forever), so a state budget
bounds it and the exploration says when it stopped short. The checker uses
the analysis in possible.py instead, whose cost does not grow with states."""

from collections import deque
from dataclasses import dataclass, field

from .model import Scenario
from .playrules import apply_effects, offered

STATE_BUDGET = 20_000


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


def _exact_step(node, skills: dict, visited):
    available = offered(node, skills, visited)
    return [i for i, c in enumerate(node.choices) if any(c is a for a in available)]


def explore(scenario: Scenario, budget: int = STATE_BUDGET) -> Exploration:
    """Breadth-first over states, up to `budget` states."""
    nodes = scenario.node_map

    def make(node_id: str, skills: dict, visited) -> State:
        return State(node_id, tuple(sorted(skills.items())), frozenset(visited))

    first = {scenario.start}
    skills: dict = {}
    apply_effects(nodes[scenario.start].effects, skills, first)
    start = make(scenario.start, skills, first)
    result = Exploration(start)
    result.edges[start] = []
    queue = deque([start])
    while queue:
        state = queue.popleft()
        node = nodes[state.node]
        skills = state.skill_dict()
        for index in _exact_step(node, skills, state.visited):
            choice = node.choices[index]
            target = nodes.get(choice.target)
            if target is None:
                continue
            after = dict(skills)
            apply_effects(choice.effects, after, state.visited)
            visited = state.visited | {target.id}
            apply_effects(target.effects, after, visited)
            nxt = make(target.id, after, visited)
            if nxt not in result.edges:
                if len(result.edges) >= budget:
                    result.complete = False
                    return result
                result.edges[nxt] = []
                queue.append(nxt)
            result.edges[state].append((index, nxt))
    return result


def never_offered(scenario: Scenario, exploration: Exploration) -> list:
    """(node, choice) for each conditional choice at a reached node that no
    explored state offers."""
    offered = {(state.node, index) for state, edges in exploration.edges.items() for index, _ in edges}
    reached = {state.node for state in exploration.states}
    return [(node, choice) for node in scenario.nodes if node.id in reached
            for index, choice in enumerate(node.choices)
            if choice.condition is not None and (node.id, index) not in offered]
