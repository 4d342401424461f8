"""A tiny printable document (headings, paragraphs, quotes, lists, tables)
written as Markdown or as one self-contained HTML page, so the guide is
built once and printed either way. All text is plain: HTML is escaped,
control characters are dropped."""

import html

from ..text import clean, clean_line

PRINT_CSS = """
body { font-family: Georgia, "Times New Roman", serif; font-size: 12pt; line-height: 1.4; color: #000;
       max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; } h2 { font-size: 16pt; border-bottom: 1px solid #000; margin-top: 1.6em; }
h3 { font-size: 13pt; margin-top: 1.2em; } h4 { font-size: 12pt; margin: 1em 0 0.3em; }
blockquote { border-left: 3px solid #000; margin: 0.6em 0; padding: 0.1em 0.8em; }
table { border-collapse: collapse; margin: 0.6em 0; } th, td { border: 1px solid #000; padding: 0.2em 0.5em;
  text-align: left; vertical-align: top; }
li { margin: 0.2em 0; }
@media print { h2 { break-before: auto; } h2, h3, h4 { break-after: avoid; } table, blockquote { break-inside: avoid; } }
"""


class Doc:
    def __init__(self):
        self.parts: list[tuple] = []

    def heading(self, level: int, text: str) -> None:
        self.parts.append(("heading", level, clean_line(text)))

    def para(self, text: str) -> None:
        if text.strip():
            self.parts.append(("para", clean(text).strip()))

    def quote(self, text: str, label: str = "") -> None:
        self.parts.append(("quote", clean_line(label), clean(text).strip()))

    def items(self, entries: list[str], numbered: bool = False) -> None:
        if entries:
            self.parts.append(("list", numbered, [clean(e).strip() for e in entries]))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.parts.append(("table", [clean_line(h) for h in header], [[clean_line(c) for c in r] for r in rows]))

    # -- writing --------------------------------------------------------------
    def markdown(self) -> str:
        out = []
        for part in self.parts:
            kind = part[0]
            if kind == "heading":
                out.append(f"{'#' * part[1]} {part[2]}")
            elif kind == "para":
                out.append(part[1])
            elif kind == "quote":
                label = f"**{part[1]}** " if part[1] else ""
                out.append("\n>\n".join(f"> {label if i == 0 else ''}{p}" for i, p in enumerate(part[2].split("\n\n"))))
            elif kind == "list":
                out.append("\n".join(f"{f'{n}.' if part[1] else '-'} {e.replace(chr(10), chr(10) + '   ')}"
                                     for n, e in enumerate(part[2], 1)))
            elif kind == "table":
                header, rows = part[1], part[2]
                cells = [header, ["---"] * len(header)] + rows
                out.append("\n".join("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells))
        return "\n\n".join(out) + "\n"

    def html(self, title: str, lang: str = "en") -> str:
        e = html.escape
        out = ["<!doctype html>", f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
               f"<title>{e(clean_line(title))}</title>", f"<style>{PRINT_CSS}</style></head><body>"]
        for part in self.parts:
            kind = part[0]
            if kind == "heading":
                out.append(f"<h{part[1]}>{e(part[2])}</h{part[1]}>")
            elif kind == "para":
                out.append(f"<p>{_lines(part[1])}</p>")
            elif kind == "quote":
                label = f"<strong>{e(part[1])}</strong> " if part[1] else ""
                paragraphs = part[2].split("\n\n")
                out.append("<blockquote>" + "".join(f"<p>{label if i == 0 else ''}{_lines(p)}</p>"
                                                    for i, p in enumerate(paragraphs)) + "</blockquote>")
            elif kind == "list":
                tag = "ol" if part[1] else "ul"
                out.append(f"<{tag}>" + "".join(f"<li>{_lines(i)}</li>" for i in part[2]) + f"</{tag}>")
            elif kind == "table":
                head = "".join(f"<th>{e(h)}</th>" for h in part[1])
                body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in part[2])
                out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        out.append("</body></html>")
        return "\n".join(out) + "\n"


def _lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))
