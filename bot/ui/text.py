"""Turning content into Textual `Content` without ever reading it as markup:
control characters and bidi overrides are removed first (Textual and Rich
pass ESC and OSC sequences through), and styles come only from the model's
span kinds, never from the text."""

from string import Formatter

from textual.content import Content

from ..content.model import Rich
from ..i18n import _
from ..text import clean, clean_line

SPAN_STYLES = {"": "", "em": "italic", "strong": "bold", "code": "reverse"}


def text(value: str, style: str = "") -> Content:
    """A block of text (newlines kept)."""
    content = Content(clean(value))
    return content.stylize(style) if style else content


def line(value: str, style: str = "") -> Content:
    """A one-line field: newlines and tabs become spaces."""
    content = Content(clean_line(value))
    return content.stylize(style) if style else content


def rich(spans: Rich, style: str = "") -> Content:
    """Styled runs from the model (emphasis, strong, code) as Content."""
    content = Content.assemble(*((clean(span.text), SPAN_STYLES.get(span.style, "")) for span in spans))
    return content.stylize(style) if style else content


def paragraphs(parts, style: str = "") -> Content:
    """Several Rich paragraphs separated by blank lines."""
    return Content("\n\n").join(rich(p, style) for p in parts)


def join(*parts: Content | str | tuple[str, str]) -> Content:
    """Our own labels next to content: plain strings are cleaned too."""
    return Content.assemble(*(_cleaned(part) for part in parts))


def _cleaned(part):
    if isinstance(part, str):
        return clean(part)
    if isinstance(part, tuple):
        return clean(part[0]), part[1]
    return part


def safety_note(note, emergency: str) -> Content:
    """A `[!SAFETY]` callout followed by the reader's own emergency number (`help.emergency_call`)."""
    return join((_("Safety:") + " ", "bold"), paragraphs(note.paragraphs), "\n", (emergency, "bold"))


def prose(blocks, lead: bool = False) -> Content:
    """Briefing or welcome blocks as plain paragraphs; with `lead`, a short
    first line that is not a sentence (a heading) is shown in bold. A
    facilitator note is not for the learner and is left out."""
    from ..content.model import Note

    parts = [rich(b.text) if not isinstance(b, Note) else paragraphs(b.paragraphs)
             for b in blocks if not (isinstance(b, Note) and b.kind == "facilitator")]
    if lead and parts and len(parts[0].plain) <= 40 and not parts[0].plain.rstrip().endswith((".", "?", "!")):
        parts[0] = parts[0].stylize("bold")
    return Content("\n\n").join(parts)


def saved_at(path) -> str:
    """Where a file was saved, for a toast: its name, then its folder on a
    line of its own with the home folder as ~. A toast is narrow, and a whole
    path wraps mid-word where nobody can read it."""
    from pathlib import Path

    folder, home = Path(path).parent, Path.home()
    shown = f"~/{folder.relative_to(home)}" if folder.is_relative_to(home) else str(folder)
    return clean(Path(path).name + "\n" + _("in the folder {folder}").format(folder=shown))


def fill(template: str, **parts: Content | str | tuple[str, str]) -> Content:
    """A translated sentence whose {name} places hold content with its own style:
    the translation decides the word order, so a bold title can move."""
    pieces = []
    for literal, name, _spec, _conversion in Formatter().parse(template):
        if literal:
            pieces.append(clean(literal))
        if name is not None:
            pieces.append(_cleaned(parts[name]))
    return Content.assemble(*pieces)
