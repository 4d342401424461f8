"""The app: what every screen shares (library, progress store, profile,
settings) and the keys that work everywhere. Screens do the rest."""

import os
from functools import cached_property
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from ..content.library import Library
from ..help import load as load_helplines
from ..i18n import N_, _, language, resolve, use_language
from ..progress.settings import Settings
from ..progress.store import Profile, Store
from .themes import REGISTERED

STYLES = Path(__file__).with_name("styles")
DEFAULT_TYPING_DELAY = 0.5  # seconds before a short line; longer lines wait a little longer


class RehearseApp(App):
    CSS_PATH = [STYLES / name for name in ("base.tcss", "home.tcss", "play.tcss", "pages.tcss",
                                                       "learning.tcss")]
    TITLE = "rehearse"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]  # -short: under 24 rows, every row counts
    BINDINGS = [
        Binding("f1", "help", N_("Help"), priority=True),
        Binding("question_mark", "help", N_("Help"), show=False),
        Binding("ctrl+q", "quit", N_("Quit"), show=False, priority=True),
    ]

    def __init__(self, library: Library, store: Store, *, still: bool = False, quiet_gc: bool = False,
                 scenario_id: str | None = None, library_cache: Path | None = None):
        """`still` stops everything that moves on its own (cursor blink), for tests;
        `quiet_gc` keeps full garbage collections out of key presses (see quiet_gc.py);
        `scenario_id` opens that scenario's briefing once home is up (`rehearse play SCENARIO`);
        `library_cache` is where the library is cached, for loading it again in another language."""
        super().__init__()
        self.library_cache = library_cache
        self.library_language = language()  # the library is loaded in the interface's language
        self.start_scenario = scenario_id
        self.quiet_gc = quiet_gc
        self.library = library
        self.store = store
        self.still = still
        self.helplines = load_helplines().in_language(self.library_language)  # names and words as F1 shows them
        self.profile: Profile | None = store.profile()
        self.settings = Settings.load(store, self.profile.id) if self.profile else Settings()

    @property
    def help_region(self) -> str | None:
        """Whose help lines F1 shows first: the learner's chosen region."""
        return self.profile.region if self.profile else None

    @cached_property
    def catalog(self):
        """Compiled scenarios; its state-machine library loads with the first one opened."""
        from ..engine.catalog import Catalog

        return Catalog(self.library)

    @property
    def typing_delay(self) -> float:
        if not self.settings.typing:
            return 0.0
        try:
            return max(0.0, float(os.environ.get("REHEARSE_TYPING_DELAY", DEFAULT_TYPING_DELAY)))
        except ValueError:
            return DEFAULT_TYPING_DELAY

    def on_mount(self) -> None:
        for theme in REGISTERED:
            self.register_theme(theme)
        self.theme = self.settings.theme
        if self.store.notice:
            self.notify(self.store.notice, title=_("Progress file"), severity="warning", timeout=30, markup=False)
        if self.quiet_gc:
            from .quiet_gc import collect_between_keys

            self.call_after_refresh(collect_between_keys, self)
        if self.profile is None:
            from .screens.welcome import WelcomeScreen  # its input widgets cost start-up time

            self.push_screen(WelcomeScreen())
        else:
            from .screens.home import HomeScreen

            self.push_screen(HomeScreen())
            self.open_start_scenario()

    def open_start_scenario(self) -> None:
        """The scenario named on the command line, once: its briefing on top of home."""
        scenario_id, self.start_scenario = self.start_scenario, None
        if scenario_id is not None and scenario_id in self.library.scenarios:
            from . import flow

            flow.open_briefing(self, scenario_id)

    def set_profile(self, name: str, region: str) -> None:
        if self.profile is None:
            self.profile = self.store.create_profile(name, region)
        else:
            self.profile = self.store.update_profile(self.profile.id, name, region)

    def change_settings(self, **changes) -> None:
        self.settings = self.settings.save(self.store, self.profile.id, **changes)
        if "theme" in changes:
            self.theme = self.settings.theme

    def switch_language(self, lang: str | None) -> str:
        """Speak `lang` from now on (None: the locale's language): the interface at once, and
        the course, loaded again in that language. Screens compose again when next shown."""
        chosen = use_language(resolve(None, lang, os.environ))
        if self.library_language != chosen:
            self.library = Library(self.library.content_dirs, cache_file=self.library_cache, lang=chosen)
            self.library_language = chosen
            self.helplines = self.helplines.in_language(chosen)
            self.__dict__.pop("catalog", None)  # compiled from the library just replaced
        return chosen

    def action_help(self) -> None:
        from .screens.help import HelpScreen, how_to_use

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(how_to_use(self.library.course)))
