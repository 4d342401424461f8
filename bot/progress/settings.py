"""A profile's settings as typed values, stored as text in the settings table."""

from dataclasses import dataclass, fields, replace

from .store import Store

THEMES = ("textual-dark", "textual-light", "rehearse-contrast")


@dataclass(frozen=True)
class Settings:
    typing: bool = True  # a short pause before each line of the loved one
    own_words: bool = False  # type your own words before the options appear
    offer_own_words: bool = False  # a learner new through the welcome is offered own words once, then never
    theme: str = THEMES[0]

    @classmethod
    def load(cls, store: Store, profile_id: int) -> "Settings":
        saved = store.settings(profile_id)
        values = {}
        for field in fields(cls):
            if field.name in saved:
                raw = saved[field.name]
                values[field.name] = raw == "on" if field.type in (bool, "bool") else raw
        settings = cls(**values)
        return settings if settings.theme in THEMES else replace(settings, theme=THEMES[0])

    def save(self, store: Store, profile_id: int, **changes) -> "Settings":
        updated = replace(self, **changes)
        for name, value in changes.items():
            store.set_setting(profile_id, name, ("on" if value else "off") if isinstance(value, bool) else str(value))
        return updated
