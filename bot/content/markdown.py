"""markdown-it-py, set up for content files: block tokens with line maps,
inline parsing on demand and under a budget.

markdown-it-py spends about 10 microseconds on each bracket-like character of
inline text (200,000 `[` take seconds), so the inline pass is skipped past a
per-file budget of such characters; no real scenario comes near it."""

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from .diagnostics import Report
from .model import Rich, Span

MARKUP_CHARS = "[]()!<>*_`&\\"
MARKUP_BUDGET = 20_000


def _make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": 20}).use(front_matter_plugin)
    md.disable("inline")
    return md


_MD = _make_parser()


def block_tokens(text: str) -> list[Token]:
    return _MD.parse(text)


@dataclass
class Piece:
    """One item of a paragraph: kind is "text", "code", "link", "endlink" or "break"."""

    kind: str
    value: str = ""
    style: str = ""


class InlineParser:
    """Parses the inline content of block tokens, within one file's budget."""

    def __init__(self, report: Report, text: str):
        self.report = report
        self.spent = 0
        self.exhausted = False
        # most files are far under budget as a whole: then no block needs counting
        self.counting = markup_cost(text) > MARKUP_BUDGET

    def pieces(self, content: str, line: int) -> list[Piece] | None:
        """None when the budget is spent (reported once per file)."""
        if self.counting:
            self.spent += markup_cost(content)
        if self.spent > MARKUP_BUDGET:
            if not self.exhausted:
                self.report.error(
                    line, "structure",
                    f"too much markup: over {MARKUP_BUDGET} bracket, star and similar characters "
                    "in one file; the rest of the file is not read",
                )
                self.exhausted = True
            return None
        children: list[Token] = []
        _MD.inline.parse(content, _MD, {}, children)
        return _to_pieces(children)


def markup_cost(text: str) -> int:
    return sum(text.count(c) for c in MARKUP_CHARS)


def _to_pieces(children: list[Token]) -> list[Piece]:
    pieces: list[Piece] = []
    styles: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "text_special", "html_inline"):
            pieces.append(Piece("text", child.content, styles[-1] if styles else ""))
        elif kind == "softbreak":
            pieces.append(Piece("text", " ", styles[-1] if styles else ""))
        elif kind == "hardbreak":
            pieces.append(Piece("break", "\n"))
        elif kind == "code_inline":
            pieces.append(Piece("code", child.content))
        elif kind in ("em_open", "strong_open"):
            styles.append(kind[:-5] if kind == "strong_open" else "em")
        elif kind in ("em_close", "strong_close"):
            if styles:
                styles.pop()
        elif kind == "link_open":
            pieces.append(Piece("link", str(child.attrs.get("href", ""))))
        elif kind == "link_close":
            pieces.append(Piece("endlink"))
        elif kind == "image":
            pieces.append(Piece("text", child.content, styles[-1] if styles else ""))
    return pieces


def to_rich(pieces: list[Piece]) -> Rich:
    """Displayable spans; adjacent text of one style is merged, edges trimmed."""
    spans: list[Span] = []
    for piece in pieces:
        if piece.kind == "code":
            text, style = piece.value, "code"
        elif piece.kind in ("text", "break"):
            text, style = piece.value, piece.style
        else:
            continue
        if spans and spans[-1].style == style:
            spans[-1] = Span(spans[-1].text + text, style)
        elif text:
            spans.append(Span(text, style))
    if spans:
        spans[0] = Span(spans[0].text.lstrip(), spans[0].style)
        spans[-1] = Span(spans[-1].text.rstrip(), spans[-1].style)
    return tuple(s for s in spans if s.text)


def plain_text(pieces: list[Piece]) -> str:
    return "".join(p.value for p in pieces if p.kind in ("text", "code", "break"))
