"""What play can possibly do in a scenario: the nodes some play-through may
reach and the choices whose condition holds on none, for `check` and for
`paths` when its exact exploration stops short.

An abstract interpretation (see abstract.py): one state per node that holds
every play-through standing there, pushed along the choices and joined where
paths meet, until nothing changes. Loops that keep moving a skill are
widened, so it always finishes, and its cost grows with nodes x choices
(times the few rounds a loop needs to settle), never with play-throughs.
It over-approximates play: a choice it calls never offered is never offered,
an ending it cannot reach is never reached; the converse need not hold."""

import heapq
from dataclasses import dataclass

from .abstract import AbstractState, Domain
from .expr import And, Compare, Not, Or, Visited
from .graphs import ancestors, reverse_postorder
from .model import Choice, Scenario

WIDEN_AFTER = 3  # visits to a node before a moving bound jumps to the next compared number
INFINITY_AFTER = 12  # visits before it jumps straight to infinity


@dataclass(frozen=True)
class Possible:
    states: dict  # node id -> AbstractState, for every node some play-through may reach
    never_offered: list  # (Node, Choice): conditional choices at such nodes whose condition never holds


def possible(scenario: Scenario) -> Possible:
    nodes = scenario.nodes
    number = {node.id: n for n, node in enumerate(nodes)}
    domain = domain_for(scenario)
    edges = [[number[c.target] for c in node.choices if c.target in number] for node in nodes]
    rank = reverse_postorder(edges, number[scenario.start])
    may_bound = ancestors(edges, [domain.node_bit.get(node.id, 0) for node in nodes])
    first = number[scenario.start]
    states: list[AbstractState | None] = [None] * len(nodes)
    states[first] = domain.apply(nodes[first].effects, domain.enter(scenario.start, domain.initial()))
    visits = [0] * len(nodes)
    queue = [(rank[first], first)]
    queued = {first}
    while queue:  # nearest the start first, so a node usually waits for all that lead to it
        _, current = heapq.heappop(queue)
        queued.discard(current)
        visits[current] += 1
        state = states[current]
        for choice in nodes[current].choices:
            target = number.get(choice.target)
            offered = _offered_part(domain, choice, state)
            if target is None or offered is None:
                continue
            node = nodes[target]
            after = domain.apply(node.effects, domain.enter(node.id, domain.apply(choice.effects, offered)))
            old = states[target]
            new = after if old is None else domain.join(old, after)
            if new == old:
                continue
            if visits[target] >= WIDEN_AFTER:
                new = domain.widen(old, new, visits[target] >= INFINITY_AFTER, may_bound[target])
            states[target] = new
            if target not in queued:
                queued.add(target)
                heapq.heappush(queue, (rank[target], target))
    reached = {node.id: state for node, state in zip(nodes, states) if state is not None}
    never = [(node, choice) for node in nodes if node.id in reached for choice in node.choices
             if choice.condition is not None and _offered_part(domain, choice, reached[node.id]) is None]
    return Possible(reached, never)


def _offered_part(domain: Domain, choice: Choice, state: AbstractState) -> AbstractState | None:
    """The play-throughs in the state that are offered the choice; None when none are."""
    if choice.condition is None:
        return state
    truth = domain.truth(choice.condition, state)
    if truth is None:
        return domain.assume(choice.condition, state)
    return state if truth else None


def domain_for(scenario: Scenario) -> Domain:
    """The skills and nodes the scenario's choice and effect conditions read,
    and the numbers they compare skills against (each, one either side, and
    every `SKILL = N`)."""
    compared: dict[str, set] = {}  # skill -> the numbers around those conditions compare it with
    visited: dict[str, None] = {}
    conditions = [c.condition for n in scenario.nodes for c in n.choices] + [e.condition for e in _effects(scenario)]
    stack = [c for c in conditions if c is not None]
    while stack:
        expr = stack.pop()
        if isinstance(expr, Compare):
            compared.setdefault(expr.skill, set()).update((expr.value - 1, expr.value, expr.value + 1))
        elif isinstance(expr, Visited):
            visited[expr.node] = None
        elif isinstance(expr, Not):
            stack.append(expr.operand)
        elif isinstance(expr, (And, Or)):
            stack.extend(expr.operands)
    for effect in _effects(scenario):
        if effect.op == "=" and effect.skill in compared:
            compared[effect.skill].add(effect.value)
    return Domain(skills=compared, nodes=visited, thresholds=compared)


def _effects(scenario: Scenario):
    for node in scenario.nodes:
        yield from node.effects
        for choice in node.choices:
            yield from choice.effects
