"""The conversation card: one page to take into the real conversation
(the lines that went well, the boundaries to hold, the help numbers),
with a printable copy saved privately on request."""

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ...engine.session import Session
from ...learning.card import ConversationCard, card_html, make_card
from ...locations import UnusableFolder, save_export
from ...wording import OUTCOME_TITLES
from ..hanging import Hanging
from ..text import join, line, saved_at, text
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar


class CardScreen(Screen):
    BINDINGS = [Binding("p", "save", "Printable copy"), Binding("escape", "back", "Back")]

    def __init__(self, session: Session):
        super().__init__()
        app = self.app
        self.session = session
        self.card = make_card(session, app.library, app.helplines.region(app.profile.region), app.helplines)

    def compose(self) -> ComposeResult:
        card = self.card
        yield TopBar(join("Conversation card · ", line(card.scenario_title)))
        with VerticalScroll(id="card", classes="page"):
            yield Static(Content("Before the real conversation").stylize("bold"), classes="page-title")
            yield Static(join(line(card.scenario_title).stylize("bold"),
                              (f" · {OUTCOME_TITLES.get(card.outcome, '')}" if card.outcome else "", "italic")),
                         classes="para")
            yield bullets(Content(card.lines_heading).stylize("bold"), map(line, card.lines or ("None yet.",)),
                          id="card-lines", classes="para")
            if card.boundaries:
                yield bullets(Content("Boundaries to hold").stylize("bold"), map(line, card.boundaries),
                              id="card-boundaries", classes="para")
            if card.remember:
                yield Static(join(("Remember\n", "bold"), text("\n\n".join(card.remember))), classes="para")
            yield help_box(card)
        with Horizontal(classes="bar"):
            yield Button("Save a printable copy", id="save", variant="primary")
            yield Button("Back", id="back")
        yield KeyBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save() if event.button.id == "save" else self.action_back()

    def action_save(self) -> None:
        """An HTML page that prints on one sheet, private to you (0600)."""
        name = f"card-{self.session.scenario.id}-{datetime.now():%Y%m%d-%H%M%S}.html"
        try:
            path = save_export(name, card_html(self.card))
        except UnusableFolder as err:
            self.notify(str(err), title="Not saved", severity="error", markup=False)
            return
        self.notify(f"{saved_at(path)}\n\nOpen it in a browser to print it.", title="Saved", markup=False)

    def action_back(self) -> None:
        self.app.pop_screen()


def bullets(heading: Content, items, **attributes) -> Vertical:
    """A heading and its bullets, each wrapping under its own text rather than under the bullet."""
    return Vertical(Static(heading), *(Static(Hanging("  • ", item)) for item in items),
                    **attributes)


def help_box(card: ConversationCard) -> Vertical:
    heading = Content("\n").join([
        join("If anyone is in danger now, call ", line(card.region.emergency), ".").stylize("bold"),
        join("Help lines (", line(card.region.name), "):")])
    return bullets(heading, (join(line(entry.name), ": ", line(entry.contact)) for entry in card.region.lines),
                   id="card-help")
