"""Heading slugs made the way GitHub makes anchors, so links that work in a
Git host's preview of a scenario work in the engine too."""

import unicodedata

_KEPT_CATEGORIES = ("L", "M", "Nd", "Nl", "Pc")


def _kept(char: str) -> bool:
    if char in "- ":
        return True
    category = unicodedata.category(char)
    return category[0] in "LM" or category in _KEPT_CATEGORIES


def slugify(text: str) -> str:
    """`## Café — now?` -> `café--now`."""
    kept = "".join(c for c in text.lower() if _kept(c))
    return kept.replace(" ", "-")
