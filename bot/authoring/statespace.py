"""The explored states of a scenario as a graph: shortest routes, play-through
counts with loops counted once, and who can still reach what. Pure functions
over reach.Exploration, so the report and its tests share one truth."""

from collections import deque

from ..content.reach import Exploration, State


def successors(exploration: Exploration, state: State) -> list[tuple[int, State]]:
    return exploration.edges.get(state, [])


def all_states(exploration: Exploration) -> set[State]:
    """Every state found, including any the budget left unexpanded."""
    found = set(exploration.edges)
    found.update(nxt for edges in exploration.edges.values() for _, nxt in edges)
    return found


def shortest_routes(exploration: Exploration) -> dict[State, tuple[State, int] | None]:
    """Breadth-first parents: for each state, the (state, choice index) one step
    before it on a shortest route from the start (None for the start)."""
    parents: dict[State, tuple[State, int] | None] = {exploration.start: None}
    queue = deque([exploration.start])
    while queue:
        state = queue.popleft()
        for index, nxt in successors(exploration, state):
            if nxt not in parents:
                parents[nxt] = (state, index)
                queue.append(nxt)
    return parents


def route_to(parents: dict, state: State) -> list[tuple[State, int]]:
    """The (state, choice index) steps of the shortest route to state."""
    steps = []
    while parents[state] is not None:
        state, index = parents[state]
        steps.append((state, index))
    return steps[::-1]


def components(exploration: Exploration) -> list[list[State]]:
    """Strongly connected components, sinks first (Tarjan's algorithm, iterative
    so a long scenario cannot overflow the stack)."""
    order: dict[State, int] = {}
    low: dict[State, int] = {}
    stack: list[State] = []
    on_stack: set[State] = set()
    result: list[list[State]] = []

    def open_state(state: State, work: list) -> None:
        order[state] = low[state] = len(order)
        stack.append(state)
        on_stack.add(state)
        work.append((state, iter(successors(exploration, state))))

    for root in list(exploration.edges):
        if root in order:
            continue
        work: list = []
        open_state(root, work)
        while work:
            state, children = work[-1]
            descended = False
            for _, child in children:
                if child not in order:
                    open_state(child, work)
                    descended = True
                    break
                if child in on_stack:
                    low[state] = min(low[state], order[child])
            if descended:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[state])
            if low[state] == order[state]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == state:
                        break
                result.append(component)
    return result


def path_counts(exploration: Exploration) -> tuple[dict[State, int], set[State]]:
    """How many play-throughs reach each state, counting a loop once (paths
    through the graph of strongly connected components), and the states that
    a loop can come before, where more play-throughs go round it."""
    groups = components(exploration)[::-1]  # sources first
    group_of = {state: number for number, group in enumerate(groups) for state in group}
    counts = [0] * len(groups)
    after_loop = [False] * len(groups)
    counts[group_of[exploration.start]] = 1
    for number, group in enumerate(groups):
        members = set(group)
        if len(group) > 1 or any(nxt in members for s in group for _, nxt in successors(exploration, s)):
            after_loop[number] = True
        for state in group:
            for _, nxt in successors(exploration, state):
                target = group_of[nxt]
                if target != number:
                    counts[target] += counts[number]
                    after_loop[target] = after_loop[target] or after_loop[number]
    per_state = {state: counts[group_of[state]] for state in group_of}
    looped = {state for state in group_of if after_loop[group_of[state]]}
    return per_state, looped


def can_reach(exploration: Exploration, targets: set[State]) -> set[State]:
    """Every state from which some target state can be reached (targets included)."""
    backward: dict[State, list[State]] = {}
    for state, edges in exploration.edges.items():
        for _, nxt in edges:
            backward.setdefault(nxt, []).append(state)
    seen = set(targets)
    queue = deque(targets)
    while queue:
        for previous in backward.get(queue.popleft(), ()):
            if previous not in seen:
                seen.add(previous)
                queue.append(previous)
    return seen
