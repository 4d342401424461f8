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
from ...wording import needs_safety_check
from .. import flow
from ...content.model import Note
from ..text import join, line, prose
from ..widgets.chat import safety
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from .dialogs import safety_check


class BriefingScreen(Screen):
    BINDINGS = [
        Binding("enter", "begin", "Start", show=False),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, scenario_id: str):
        super().__init__()
        self.scenario = self.app.library.scenarios[scenario_id]

    def compose(self) -> ComposeResult:
        scenario = self.scenario
        yield TopBar(join("Before you start · ", line(scenario.title)))
        with VerticalScroll(id="briefing", classes="page"):
            yield Static(line(scenario.title).stylize("bold"), classes="page-title")
            yield Static(facts(scenario), id="facts")
            if scenario.warnings:  # before the story, so it is read before Start
                yield Static(join(("Content warning: ", "bold"), "this one touches on ",
                                  line(", ".join(scenario.warnings)), ". If that is too much tonight, "
                                  "skip it. You can come back to it any time."), id="warnings")
            story = [b for b in scenario.briefing if not (isinstance(b, Note) and b.kind == "safety")]
            yield Static(prose(story), id="story", classes="para")
            emergency = emergency_call(self.app.helplines.region(self.app.help_region))
            for note in scenario.briefing:
                if isinstance(note, Note) and note.kind == "safety":
                    yield safety(note, emergency)
        with Horizontal(id="briefing-actions", classes="bar"):
            saved = self.saved()
            if saved is not None:
                steps = len(self.app.store.steps(saved.id))
                yield Button(f"Carry on (after step {steps})", id="carry-on", variant="primary")
                yield Button("Start again", id="start")
            else:
                yield Button("Start", id="start", variant="primary")
            yield Button("Skip this one" if scenario.warnings else "Back", id="skip")
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
    rows = [("Who", scenario.persona), ("You play", scenario.learner), ("Where", scenario.setting)]
    if scenario.minutes:
        rows.append(("Time", f"about {scenario.minutes} minutes"))
    return Content("\n").join(join((f"{label}: ", "bold"), line(value)) for label, value in rows if value)

