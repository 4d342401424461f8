"""Comparing a translation with its original: everything the engine acts on
(front matter it inherits, nodes, choices, targets, conditions, effects,
endings, safety markers, citations and the order of blocks) must be the same;
only the words may differ. A source keeps its sections and references; a
workshop plan its agenda, timings, questions and notes. Each difference
names a line on both sides."""

import re
from collections import Counter
from collections.abc import Generator, Iterator, Sequence

from .expr import Expr, to_text
from .model import Choice, Effect, Line, Narration, Node, Note, Scenario, Source

# Front matter a translation inherits: left out, or repeated exactly. `warnings`
# stays in English because it chooses the safety check before a scenario.
INHERITED_KEYS = ("module", "id", "skills", "order", "minutes", "warnings")
SOURCE_KEYS = ("publisher", "year", "url")  # a source's translation translates only its title
# A workshop plan's translation translates its title, questions and notes; the
# agenda (`scenarios`, checked item by item) and these timings are inherited.
PLAN_KEYS = ("id", "minutes", "opening-minutes", "closing-minutes", "vote-seconds", "discuss-minutes")
# A source's references, which its translation keeps: web addresses and every run of digits.
_FACT = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:gov|org|com|net|edu|int|uk|au|eu|charity)\b(?:/[\w./-]*\w)?|\d+", re.I)

Drift = tuple[int, str, int]  # (line in the translation, message naming {original}, line in the original)


def drift(translation: Scenario, original: Scenario) -> Iterator[Drift]:
    """Every way the translation acts differently from the original."""
    yield from _front_matter(translation, original)
    yield from _blocks(translation.briefing, original.briefing, "the briefing", 1, 1)
    yield from _nodes(translation, original)


def _front_matter(translation, original, keys: tuple = INHERITED_KEYS) -> Iterator[Drift]:
    for key in keys:
        line = translation.key_lines.get(key)
        ours, theirs = (getattr(item, key.replace("-", "_")) for item in (translation, original))
        if line is not None and ours != theirs:
            yield (line, f"`{key}` is {_shown(ours)} but in {{original}} it is "
                   f"{_shown(theirs)}; leave `{key}` out to inherit it", original.key_lines.get(key, 1))


def _shown(value) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]"
    return "not set" if value is None else f"`{value}`"


def _nodes(translation: Scenario, original: Scenario) -> Iterator[Drift]:
    first_of = yield from _matched(translation.nodes, original.nodes, "node",
                                   "nodes come in the same order, and the first is where the dialogue starts")
    for node in first_of.values():
        yield from _node(node, original.node_map[node.id])


def _matched(ours: Sequence, theirs: Sequence, noun: str, order: str) -> Generator[Drift, None, dict]:
    """Each of the original's nodes (or sections), matched by id, once and in
    the same order; returns the translation's by id."""
    their_ids = {item.id: item for item in theirs}
    our_ids = {item.id for item in ours}
    for item in theirs:
        if item.id not in our_ids:
            last = ours[-1].line if ours else 1
            yield last, f"{noun} `{item.id}` of {{original}} is missing (give its heading `<a id=\"{item.id}\"></a>`)", item.line
    first_of: dict = {}
    for item in ours:
        if item.id not in their_ids:
            yield item.line, f"{noun} `{item.id}` is not in {{original}}", theirs[0].line if theirs else 1
        elif item.id in first_of:
            yield item.line, f"a second {noun} `{item.id}` (the first is at line {first_of[item.id].line})", their_ids[item.id].line
        else:
            first_of[item.id] = item
    their_order = [item.id for item in theirs if item.id in first_of]
    for mine, other in zip(first_of, their_order):
        if mine != other:
            yield (first_of[mine].line, f"{noun} `{mine}` is not where it is in {{original}} ({order})",
                   their_ids[mine].line)
            break
    return first_of


def source_drift(translation: Source, original: Source) -> Iterator[Drift]:
    """A source's translation has the same sections in the same order, each
    keeping its references: every number and web address, as often."""
    yield from _front_matter(translation, original, SOURCE_KEYS)
    first_of = yield from _matched(list(translation.sections.values()), list(original.sections.values()),
                                   "section", "sections come in the same order")
    for section in first_of.values():
        theirs = original.sections[section.id]
        mine, other = Counter(_FACT.findall(section.text)), Counter(_FACT.findall(theirs.text))
        if mine != other:
            changed = [f"{fact} is missing" for fact in other - mine] + [f"{fact} is new" for fact in mine - other]
            yield (section.line, f"section `{section.id}` does not keep the numbers and web addresses of "
                   f"{{original}}: {', '.join(changed)}", theirs.line)


def plan_drift(translation, original) -> Iterator[Drift]:
    """A workshop plan's translation (workshop_plan.WorkshopPlan) runs the same
    workshop: the same scenarios for the same minutes, the same timings, an
    opening and a closing question where the original has one, and its
    facilitator notes in the same order."""
    yield from _front_matter(translation, original, PLAN_KEYS)
    if "scenarios" in translation.key_lines:
        yield from _agenda(translation, original)
    for part, question in (("opening", "an opening question"), ("closing", "a closing question")):
        if bool(getattr(translation, part)) != bool(getattr(original, part)):
            message = (f"there is no `{part}` but {{original}} asks {question}; translate it here"
                       if getattr(original, part) else f"`{part}` asks {question} that {{original}} does not ask; "
                       "leave it out")
            yield translation.key_lines.get(part, 1), message, original.key_lines.get(part, 1)
    notes, their_notes = translation.notes, original.notes
    yield from _blocks(notes, their_notes, "the facilitator notes", notes[-1].line if notes else 1,
                       their_notes[-1].line if their_notes else 1)


def _agenda(translation, original) -> Iterator[Drift]:
    """The `scenarios` a translation repeats: each item as in the original."""
    ours, theirs = translation.items, original.items
    if len(ours) != len(theirs):
        yield (translation.key_lines["scenarios"], f"`scenarios` lists {len(ours)} but {{original}} lists "
               f"{len(theirs)}; leave `scenarios` out to inherit it", original.key_lines.get("scenarios", 1))
        return
    for number, (mine, other) in enumerate(zip(ours, theirs), 1):
        yield from _same(f"scenario {number}", "is", f"`{mine.scenario}` for {mine.minutes} min",
                         f"`{other.scenario}` for {other.minutes} min", mine.line, other.line)


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
