"""The first run: what this is and is not, an optional name, and the
region whose help lines to show."""

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from ...help import guess_region
from ...text import clean_line
from ...wording import WHAT_THIS_IS
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from .regions import RegionSelect

NAME_LIMIT = 40
KEYS_HINT = "Enter moves on: your name → the region (Enter opens its list) → Start."


class WelcomeScreen(Screen):
    def compose(self) -> ComposeResult:
        yield TopBar("Welcome")
        with VerticalScroll(id="welcome", classes="page"):
            yield Static(Content("Welcome. We're glad you're here.").stylize("bold"), classes="page-title")
            for paragraph in WHAT_THIS_IS:
                yield Static(Content(paragraph), classes="para")
            yield Label("What should we call you? (optional)", classes="field-label first")
            yield Input(placeholder="A first name or a nickname", id="name", max_length=NAME_LIMIT)
            yield Label("Where do you live? We use this to show the right help lines.", classes="field-label")
            with Horizontal(id="welcome-go"):
                yield RegionSelect(self.app.helplines, guess_region(), id="region")
                yield Button("Start", id="start", variant="primary")
            yield Static(Content(KEYS_HINT), id="welcome-keys", classes="para")
        yield KeyBar()

    def on_mount(self) -> None:
        name = self.query_one("#name", Input)
        name.cursor_blink = not self.app.still
        name.focus()

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
        self.app.change_settings(offer_own_words=True)  # asked at the first conversation, in its place
        from .home import HomeScreen

        self.app.switch_screen(HomeScreen())
        self.app.open_start_scenario()
