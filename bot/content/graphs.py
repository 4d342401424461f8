"""Graph algorithms on numbered nodes (0..n-1, edges as lists of successor
numbers), shared by the checker's analysis and the paths report."""


def components(edges: list[list[int]]) -> list[list[int]]:
    """Strongly connected components, sinks first (Tarjan's algorithm,
    iterative so a long scenario cannot overflow the stack)."""
    count = len(edges)
    order = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    result: list[list[int]] = []
    counter = 0
    for root in range(count):
        if order[root] >= 0:
            continue
        work = [(root, 0)]
        order[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            node, position = work[-1]
            out = edges[node]
            if position < len(out):
                work[-1] = (node, position + 1)
                child = out[position]
                if order[child] < 0:
                    order[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = True
                    work.append((child, 0))
                elif on_stack[child]:
                    low[node] = min(low[node], order[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == order[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack[member] = False
                    component.append(member)
                    if member == node:
                        break
                result.append(component)
    return result


def ancestors(edges: list[list[int]], bits: list[int]) -> list[int]:
    """For each node, the OR of `bits` over every node with a path to it
    (itself included): one pass over the components, sources first."""
    groups = components(edges)[::-1]
    group_of = [0] * len(edges)
    for number, group in enumerate(groups):
        for node in group:
            group_of[node] = number
    masks = [0] * len(groups)
    for number, group in enumerate(groups):
        for node in group:
            masks[number] |= bits[node]
        for node in group:
            for nxt in edges[node]:
                if group_of[nxt] != number:
                    masks[group_of[nxt]] |= masks[number]
    return [masks[group_of[node]] for node in range(len(edges))]


def reverse_postorder(edges: list[list[int]], start: int) -> list[int]:
    """A rank per node reachable from the start: before each node come all
    that lead to it, loops aside (iterative, so a long scenario cannot
    overflow the stack)."""
    order: list[int] = []
    seen = {start}
    work = [(start, iter(edges[start]))]
    while work:
        node, successors = work[-1]
        for nxt in successors:
            if nxt not in seen:
                seen.add(nxt)
                work.append((nxt, iter(edges[nxt])))
                break
        else:
            work.pop()
            order.append(node)
    rank = [len(edges)] * len(edges)
    for position, node in enumerate(reversed(order)):
        rank[node] = position
    return rank
