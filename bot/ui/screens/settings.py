"""The profile and settings: the language, name, region for help lines, the
typing pause, own words first, and the theme. Each change is saved as it is made."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Select, Static, Switch

from ...i18n import N_, _, language
from ...text import clean_line
from ..themes import THEME_NAMES
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from .regions import RegionSelect
from .welcome import NAME_LIMIT, language_row


class SettingsScreen(Screen):
    BINDINGS = [Binding("escape", "close", N_("Done"))]

    def compose(self) -> ComposeResult:
        app = self.app
        settings = app.settings
        yield TopBar(_("Profile and settings"))
        with VerticalScroll(id="settings", classes="page"):
            yield Static(Content(_("Profile and settings")).stylize("bold"), classes="page-title")
            yield from language_row()
            yield Label(_("Your name or nickname (optional)"), classes="field-label")
            yield Input(clean_line(app.profile.name), placeholder=_("A first name or a nickname"), id="name",
                        max_length=NAME_LIMIT)
            yield Label(_("Help lines for"), classes="field-label")
            yield RegionSelect(app.helplines, app.profile.region, id="region")
            yield from switch_row("typing", settings.typing, _("A short typing pause before each line"))
            yield from switch_row("own_words", settings.own_words,
                                  _("Own words first: type what you would say before the options appear"))
            yield Label(_("Colours"), classes="field-label")
            yield Select([(_(label), name) for name, label in THEME_NAMES.items()], value=settings.theme,
                         allow_blank=False, id="theme")
            yield Static(Content(_("Everything here, and anything you type, stays on this computer.")),
                         classes="para")
        with Horizontal(classes="bar"):
            yield Button(_("Done"), id="done", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#name", Input).cursor_blink = not self.app.still
        self.query_one("#done").focus()

    def save_profile(self) -> None:
        name = clean_line(self.query_one("#name", Input).value)[:NAME_LIMIT]
        self.app.set_profile(name, self.query_one(RegionSelect).region_id)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.save_profile()

    async def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "language":
            if event.value != language():  # the screens beneath compose again when shown
                self.app.change_settings(language=str(event.value))
                self.app.switch_language(str(event.value))
                await self.recompose()
                self.on_mount()
                self.query_one("#language").focus()
        elif event.select.id == "theme":
            self.app.change_settings(theme=str(event.value))
        else:
            self.save_profile()

    def on_switch_changed(self, event: Switch.Changed) -> None:
        event.stop()
        self.app.change_settings(**{event.switch.id: event.value})
        self.query_one(f"#{event.switch.id}-state", Label).update(on_off(event.value))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close()

    def action_close(self) -> None:
        self.app.pop_screen()


def switch_row(ident: str, value: bool, label: str) -> ComposeResult:
    """A switch with its state in words beside it: colour alone does not say on or off."""
    with Horizontal(classes="switch-row"):
        yield Switch(value, id=ident)
        yield Label(on_off(value), id=f"{ident}-state", classes="switch-state")
        yield Label(label, classes="switch-label")


def on_off(value: bool) -> Content:
    return Content(_("On") if value else _("Off")).stylize("bold")
