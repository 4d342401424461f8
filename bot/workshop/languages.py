"""Which language a phone reads, and building something in it. The
projector, the facilitator's page, the guide and the record use the
workshop's language (the process language, `--lang`); each phone follows
its own browser (Accept-Language) or the switch on its page, so a room
can vote in English and Spanish at once."""

from collections.abc import Iterator
from contextlib import contextmanager

from ..i18n import LANGUAGES, language, normalise, use_language


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Everything built inside is in `lang`; the workshop's language comes
    back after. Only around synchronous building (no await inside), so the
    projector, on the same event loop, never sees the phone's language."""
    before = language()
    use_language(lang)
    try:
        yield
    finally:
        use_language(before)


def chosen(raw: str | None) -> str | None:
    """A language the page's switch or cookie names exactly ("en", "es"), or None."""
    return raw if raw in LANGUAGES else None


def accepted(header: str | None) -> str | None:
    """The language of ours an Accept-Language header prefers most (by its
    q weights; the first listed of equal ones), or None when it names neither."""
    best, best_weight = None, 0.0
    for part in (header or "").split(",")[:32]:
        tag, _, params = part.partition(";")
        weight = 1.0
        params = params.strip().replace(" ", "")
        if params.startswith("q="):
            try:
                weight = float(params[2:])
            except ValueError:
                weight = 0.0
        lang = normalise(tag.strip())
        if lang is not None and weight > best_weight:
            best, best_weight = lang, weight
    return best
