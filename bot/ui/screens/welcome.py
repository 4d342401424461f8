"""The first run: the language, what this is and is not, an optional name,
and the region whose help lines to show."""

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Select, Static

from ...help import guess_region
from ...i18n import _, language
from ...text import clean_line
from ...wording import WHAT_THIS_IS
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from .regions import RegionSelect

NAME_LIMIT = 40
# each language in its own words, so anyone can find theirs
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def language_row() -> ComposeResult:
    """One line, labelled in both languages so either reader finds it."""
    with Horizontal(classes="language-row"):
        yield Label("Language · Idioma:", classes="language-label")
        yield Select([(name, code) for code, name in LANGUAGE_NAMES.items()], value=language(),
                     allow_blank=False, compact=True, id="language")


class WelcomeScreen(Screen):
    def __init__(self) -> None:
        super().__init__()
        self.typed_name = ""  # kept when the screen is composed again in another language
        self.chosen_region = guess_region()

    def compose(self) -> ComposeResult:
        yield TopBar(_("Welcome"))
        with VerticalScroll(id="welcome", classes="page"):
            yield Static(Content(_("Welcome. We're glad you're here.")).stylize("bold"), classes="page-title")
            yield from language_row()
            for paragraph in WHAT_THIS_IS:
                yield Static(Content(_(paragraph)), classes="para")
            yield Label(_("What should we call you? (optional)"), classes="field-label first")
            yield Input(self.typed_name, placeholder=_("A first name or a nickname"), id="name", max_length=NAME_LIMIT)
            yield Label(_("Where do you live? We use this to show the right help lines."), classes="field-label")
            with Horizontal(id="welcome-go"):
                yield RegionSelect(self.app.helplines, self.chosen_region, id="region")
                yield Button(_("Start"), id="start", variant="primary")
            yield Static(Content(_("Enter moves on: your name → the region (Enter opens its list) → Start.")),
                         id="welcome-keys", classes="para")
        yield KeyBar()

    def on_mount(self) -> None:
        self.ready("#name")

    def ready(self, first: str) -> None:
        name = self.query_one("#name", Input)
        name.cursor_blink = not self.app.still
        self.query_one(first).focus()

    async def on_select_changed(self, event: Select.Changed) -> None:
        """A language chosen: everything here, and the course, speak it at once."""
        if event.select.id != "language" or event.value == language():
            return
        event.stop()
        self.typed_name = self.query_one("#name", Input).value
        self.chosen_region = self.query_one(RegionSelect).region_id
        self.app.switch_language(str(event.value))
        await self.recompose()
        self.ready("#language")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#region").focus()

    def on_region_select_picked(self, event: RegionSelect.Picked) -> None:
        """After a region is picked, Enter should start rather than reopen the list."""
        event.stop()
        self.call_after_refresh(self.query_one("#start").focus)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        name = clean_line(self.query_one("#name", Input).value)[:NAME_LIMIT]
        self.app.set_profile(name, self.query_one(RegionSelect).region_id)
        # own words are offered at the first conversation, in its place; the language was asked here
        self.app.change_settings(offer_own_words=True, language=language())
        from .home import HomeScreen

        self.app.switch_screen(HomeScreen())
        self.app.open_start_scenario()
