"""Who is practising: several people can share this computer, each with a
profile of their own. Switch, add, rename or delete a profile here;
deleting removes all of that person's progress, after asking."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import N_, _
from ...learning import profiles
from ...learning.export import forget_profile
from ...locations import database_path
from ...progress.settings import Settings
from ...progress.store import Profile
from ..text import fill, join, line
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from .dialogs import Question
from .regions import RegionSelect


def switch_to(app, profile: Profile) -> None:
    """Make `profile` the one in use now and next time, with its own settings."""
    app.profile = profiles.use(app.store, profile.id)
    app.settings = Settings.load(app.store, profile.id)
    app.theme = app.settings.theme


class ProfilesScreen(Screen):
    BINDINGS = [
        Binding("n", "new", N_("New")),
        Binding("r", "rename", N_("Rename")),
        Binding("d", "delete", N_("Delete")),
        Binding("w", "together", N_("Together"), show=False),  # the offer line says so, when it applies
        Binding("escape", "back", N_("Back")),
    ]

    def compose(self) -> ComposeResult:
        yield TopBar(_("Profiles"))
        with Vertical(id="profiles-page", classes="page"):
            yield Static(Content(_("Who is practising?")).stylize("bold"), classes="page-title")
            yield Static(Content(_("Each person's progress, journal and review cards are kept apart. Choose a "
                                   "profile and press Enter to switch to it.")), classes="para")
            yield OptionList(id="profile-list")
            yield Static(id="together-offer", classes="para")
        with Horizontal(classes="bar"):
            yield Button(_("Switch"), id="switch", variant="primary")
            yield Button(_("New"), id="new")
            yield Button(_("Rename"), id="rename")
            yield Button(_("Delete"), id="delete", variant="error")
            yield Button(_("Back"), id="back")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_list()
        self.query_one("#profile-list").focus()

    def refresh_list(self) -> None:
        self.profiles = profiles.all_profiles(self.app.store)
        current = self.app.profile.id
        options = self.query_one("#profile-list", OptionList)
        options.set_options([Option(join(("● " if p.id == current else "  ", "bold"), line(profiles.label(p)),
                                         ("   " + _("(in use)") if p.id == current else "", "italic")), id=str(p.id))
                             for p in self.profiles])
        options.highlighted = next(i for i, p in enumerate(self.profiles) if p.id == current)
        from .together import show_offer

        show_offer(self.query_one("#together-offer", Static))

    def action_together(self) -> None:
        from .together import open_together

        open_together(self.app)

    def selected(self) -> Profile:
        return self.profiles[self.query_one("#profile-list", OptionList).highlighted or 0]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_switch()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        getattr(self, f"action_{event.button.id}")()

    def action_switch(self) -> None:
        profile = self.selected()
        switch_to(self.app, profile)
        self.app.notify(_("Now practising as {name}.").format(name=profiles.label(profile)), markup=False)
        self.app.pop_screen()

    def action_new(self) -> None:
        def created(result: tuple[str, str] | None) -> None:
            if result is not None:
                switch_to(self.app, profiles.create(self.app.store, *result))
                self.app.change_settings(offer_own_words=True)  # as a learner new through the welcome is
                self.refresh_list()

        self.app.push_screen(NameDialog(_("A new profile"), "", self.app.profile.region, ask_region=True), created)

    def action_rename(self) -> None:
        profile = self.selected()

        def renamed(result: tuple[str, str] | None) -> None:
            if result is not None:
                updated = profiles.rename(self.app.store, profile, result[0])
                if profile.id == self.app.profile.id:
                    self.app.profile = updated
                self.refresh_list()

        self.app.push_screen(NameDialog(_("Rename this profile"), profile.name, profile.region), renamed)

    def action_delete(self) -> None:
        profile = self.selected()

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            done = forget_profile(self.app.store, profile, database_path())
            self.app.notify(" ".join(done.lines()), title=_("Deleted"), markup=False, timeout=10)
            if profile.id == self.app.profile.id:
                remaining = profiles.all_profiles(self.app.store)
                if not remaining:
                    from .welcome import WelcomeScreen

                    self.app.profile = None
                    while len(self.app.screen_stack) > 1:
                        self.app.pop_screen()
                    self.app.push_screen(WelcomeScreen())
                    return
                switch_to(self.app, remaining[0])
            self.refresh_list()

        body = fill(_("This deletes {name} and all of their progress, journal notes and review cards. It cannot be "
                      "undone."), name=line(profiles.label(profile)).stylize("bold"))
        self.app.push_screen(Question(_("Delete this profile?"), body, _("Delete it"), _("Keep it"), danger=True),
                             answered)

    def action_back(self) -> None:
        self.app.pop_screen()


class NameDialog(ModalScreen[tuple[str, str] | None]):
    """A name (optional) and, for a new profile, the region for help lines."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Cancel"))]

    def __init__(self, title: str, name: str, region: str, ask_region: bool = False):
        super().__init__(classes="dialog-screen")
        self.title_text, self.name_value, self.region_id, self.ask_region = title, name, region, ask_region

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text).stylize("bold"), classes="dialog-title")
            yield Label(_("Name or nickname (optional)"))
            yield Input(self.name_value, placeholder=_("A first name or a nickname"), id="profile-name",
                        max_length=profiles.NAME_LIMIT)
            if self.ask_region:
                yield Label(_("Help lines for"), classes="field-label")
                yield RegionSelect(self.app.helplines, self.region_id, id="profile-region")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save"), id="save", variant="primary")
                yield Button(_("Cancel"), id="cancel")
            yield Static(Content(_("Keys: Enter to save, Esc to cancel.")), classes="dialog-keys")

    def on_mount(self) -> None:
        name = self.query_one(Input)
        name.cursor_blink = not self.app.still
        name.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.save() if event.button.id == "save" else self.dismiss(None)

    def save(self) -> None:
        region = self.query_one(RegionSelect).region_id if self.ask_region else self.region_id
        self.dismiss((self.query_one(Input).value, region))
