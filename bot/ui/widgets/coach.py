"""The coach panel: what the coach says about what you just chose, where
that advice comes from, and skill meters that show which way is good.

On a narrow screen the panel sits between the chat and the options, so it
folds to two lines (the coach's note and the skills, each cut to one line)
and opens in full on a key: the conversation keeps the room."""

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...content.model import Citation, Note, Skill
from ...i18n import N_, _
from ...wording import arrow, citation_label, direction, signed
from ..text import join, line, paragraphs

BAR_HALF = 5  # cells each side of zero
FIRST_HINT = N_("Choose what you would say. The coach says what it may do, and why.")  # one line at 80x24
OPEN_KEY = "c"


class CoachPanel(VerticalScroll):
    def __init__(self, sources: dict, **kwargs):
        super().__init__(**kwargs)
        self.sources = sources
        self.citations: list[Citation] = []
        self.source_labels: list[str] = []
        self.source_key, self.open_key = "s", OPEN_KEY  # as named on screen; see name_keys

    def compose(self) -> ComposeResult:
        with Horizontal(id="coach-brief"):
            yield Static(id="coach-line")
            yield Static(id="coach-more")
        yield Static(id="coach-says")
        yield Static(id="coach-source")
        yield SkillMeters(id="coach-skills")
        yield Static(id="coach-skills-line")

    def show(self, feedback: Note | None, notes: list[Note], first: bool = False) -> None:
        """Feedback on your last choice first, then notes about where you are now.
        With nothing to say at the `first` step, a word on what the coach is for
        (once: after that, the room goes to the conversation)."""
        parts: list[Content] = []
        if feedback is not None:
            parts.append(join((_("Coach:") + " ", "bold"), paragraphs(feedback.paragraphs)))
        for note in notes:
            heading = _("To think about:") + " " if note.kind == "discuss" else ""
            parts.append(join((heading, "italic"), paragraphs(note.paragraphs)))
        if not parts and first:
            parts.append(Content(_(FIRST_HINT)))
        says = Content("\n\n").join(parts)
        update_if_changed(self.query_one("#coach-says", Static), says)
        folded = Content(" ").join(p for p in says.split("\n") if p.plain)
        update_if_changed(self.query_one("#coach-line", Static), folded)
        self.set_class(not parts, "-quiet")
        self.citations = [c for note in ([feedback] if feedback else []) + notes for c in note.citations]
        self.source_labels = list(dict.fromkeys(section_title(self.sources, c) for c in self.citations))
        self.show_source()
        self.show_open_key()
        self.scroll_home(animate=False)

    def toggle_open(self) -> None:
        """The folded coach line opens in full, or folds again."""
        self.toggle_class("-open")
        self.show_open_key()

    def show_open_key(self) -> None:
        """"c more" only when the folded lines hide something: a note or skills cut
        short, or a source (shown only in full); "c show less" whenever it is open."""
        is_open = self.has_class("-open")
        more = self.query_one("#coach-more", Static)
        more.display = is_open or self.more_to_read()
        update_if_changed(more, open_key(self.open_key, is_open))

    def more_to_read(self) -> bool:
        width = self.content_size.width
        folded = (self.query_one("#coach-line", Static), self.query_one("#coach-skills-line", Static))
        return bool(self.source_labels) or any(shown.visual.plain and shown.visual.cell_length > width
                                                for shown in folded)

    def on_mount(self) -> None:
        self.show_open_key()

    def on_resize(self) -> None:
        self.show_open_key()

    def name_keys(self, source: str, more: str) -> None:
        """Name the keys that open the source and the full coach right now: while
        the learner types their own words, s and c would type letters, so the
        screen offers other keys and the panel must say those."""
        if (source, more) != (self.source_key, self.open_key):
            self.source_key, self.open_key = source, more
            self.show_source()
            self.show_open_key()

    def show_source(self) -> None:
        labels = self.source_labels
        source = (join((_("Source:") + " ", "bold"), line("; ".join(labels)),
                       ("  " + _("(press {key} to read it)").format(key=self.source_key), "italic"))
                  if labels else Content(""))
        update_if_changed(self.query_one("#coach-source", Static), source)

    def show_skills(self, scores: dict, skills: dict) -> None:
        self.query_one(SkillMeters).show(scores, skills)
        update_if_changed(self.query_one("#coach-skills-line", Static), skill_line(scores, skills))
        self.show_open_key()


class SkillMeters(Static):
    """One meter per skill: a bar around zero, the score, and an arrow for the good way."""

    def show(self, scores: dict, skills: dict) -> None:
        rows = [Content.assemble((_("Skills"), "bold"), ("  " + _("(arrows show the good way)"), "italic"))]
        for skill_id, score in scores.items():
            skill = skills.get(skill_id) or Skill(skill_id, skill_id, "up")
            rows.append(meter(skill, score))
        update_if_changed(self, Content("\n").join(rows))


def open_key(key: str, is_open: bool) -> Content:
    """"c more" on a folded panel, "c show less" on an open one (the coach's and the words panel's)."""
    return Content.assemble((key, "bold"), " " + (_("show less") if is_open else _("more")))


def update_if_changed(static: Static, content: Content) -> None:
    """Update only what changed: each update lays out and paints the widget again,
    and most of the coach (the skills, the keys) stays the same from step to step."""
    if not (isinstance(static.visual, Content) and static.visual.is_same(content)):
        static.update(content)


def skill_line(scores: dict, skills: dict) -> Content:
    """All the meters in one line, for narrow screens. No arrows: "+1↓" reads as
    "went up, now going down"; a skill where lower is better says so in words."""
    parts = [Content(_("Skills:") + " ").stylize("bold")]
    for n, (skill_id, score) in enumerate(scores.items()):
        skill = skills.get(skill_id) or Skill(skill_id, skill_id, "up")
        lower = " (" + direction("down") + ")" if skill.good == "down" else ""  # higher is what people expect
        parts.append(join(" · " if n else "", line(skill.label), " ", (signed(score), f"bold {tone(skill, score)}"),
                          (lower, "italic")))
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
