"""`rehearse paths`: every reachable state of one scenario explored exactly
(node, skills, visited), and what an author wants to know from it: each
ending with its play-through count and shortest script, skill ranges,
choices never offered, endings never reached, states with nothing on offer,
and traps (no success ending reachable any more). Scripts are 1-based among
the choices offered at each step, so they replay with `rehearse play --script`.

A loop that keeps moving a skill has no last state; the state budget bounds
it, and then the report says the exploration stopped short and which figures
are lower bounds. The checker's analysis (possible.py, an over-approximation
that always finishes) still proves what can never happen."""

from dataclasses import dataclass, field

from ..content.model import Note, Scenario, plain
from ..content.playrules import offered
from ..content.possible import possible
from ..content.reach import STATE_BUDGET, explore, never_offered
from ..i18n import N_
from .skillspan import skill_span
from .statespace import StateGraph


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
    skills: dict = field(default_factory=dict)  # skill -> (lowest, highest) score here
    moved: list = field(default_factory=list)  # skills some route here moves
    without_skills: bool = False  # some route reaches it moving no skill at all
    impossible: bool = False  # proven: no play-through can reach it


@dataclass
class Trap:
    """A choice that leads to a state from which no success ending can be reached."""

    node: str  # where the learner lands
    source: str  # the node the choice is in ("" when the start itself is a trap)
    choice: str
    line: int
    script: list


@dataclass
class PathsReport:
    scenario: Scenario
    complete: bool
    states: int
    endings: list[Ending]
    never_offered: list = field(default_factory=list)  # (node id, Choice); when incomplete, those proven
    stuck: list = field(default_factory=list)  # (node id, script): not an ending, nothing on offer
    traps: list[Trap] = field(default_factory=list)
    uncited: list[str] = field(default_factory=list)  # "source#section" no scenario cites; the caller fills it

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


def analyse(scenario: Scenario) -> PathsReport:
    exploration = explore(scenario)
    graph = StateGraph(exploration)
    nodes = scenario.node_map

    def script_to(number: int) -> list[int]:
        return script_of(scenario, graph.route(number))

    report = PathsReport(scenario, exploration.complete, len(graph.states), _endings(scenario, graph, script_to))
    if exploration.complete:
        reachable = {state.node for state in exploration.states}
        never = never_offered(scenario, exploration)
    else:
        proof = possible(scenario)
        reachable, never = proof.states, proof.never_offered
    for ending in report.unreached:
        ending.impossible = ending.id not in reachable
    report.never_offered = [(node.id, choice) for node, choice in never]
    on_offer = [0 if nodes[s.node].ending else len(offered(nodes[s.node], s.skill_dict(), s.visited))
                 for s in graph.states]
    report.stuck = [(s.node, script_to(n)) for n, s in enumerate(graph.states)
                    if not nodes[s.node].ending and not on_offer[n]]
    unexplored = [n for n, count in enumerate(on_offer) if count != len(graph.edges[n])]
    report.traps = _traps(scenario, graph, unexplored, script_to)
    return report


def _endings(scenario: Scenario, graph: StateGraph, script_to) -> list[Ending]:
    counts, looped = graph.path_counts()
    span = skill_span(graph)
    at_node: dict[str, list[int]] = {}
    for number, state in enumerate(graph.states):  # nearest first
        at_node.setdefault(state.node, []).append(number)
    endings = []
    for node in scenario.endings:
        at = at_node.get(node.id, [])
        ending = Ending(node.id, node.title, node.ending, node.line, bool(at))
        if at:
            scores = [graph.states[n].skill_dict() for n in at]
            ending.paths = sum(counts[n] for n in at)
            ending.loops = any(looped[n] for n in at)
            ending.script = script_to(at[0])
            ending.skills = {k: (min(s.get(k, 0) for s in scores), max(s.get(k, 0) for s in scores))
                             for k in scenario.moved_skills()}
            ending.moved = sorted(set().union(*(span.moved[n] for n in at)))
            ending.without_skills = any(span.still[n] for n in at)
        endings.append(ending)
    return endings


def _traps(scenario: Scenario, graph: StateGraph, unexplored: list[int], script_to) -> list[Trap]:
    """Choices that lead from a hopeful state into one where no success ending
    is reachable, each with its nearest example; a state whose future the
    budget left unexplored is never called a trap."""
    nodes = scenario.node_map
    states = graph.states
    hopeful = graph.can_reach(n for n, s in enumerate(states) if nodes[s.node].ending == "success")
    unknown = graph.can_reach(unexplored)
    trapped = [not (hopeful[n] or unknown[n] or nodes[s.node].ending) for n, s in enumerate(states)]
    if trapped[0]:
        return [Trap(scenario.start, "", "", nodes[scenario.start].line, [])]
    found: dict = {}
    for number, state in enumerate(states):  # nearest first, so each example is a shortest one
        if trapped[number]:
            continue
        for index, nxt in graph.edges[number]:
            if trapped[nxt] and (state.node, index) not in found:
                choice = nodes[state.node].choices[index]
                script = script_to(number) + script_of(scenario, [(state, index)])
                found[(state.node, index)] = Trap(states[nxt].node, state.node, plain(choice.text), choice.line,
                                                  script)
    return sorted(found.values(), key=lambda t: t.line)


def uncited_sections(sources: dict, scenarios) -> list[str]:
    """Source sections no coach note, callout or feedback in these scenarios cites."""
    cited = {(c.source, c.section) for scenario in scenarios for note in _notes(scenario) for c in note.citations}
    return [f"{source.id}#{section}" for source in sources.values() for section in source.sections
            if (source.id, section) not in cited]


def _notes(scenario: Scenario):
    yield from (b for b in scenario.briefing if isinstance(b, Note))
    for node in scenario.nodes:
        yield from node.notes
        yield from (c.feedback for c in node.choices if c.feedback is not None)


STOPPED = N_("the exploration stopped at its budget of {budget} states before it saw every play-through "
             "(a loop that keeps moving a skill never ends): play-through counts and skill ranges are at least "
             "these, an ending not found may still be reachable, and only choices proven never offered are listed")


def stopped_text(text: str = STOPPED) -> str:
    """What an author is told when the exploration stopped at its budget (JSON keeps
    the English; the text report passes _(STOPPED))."""
    return text.format(budget=f"{STATE_BUDGET:,}")


def to_json(report: PathsReport) -> dict:
    scenario = report.scenario
    return {
        "scenario": scenario.id,
        "file": scenario.file,
        "complete": report.complete,
        "stopped": None if report.complete else stopped_text(),
        "states": report.states,
        "ok": report.ok,
        "endings": [{
            "id": e.id, "outcome": e.outcome, "line": e.line, "reached": e.reached, "impossible": e.impossible,
            "paths": e.paths, "loops": e.loops, "script": e.script,
            "skills": {k: list(span) for k, span in e.skills.items()},
            "moved": e.moved, "without_skills": e.without_skills,
        } for e in report.endings],
        "unreached_endings": [e.id for e in report.unreached],
        "never_offered": [{"node": node, "line": choice.line, "text": plain(choice.text)}
                          for node, choice in report.never_offered],
        "stuck": [{"node": node, "script": script} for node, script in report.stuck],
        "traps": [{"node": t.node, "from": t.source, "choice": t.choice, "file": scenario.file, "line": t.line,
                   "script": t.script} for t in report.traps],
        "uncited_sections": report.uncited,
    }
