"""Comparing a translation with its original: everything the engine acts on
(front matter it inherits, nodes, choices, targets, conditions, effects,
endings, safety markers, citations and the order of blocks) must be the same;
only the words may differ. Each difference names a line on both sides."""

from collections.abc import Iterator

from .expr import Expr, to_text
from .model import Choice, Effect, Line, Narration, Node, Note, Scenario

# Front matter a translation inherits: left out, or repeated exactly. `warnings`
# stays in English because it chooses the safety check before a scenario.
INHERITED_KEYS = ("module", "id", "skills", "order", "minutes", "warnings")

Drift = tuple[int, str, int]  # (line in the translation, message naming {original}, line in the original)


def drift(translation: Scenario, original: Scenario) -> Iterator[Drift]:
    """Every way the translation acts differently from the original."""
    yield from _front_matter(translation, original)
    yield from _blocks(translation.briefing, original.briefing, "the briefing", 1, 1)
    yield from _nodes(translation, original)


def _front_matter(translation: Scenario, original: Scenario) -> Iterator[Drift]:
    for key in INHERITED_KEYS:
        line = translation.key_lines.get(key)
        if line is not None and getattr(translation, key) != getattr(original, key):
            yield (line, f"`{key}` is {_shown(getattr(translation, key))} but in {{original}} it is "
                   f"{_shown(getattr(original, key))}; leave `{key}` out to inherit it", original.key_lines.get(key, 1))


def _shown(value) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return "not set" if value is None else f"`{value}`"


def _nodes(translation: Scenario, original: Scenario) -> Iterator[Drift]:
    ours, theirs = translation.node_map, original.node_map
    for node in original.nodes:
        if node.id not in ours:
            last = translation.nodes[-1].line if translation.nodes else 1
            yield last, f"node `{node.id}` of {{original}} is missing (give its heading `<a id=\"{node.id}\"></a>`)", node.line
    first_of: dict[str, Node] = {}
    for node in translation.nodes:
        if node.id not in theirs:
            yield node.line, f"node `{node.id}` is not in {{original}}", original.nodes[0].line
        elif node.id in first_of:
            yield node.line, f"a second node `{node.id}` (the first is at line {first_of[node.id].line})", theirs[node.id].line
        else:
            first_of[node.id] = node
    their_order = [n.id for n in original.nodes if n.id in first_of]
    for mine, other in zip(first_of, their_order):
        if mine != other:
            yield (first_of[mine].line, f"node `{mine}` is not where it is in {{original}} (nodes come in the same "
                   "order, and the first is where the dialogue starts)", theirs[mine].line)
            break
    for node in first_of.values():
        yield from _node(node, theirs[node.id])


def _node(ours: Node, theirs: Node) -> Iterator[Drift]:
    where = f"node `{ours.id}`"
    yield from _same(where, "ends", _shown(ours.ending), _shown(theirs.ending), ours.line, theirs.line)
    yield from _same(where, "marks safety steps", _shown(ours.safety_steps), _shown(theirs.safety_steps),
                     ours.line, theirs.line)
    yield from _same(where, "moves", _effects_text(ours.effects), _effects_text(theirs.effects),
                     ours.effects[0].line if ours.effects else ours.line,
                     theirs.effects[0].line if theirs.effects else theirs.line)
    yield from _blocks(ours.blocks, theirs.blocks, where, ours.line, theirs.line)
    if len(ours.choices) != len(theirs.choices):
        yield (ours.line, f"{where} has {len(ours.choices)} choice(s) but {{original}} has {len(theirs.choices)}",
               theirs.line)
        return
    for number, (mine, other) in enumerate(zip(ours.choices, theirs.choices), 1):
        yield from _choice(f"{where}: choice {number}", mine, other)


def _same(where: str, verb: str, mine: str, other: str, line: int, their_line: int) -> Iterator[Drift]:
    if mine != other:
        yield line, f"{where} {verb} {mine} but {{original}} {verb} {other}", their_line


def _choice(where: str, ours: Choice, theirs: Choice) -> Iterator[Drift]:
    yield from _same(where, "links to", f"#{ours.target}", f"#{theirs.target}", ours.line, theirs.line)
    yield from _same(where, "is offered", _condition(ours.condition), _condition(theirs.condition),
                     ours.line, theirs.line)
    yield from _same(where, "moves", _effects_text(ours.effects), _effects_text(theirs.effects), ours.line, theirs.line)
    if (ours.feedback is None) != (theirs.feedback is None):
        has = "has no feedback note" if ours.feedback is None else "has a feedback note"
        yield ours.line, f"{where} {has} but in {{original}} it {'has one' if theirs.feedback else 'has none'}", theirs.line
    elif ours.feedback is not None and theirs.feedback is not None:
        yield from _note(f"{where}'s feedback", ours.feedback, theirs.feedback)


def _blocks(ours: tuple, theirs: tuple, where: str, line: int, their_line: int) -> Iterator[Drift]:
    """Speaker lines, narration and notes in the same order, each shown under
    the same condition; the words, speakers' names and paragraphs may differ."""
    kinds, their_kinds = [_kind(b) for b in ours], [_kind(b) for b in theirs]
    if kinds != their_kinds:
        at = next((i for i, (a, b) in enumerate(zip(kinds, their_kinds)) if a != b), min(len(kinds), len(theirs)))
        mine = f"is {kinds[at]}" if at < len(kinds) else "is missing"
        other = f"is {their_kinds[at]}" if at < len(theirs) else "does not exist"
        yield (ours[at].line if at < len(ours) else line, f"in {where}, block {at + 1} {mine} but in {{original}} it "
               f"{other} (lines, narration and notes come in the same order)",
               theirs[at].line if at < len(theirs) else their_line)
        return
    for index, (mine, other) in enumerate(zip(ours, theirs), 1):
        if isinstance(mine, Note):
            yield from _note(f"in {where}, block {index}", mine, other)
        else:
            yield from _same(f"in {where}, block {index}", "is shown", _condition(mine.condition),
                             _condition(other.condition), mine.line, other.line)


def _note(where: str, ours: Note, theirs: Note) -> Iterator[Drift]:
    yield from _same(where, "is shown", _condition(ours.condition), _condition(theirs.condition), ours.line, theirs.line)
    yield from _same(where, "cites", _cited(ours), _cited(theirs), ours.citations[0].line if ours.citations else ours.line,
                     theirs.citations[0].line if theirs.citations else theirs.line)


def _cited(note: Note) -> str:
    return _shown(tuple(str(c) for c in note.citations)) if note.citations else "nothing"


def _kind(block) -> str:
    if isinstance(block, Line):
        return "a speaker line"
    if isinstance(block, Narration):
        return "narration"
    return "a coach note" if block.kind == "coach" else f"a [!{block.kind.upper()}] callout"


def _effects_text(effects: tuple[Effect, ...]) -> str:
    shown = [f"`{e}`" if e.condition is None else f"`{e}` {_condition(e.condition)}" for e in effects]
    return ", ".join(shown) or "no skill"


def _condition(expr: Expr | None) -> str:
    return "always" if expr is None else f"`if {to_text(expr)}`"
