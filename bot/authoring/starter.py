"""`rehearse new MODULE/ID`: the text of a small, well-formed scenario that
passes `check` against the library's own course and sources, and shows each
part of the format once (briefing, speaker lines, coach notes with
citations, choice feedback, skill changes, an `if` choice, three endings)."""

import json
import re

import yaml

from ..content.model import Course

LOVED_ONE = "Sam"


def yaml_text(value: str) -> str:
    """value as a YAML scalar that reads back as this same text: plain when
    it does, else quoted (`yes`, `null` or `2024` alone would read as a
    yes/no, nothing or a number)."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.()-]*", value) and yaml.safe_load(value) == value:
        return value
    return json.dumps(value, ensure_ascii=False)


def default_title(scenario_id: str) -> str:
    """`car-keys` -> "Car keys"; an id of dashes only is its own title, never a blank one."""
    return " ".join(scenario_id.replace("-", " ").split()).capitalize() or scenario_id


def _skills(course: Course | None) -> tuple[str | None, str | None]:
    """A skill whose good direction is up, and one whose good direction is down."""
    skills = course.skills.values() if course else []
    up = next((s.id for s in skills if s.good == "up"), None)
    down = next((s.id for s in skills if s.good == "down"), None)
    return up, down


def starter_text(scenario_id: str, module: str, title: str, course: Course | None, sources: dict,
                 order: int) -> str:
    up, down = _skills(course)
    source = next(iter(sources.values()), None)
    section = next(iter(source.sections), None) if source else None
    cite = f" `source: {source.id}#{section}`" if section else ""

    def move(skill: str | None, sign: str) -> str:
        return f" `{skill} {sign}1`" if skill else ""

    helpful, heated = move(up, "+"), move(up, "-")
    tempting = move(down, "+") if down else heated
    listed = [s for s in (up, down) if s]
    lines = [
        "---",
        f"title: {yaml_text(title)}",
        f"module: {yaml_text(module)}",
        f"id: {yaml_text(scenario_id)}",
        f"persona: {LOVED_ONE}, your 30-year-old brother",
        "learner: sibling",
        "setting: A weekday evening at home. Say in one or two sentences what just happened.",
        "minutes: 5",
        f"order: {order}",
        *([f"skills: [{', '.join(listed)}]"] if listed else []),
        "---",
        "",
        f"# {title}",
        "",
        f"Write the briefing here: who {LOVED_ONE} is, what has happened lately, and",
        "why tonight matters. The learner reads it before the dialogue starts.",
        "",
        "## Opening",
        "",
        "*A stage direction in italics: what the learner sees and hears.*",
        "",
        f"**{LOVED_ONE}:** The first thing {LOVED_ONE} says. Give them a reason for tonight.",
        "",
        f"> A coach note: what this moment asks of the learner, and the source it rests on.{cite}",
        "",
        f"- [A kind reply the source recommends.](#listening){helpful}",
        f"  > Feedback on this choice: what it likely did, and why.{cite}",
        f"- [A tempting reply that gives in, out of love.](#gave-in){tempting}",
        f"  > Why it tempts, and what it costs.{cite}",
        f"- [A reply that raises the heat.](#pushback){heated}",
        f"  > Warm, never shaming: what might work better.{cite}",
        "",
        "## Listening",
        "",
        f"**{LOVED_ONE}:** How {LOVED_ONE} answers a calm, kind reply.",
        "",
        f"- [Hold the same kind line.](#held-steady){helpful}",
        f"  > Saying the same calm thing again is how a line holds.{cite}",
        f"- [Back down to end the tension.](#gave-in){tempting}",
        f"  > Ending the tension feels like relief; say what it teaches.{cite}",
    ]
    if up:
        lines += [
            f"- [Ask one gentle question: offered only after a calm start.](#held-steady) `if {up} >= 1`",
            f"  > A choice with an if directive is offered only when its condition holds.{cite}",
        ]
    lines += [
        "",
        "## Pushback",
        "",
        f"**{LOVED_ONE}:** How {LOVED_ONE} answers heat.",
        "",
        f"- [Say sorry for the tone, and keep the line.](#listening){helpful}",
        f"  > Owning your tone while keeping the line is a repair.{cite}",
        "- [Walk away.](#walked-away)",
        f"  > Stepping away is sometimes wise; say what was left unsaid.{cite}",
        "",
        "## Held steady",
        "",
        "*What happens when the learner holds a kind, clear line.*",
        "",
        "`end: success`",
        "",
        f"> What went well, and why.{cite}",
        "",
        "## Gave in",
        "",
        "`end: setback`",
        "",
        f"> A setback's note says what to try next time.{cite}",
        "",
        "## Walked away",
        "",
        "`end: partial`",
        "",
        f"> What held, and what to try next time.{cite}",
        "",
    ]
    return "\n".join(lines)
