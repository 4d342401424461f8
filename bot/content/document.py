"""One content file as front matter plus top-level Markdown blocks, with the
file line of each; shared by the scenario, course and source parsers."""

from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.token import Token

from .diagnostics import Report
from .frontmatter import FrontMatter, FrontMatterError, parse_front_matter
from .markdown import InlineParser, block_tokens
from .reader import read_text


@dataclass
class Block:
    """A top-level block: kind is "heading", "paragraph", "blockquote", "list" or "other"."""

    kind: str
    line: int
    token: Token  # the opening token
    inner: list[Token] = field(default_factory=list)  # tokens between open and close

    @property
    def heading_level(self) -> int:
        return int(self.token.tag[1:]) if self.kind == "heading" else 0


@dataclass
class Document:
    front: FrontMatter | None
    blocks: list[Block]
    inline: InlineParser


def load_document(path: Path, report: Report) -> Document | None:
    """Read and tokenize; None when the file could not be read at all."""
    text = read_text(path, report)
    if text is None:
        return None
    tokens = block_tokens(text)
    front = None
    if tokens and tokens[0].type == "front_matter":
        first_line = tokens[0].map[0] + 2 if tokens[0].map else 2
        try:
            front = parse_front_matter(tokens[0].content, first_line)
        except FrontMatterError as err:
            report.error(err.line, "front-matter", str(err))
        tokens = tokens[1:]
    else:
        report.error(1, "front-matter", "missing front matter: the file must start with a `---` line")
    return Document(front, list(_top_level_blocks(tokens)), InlineParser(report, text))


_KINDS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "blockquote_open": "blockquote",
    "bullet_list_open": "list",
}


def _top_level_blocks(tokens: list[Token]):
    i = 0
    while i < len(tokens):
        token = tokens[i]
        line = token.map[0] + 1 if token.map else 1
        if token.nesting == 1:
            depth, j = 1, i + 1
            while j < len(tokens) and depth:
                depth += tokens[j].nesting
                j += 1
            yield Block(_KINDS.get(token.type, "other"), line, token, tokens[i + 1 : j - 1])
            i = j
        else:
            if token.type != "hr":
                yield Block("other", line, token)
            i += 1


def item_blocks(tokens: list[Token]) -> list[Block]:
    """The blocks directly inside a list item or a blockquote."""
    return list(_top_level_blocks(tokens))


def block_inline(block: Block) -> Token | None:
    """The inline token of a heading or paragraph block."""
    for token in block.inner:
        if token.type == "inline":
            return token
    return None


def describe(token: Token) -> str:
    names = {
        "ordered_list_open": "a numbered list",
        "fence": "a code block",
        "code_block": "a code block",
        "html_block": "raw HTML",
    }
    return names.get(token.type, token.type.replace("_open", "").replace("_", " "))
