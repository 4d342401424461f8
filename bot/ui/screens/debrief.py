"""The debrief: how it ended, the path step by step with what each choice
did (and what your own words did, where you typed them), the road not
taken, skills against your previous best, the endings found so far, and
what to do next."""

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ...content.model import Narration, Note
from ...debrief import SkillReview, StepReview, endings_found, review_skills, review_steps
from ...help import emergency_call
from ...i18n import N_, _
from ...learning.own_words import what_words_do
from ...locations import UnusableFolder, save_export
from ...progress.tracked import TrackedPlay
from ...wording import against_best, arrow, could_end, direction, ending_kind, outcome_title, signed
from .. import flow
from ..hanging import Hanging
from ..text import join, line, paragraphs, rich, safety_note, saved_at
from ..widgets.reflection import AfterDebrief
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from .dialogs import StepPicker


def skills_heading() -> Content:
    return Content.assemble((_("Skills"), "bold"), ("  " + _("(the arrow shows the good way)"), "italic"))


def compared_with_best(skill: SkillReview) -> Content:
    """The news in bold ("a new best"), the rest in italics (wording.against_best)."""
    news, rest = against_best(skill.previous_best, skill.is_new_best, skill.good)
    return join((news, "bold"), (rest, "italic"))


class DebriefScreen(Screen):
    DEFAULT_CSS = "DebriefScreen #skills { height: auto; }"  # one hanging line per skill, as tall as they are
    BINDINGS = [
        Binding("t", "again", N_("Try again"), show=False),  # the buttons show these three
        Binding("f", "from_step", N_("From a step"), show=False),
        Binding("n", "next", N_("Next"), show=False),
        Binding("e", "export", N_("Save a copy")),
        Binding("c", "card", N_("Card")),
        Binding("w", "reflect", N_("Reflect")),
        Binding("g", "together", N_("Together"), show=False),  # the offer line says so, when it applies
        Binding("escape", "home", N_("Home")),
    ]

    def __init__(self, play: TrackedPlay):
        super().__init__()
        self.play = play
        self.session = play.session
        app = self.app
        self.steps = review_steps(self.session, play.own_words)
        course_skills = app.library.course.skills if app.library.course else {}
        earlier = app.store.ended_skills(play.profile_id, self.session.scenario.id, exclude=play.playthrough_id)
        self.skills = review_skills(self.session, course_skills, earlier)
        self.found = endings_found(self.session.scenario, app.store.endings_found(play.profile_id,
                                                                                  self.session.scenario.id))
        self.labels = {k: s.label for k, s in course_skills.items()}

    def compose(self) -> ComposeResult:
        scenario, outcome = self.session.scenario, self.session.outcome
        yield TopBar(join(_("How it went") + " · ", line(scenario.title)))
        with VerticalScroll(id="debrief", classes="page"):
            yield Static(Content(outcome_title(outcome, _("The end"))).stylize("bold"),
                         classes=f"page-title outcome-{outcome}")
            yield Static(self.ending_text(), id="ending-text", classes="para")
            yield Static(self.endings_text(), id="endings", classes="section")
            with Vertical(id="skills", classes="section"):
                yield Static(skills_heading())
                for marker, body in self.skill_rows():
                    yield Static(Hanging(marker, body))  # a long line wraps under its words, not the arrow
            yield Static(id="together-offer", classes="section")
            yield AfterDebrief(self.play)
            yield Static(Content(_("Your path, step by step")).stylize("bold"), classes="section-title")
            for step in self.steps:
                with Vertical(classes="step"):
                    for indent, row in self.step_rows(step):
                        yield Static(row, classes=f"indent-{indent}")
        with Horizontal(id="debrief-actions", classes="bar"):
            yield Button(_("Try again"), id="again", variant="primary")
            yield Button(_("Try from a step"), id="from-step")
            if flow.next_scenario(self.app, scenario.id):
                yield Button(_("Next scenario"), id="next")
            yield Button(_("Home"), id="go-home")
        yield KeyBar()

    def on_mount(self) -> None:
        from .together import show_offer

        show_offer(self.query_one("#together-offer", Static), self.session.scenario.id, key="g")
        self.query_one("#again").focus()

    # -- text -----------------------------------------------------------------
    def ending_text(self) -> Content:
        parts = []
        for block in self.session.shown_blocks():
            if isinstance(block, Narration):
                parts.append(rich(block.text, "italic"))
            elif isinstance(block, Note) and block.kind == "coach":
                parts.append(paragraphs(block.paragraphs))
            elif isinstance(block, Note) and block.kind == "safety":
                emergency = emergency_call(self.app.helplines.region(self.app.help_region))
                parts.append(safety_note(block, emergency))
        return Content("\n\n").join(parts)

    def endings_text(self) -> Content:
        count = sum(found for _, found in self.found)
        rows = [Content(_("Endings you have found: {found} of {total}").format(found=count, total=len(self.found)))
                .stylize("bold")]
        for node, found in self.found:
            kind = ending_kind(node.ending)
            rows.append(join("  ✓ ", line(node.title), (f"  {kind}", "italic")) if found
                        else Content("  ? " + _("not found yet {kind}").format(kind=kind)).stylize("italic"))
        return Content("\n").join(rows)

    def skill_rows(self) -> list[tuple[str, Content]]:
        """Each skill as (arrow, words): the score, the good way, and how it stands
        against your best before, said so a lower new best never reads as a drop."""
        rows = []
        for skill in self.skills:
            rows.append((f"  {arrow(skill.good)} ", join(line(skill.label), (f"  {signed(skill.score)}", "bold"),
                                                         (f"  {direction(skill.good)}; ", "italic"),
                                                         compared_with_best(skill))))
        return rows

    def skills_text(self) -> Content:
        return Content("\n").join([skills_heading()] + [join(marker, body) for marker, body in self.skill_rows()])

    def step_rows(self, step: StepReview) -> list[tuple[int, Content]]:
        """The step as indented rows: what you said (and typed, with what those
        words do), what it did, the road not taken."""
        rows = [(0, join((f"{step.number}. ", "bold"), line(step.node.title), ("  " + _("you said:") + " ", "italic"),
                         rich(step.chosen.text)))]
        if step.own_words:
            rows.append((3, join((_("In your own words:") + " ", "italic"), line(step.own_words))))
        if step.reading is not None:
            rows += [(5, join((_(heading) + ": ", "italic"), line(says))) for heading, says
                     in what_words_do(step.reading, with_try=False)]
        if step.chosen.feedback is not None:
            rows.append((3, paragraphs(step.chosen.feedback.paragraphs)))
        if step.changes:
            rows.append((3, line(_("Skills: {changes}").format(changes=", ".join(
                f"{self.labels.get(k, k)} {signed(v)}" for k, v in step.changes.items())))))
        if step.others:
            rows.append((3, Content(_("The road not taken:")).stylize("italic")))
            for road in step.others:
                rows.append((5, join("· ", rich(road.choice.text), " → ", line(road.leads_to.title),
                                     (" " + _("(could lead to {endings})").format(endings=could_end(road.could_end)),
                                      "italic"))))
        return rows

    # -- actions -----------------------------------------------------------------
    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"again": self.action_again, "from-step": self.action_from_step, "next": self.action_next,
         "go-home": self.action_home}[event.button.id]()

    def keep_note(self) -> None:
        self.query_one(AfterDebrief).keep_typed_note()

    def action_again(self) -> None:
        self.keep_note()
        self.play.restart()
        flow.play(self.app, self.play)

    def action_from_step(self) -> None:
        def chosen(number: int | None) -> None:
            if number is not None:
                self.keep_note()
                self.play.restart_from(number)
                flow.play(self.app, self.play)

        labels = [join(line(s.node.title), ": ", rich(s.chosen.text)) for s in self.steps]
        self.app.push_screen(StepPicker(labels), chosen)

    def action_next(self) -> None:
        self.keep_note()
        upcoming = flow.next_scenario(self.app, self.session.scenario.id)
        if upcoming:
            flow.open_briefing(self.app, upcoming)
        else:
            flow.back_home(self.app)

    def action_card(self) -> None:
        self.query_one(AfterDebrief).open_card()

    def action_together(self) -> None:
        from .together import open_together

        self.keep_note()
        open_together(self.app, self.session.scenario.id)

    def action_reflect(self) -> None:
        self.query_one(AfterDebrief).focus_note()

    def action_home(self) -> None:
        self.keep_note()
        flow.back_home(self.app)

    def action_export(self) -> None:
        """A plain-text copy in the private data folder (0600), for you alone."""
        name = f"debrief-{self.session.scenario.id}-{datetime.now():%Y%m%d-%H%M%S}.txt"
        try:
            path = save_export(name, self.plain_text())
        except UnusableFolder as err:
            self.notify(str(err), title=_("Not saved"), severity="error", markup=False)
            return
        self.notify(_("Saved a copy for you: {where}").format(where=saved_at(path)), title=_("Saved"), markup=False)

    def plain_text(self) -> str:
        outcome = self.session.outcome
        blocks = [line(self.session.scenario.title).plain, outcome_title(outcome),
                  self.ending_text().plain, self.endings_text().plain, self.skills_text().plain]
        blocks += ["\n".join(" " * indent + row.plain for indent, row in self.step_rows(step)) for step in self.steps]
        return "\n\n".join(blocks) + "\n"
