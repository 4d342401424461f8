"""Under the debrief: an optional moment to reflect (a question and a line
to answer it, kept in the journal), the conversation card, and word when
this play-through has completed its module."""

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Select, Static

from ...i18n import _
from ...learning import journal
from ...learning.course_map import course_map
from ...progress.tracked import TrackedPlay
from ..text import fill, join, line


class AfterDebrief(Vertical):
    def __init__(self, play: TrackedPlay):
        super().__init__(id="after-debrief")
        self.play = play

    def compose(self) -> ComposeResult:
        session = self.play.session
        module = self.completed_module()
        if module is not None:
            with Horizontal(id="module-done", classes="learning-row"):
                yield Static(fill("✓ " + _("You have completed {module}."),
                                  module=line(module.module.title).stylize("bold")),
                             classes="learning-row-text outcome-success")
                yield Button(_("See what you learned"), id="see-module")
        yield Static(join((_("A moment to reflect"), "bold"), ("  " + _("(optional; kept in your journal)"), "italic")),
                     classes="section-title")
        with Horizontal(id="reflect-row", classes="learning-row"):
            yield Select([(_(p), p) for p in journal.PROMPTS], value=journal.prompt_for(session.outcome),
                         allow_blank=False, id="reflect-prompt")
            yield Input(placeholder=_("A few words, then Enter"), id="reflect-text", max_length=journal.TEXT_LIMIT)
        with Horizontal(classes="learning-row"):
            yield Button(_("Save note"), id="save-note")
            yield Button(_("Conversation card"), id="open-card")
            yield Button(_("Course map"), id="course-map")

    def on_mount(self) -> None:
        self.query_one("#reflect-text", Input).cursor_blink = not self.app.still

    def completed_module(self):
        if self.play.session.outcome != "success":
            return None
        app = self.app
        module = course_map(app.store, app.library, self.play.profile_id).module_of(self.play.scenario_id)
        return module if module is not None and module.complete else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.save_note()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save-note":
            self.save_note()
        elif event.button.id == "open-card":
            self.open_card()
        elif event.button.id == "course-map":
            from ..screens.course import CourseMapScreen

            self.keep_typed_note()  # the map can start another scenario, which closes the debrief
            self.app.push_screen(CourseMapScreen())
        elif event.button.id == "see-module":
            from ..screens.course import CompletionScreen

            app = self.app
            course = course_map(app.store, app.library, self.play.profile_id)
            app.push_screen(CompletionScreen(course, course.module_of(self.play.scenario_id)))

    def save_note(self) -> None:
        if not self.add_to_journal():
            self.app.notify(_("Write a few words first. This is optional, so you can also skip it."), markup=False)
            return
        self.app.notify(_("Saved in your journal."), title=_("Saved"), markup=False)

    def keep_typed_note(self) -> None:
        """Words typed but not saved are saved as they are when the learner
        leaves (Esc, Home, Try again…): leaving never throws a note away."""
        if self.add_to_journal():
            self.app.notify(_("Your unsaved note is kept in your journal."), title=_("Note kept"), markup=False)

    def add_to_journal(self) -> bool:
        """Save the box's words under the chosen question; False when there are none."""
        words = self.query_one("#reflect-text", Input)
        prompt = str(self.query_one("#reflect-prompt", Select).value)
        try:
            journal.add(self.app.store, self.play.profile_id, prompt, words.value, self.play.scenario_id,
                        self.play.playthrough_id)
        except journal.EmptyEntry:
            return False
        words.value = ""
        return True

    def focus_note(self) -> None:
        self.query_one("#reflect-text").focus()
        self.scroll_visible()

    def open_card(self) -> None:
        from ..screens.card import CardScreen

        self.app.push_screen(CardScreen(self.play.session, self.play.own_words))
