"""Exploring every reachable state of a scenario (node, skills, visited),
memoised and bounded, for the checker's warnings and the `paths` tool."""

from collections import deque
from dataclasses import dataclass, field

from .expr import names_in
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


def relevant_names(scenario: Scenario) -> tuple[set[str], set[str]]:
    """Skills and nodes that some condition reads: only they change what is offered."""
    skills: set[str] = set()
    nodes: set[str] = set()
    for node in scenario.nodes:
        exprs = [c.condition for c in node.choices] + [e.condition for e in node.effects]
        exprs += [e.condition for c in node.choices for e in c.effects]
        for expr in exprs:
            if expr is not None:
                s, n = names_in(expr)
                skills |= s
                nodes |= n
    return skills, nodes


def explore(scenario: Scenario, projected: bool = False, budget: int = STATE_BUDGET) -> Exploration:
    """Breadth-first over states. `projected` keeps only what conditions read,
    which is exact for what is offered and far smaller."""
    keep_skills, keep_nodes = relevant_names(scenario) if projected else (None, None)

    def make(node_id: str, skills: dict, visited: set) -> State:
        if projected:
            skills = {k: v for k, v in skills.items() if k in keep_skills}
            visited = visited & keep_nodes
        return State(node_id, tuple(sorted(skills.items())), frozenset(visited))

    nodes = scenario.node_map
    skills: dict = {}
    visited = {scenario.start}
    apply_effects(nodes[scenario.start].effects, skills, visited)
    start = make(scenario.start, skills, visited)
    result = Exploration(start)
    queue = deque([start])
    result.edges[start] = []
    while queue:
        state = queue.popleft()
        node = nodes[state.node]
        available = offered(node, state.skill_dict(), state.visited)
        for index, choice in enumerate(node.choices):
            if not any(choice is c for c in available):
                continue
            target = nodes.get(choice.target)
            if target is None:
                continue
            skills = state.skill_dict()
            apply_effects(choice.effects, skills, state.visited)
            visited = set(state.visited) | {target.id}
            apply_effects(target.effects, skills, visited)
            nxt = make(target.id, skills, visited)
            result.edges[state].append((index, nxt))
            if nxt not in result.edges:
                if len(result.edges) >= budget:
                    result.complete = False
                    return result
                result.edges[nxt] = []
                queue.append(nxt)
    return result
