"""Text from content files or users is text: before it reaches a terminal or
a screen, control characters and bidi overrides are removed."""

import unicodedata

_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _safe(char: str) -> bool:
    if char in "\n\t":
        return True
    if char in _BIDI_CONTROLS:
        return False
    return unicodedata.category(char) != "Cc"


def clean(text: str) -> str:
    """Drop C0/C1 controls (ESC included) and bidi overrides; keep newlines and tabs."""
    if text.isprintable():
        return text
    return "".join(c for c in text if _safe(c))


def clean_line(text: str) -> str:
    """Like clean, for one-line fields: newlines and tabs become spaces."""
    return " ".join(clean(text).split())
