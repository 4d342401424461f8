"""The coach panel: what the coach says about what you just chose, where
that advice comes from, and skill meters that show which way is good."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...content.model import Citation, Note, Skill
from ...wording import arrow, citation_label, direction, signed
from ..text import join, line, paragraphs

BAR_HALF = 5  # cells each side of zero


class CoachPanel(VerticalScroll):
    def __init__(self, sources: dict, **kwargs):
        super().__init__(**kwargs)
        self.sources = sources
        self.citations: list[Citation] = []

    def compose(self) -> ComposeResult:
        yield Static(id="coach-says")
        yield Static(id="coach-source")
        yield SkillMeters(id="coach-skills")
        yield Static(id="coach-skills-line")

    def show(self, feedback: Note | None, notes: list[Note]) -> None:
        """Feedback on your last choice first, then notes about where you are now."""
        parts: list[Content] = []
        if feedback is not None:
            parts.append(join(("Coach: ", "bold"), paragraphs(feedback.paragraphs)))
        for note in notes:
            heading = "To think about: " if note.kind == "discuss" else ""
            parts.append(join((heading, "italic"), paragraphs(note.paragraphs)))
        if not parts:
            parts.append(Content("Choose what you would say. The coach will tell you what it may do, and why."))
        self.query_one("#coach-says", Static).update(Content("\n\n").join(parts))
        self.citations = [c for note in ([feedback] if feedback else []) + notes for c in note.citations]
        labels = list(dict.fromkeys(section_title(self.sources, c) for c in self.citations))
        source = (join(("Source: ", "bold"), line("; ".join(labels)), ("  (press s to read it)", "italic"))
                  if labels else Content(""))
        self.query_one("#coach-source", Static).update(source)
        self.scroll_home(animate=False)

    def show_skills(self, scores: dict, skills: dict) -> None:
        self.query_one(SkillMeters).show(scores, skills)
        self.query_one("#coach-skills-line", Static).update(skill_line(scores, skills))


class SkillMeters(Static):
    """One meter per skill: a bar around zero, the score, and an arrow for the good way."""

    def show(self, scores: dict, skills: dict) -> None:
        rows = [Content.assemble(("Skills", "bold"), ("  (arrows show the good way)", "italic"))]
        for skill_id, score in scores.items():
            skill = skills.get(skill_id) or Skill(skill_id, skill_id, "up")
            rows.append(meter(skill, score))
        self.update(Content("\n").join(rows))


def skill_line(scores: dict, skills: dict) -> Content:
    """All the meters in a line or two, for narrow screens."""
    parts = [Content("Skills: ").stylize("bold")]
    for n, (skill_id, score) in enumerate(scores.items()):
        skill = skills.get(skill_id) or Skill(skill_id, skill_id, "up")
        parts.append(join(" · " if n else "", line(skill.label), " ",
                          (f"{signed(score)}{arrow(skill.good)}", f"bold {tone(skill, score)}")))
    return Content.assemble(*parts)


def tone(skill: Skill, score: int) -> str:
    """Green when the score has moved the good way, amber when the other way."""
    if not score:
        return "$text-muted"
    return "$success" if (score > 0) == (skill.good == "up") else "$warning"


def section_title(sources: dict, citation: Citation) -> str:
    source = sources.get(citation.source)
    section = source.sections.get(citation.section) if source else None
    return section.title if section else citation_label(sources, citation)


def meter(skill: Skill, score: int) -> Content:
    colour = tone(skill, score)
    filled = min(abs(score), BAR_HALF)
    left = "·" * (BAR_HALF - filled) + "█" * filled if score < 0 else "·" * BAR_HALF
    right = "█" * filled + "·" * (BAR_HALF - filled) if score > 0 else "·" * BAR_HALF
    return Content.assemble(
        (f"{arrow(skill.good)} ", "bold"), line(skill.label), "\n  ",
        (left, colour), "│", (right, colour), (f" {signed(score):>3}", "bold"), (f"  {direction(skill.good)}", "italic"),
    )
