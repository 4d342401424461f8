"""The course map: every module in order with what it teaches, how far
you have come in each, and the next step. A finished module (or the whole
course) opens its completion view. The other self-paced pages (skills
over time, journal, review, practising together) open from here."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import N_, _, ngettext
from ...learning.course_map import CourseMap, ModuleStatus, ScenarioStatus, course_map
from ...learning.review import due
from .. import flow
from ..hanging import Hanging
from ..text import fill, join, line
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar


class CourseMapScreen(Screen):
    BINDINGS = [
        Binding("n", "next_step", N_("Next step")),
        Binding("s", "skills", N_("Skills")),
        Binding("j", "journal", N_("Journal")),
        Binding("v", "review", N_("Review")),
        Binding("w", "together", N_("Together")),
        Binding("escape", "back", N_("Back")),
    ]

    def __init__(self):
        super().__init__()
        self.map: CourseMap | None = None

    def compose(self) -> ComposeResult:
        yield TopBar(_("Course map"))
        with VerticalScroll(id="course-map", classes="page"):
            yield Static(id="course-title", classes="page-title")
            yield Static(id="next-step-text", classes="para")
            yield OptionList(id="map")
        with Horizontal(id="course-actions", classes="bar"):
            yield Button(_("Next step"), id="next-step", variant="primary")
            yield Button(_("Skills"), id="skills")
            yield Button(_("Journal"), id="journal")
            yield Button(_("Review"), id="review")
            yield Button(_("Together"), id="together")
            yield Button(_("Back"), id="back")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_map()
        self.query_one("#next-step").focus()

    def on_screen_resume(self) -> None:
        self.refresh_map()

    def refresh_map(self) -> None:
        app = self.app
        self.map = course_map(app.store, app.library, app.profile.id)
        done = sum(m.complete for m in self.map.playable)
        self.query_one("#course-title", Static).update(
            join(line(self.map.title or _("The course")).stylize("bold"),
                 ("   " + ngettext("{done} of {total} module completed", "{done} of {total} modules completed",
                                   len(self.map.playable)).format(done=done, total=len(self.map.playable)),
                  "italic")))
        self.query_one("#next-step-text", Static).update(self.next_step_text())
        button = self.query_one("#next-step", Button)
        button.label = _("Course done") if self.map.complete else _("Next step")
        waiting = len(due(app.store, app.library, app.profile.id, limit=None))
        review = _("Review ({count})").format(count=waiting) if waiting else _("Review")
        self.query_one("#review", Button).label = review
        options = self.query_one("#map", OptionList)
        highlighted = options.highlighted
        options.set_options(self.options())
        if highlighted is not None and highlighted < options.option_count:
            options.highlighted = highlighted

    def next_step_text(self) -> Content:
        step = self.map.next_step
        if step is None:
            if self.map.complete:
                return Content(_("You have completed every module. Well done. You can play any scenario again "
                                 "to find the other endings."))
            return Content(_("There are no scenarios yet."))
        module, scenario = step
        # TRANSLATORS: {scenario} and {module} are titles
        step_words = (_("Carry on with {scenario} in {module}.") if scenario.tried
                      else _("Try {scenario} in {module}."))
        return join((_("Your next step:") + " ", "bold"),
                    fill(step_words, scenario=line(scenario.scenario.title).stylize("bold"),
                         module=line(module.module.title)),
                    ("  " + _("A scenario is complete when you reach a good ending."), "italic"))

    def options(self) -> list[Option | None]:
        options = []
        for module in self.map.modules:
            if options:
                options.append(None)  # a rule between modules
            options.append(module_option(module))
            options += [scenario_option(s) for s in module.scenarios]
        return options

    # -- actions ----------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        kind, _colon, ident = event.option.id.partition(":")
        if kind == "scenario":
            flow.open_briefing(self.app, ident)
        else:
            module = next(m for m in self.map.modules if m.module.id == ident)
            self.app.push_screen(CompletionScreen(self.map, module))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        getattr(self, f"action_{event.button.id.replace('-', '_')}")()

    def action_next_step(self) -> None:
        step = self.map.next_step
        if step is not None:
            flow.open_briefing(self.app, step[1].scenario.id)
        elif self.map.complete:
            self.app.push_screen(CompletionScreen(self.map, None))

    def action_skills(self) -> None:
        from .growth import SkillsScreen

        self.app.push_screen(SkillsScreen())

    def action_journal(self) -> None:
        from .journal import JournalScreen

        self.app.push_screen(JournalScreen())

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.app.push_screen(ReviewScreen())

    def action_together(self) -> None:
        from .together import TogetherScreen

        self.app.push_screen(TogetherScreen())

    def action_back(self) -> None:
        self.app.pop_screen()


def module_option(module: ModuleStatus) -> Option:
    """A module's heading: selectable once it is complete (it opens the completion view)."""
    if not module.scenarios:
        status = _("coming soon")
    elif module.complete:
        status = "✓ " + _("completed: see what you learned")
    else:
        status = _("{done} of {total} completed").format(done=module.completed_count, total=len(module.scenarios))
    summary = f"\n{module.module.summary}" if module.module.summary else ""
    skills = "\n" + _("Practises: {skills}").format(skills=", ".join(module.skills)) if module.skills else ""
    prompt = Hanging(Content(f"{module.number}. ").stylize("bold"),
                     join(line(module.module.title).stylize("bold"), (f"   {status}", "italic"), (summary, "dim"),
                          (skills, "dim italic")))
    return Option(prompt, id=f"module:{module.module.id}", disabled=not module.complete)


def scenario_option(status: ScenarioStatus) -> Option:
    mark = "✓ " if status.completed else "· "
    endings = " · " + endings_found_text(status.endings_found, status.endings_total) if status.tried else ""
    return Option(Hanging(f"   {mark}", join(line(status.scenario.title), (f"   {status.played}{endings}", "italic"))),
                  id=f"scenario:{status.scenario.id}")


def endings_found_text(found: int, total: int) -> str:
    return ngettext("{found} of {total} ending found", "{found} of {total} endings found", total).format(
        found=found, total=total)


class CompletionScreen(Screen):
    """A finished module, or the whole course: what it taught, what you found, what next."""

    BINDINGS = [Binding("escape", "back", N_("Back"))]

    def __init__(self, course: CourseMap, module: ModuleStatus | None):
        super().__init__()
        self.course, self.module = course, module

    def compose(self) -> ComposeResult:
        yield TopBar(_("Course complete") if self.module is None else _("Module complete"))
        with VerticalScroll(id="completion", classes="page"):
            if self.module is None:
                yield from self.course_parts()
            else:
                yield from self.module_parts(self.module)
        with Horizontal(classes="bar"):
            if self.module is not None and self.course.next_step is not None:
                yield Button(_("Go to the next step"), id="next", variant="primary")
            yield Button(_("Back"), id="back", variant="default" if self.module and self.course.next_step else "primary")
        yield KeyBar()

    def module_parts(self, module: ModuleStatus):
        yield Static(fill(_("You have completed {module}."), module=line(module.module.title).stylize("bold")),
                     classes="page-title outcome-success")
        yield Static(Content(_("Well done. You reached a good ending in every scenario of this module.")),
                     classes="para")
        if module.module.summary:
            yield Static(join((_("What it taught:") + " ", "bold"), line(module.module.summary)), classes="para")
        if module.skills:
            yield Static(join((_("Skills you practised:") + " ", "bold"), line(", ".join(module.skills))),
                         classes="para")
        rows = [join("  ✓ ", line(s.scenario.title), ("  " + endings_found_text(s.endings_found, s.endings_total),
                                                         "italic")) for s in module.scenarios]
        yield Static(Content("\n").join(rows), classes="para")
        missing = module.endings_total - module.endings_found
        if missing:
            yield Static(Content(ngettext(
                "There is still {count} ending to find here. Playing again with other choices shows you what else "
                "could happen.",
                "There are still {count} endings to find here. Playing again with other choices shows you what "
                "else could happen.", missing).format(count=missing)), classes="para")
        step = self.course.next_step
        if step is not None:
            yield Static(join((_("Next:") + " ", "bold"), line(step[0].module.title), " · ",
                              line(step[1].scenario.title)), classes="para")

    def course_parts(self):
        yield Static(Content(_("You have completed the whole course.")).stylize("bold"),
                     classes="page-title outcome-success")
        yield Static(Content(_("You practised every one of these hard talks, and you reached a good ending in "
                               "each. That takes courage.")), classes="para")
        rows = [join("  ✓ ", line(m.module.title)) for m in self.course.playable]
        yield Static(Content("\n").join(rows), classes="para")
        yield Static(Content(_("Some ideas for what comes next: play a scenario again to find the other endings; "
                               "look at your skills over time; make a conversation card before a real talk; or "
                               "write a report to share with a counselor (rehearse report).")), classes="para")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "next":
            flow.open_briefing(self.app, self.course.next_step[1].scenario.id)
        else:
            self.action_back()

    def action_back(self) -> None:
        self.app.pop_screen()
