"""`rehearse paths`: every reachable state of one scenario explored, and what
an author wants to know from it: each ending with its play-through count and
shortest script, skill ranges, choices never offered, endings never reached,
states stuck with nothing on offer, and traps (no success ending reachable
any more). Scripts are 1-based among the choices offered at each step, so
they replay with `rehearse play --script`."""

from dataclasses import dataclass, field

from ..content.model import Note, Scenario, plain
from ..content.playrules import offered
from ..content.reach import Exploration, State, explore
from .skillspan import INF, skill_span
from .statespace import can_reach, path_counts, route_to, shortest_routes


@dataclass
class Ending:
    id: str
    title: str
    outcome: str
    line: int
    reached: bool
    paths: int = 0
    loops: bool = False  # a loop comes before it: more play-throughs go round it
    script: list | None = None
    skills: dict = field(default_factory=dict)  # skill -> (low, high); inf when a loop keeps pushing
    moved: list = field(default_factory=list)
    without_skills: bool = False  # some route reaches it moving no skill at all


@dataclass
class Trap:
    """A choice that leads to a state from which no success ending can be reached."""

    node: str  # where the learner lands
    source: str  # the node the choice is in
    choice: str
    line: int
    script: list


@dataclass
class PathsReport:
    scenario: Scenario
    complete: bool
    states: int
    endings: list[Ending]
    never_offered: list = field(default_factory=list)  # (node id, Choice); only when complete
    stuck: list = field(default_factory=list)  # (node id, script)
    traps: list[Trap] = field(default_factory=list)
    uncited: list[str] = field(default_factory=list)  # "source#section" no scenario in the library cites

    @property
    def unreached(self) -> list[Ending]:
        return [e for e in self.endings if not e.reached]

    @property
    def ok(self) -> bool:
        """Every ending reached, every conditional choice offered somewhere, nothing stuck."""
        return not (self.unreached or self.never_offered or self.stuck)


def script_of(scenario: Scenario, steps) -> list[int]:
    """Choice indices in nodes -> numbers among the choices offered then."""
    numbers = []
    for state, index in steps:
        node = scenario.node(state.node)
        available = offered(node, state.skill_dict(), state.visited)
        numbers.append(next(n for n, c in enumerate(available, 1) if c is node.choices[index]))
    return numbers


def _unexplored(scenario: Scenario, exploration: Exploration, states) -> set[State]:
    """States whose choices the budget left (partly) unexplored."""
    if exploration.complete:
        return set()
    return {s for s in states if not scenario.node(s.node).ending
            and len(offered(scenario.node(s.node), s.skill_dict(), s.visited)) != len(exploration.edges.get(s, []))}


def analyse(scenario: Scenario, sources: dict | None = None, library_scenarios=()) -> PathsReport:
    exploration = explore(scenario, projected=True)
    parents = shortest_routes(exploration)
    counts, looped = path_counts(exploration)
    span = skill_span(scenario, exploration)
    nodes = scenario.node_map
    by_distance = list(parents)  # breadth-first: nearest states first

    def script_to(state: State) -> list[int]:
        return script_of(scenario, route_to(parents, state))

    endings = []
    for node in scenario.endings:
        at = [s for s in by_distance if s.node == node.id]
        ending = Ending(node.id, node.title, node.ending, node.line, bool(at))
        if at:
            ending.paths = sum(counts[s] for s in at)
            ending.loops = any(s in looped for s in at)
            ending.script = script_to(at[0])
            ending.skills = {k: (min(span.low[s].get(k, 0) for s in at), max(span.high[s].get(k, 0) for s in at))
                             for k in scenario.moved_skills()}
            ending.moved = sorted(set().union(*(span.moved.get(s, frozenset()) for s in at)))
            ending.without_skills = any(s in span.still for s in at)
        endings.append(ending)

    report = PathsReport(scenario, exploration.complete, len(by_distance), endings)
    report.stuck = [(s.node, script_to(s)) for s in by_distance
                    if not nodes[s.node].ending and not offered(nodes[s.node], s.skill_dict(), s.visited)]
    if exploration.complete:
        report.never_offered = _never_offered(scenario, exploration)
    report.traps = _traps(scenario, exploration, by_distance, script_to)
    if sources is not None:
        report.uncited = uncited_sections(sources, [scenario, *library_scenarios])
    return report


def _never_offered(scenario: Scenario, exploration: Exploration) -> list:
    taken = {(state.node, index) for state, edges in exploration.edges.items() for index, _ in edges}
    reached = {state.node for state in exploration.edges}
    return [(node.id, choice) for node in scenario.nodes if node.id in reached
            for index, choice in enumerate(node.choices)
            if choice.condition is not None and (node.id, index) not in taken]


def _traps(scenario: Scenario, exploration: Exploration, by_distance: list, script_to) -> list[Trap]:
    """Choices that lead from a hopeful state into one where no success ending
    is reachable, each with its nearest example; states whose future the budget
    left unexplored are never called traps."""
    nodes = scenario.node_map
    states = set(by_distance)
    hopeful = can_reach(exploration, {s for s in states if nodes[s.node].ending == "success"})
    unknown = can_reach(exploration, _unexplored(scenario, exploration, states))
    trapped = {s for s in states if not nodes[s.node].ending and s not in hopeful and s not in unknown}
    if exploration.start in trapped:
        return [Trap(scenario.start, "", "", nodes[scenario.start].line, [])]
    found: dict = {}
    for state in by_distance:
        if state in trapped:
            continue
        for index, nxt in exploration.edges.get(state, []):
            key = (state.node, index)
            if nxt in trapped and key not in found:
                choice = nodes[state.node].choices[index]
                number = script_of(scenario, [(state, index)])
                found[key] = Trap(nxt.node, state.node, plain(choice.text), choice.line, script_to(state) + number)
    return sorted(found.values(), key=lambda t: t.line)


def uncited_sections(sources: dict, scenarios) -> list[str]:
    cited = {(c.source, c.section) for scenario in scenarios for note in _notes(scenario) for c in note.citations}
    return [f"{source.id}#{section}" for source in sources.values() for section in source.sections
            if (source.id, section) not in cited]


def _notes(scenario: Scenario):
    yield from (b for b in scenario.briefing if isinstance(b, Note))
    for node in scenario.nodes:
        yield from node.notes
        yield from (c.feedback for c in node.choices if c.feedback is not None)


def number(value) -> int | None:
    """A score for JSON: None stands for unbounded."""
    return None if value in (INF, -INF) else value


def to_json(report: PathsReport) -> dict:
    scenario = report.scenario
    return {
        "scenario": scenario.id,
        "file": scenario.file,
        "complete": report.complete,
        "states": report.states,
        "ok": report.ok,
        "endings": [{
            "id": e.id, "outcome": e.outcome, "line": e.line, "reached": e.reached,
            "paths": e.paths, "loops": e.loops, "script": e.script,
            "skills": {k: [number(lo), number(hi)] for k, (lo, hi) in e.skills.items()},
            "moved": e.moved, "without_skills": e.without_skills,
        } for e in report.endings],
        "unreached_endings": [e.id for e in report.unreached],
        "never_offered": None if not report.complete else [
            {"node": node, "line": choice.line, "text": plain(choice.text)} for node, choice in report.never_offered],
        "stuck": [{"node": node, "script": script} for node, script in report.stuck],
        "traps": [{"node": t.node, "from": t.source, "choice": t.choice, "file": scenario.file, "line": t.line,
                   "script": t.script} for t in report.traps],
        "uncited_sections": report.uncited,
    }
