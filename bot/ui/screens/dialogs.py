"""Small questions in a box: the private safety check, a yes/no
confirmation, and picking a step to try again from."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ...i18n import N_, _
from ...text import clean_line
from ...wording import SAFETY_PRIVACY, SAFETY_QUESTION
from ..text import join


# Content warnings stay English in scenario files (they choose the safety check); the
# ones the course uses are marked here so they are shown in the learner's language.
WARNING_WORDS = (N_("anger"), N_("violence"), N_("overdose"), N_("relapse"), N_("alcohol"), N_("children"),
                 N_("suicide"), N_("cannabis"), N_("vaping"), N_("injury"))


def topics(warnings) -> str:
    """A scenario's content warnings as one line, each in the learner's language where we know it."""
    return clean_line(", ".join(_(warning) for warning in warnings))


class Question(ModalScreen[bool | None]):
    """A question with a yes and a no button; Escape answers neither (None).
    The no button has focus: in every question we ask, no is the answer that
    changes nothing, so an Enter pressed out of habit is safe."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Back")),  # y and n in every language (the hint says so)
                Binding("y", "answer(True)", show=False), Binding("n", "answer(False)", show=False)]

    def __init__(self, title: str, body: Content | str, yes: str, no: str, *, danger: bool = False):
        super().__init__(classes="dialog-screen")
        self.title_text, self.body, self.yes, self.no, self.danger = title, body, yes, no, danger

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.title_text).stylize("bold"), classes="dialog-title")
            yield Static(self.body if isinstance(self.body, Content) else Content(self.body), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                # the safe answer looks like the default too, not only has focus: a filled button reads as "press me"
                yield Button(self.yes, id="yes", variant="error" if self.danger else "default")
                yield Button(self.no, id="no", variant="primary")
            yield Static(Content(_("Keys: y for yes, n for no, Esc to go back.")), classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


def safety_check(warnings) -> Question:
    """Asked before a scenario with anger, violence or overdose in it. Nothing about the answer is kept."""
    body = join(_("This practice includes: {topics}.").format(topics=topics(warnings)), "\n\n",
                _("If someone could be hurt tonight, getting help comes first."), " ", _(SAFETY_PRIVACY))
    return Question(_(SAFETY_QUESTION), body, _("Yes, show me help now"), _("No, let's practise"), danger=True)


class StepPicker(ModalScreen[int | None]):
    """Choose the step to try differently; earlier steps are kept."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Back"))]

    def __init__(self, steps: list[Content]):
        super().__init__(classes="dialog-screen")
        self.steps = steps

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(_("Try again from which step?")).stylize("bold"), classes="dialog-title")
            yield OptionList(*(Option(Content.assemble((f"{n}. ", "bold"), label)) for n, label
                               in enumerate(self.steps, 1)), id="step-list")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Back"), id="back")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index + 1)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
