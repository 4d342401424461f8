"""Home: the course's welcome, "continue where you left off", every module
with its progress, the profile, and a one-line notice when scenario files
were left out because they have errors."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ... import i18n
from ...i18n import N_, _, ngettext
from .. import flow
from ..hanging import Hanging
from ..text import join, line, prose
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from ...learning.course_map import completed_scenarios
from ...text import clean_line
from ...wording import left_out_notice


class HomeScreen(Screen):
    BINDINGS = [
        Binding("c", "carry_on", N_("Continue")),
        Binding("p", "profile", N_("Profile & settings")),
        Binding("m", "course_map", N_("Course map")),
        Binding("o", "profiles", N_("Profiles")),
        Binding("w", "together", N_("Together"), show=False),  # the offer line says so, when it applies
        Binding("q", "app.quit", N_("Quit")),
    ]

    def compose(self) -> ComposeResult:
        course = self.app.library.course
        self.composed_in = i18n.language()  # composed again when it changes (see on_screen_resume)
        yield TopBar(_("Home"))
        with Horizontal(id="home"):
            with VerticalScroll(id="home-intro"):
                yield Static(line(course.title if course else _("Practice")).stylize("bold"), classes="page-title")
                yield Static(prose(course.welcome if course else (), lead=True), id="welcome-text")
            with Vertical(id="home-main"):
                yield Button("", id="carry-on", variant="primary")
                yield Static(id="profile-line")
                yield Static(id="together-offer")
                left_out = self.app.library.left_out()
                if left_out:  # a scenario the checker rejected must not vanish without a word
                    yield Static(line(left_out_notice(left_out, self.app.library.content_dirs)), id="left-out")
                yield Static(Content(_("Choose a conversation to practise")).stylize("bold"), classes="section-title")
                yield OptionList(id="scenarios")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_progress()
        self.query_one("#carry-on").focus()

    async def on_screen_resume(self) -> None:
        if self.composed_in != i18n.language():  # changed in settings: every word, and the course, anew
            await self.recompose()
            self.query_one("#carry-on").focus()
        self.refresh_progress()

    def refresh_progress(self) -> None:
        app = self.app
        if app.profile is None:  # the last profile was just deleted; the welcome screen comes next
            return
        profile, region = app.profile, app.helplines.region(app.profile.region)
        who = _("Practising as {name}").format(name=profile.name) if profile.name else _("Practising without a name")
        self.query_one("#profile-line", Static).update(
            join(line(who), " · ", _("help lines for {region}").format(region=clean_line(region.name)),
                 ("  " + _("(p to change)"), "italic")))
        progress = app.store.progress(profile.id)
        completed = completed_scenarios(app.store, profile.id)
        scenarios = self.query_one("#scenarios", OptionList)
        highlighted = scenarios.highlighted_option.id if scenarios.highlighted_option else None
        scenarios.set_options(self.options(progress, completed))
        if highlighted:
            scenarios.highlighted = scenarios.get_option_index(highlighted)
        self.update_carry_on(progress)
        from .together import show_offer

        show_offer(self.query_one("#together-offer", Static))

    def options(self, progress: dict, completed: set[str]) -> list[Option]:
        """Modules and their scenarios. "Completed" and ✓ mean a good ending reached, as on the course map."""
        options = []
        for module, members in self.app.library.contents():
            tried = sum(1 for s in members if s.id in progress)
            done = sum(1 for s in members if s.id in completed)
            summary = "  " + (_("{tried} of {total} tried · {done} completed").format(
                tried=tried, total=len(members), done=done) if members else _("coming soon"))
            options.append(Option(join(line(module.title).stylize("bold"), (summary, "italic")), disabled=True))
            for scenario in members:
                state = progress.get(scenario.id)
                status = (_("{found} of {total} endings found").format(found=state.endings, total=scenario.ending_count)
                          if state and state.endings else _("started") if state else _("not tried yet"))
                minutes = f" · {scenario.minutes} min" if scenario.minutes else ""
                options.append(Option(Hanging("  ", join(line(scenario.title), (minutes, "italic"), "   ",
                                                         ("✓ " if scenario.id in completed else "", "bold"),
                                                         (status, "italic"))),
                                      id=scenario.id))
        return options

    def update_carry_on(self, progress: dict) -> None:
        button = self.query_one("#carry-on", Button)
        saved = self.saved()
        if saved is not None:
            steps = len(self.app.store.steps(saved.id))
            title = self.app.library.cards[saved.scenario].title
            button.label = join(_("Continue where you left off:"), " ", line(title), " ",
                                ngettext("(after {n} step)", "(after {n} steps)", steps).format(n=steps))
        else:
            order = self.app.library.cards_in_order()
            fresh = next((s for s in order if s.id not in progress), None)
            first = fresh or next(iter(order), None)
            button.label = join(_("Start here:") if fresh else _("Practise again:"), " ", line(first.title)) if first \
                else Content(_("No scenarios yet"))
            button.disabled = first is None
        button.refresh(layout=True)  # a narrow screen wraps a long label onto a second line

    def saved(self):
        saved = self.app.store.latest_unfinished(self.app.profile.id)
        return saved if saved and saved.scenario in self.app.library.scenarios else None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_carry_on()

    def action_carry_on(self) -> None:
        saved = self.saved()
        if saved is not None:
            flow.carry_on(self.app, saved)
            return
        progress = self.app.store.progress(self.app.profile.id)
        order = self.app.library.cards_in_order()
        first = next((s for s in order if s.id not in progress), order[0] if order else None)
        if first is not None:
            flow.open_briefing(self.app, first.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        flow.open_briefing(self.app, event.option.id)

    def action_profile(self) -> None:
        from .settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_course_map(self) -> None:
        from .course import CourseMapScreen

        self.app.push_screen(CourseMapScreen())

    def action_together(self) -> None:
        from .together import open_together

        open_together(self.app)

    def action_profiles(self) -> None:
        from .profiles import ProfilesScreen

        self.app.push_screen(ProfilesScreen())

