"""What the play-throughs do to the skills: which skills some route to each
state moved, and which states a route reaches without moving any. Scores
themselves sit in the exact states, so ranges need no work here."""

from dataclasses import dataclass

from .statespace import StateGraph


@dataclass
class SkillSpan:
    moved: list  # per state: frozenset of skills some route to it moved
    still: list  # per state: True when some route reaches it moving no skill at all


def skill_span(graph: StateGraph) -> SkillSpan:
    """Spread moved skills forward to a fixed point (sets only grow, so loops end)."""
    scores = [state.skill_dict() for state in graph.states]

    def changed(before: int, after: int) -> frozenset:
        old, new = scores[before], scores[after]
        return frozenset(k for k in old.keys() | new.keys() if old.get(k, 0) != new.get(k, 0))

    opening = frozenset(k for k, v in scores[0].items() if v)
    moved: list = [None] * len(scores)
    moved[0] = opening
    still = [False] * len(scores)
    still[0] = not opening
    work = [0]
    while work:
        state = work.pop()
        for _, nxt in graph.edges[state]:
            step = changed(state, nxt)
            grown = moved[state] | step | (moved[nxt] or frozenset())
            calm_route = still[state] and not step and not still[nxt]
            if grown != moved[nxt] or calm_route:
                moved[nxt] = grown
                still[nxt] = still[nxt] or calm_route
                work.append(nxt)
    return SkillSpan(moved, still)
