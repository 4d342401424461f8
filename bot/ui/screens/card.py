"""The conversation card: one page to take into the real conversation
(the lines that went well, the boundaries to hold, the help numbers),
with a printable copy saved privately on request. The words you typed
yourself go on it only when you say so (o): they may hold family details."""

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ...engine.session import Session
from ...i18n import N_, _
from ...learning.card import OWN_WORDS_HEADING, ConversationCard, card_html, danger_line, help_lines_heading, make_card
from ...locations import UnusableFolder, save_export
from ...wording import outcome_title
from ..hanging import Hanging
from ..text import join, line, saved_at, text
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar


class CardScreen(Screen):
    BINDINGS = [Binding("p", "save", N_("Printable copy")), Binding("o", "own_words", N_("My own words")),
                Binding("escape", "back", N_("Back"))]

    def __init__(self, session: Session, own_words: list | None = None):
        super().__init__()
        self.session = session
        self.own_words = [words for words in own_words or () if words and words.strip()]
        self.with_own_words = False  # never on the card unless the learner asks, every time
        self.card = self.make()

    def make(self) -> ConversationCard:
        app = self.app
        return make_card(self.session, app.library, app.helplines.region(app.profile.region), app.helplines,
                         self.own_words if self.with_own_words else None)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """The own-words choice is offered only when this play-through has typed words."""
        return bool(self.own_words) if action == "own_words" else True

    def compose(self) -> ComposeResult:
        card = self.card
        yield TopBar(join(_("Conversation card") + " · ", line(card.scenario_title)))
        with VerticalScroll(id="card", classes="page"):
            yield Static(Content(_("Before the real conversation")).stylize("bold"), classes="page-title")
            outcome = outcome_title(card.outcome)
            yield Static(join(line(card.scenario_title).stylize("bold"),
                              (f" · {outcome}" if outcome else "", "italic")),
                         classes="para")
            yield bullets(Content(card.lines_heading).stylize("bold"), map(line, card.lines or (_("None yet."),)),
                          id="card-lines", classes="para")
            if card.boundaries:
                yield bullets(Content(_("Boundaries to hold")).stylize("bold"), map(line, card.boundaries),
                              id="card-boundaries", classes="para")
            if self.own_words:
                yield from self.own_words_part()
            if card.remember:
                yield Static(join((_("Remember") + "\n", "bold"), text("\n\n".join(card.remember))), classes="para")
            yield help_box(card)
        with Horizontal(classes="bar"):
            yield Button(_("Save a printable copy"), id="save", variant="primary")
            yield Button(_("Back"), id="back")
        yield KeyBar()

    def own_words_part(self) -> ComposeResult:
        """Your typed words with the habits found, or the offer to add them."""
        if self.card.own_words:
            yield bullets(Content(_(OWN_WORDS_HEADING)).stylize("bold"),
                          (join(line(words), (f"  ({habits})" if habits else "", "italic"))
                           for words, habits in self.card.own_words), id="card-own-words", classes="para")
        else:
            yield Static(Content(_("Your own typed words are not on this card, as they may hold family details. "
                                   "Add them if you want them with you.")).stylize("italic"), classes="para")
        with Horizontal(classes="learning-row"):
            yield Button(_("Leave out my own words") if self.with_own_words else _("Add my own words"),
                         id="own-words-toggle")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"save": self.action_save, "own-words-toggle": self.action_own_words}.get(event.button.id,
                                                                                 self.action_back)()

    async def action_own_words(self) -> None:
        """Add or leave out your typed words; the printable copy follows what is shown."""
        self.with_own_words = not self.with_own_words
        self.card = self.make()
        await self.recompose()
        self.query_one("#own-words-toggle").focus()

    def action_save(self) -> None:
        """An HTML page that prints on one sheet, private to you (0600)."""
        name = f"card-{self.session.scenario.id}-{datetime.now():%Y%m%d-%H%M%S}.html"
        try:
            path = save_export(name, card_html(self.card))
        except UnusableFolder as err:
            self.notify(str(err), title=_("Not saved"), severity="error", markup=False)
            return
        self.notify(saved_at(path) + "\n\n" + _("Open it in a browser to print it."), title=_("Saved"),
                    markup=False)

    def action_back(self) -> None:
        self.app.pop_screen()


def bullets(heading: Content, items, **attributes) -> Vertical:
    """A heading and its bullets, each wrapping under its own text rather than under the bullet."""
    return Vertical(Static(heading), *(Static(Hanging("  • ", item)) for item in items),
                    **attributes)


def help_box(card: ConversationCard) -> Vertical:
    heading = Content("\n").join([line(danger_line(card)).stylize("bold"), line(help_lines_heading(card) + ":")])
    return bullets(heading, (join(line(entry.name), ": ", line(entry.contact)) for entry in card.region.lines),
                   id="card-help")
