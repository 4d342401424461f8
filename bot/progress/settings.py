"""A profile's settings as typed values, stored as text in the settings table."""

import sqlite3
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..i18n import LANGUAGES
from ..locations import UnusableFolder
from .db import CannotOpen, Unusable
from .reading import OlderDatabase
from .store import Store

THEMES = ("textual-dark", "textual-light", "rehearse-contrast")


@dataclass(frozen=True)
class Settings:
    typing: bool = True  # a short pause before each line of the loved one
    own_words: bool = False  # type your own words before the options appear
    offer_own_words: bool = False  # a learner new through the welcome is offered own words once, then never
    theme: str = THEMES[0]
    language: str | None = None  # "en" or "es"; None follows the locale (chosen on the welcome)

    @classmethod
    def load(cls, store: Store, profile_id: int) -> "Settings":
        saved = store.settings(profile_id)
        values = {}
        for field in fields(cls):
            if field.name in saved:
                raw = saved[field.name]
                values[field.name] = raw == "on" if field.type in (bool, "bool") else raw
        settings = cls(**values)
        if settings.theme not in THEMES:
            settings = replace(settings, theme=THEMES[0])
        return settings if settings.language in LANGUAGES else replace(settings, language=None)

    def save(self, store: Store, profile_id: int, **changes) -> "Settings":
        updated = replace(self, **changes)
        for name, value in changes.items():
            store.set_setting(profile_id, name, _stored(value))
        return updated


def saved_language(path: Path) -> str | None:
    """The language the profile in use chose, read without creating or changing
    anything (commands start before any store is open). None when there is no choice,
    or the file cannot be read: a preference is never a reason to stop a command."""
    if not path.is_file():
        return None
    try:
        store = Store.read_only(path)
    except (CannotOpen, Unusable, OlderDatabase, UnusableFolder, OSError):
        return None
    try:
        profile = store.profile()
        return Settings.load(store, profile.id).language if profile else None
    except sqlite3.Error:
        return None
    finally:
        store.close()


def _stored(value) -> str:
    """Settings are text in the table: booleans are on/off, None (follow the default) is empty."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return "" if value is None else str(value)
