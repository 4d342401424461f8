"""The explored states of a scenario as a compact graph (states numbered in
breadth-first order, so number 0 is the start and lower numbers are nearer),
with the graph algorithms the paths report needs: shortest routes,
play-through counts with loops counted once, and who can still reach what.
States are hashed once, when numbered; everything after works on numbers."""

from collections import deque

from ..content.graphs import components
from ..content.reach import Exploration, State


class StateGraph:
    def __init__(self, exploration: Exploration):
        self.states: list[State] = [exploration.start]
        self.number: dict[State, int] = {exploration.start: 0}
        self.edges: list[list[tuple[int, int]]] = []  # per state: (choice index in node, next state)
        self.parent: list[tuple[int, int] | None] = [None]  # (previous state, choice index) on a shortest route
        position = 0
        while position < len(self.states):  # breadth first, numbering as states are found
            state = self.states[position]
            out = []
            for index, nxt in exploration.edges.get(state, ()):
                target = self.number.get(nxt)
                if target is None:
                    target = self.number[nxt] = len(self.states)
                    self.states.append(nxt)
                    self.parent.append((position, index))
                out.append((index, target))
            self.edges.append(out)
            position += 1

    def route(self, number: int) -> list[tuple[State, int]]:
        """The (state, choice index) steps of a shortest route to a state."""
        steps = []
        while self.parent[number] is not None:
            number, index = self.parent[number]
            steps.append((self.states[number], index))
        return steps[::-1]

    def components(self) -> list[list[int]]:
        """Strongly connected components, sinks first."""
        return components([[nxt for _, nxt in out] for out in self.edges])

    def path_counts(self) -> tuple[list[int], list[bool]]:
        """How many play-throughs reach each state, counting a loop once (paths
        through the graph of strongly connected components), and whether a
        loop can come first, so that more play-throughs go round it."""
        groups = self.components()[::-1]  # sources first
        group_of = [0] * len(self.states)
        for number, group in enumerate(groups):
            for state in group:
                group_of[state] = number
        counts = [0] * len(groups)
        after_loop = [False] * len(groups)
        counts[group_of[0]] = 1
        for number, group in enumerate(groups):
            if len(group) > 1 or any(nxt == group[0] for _, nxt in self.edges[group[0]]):
                after_loop[number] = True
            for state in group:
                for _, nxt in self.edges[state]:
                    target = group_of[nxt]
                    if target != number:
                        counts[target] += counts[number]
                        after_loop[target] = after_loop[target] or after_loop[number]
        return [counts[g] for g in group_of], [after_loop[g] for g in group_of]

    def can_reach(self, targets) -> list[bool]:
        """For each state: can some target state be reached from it (targets included)?"""
        backward: list[list[int]] = [[] for _ in self.states]
        for state, edges in enumerate(self.edges):
            for _, nxt in edges:
                backward[nxt].append(state)
        seen = [False] * len(self.states)
        queue = deque(targets)
        for state in queue:
            seen[state] = True
        while queue:
            for previous in backward[queue.popleft()]:
                if not seen[previous]:
                    seen[previous] = True
                    queue.append(previous)
        return seen
