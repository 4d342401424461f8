"""Turning paragraphs and blockquotes into speaker lines, narration, notes and
directive paragraphs. Shared by scenario nodes, briefings and choice feedback."""

from dataclasses import dataclass, field

from .diagnostics import Report
from .directives import Condition, DirectiveError, End, SafetyStep, SkillChange, SourceRef, parse_directive
from .document import Block, block_inline, describe, item_blocks
from .markdown import InlineParser, Piece, to_rich
from .model import Citation, Effect, Line, Narration, Note

CALLOUTS = {"COACH": "coach", "DISCUSS": "discuss", "FACILITATOR": "facilitator", "SAFETY": "safety"}


@dataclass
class DirectiveParagraph:
    effects: list[Effect] = field(default_factory=list)
    ending: str | None = None
    safety_steps: list[str] = field(default_factory=list)


def read_directive(piece: Piece, line: int, report: Report):
    try:
        return parse_directive(piece.value)
    except DirectiveError as err:
        report.error(line, "bad-directive", str(err))
        return None


def _strip_blank(pieces: list[Piece]) -> list[Piece]:
    return [p for p in pieces if not (p.kind == "text" and not p.value.strip())]


def read_paragraph(block: Block, inline: InlineParser, report: Report):
    """A Line, a Narration or a DirectiveParagraph (None if unreadable)."""
    token = block_inline(block)
    pieces = inline.pieces(token.content if token else "", block.line)
    if pieces is None:
        return None
    meaningful = _strip_blank(pieces)
    if meaningful and all(p.kind == "code" for p in meaningful):
        return _directive_paragraph(meaningful, block.line, report)
    condition = None
    if pieces and pieces[0].kind == "code" and pieces[0].value.strip().startswith("if"):
        directive = read_directive(pieces[0], block.line, report)
        condition = directive.expr if isinstance(directive, Condition) else None
        pieces = pieces[1:]
    _reject_code(pieces, block.line, report, "inside text")
    speaker, pieces = _speaker(pieces)
    text = to_rich(pieces)
    if speaker:
        return Line(speaker, text, block.line, condition)
    return Narration(text, block.line, condition)


def _speaker(pieces: list[Piece]) -> tuple[str, list[Piece]]:
    """`**Name:** text` -> ("Name", rest)."""
    rest = list(pieces)
    while rest and rest[0].kind == "text" and not rest[0].value.strip():
        rest.pop(0)
    if not rest or rest[0].style != "strong" or rest[0].kind != "text":
        return "", pieces
    bold = ""
    while rest and rest[0].kind == "text" and rest[0].style == "strong":
        bold += rest.pop(0).value
    bold = bold.strip()
    if bold.endswith(":") and bold[:-1].strip():
        return bold[:-1].strip(), rest
    return "", pieces


def _reject_code(pieces: list[Piece], line: int, report: Report, where: str) -> None:
    for piece in pieces:
        if piece.kind != "code":
            continue
        directive = read_directive(piece, line, report)
        if isinstance(directive, Condition):
            report.error(line, "bad-directive", "`if` must come first in its paragraph or choice")
        elif directive is not None:
            report.error(line, "bad-directive", f"`{piece.value.strip()}` cannot stand {where}")


def _directive_paragraph(pieces: list[Piece], line: int, report: Report) -> DirectiveParagraph:
    result = DirectiveParagraph()
    condition = None
    for index, piece in enumerate(pieces):
        directive = read_directive(piece, line, report)
        if isinstance(directive, Condition):
            if index:
                report.error(line, "bad-directive", "`if` must come first in its paragraph")
            condition = directive.expr
        elif isinstance(directive, SkillChange):
            result.effects.append(Effect(directive.skill, directive.op, directive.value, line, condition))
        elif isinstance(directive, End):
            if result.ending:
                report.error(line, "bad-directive", "a node has one `end:`")
            if condition is not None:
                report.error(line, "bad-directive", "an ending cannot depend on `if`")
            result.ending = directive.outcome
        elif isinstance(directive, SafetyStep):
            if condition is not None:
                report.error(line, "bad-directive", "a safety step cannot depend on `if`")
            result.safety_steps.append(directive.kind)
        elif isinstance(directive, SourceRef):
            report.error(line, "bad-directive", "`source:` belongs in a coach note or a choice's feedback")
    return result


def read_note(block: Block, inline: InlineParser, report: Report) -> Note | None:
    """A blockquote: a coach note or a `[!KIND]` callout."""
    kind = "coach"
    paragraphs = []
    citations = []
    condition = None
    for index, inner in enumerate(item_blocks(block.inner)):
        if inner.kind != "paragraph":
            report.error(inner.line, "structure", f"a note holds only paragraphs, not {describe(inner.token)}")
            continue
        token = block_inline(inner)
        content = token.content if token else ""
        if index == 0:
            kind, content = _callout(content, inner.line, report)
        pieces = inline.pieces(content, inner.line)
        if pieces is None:
            return None
        if index == 0 and pieces and pieces[0].kind == "code" and pieces[0].value.strip().startswith("if"):
            directive = read_directive(pieces[0], inner.line, report)
            condition = directive.expr if isinstance(directive, Condition) else None
            pieces = pieces[1:]
        text_pieces = []
        for piece in pieces:
            if piece.kind != "code":
                text_pieces.append(piece)
                continue
            directive = read_directive(piece, inner.line, report)
            if isinstance(directive, SourceRef):
                citations.append(Citation(directive.source, directive.section, inner.line))
            elif isinstance(directive, Condition):
                report.error(inner.line, "bad-directive", "`if` must come first in a note")
            elif directive is not None:
                report.error(inner.line, "bad-directive", f"`{piece.value.strip()}` cannot stand in a note")
        rich = to_rich(text_pieces)
        if rich:
            paragraphs.append(rich)
    if kind is None:
        return None
    return Note(kind, tuple(paragraphs), tuple(citations), block.line, condition)


def _callout(content: str, line: int, report: Report) -> tuple[str | None, str]:
    first, _, rest = content.partition("\n")
    marker = first.strip()
    if not (marker.startswith("[!") and marker.endswith("]")):
        return "coach", content
    word = marker[2:-1]
    if word not in CALLOUTS:
        known = ", ".join(f"[!{w}]" for w in CALLOUTS)
        report.error(line, "structure", f"unknown callout {marker}; use one of {known}")
        return None, rest
    return CALLOUTS[word], rest


def read_prose(doc, report: Report, refusal: str, headings: bool = False) -> tuple:
    """A body of running text (course welcome, plan notes): paragraphs, notes,
    and headings when allowed; anything else is refused with `refusal`."""
    blocks = []
    for block in doc.blocks:
        if block.kind == "heading" and headings:
            token = block_inline(block)
            pieces = doc.inline.pieces(token.content if token else "", block.line)
            if pieces:
                blocks.append(Narration(to_rich([p for p in pieces if p.kind != "code"]), block.line))
        elif block.kind == "paragraph":
            result = read_paragraph(block, doc.inline, report)
            if result is not None and not isinstance(result, DirectiveParagraph):
                blocks.append(result)
        elif block.kind == "blockquote":
            note = read_note(block, doc.inline, report)
            if note is not None:
                blocks.append(note)
        else:
            report.error(block.line, "structure", refusal)
    return tuple(blocks)
