"""The briefing: who the loved one is, whom you play, where, how long,
and the content warnings, with a choice to skip. Before a scenario with
anger, violence or overdose in it, a private safety check."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ...help import emergency_call
from ...i18n import N_, _, language
from ...wording import needs_safety_check
from .. import flow
from ...content.model import Note
from ..text import join, line, prose
from ..widgets.chat import safety
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from .dialogs import safety_check, topics


class BriefingScreen(Screen):
    BINDINGS = [
        Binding("enter", "begin", N_("Start"), show=False),
        Binding("escape", "back", N_("Back")),
    ]

    def __init__(self, scenario_id: str):
        super().__init__()
        self.scenario = self.app.library.scenarios[scenario_id]

    def compose(self) -> ComposeResult:
        scenario = self.scenario
        yield TopBar(join(_("Before you start"), " · ", line(scenario.title)))
        with VerticalScroll(id="briefing", classes="page"):
            yield Static(line(scenario.title).stylize("bold"), classes="page-title")
            yield Static(facts(scenario), id="facts")
            if scenario.warnings:  # before the story, so it is read before Start
                yield Static(join((_("Content warning:") + " ", "bold"), _(
                    "this one touches on {topics}. If that is too much tonight, skip it. "
                    "You can come back to it any time.").format(topics=topics(scenario.warnings))),
                    id="warnings")
            story = [b for b in scenario.briefing if not (isinstance(b, Note) and b.kind == "safety")]
            yield Static(prose(story), id="story", classes="para")
            emergency = emergency_call(self.app.helplines.region(self.app.help_region), language())
            for note in scenario.briefing:
                if isinstance(note, Note) and note.kind == "safety":
                    yield safety(note, emergency)
        with Horizontal(id="briefing-actions", classes="bar"):
            saved = self.saved()
            if saved is not None:
                steps = len(self.app.store.steps(saved.id))
                yield Button(_("Carry on (after step {step})").format(step=steps), id="carry-on", variant="primary")
                yield Button(_("Start again"), id="start")
            else:
                yield Button(_("Start"), id="start", variant="primary")
            yield Button(_("Skip this one") if scenario.warnings else _("Back"), id="skip")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#briefing-actions Button").focus()

    def saved(self):
        return self.app.store.latest_unfinished(self.app.profile.id, self.scenario.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "skip":
            self.action_back()
        else:
            self.begin(carry_on=event.button.id == "carry-on")

    def action_begin(self) -> None:
        self.begin(carry_on=self.saved() is not None)

    def begin(self, carry_on: bool) -> None:
        def after_check(danger: bool | None) -> None:
            if danger:
                self.app.action_help()
            elif danger is False:
                self.go(carry_on)

        if needs_safety_check(self.scenario.warnings):
            self.app.push_screen(safety_check(self.scenario.warnings), after_check)
        else:
            self.go(carry_on)

    def go(self, carry_on: bool) -> None:
        saved = self.saved()
        if carry_on and saved is not None:
            flow.carry_on(self.app, saved)
        else:
            flow.start(self.app, self.scenario.id)

    def action_back(self) -> None:
        flow.back_home(self.app)


def facts(scenario) -> Content:
    rows = [(_("Who"), scenario.persona), (_("You play"), scenario.learner), (_("Where"), scenario.setting)]
    if scenario.minutes:
        rows.append((_("Time"), _("about {n} minutes").format(n=scenario.minutes)))
    return Content("\n").join(join((f"{label}: ", "bold"), line(value)) for label, value in rows if value)

