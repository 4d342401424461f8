"""The interface in the learner's language (issue 14).

Strings are marked where they are shown: `_("...")` returns the current
language's text, or the English when there is no translation. The catalogues
are compiled gettext files, one per area, in bot/locale/<lang>/LC_MESSAGES/;
they are chained so each area's helper edits only its own file. Only the
standard library is used at run time (Babel builds the files; scripts/i18n).
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "es")
DEFAULT = "en"

_current = DEFAULT


def normalise(code: str | None) -> str | None:
    """'es', 'es_MX.UTF-8', 'ES-es' -> 'es'; 'en_GB' -> 'en'; anything else -> None."""
    if not code:
        return None
    base = code.strip().split(".")[0].replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else None


def from_locale(environ: Mapping[str, str]) -> str | None:
    """The language the locale asks for, read the way gettext reads it (the first of
    LC_ALL, LC_MESSAGES, LANG that is set), or None when it names neither of ours."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return normalise(value)
    return None


def resolve(flag: str | None, setting: str | None, environ: Mapping[str, str]) -> str:
    """`--lang` beats the setting, which beats the locale; anything else is English."""
    for choice in (normalise(flag), normalise(setting), from_locale(environ)):
        if choice:
            return choice
    return DEFAULT


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """Every area's catalogue for `lang`, chained; English (or a missing one) passes through.

    Public so a server answering several languages at once (the workshop's phones)
    can translate per request without touching the process language."""
    chain: gettext.NullTranslations = gettext.NullTranslations()
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    if lang == DEFAULT or not folder.is_dir():
        return chain
    for mo in sorted(folder.glob("*.mo"), reverse=True):
        with mo.open("rb") as handle:
            area = gettext.GNUTranslations(handle)
        area.add_fallback(chain)
        chain = area
    return chain


def use_language(lang: str | None) -> str:
    """Set the interface language for this process; returns the one in use."""
    global _current
    _current = normalise(lang) or DEFAULT
    return _current


def language() -> str:
    """The interface language in use: "en" or "es"."""
    return _current


def _(message: str) -> str:
    """`message` in the current language, or `message` itself."""
    return translations(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the current language."""
    return translations(_current).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (module-level constants:
    translate with _() where they are shown)."""
    return message
