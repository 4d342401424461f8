"""Help lines and what to do in an emergency, from the data file the
project ships (bot/helplines.json). Loaded without any UI, so the app,
plain mode and the tests read the same numbers."""

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("helplines.json")


# What a help line is for, most urgent first (the order help screens list them in).
TOPICS = ("crisis", "domestic-abuse", "children", "overdose", "poison", "medical", "drugs")


@dataclass(frozen=True)
class Line:
    name: str
    contact: str
    about: str
    hours: str
    source: str
    topics: tuple[str, ...] = ()  # what the line is for, from TOPICS, so every region can be checked for each
    checked: str = ""  # when and against which published page the number was last checked


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    emergency: str
    lines: tuple[Line, ...]

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

    def region(self, region_id: str | None) -> Region:
        """The chosen region, or the neutral fallback for anything unknown."""
        by_id = {r.id: r for r in self.regions}
        return by_id.get(region_id or "", by_id[self.default_region])


@lru_cache(maxsize=4)
def load(path: Path = DATA_FILE) -> Helplines:
    data = json.loads(path.read_text(encoding="utf-8"))
    regions = tuple(
        Region(r["id"], r["name"], r["emergency"], tuple(Line(**{**line, "topics": tuple(line["topics"])}) for line in r["lines"]))
        for r in data["regions"]
    )
    return Helplines(data["checked"], tuple(data["danger_steps"]), regions, data["default_region"])


def emergency_call(region: Region) -> str:
    """What every `[!SAFETY]` callout ends with, in every view: content never
    hard-codes 911 or 999, so the learner sees their own region's number."""
    return f"In an emergency, call {region.emergency}."


def safety_text(note_text: str, region: Region) -> str:
    """A `[!SAFETY]` callout's words followed by the learner's emergency number."""
    return f"{note_text}\n\n{emergency_call(region)}"


def as_text(region: Region, helplines: Helplines) -> list[str]:
    """The help screen as plain lines, for plain mode and screen readers."""
    lines = [f"IF ANYONE IS IN DANGER NOW: call {region.emergency}."]
    lines += [f"  {step}" for step in helplines.danger_steps]
    lines.append(f"Help lines ({region.name}):")
    for line in region.by_urgency():
        lines.append(f"  {line.name}: {line.contact}. {line.about} ({line.hours})")
    lines.append("This app is practice, not medical advice and not a crisis service.")
    return lines


def guess_region(environ=None) -> str:
    """A first guess from the locale (en_GB -> UK); the learner can change it."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if "_" in value:
            territory = value.split("_", 1)[1][:2].upper()
            return {"GB": "UK"}.get(territory, territory)
    return ""
