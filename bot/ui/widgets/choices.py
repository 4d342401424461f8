"""The numbered options: keys 1-9, arrows and Enter, or the mouse."""

from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...content.model import Choice
from ...i18n import N_, _
from ..hanging import Hanging
from ..text import rich


class ChoiceList(OptionList):
    class Chosen(Message):
        """The learner picked option `number` (1-based)."""

        def __init__(self, number: int):
            super().__init__()
            self.number = number

    def show(self, choices: list[Choice], nearest: int | None = None) -> None:
        """The options; the one `nearest` to the learner's own words is marked
        with words, not highlighted: the choice stays theirs."""
        self.set_options(Option(numbered(n, marked(rich(c.text)) if n == nearest else rich(c.text)), id=f"choice-{n}")
                         for n, c in enumerate(choices, 1))
        # Nothing is highlighted, so Enter (pressed out of chat habit to carry on)
        # never says option 1 for you: a number, or an arrow then Enter, does.
        self.highlighted = None

    def show_labels(self, labels: list[str]) -> None:
        """Our own actions in place of options (for example at an ending)."""
        self.set_options(Option(numbered(n, Content(label)), id=f"choice-{n}")
                         for n, label in enumerate(labels, 1))
        self.highlighted = 0 if labels else None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Measured at the width the options are drawn at. The list keeps room for
        its scrollbar (`scrollbar-gutter: stable`), so a scrollbar coming or going
        never rewraps the options; the layout's width still counts that room, and
        an option measured one line short would be cut off at the bottom."""
        if self.styles.scrollbar_gutter == "stable":
            width -= self.styles.scrollbar_size_vertical
        return super().get_content_height(container, viewport, width)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.option_index + 1))


NEAREST_MARK = N_("◂ closest to what you said")


def marked(text: Content) -> Content:
    return Content.assemble(text, "  ", (_(NEAREST_MARK), "bold italic $text-accent"))


def numbered(number: int, text: Content) -> Hanging:
    """"3. " with the option's text wrapping under the text, so the numbers stay a column."""
    return Hanging(Content(f"{number}. ").stylize("bold"), text)
