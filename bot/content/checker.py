"""Checks that need more than one block: names against course.md and the
sources, the shape of the dialogue graph, and warnings an author wants."""

from collections import deque

from .diagnostics import Report
from .expr import names_in
from .model import Course, Note, Scenario
from .possible import possible


def check_scenario(scenario: Scenario, course: Course | None, sources: dict, report: Report,
                   warnings: bool = True) -> None:
    """Report errors, and warnings unless a player only needs to know the scenario is sound."""
    _check_names(scenario, course, sources, report)
    structurally_sound = _check_graph(scenario, report)
    if not warnings:
        return
    _warn_unused_skills(scenario, report)
    _warn_uncited_notes(scenario, report)
    if structurally_sound:
        _warn_never_offered(scenario, report)


def _check_names(scenario: Scenario, course: Course | None, sources: dict, report: Report) -> None:
    lines = scenario.key_lines
    if course is not None:
        if scenario.module not in {m.id for m in course.modules}:
            report.error(lines.get("module", 1), "unknown-name",
                         f"module `{scenario.module}` is not in course.md")
        for skill in scenario.skills:
            if skill not in course.skills:
                report.error(lines.get("skills", 1), "unknown-name", f"skill `{skill}` is not declared in course.md")
    skills = course.skills if course is not None else None
    node_ids = set(scenario.node_map)

    def check_expr(expr, line):
        if expr is None:
            return
        mentioned_skills, mentioned_nodes = names_in(expr)
        for skill in sorted(mentioned_skills):
            if skills is not None and skill not in skills:
                report.error(line, "unknown-name", f"skill `{skill}` is not declared in course.md")
        for node in sorted(mentioned_nodes):
            if node not in node_ids:
                report.error(line, "unknown-name", f"visited({node}): there is no node `{node}`")

    def check_effects(effects):
        for effect in effects:
            check_expr(effect.condition, effect.line)
            if skills is not None and effect.skill not in skills:
                report.error(effect.line, "unknown-name", f"skill `{effect.skill}` is not declared in course.md")

    def check_note(note: Note):
        check_expr(note.condition, note.line)
        for citation in note.citations:
            source = sources.get(citation.source)
            if source is None:
                report.error(citation.line, "unknown-name", f"no source `{citation.source}` in sources/")
            elif citation.section not in source.sections:
                report.error(citation.line, "unknown-name",
                             f"source `{citation.source}` has no section `{citation.section}`")

    for block in scenario.briefing:
        if isinstance(block, Note):
            check_note(block)
    for node in scenario.nodes:
        check_effects(node.effects)
        for block in node.blocks:
            if isinstance(block, Note):
                check_note(block)
            else:
                check_expr(block.condition, block.line)
        for choice in node.choices:
            check_expr(choice.condition, choice.line)
            check_effects(choice.effects)
            if choice.feedback is not None:
                check_note(choice.feedback)


def _check_graph(scenario: Scenario, report: Report) -> bool:
    """Report duplicate ids, bad targets, dead ends, unreachable nodes and
    nodes with no way to an ending. True when the graph is sound."""
    before = len(report.items)
    seen: dict[str, int] = {}
    for node in scenario.nodes:
        if node.id in seen:
            report.error(node.line, "duplicate-id",
                         f"two nodes have the id `{node.id}` (the other heading is at line {seen[node.id]})")
        else:
            seen[node.id] = node.line
    nodes = scenario.node_map
    for node in scenario.nodes:
        for choice in node.choices:
            if choice.target and choice.target not in nodes:
                report.error(choice.line, "unknown-target", f"no node `{choice.target}` in this scenario")
        if not node.choices and not node.ending:
            report.error(node.line, "dead-end",
                         f"node `{node.id}` has no choices and no ending; add choices or `end: success|partial|setback`")
    forward = {n.id: {c.target for c in n.choices if c.target in nodes} for n in scenario.nodes}
    reached = _closure([scenario.start], forward)
    backward: dict[str, set] = {n: set() for n in nodes}
    for source, targets in forward.items():
        for target in targets:
            backward[target].add(source)
    ends = _closure([n.id for n in scenario.nodes if n.ending], backward)
    reported: set[str] = set()
    for node in scenario.nodes:
        if node.id in reported:
            continue
        reported.add(node.id)
        if node.id not in reached:
            report.error(node.line, "unreachable", f"no path from the first node leads to `{node.id}`")
        if node.id not in ends and (node.choices or node.ending):
            report.error(node.line, "no-ending", f"no ending can be reached from `{node.id}`")
    return not any(d.severity == "error" for d in report.items[before:])


def _closure(starts, edges) -> set:
    seen = set(starts)
    queue = deque(starts)
    while queue:
        for nxt in edges.get(queue.popleft(), ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _warn_unused_skills(scenario: Scenario, report: Report) -> None:
    moved = {e.skill for n in scenario.nodes for e in n.effects}
    moved |= {e.skill for n in scenario.nodes for c in n.choices for e in c.effects}
    for skill in scenario.skills:
        if skill not in moved:
            report.warn(scenario.key_lines.get("skills", 1), "unused-skill",
                        f"skill `{skill}` is listed but no choice or node moves it")


def _warn_uncited_notes(scenario: Scenario, report: Report) -> None:
    for node in scenario.nodes:
        notes = [b for b in node.blocks if isinstance(b, Note) and b.kind == "coach"]
        notes += [c.feedback for c in node.choices if c.feedback is not None]
        for note in notes:
            if not note.citations:
                report.warn(note.line, "no-source", "coach note cites no source; add `source: SOURCE#SECTION`")


def _warn_never_offered(scenario: Scenario, report: Report) -> None:
    """Choices whose condition never holds, and endings no play-through reaches
    because of them (the analysis over-approximates play, so both are certain
    when reported, and it always finishes). Without conditions the graph check
    covers it."""
    if not any(c.condition is not None for n in scenario.nodes for c in n.choices):
        return
    found = possible(scenario)
    for node in scenario.endings:
        if node.id not in found.states:
            report.warn(node.line, "unreachable-ending",
                        f"no play-through reaches the ending `{node.id}`: the conditions on the way never hold")
    for _, choice in found.never_offered:
        report.warn(choice.line, "never-offered", "this choice's condition never holds on any path, so it is never offered")
