"""Pages meant to be printed or shared: one self-contained HTML file (no
scripts, no fonts or images from the network), and Markdown whose every
piece of learner or content text is escaped, never read as markup."""

import html
import re

from ..i18n import language
from ..text import clean, clean_line

PRINT_CSS = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
p, ul { margin: .3rem 0 .6rem; }
.muted { color: #555; }
.done { color: #1a6b2f; font-weight: 600; }
.box { border: 1px solid #bbb; border-radius: 6px; padding: .6rem .9rem; margin: .6rem 0; break-inside: avoid; }
.danger { border: 2px solid #a4161a; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; table-layout: fixed; }
.progress th:nth-child(1) { width: 38%; }
.progress th:nth-child(2) { width: 18%; }
.progress th:nth-child(3) { width: 12%; }
th, td { text-align: left; padding: .25rem .4rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th { font-weight: 600; }
.skill { display: flex; gap: 1rem; align-items: center; break-inside: avoid; margin: .4rem 0; }
.skill svg { flex: none; }
.entry { break-inside: avoid; }
footer { margin-top: 2rem; font-size: .85rem; color: #555; }
@page { margin: 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def esc(text: str) -> str:
    """Content or learner text for HTML: cleaned, then escaped."""
    return html.escape(clean(text), quote=True)


def page(title: str, body: str) -> str:
    return (f"<!doctype html>\n<html lang=\"{language()}\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            "img-src data:\">\n"
            f"<title>{esc(clean_line(title))}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n"
            "</html>\n")


def heading(level: int, text: str) -> str:
    """<h1>…</h1> to <h3>, its text escaped."""
    return f"<h{level}>{esc(text)}</h{level}>"


def paragraph(text: str) -> str:
    return f"<p>{esc(text)}</p>"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(\s*\d*)([#=+-]|(?<=\d)[.)])")


def md(text: str) -> str:
    """Text for Markdown: cleaned, one line, every markup character escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", clean_line(text))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def md_block(text: str) -> str:
    """Several paragraphs for Markdown, each escaped."""
    return "\n\n".join(md(part) for part in clean(text).split("\n\n") if part.strip())
