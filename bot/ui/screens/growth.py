"""Skills over time: for each skill, a small chart of its score at the end
of each recent attempt, oldest on the left, with the good direction shown,
your latest and best score, and which way it is going."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Sparkline, Static

from ...learning.skills import RECENT_ATTEMPTS, SkillHistory, skill_histories
from ...wording import arrow, direction, signed
from ..text import join, line
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar

TRENDS = {"better": "getting better", "worse": "slipping a little lately", "steady": "holding steady"}


class SkillsScreen(Screen):
    BINDINGS = [Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        app = self.app
        histories = skill_histories(app.store, app.library.course, app.profile.id)
        yield TopBar("Skills over time")
        with VerticalScroll(id="growth", classes="page"):
            yield Static(Content("Your skills over time").stylize("bold"), classes="page-title")
            yield Static(Content(f"Each chart shows one skill at the end of each try, up to your last "
                                 f"{RECENT_ATTEMPTS} tries, oldest on the left. The arrow shows which way is "
                                 "good. Small ups and downs are normal."), classes="para")
            if not any(h.scores for h in histories):
                yield Static(Content("Finish a scenario and your first scores will appear here."),
                             id="no-scores", classes="para")
            for history in histories:
                yield from skill_rows(history)
        with Horizontal(classes="bar"):
            yield Button("Back", id="back", variant="primary")
        yield KeyBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_back()

    def action_back(self) -> None:
        self.app.pop_screen()


def skill_rows(history: SkillHistory):
    heading = join((f"{arrow(history.good)} ", "bold"), line(history.label).stylize("bold"),
                   (f"  {direction(history.good)}", "italic"))
    with Vertical(classes=f"skill-history good-{history.good}", id=f"skill-{history.id}"):
        yield Static(heading)
        if not history.scores:
            yield Static(Content("Not practised yet.").stylize("italic"), classes="skill-facts")
            return
        yield Sparkline(list(history.scores), summary_function=max if history.good == "up" else min,
                        classes="skill-chart")
        tries = len(history.scores)
        yield Static(Content(f"Latest {signed(history.latest)} · best {signed(history.best)} · "
                             f"{TRENDS[history.trend]} · {tries} tr{'ies' if tries != 1 else 'y'}"),
                     classes="skill-facts")
