"""Help and crisis resources, one key (F1 or ?) from every screen: what to
do in an emergency, then the help lines for the chosen region."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Label, Select, Static

from ...help import Region
from ..text import join, line, text
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from .regions import RegionSelect


class HelpScreen(Screen):
    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self):
        super().__init__()
        self.shown_region = self.app.helplines.region(self.app.help_region)

    def compose(self) -> ComposeResult:
        helplines = self.app.helplines
        yield TopBar("Help lines")
        with VerticalScroll(id="help", classes="page"):
            yield Static(id="danger")
            yield Static(id="lines")
            yield Static(Content(f"About this app: it is practice, not medical advice and not a crisis service. "
                                 f"These numbers were checked in {helplines.checked}. If a number does not work, "
                                 f"call your emergency number."), id="help-about", classes="para")
        with Horizontal(id="help-bar", classes="bar"):
            yield Button("Back", id="close", variant="primary")
            yield Label("Help lines for", id="region-label")
            yield RegionSelect(helplines, self.shown_region.id, id="region")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show(self.shown_region)
        self.query_one("#close").focus()

    def show(self, region: Region) -> None:
        self.shown_region = region
        steps = [text(f"• {step}") for step in self.app.helplines.danger_steps]
        self.query_one("#danger", Static).update(Content("\n").join(
            [join(("If anyone is in danger right now, call ", "bold"), line(region.emergency).stylize("bold"), ".")]
            + steps))
        rows = [join(("Help lines: ", "bold"), line(region.name).stylize("bold"))]
        for entry in region.lines:
            rows.append(join("\n", line(entry.name).stylize("bold"), "\n  ", line(entry.contact).stylize("bold"),
                             "\n  ", line(entry.about), "\n  ", (line(entry.hours).plain, "italic")))
        self.query_one("#lines", Static).update(Content("\n").join(rows))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.show(self.app.helplines.region(str(event.value)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close()

    def action_close(self) -> None:
        self.app.pop_screen()
