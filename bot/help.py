"""Help lines and what to do in an emergency, from the data file the
project ships (bot/helplines.json). Loaded without any UI, so the app,
plain mode and the tests read the same numbers."""

import json
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .i18n import N_, _, language, translations

DATA_FILE = Path(__file__).with_name("helplines.json")


# What a help line is for, most urgent first (the order help screens list them in).
TOPICS = ("crisis", "domestic-abuse", "children", "overdose", "poison", "medical", "drugs")

# The languages the file gives every line in. English is the original; each
# other language is a block under its code ("es": {...}) with the same fields.
LANGUAGES = ("en", "es")
LINE_TEXT = ("name", "contact", "about", "hours")
REGION_TEXT = ("name", "emergency")
NALOXONE_TEXT = ("text",)


def texts(entry: dict, fields: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """The entry's words in every language, English from its own fields."""
    return {lang: {key: (entry if lang == "en" else entry[lang])[key] for key in fields} for lang in LANGUAGES}


@dataclass(frozen=True)
class Line:
    name: str
    contact: str
    about: str
    hours: str
    source: str
    topics: tuple[str, ...] = ()  # what the line is for, from TOPICS, so every region can be checked for each
    checked: str = ""  # when and against which published page the number was last checked
    words: dict = field(default_factory=dict, compare=False, repr=False)  # LINE_TEXT in each of LANGUAGES

    def in_language(self, lang: str) -> "Line":
        """The same line with its name, contact, about and hours in `lang`."""
        return replace(self, **self.words[lang]) if self.words else self


@dataclass(frozen=True)
class Naloxone:
    """Where and how a family in the region can get naloxone, which the course
    tells them to keep: it differs from place to place (over the counter, free
    kits, drug services only), so each region says it in its own words."""
    text: str
    source: str
    checked: str  # when and against which published page, as for the lines
    words: dict = field(default_factory=dict, compare=False, repr=False)  # NALOXONE_TEXT in each of LANGUAGES

    def in_language(self, lang: str) -> "Naloxone":
        return replace(self, **self.words[lang]) if self.words else self


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    emergency: str
    lines: tuple[Line, ...]
    words: dict = field(default_factory=dict, compare=False, repr=False)  # REGION_TEXT in each of LANGUAGES
    naloxone: Naloxone | None = None  # None where no official page could confirm it

    def in_language(self, lang: str) -> "Region":
        """The region with its name, emergency number, every line and its naloxone note in `lang`."""
        if not self.words:
            return self
        naloxone = self.naloxone.in_language(lang) if self.naloxone else None
        return replace(self, **self.words[lang], lines=tuple(line.in_language(lang) for line in self.lines),
                       naloxone=naloxone)

    def by_urgency(self) -> tuple[Line, ...]:
        """Crisis lines first, then abuse and children's lines, then the rest,
        so the most urgent numbers are the ones a small screen shows."""
        def rank(line: Line) -> int:
            return min((TOPICS.index(t) for t in line.topics if t in TOPICS), default=len(TOPICS))
        return tuple(sorted(self.lines, key=rank))


@dataclass(frozen=True)
class Helplines:
    checked: str
    danger_steps: tuple[str, ...]
    regions: tuple[Region, ...]
    default_region: str
    steps: dict = field(default_factory=dict, compare=False, repr=False)  # danger_steps in each of LANGUAGES

    def in_language(self, lang: str) -> "Helplines":
        """Everything in `lang` ("en" or "es"): what the help screen shows a learner who reads it."""
        return replace(self, danger_steps=self.steps[lang], regions=tuple(r.in_language(lang) for r in self.regions))

    def region(self, region_id: str | None) -> Region:
        """The chosen region, or the neutral fallback for anything unknown."""
        by_id = {r.id: r for r in self.regions}
        return by_id.get(region_id or "", by_id[self.default_region])


@lru_cache(maxsize=4)
def load(path: Path = DATA_FILE) -> Helplines:
    data = json.loads(path.read_text(encoding="utf-8"))
    regions = tuple(
        Region(r["id"], r["name"], r["emergency"], tuple(read_line(line) for line in r["lines"]), texts(r, REGION_TEXT),
               read_naloxone(r["naloxone"]) if "naloxone" in r else None)
        for r in data["regions"]
    )
    steps = {lang: tuple((data if lang == "en" else data[lang])["danger_steps"]) for lang in LANGUAGES}
    return Helplines(data["checked"], steps["en"], regions, data["default_region"], steps)


def read_line(line: dict) -> Line:
    english = {key: value for key, value in line.items() if key not in LANGUAGES}
    return Line(**{**english, "topics": tuple(line["topics"])}, words=texts(line, LINE_TEXT))


def read_naloxone(note: dict) -> Naloxone:
    return Naloxone(note["text"], note["source"], note["checked"], words=texts(note, NALOXONE_TEXT))


def emergency_call(region: Region, lang: str | None = None) -> str:
    """What every `[!SAFETY]` callout ends with, in every view: content never
    hard-codes 911 or 999, so the learner sees their own region's number, in
    `lang` (default: the interface's language, so plain mode, the card and the
    screens say it in the language around it). `lang` is explicit where a
    page is in another language than the process (a workshop's phones)."""
    lang = lang or language()
    say = translations(lang).gettext
    return _call(region.in_language(lang).emergency, say(N_("In an emergency, call {number}.")),
                 say(N_("In an emergency, call {service}.")))


def _call(emergency: str, for_number: str, for_service: str) -> str:
    """The sentence for a number ("llama al 911") or for words ("llama a tu
    número local de emergencias"): Spanish words them differently."""
    if emergency[:1].isdigit():
        return for_number.format(number=emergency)
    return for_service.format(service=emergency)


def safety_text(note_text: str, region: Region) -> str:
    """A `[!SAFETY]` callout's words followed by the learner's emergency number."""
    return f"{note_text}\n\n{emergency_call(region)}"


def as_text(region: Region, helplines: Helplines) -> list[str]:
    """The help screen as plain lines, for plain mode, screen readers and the
    workshop guide, in the language the rest of the text is in."""
    region, helplines = region.in_language(language()), helplines.in_language(language())
    lines = [_call(region.emergency, _("IF ANYONE IS IN DANGER NOW: call {number}."),
                   _("IF ANYONE IS IN DANGER NOW: call {service}."))]
    lines += [f"  {step}" for step in helplines.danger_steps]
    lines.append(_("Help lines ({region}):").format(region=region.name))
    for line in region.by_urgency():
        lines.append(f"  {line.name}: {line.contact}. {line.about} ({line.hours})")
    if region.naloxone:
        lines.append(region.naloxone.text)
    lines.append(_("This app is practice, not medical advice and not a crisis service."))
    return lines


def guess_region(environ=None) -> str:
    """A first guess from the locale (en_GB -> UK, es_ES -> ES, es_MX -> MX,
    es_US -> US); the learner can change it. The language is a separate
    choice: es_US gives the US lines, which in Spanish lead with their
    Spanish option (988: press 2, or text AYUDA)."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if "_" in value:
            territory = value.split("_", 1)[1][:2].upper()
            return {"GB": "UK"}.get(territory, territory)
    return ""
