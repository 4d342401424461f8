"""A scenario file -> a Scenario (or None), with every problem reported."""

import re
from pathlib import Path
from urllib.parse import unquote

from .blocks import DirectiveParagraph, read_directive, read_note, read_paragraph
from .diagnostics import Report
from .directives import Condition, SafetyStep, SkillChange, SourceRef
from .frontmatter import report_unknown_keys
from .document import Block, Document, block_inline, describe, item_blocks, load_document
from .markdown import InlineParser, plain_text, to_rich
from .model import Choice, Effect, Node, Scenario
from .slug import slugify

REQUIRED = ("title", "module")
OPTIONAL_TEXT = ("persona", "learner", "setting")
OPTIONAL_INT = ("minutes", "order")
OPTIONAL_LIST = ("skills", "warnings")
KEYS = REQUIRED + ("id",) + OPTIONAL_TEXT + OPTIONAL_INT + OPTIONAL_LIST
# A translation (see `translation`) names the version of its original and may
# leave out what it inherits from it; only a translation may give a heading an
# explicit id, `## Translated heading <a id="original-id"></a>`.
TRANSLATION_KEYS = KEYS + ("translation-of",)
_ANCHOR = re.compile(r'\s*<a id="([^"<>]*)"></a>\s*$')


def is_valid_id(value: str) -> bool:
    return bool(value) and all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in value)


def parse_scenario(path: Path, file: str, report: Report) -> Scenario | None:
    doc = load_document(path, report)
    if doc is None:
        return None
    return scenario_from_document(doc, path, file, report)


def scenario_from_document(doc: Document, path: Path, file: str, report: Report,
                           translation: bool = False) -> Scenario | None:
    """The scenario in a loaded file; a translation may omit `module` (it is
    filled in from the original) and give headings explicit ids."""
    meta = _front_matter(doc, path, report, translation)
    briefing, nodes = _body(doc, report, translation)
    if meta is None:
        return None
    if not nodes:
        report.error(len(doc.blocks) and doc.blocks[-1].line or 1, "structure",
                     "no `##` heading: a scenario needs at least one node")
        return None
    return Scenario(path=path, file=file, nodes=tuple(nodes), briefing=tuple(briefing), **meta)


def scenario_id_of(path: Path) -> str | None:
    """Just the id, from front matter, without reading the body's inline text."""
    doc = load_document(path, Report(str(path)))
    if doc is None or doc.front is None:
        return None
    value = doc.front.data.get("id", path.stem)
    return value if isinstance(value, str) else None


def _front_matter(doc: Document, path: Path, report: Report, translation: bool = False) -> dict | None:
    if doc.front is None:
        return None
    data, lines = doc.front.data, doc.front.key_lines
    ok = report_unknown_keys(doc.front, TRANSLATION_KEYS if translation else KEYS, report)
    meta: dict = {"key_lines": dict(lines)}
    required = REQUIRED
    if translation:  # the module is inherited from the original unless repeated
        meta["module"] = ""
        required = tuple(key for key in REQUIRED if key != "module" or key in data)
    for key in required:
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            line = lines.get(key, 1)
            report.error(line, "front-matter", f"`{key}` is required and must be text")
            ok = False
        else:
            meta[key] = value.strip()
    scenario_id = data.get("id", path.stem)
    if not isinstance(scenario_id, str) or not is_valid_id(scenario_id):
        report.error(lines.get("id", 1), "front-matter",
                     f"bad id {scenario_id!r}: use lower-case letters, digits and -")
        ok = False
    meta["id"] = str(scenario_id)
    for key in OPTIONAL_TEXT:
        if key in data:
            if isinstance(data[key], str):
                meta[key] = data[key].strip()
            else:
                report.error(lines[key], "front-matter", f"`{key}` must be text")
    for key in OPTIONAL_INT:
        if key in data:
            value = data[key]
            if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100_000:
                meta[key] = value
            else:
                report.error(lines[key], "front-matter", f"`{key}` must be a whole number")
    for key in OPTIONAL_LIST:
        if key in data:
            value = data[key]
            if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
                meta[key] = tuple(v.strip() for v in value)
            else:
                report.error(lines[key], "front-matter", f"`{key}` must be a list of words, e.g. [calm, enabling]")
    return meta if ok else None


class _NodeBuilder:
    def __init__(self, node_id: str, title: str, line: int):
        self.id, self.title, self.line = node_id, title, line
        self.blocks: list = []
        self.choices: list[Choice] = []
        self.effects: list[Effect] = []
        self.ending: str | None = None
        self.safety_steps: list[str] = []
        self.list_line = 0

    def build(self) -> Node:
        return Node(self.id, self.title, self.line, tuple(self.blocks), tuple(self.choices),
                    tuple(self.effects), self.ending, tuple(dict.fromkeys(self.safety_steps)))


def _body(doc: Document, report: Report, translation: bool = False) -> tuple[list, list[Node]]:
    briefing: list = []
    nodes: list[_NodeBuilder] = []
    inline = doc.inline
    for block in doc.blocks:
        current = nodes[-1] if nodes else None
        if block.kind == "heading":
            heading = read_heading(block, inline, report, translation)
            if heading is None:
                continue
            if block.heading_level == 2:
                title, node_id = heading
                if not node_id:
                    report.error(block.line, "structure", f"heading {title!r} gives an empty node id; use letters or digits")
                nodes.append(_NodeBuilder(node_id, title, block.line))
            elif block.heading_level != 1 or current is not None:
                report.error(block.line, "structure",
                             f"a {'#' * block.heading_level} heading is not allowed here; nodes start with ##")
        elif block.kind == "paragraph":
            result = read_paragraph(block, inline, report)
            if isinstance(result, DirectiveParagraph):
                if current is None:
                    report.error(block.line, "bad-directive", "directives belong in a node, not in the briefing")
                else:
                    current.effects.extend(result.effects)
                    current.safety_steps.extend(result.safety_steps)
                    if result.ending:
                        if current.ending:
                            report.error(block.line, "bad-directive", "a node has one `end:`")
                        current.ending = result.ending
            elif result is not None:
                (current.blocks if current else briefing).append(result)
        elif block.kind == "blockquote":
            note = read_note(block, inline, report)
            if note is not None:
                (current.blocks if current else briefing).append(note)
        elif block.kind == "list" and current is not None:
            if current.list_line:
                report.error(block.line, "structure",
                             f"a node has at most one list of choices (the first is at line {current.list_line})")
                continue
            current.list_line = block.line
            current.choices = _choices(block, inline, report)
        else:
            what = "a list of choices" if block.kind == "list" else describe(block.token)
            where = "in the briefing" if current is None else "in a node"
            report.error(block.line, "structure", f"{what} is not allowed {where}")
    for node in nodes:
        if node.ending and node.choices:
            report.error(node.list_line, "structure", f"node `{node.id}` is an ending and cannot have choices")
    return briefing, [n.build() for n in nodes]


def read_heading(block: Block, inline: InlineParser, report: Report,
                 explicit_ids: bool = False) -> tuple[str, str] | None:
    """(title, id): the id is the heading's slug, or with explicit_ids a
    closing `<a id="..."></a>` (which Git hosts also make an anchor)."""
    token = block_inline(block)
    content = token.content if token else ""
    anchor = _ANCHOR.search(content) if explicit_ids else None
    if anchor is not None:
        content = content[:anchor.start()]
    pieces = inline.pieces(content, block.line)
    if pieces is None:
        return None
    title = " ".join(plain_text(pieces).split())
    return title, anchor.group(1) if anchor else slugify(plain_text(pieces).strip())


def _choices(block: Block, inline: InlineParser, report: Report) -> list[Choice]:
    choices = []
    for item in item_blocks(block.inner):
        choice = _choice(item, inline, report)
        if choice is not None:
            choices.append(choice)
    return choices


def _choice(item: Block, inline: InlineParser, report: Report) -> Choice | None:
    parts = item_blocks(item.inner)
    if not parts or parts[0].kind != "paragraph":
        report.error(item.line, "structure", "a choice must start with a link: - [what you say](#node-id)")
        return None
    token = block_inline(parts[0])
    pieces = inline.pieces(token.content if token else "", item.line)
    if pieces is None:
        return None
    while pieces and pieces[0].kind == "text" and not pieces[0].value.strip():
        pieces.pop(0)
    if not pieces or pieces[0].kind != "link":
        report.error(item.line, "structure", "a choice must start with a link: - [what you say](#node-id)")
        return None
    href = pieces[0].value
    end = next((i for i, p in enumerate(pieces) if p.kind == "endlink"), len(pieces))
    text = to_rich(pieces[1:end])
    target = ""
    if href.startswith("#") and len(href) > 1:
        target = unquote(href[1:])
    else:
        report.error(item.line, "unknown-target",
                     f"choice links to {href!r}; a choice links to a node in this file as #node-id")
    effects, condition = _choice_directives(pieces[end + 1:], item.line, report)
    feedback = None
    for extra in parts[1:]:
        if extra.kind == "blockquote" and feedback is None:
            feedback = read_note(extra, inline, report)
            if feedback is not None and feedback.kind != "coach":
                report.error(extra.line, "structure", "a choice's feedback is a plain note, not a callout")
        else:
            report.error(extra.line, "structure",
                         f"a choice holds one line and one feedback note, not {describe(extra.token)}")
    if not text:
        report.error(item.line, "structure", "the choice's link has no text to say")
    return Choice(text, target, item.line, tuple(effects), condition, feedback)


def _choice_directives(pieces, line: int, report: Report):
    effects: list[Effect] = []
    condition = None
    for piece in pieces:
        if piece.kind == "text" and not piece.value.strip():
            continue
        if piece.kind != "code":
            report.error(line, "structure", "after the link a choice may carry only directives in `backticks`")
            continue
        directive = read_directive(piece, line, report)
        if isinstance(directive, SkillChange):
            effects.append(Effect(directive.skill, directive.op, directive.value, line))
        elif isinstance(directive, Condition):
            if condition is not None:
                report.error(line, "bad-directive", "a choice takes one `if`; combine them with `and`")
            condition = directive.expr
        elif isinstance(directive, SourceRef):
            report.error(line, "bad-directive", "`source:` belongs in the choice's feedback note")
        elif directive is not None:
            word = "safety:" if isinstance(directive, SafetyStep) else "end:"
            report.error(line, "bad-directive", f"`{word}` belongs in a node, not on a choice")
    return effects, condition
