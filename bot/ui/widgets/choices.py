"""The numbered options: keys 1-9, arrows and Enter, or the mouse."""

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...content.model import Choice
from ..text import rich


class ChoiceList(OptionList):
    class Chosen(Message):
        """The learner picked option `number` (1-based)."""

        def __init__(self, number: int):
            super().__init__()
            self.number = number

    def show(self, choices: list[Choice]) -> None:
        self.set_options(Option(Content.assemble((f"{n}. ", "bold"), rich(c.text)), id=f"choice-{n}")
                         for n, c in enumerate(choices, 1))
        # Nothing is highlighted, so Enter (pressed out of chat habit to carry on)
        # never says option 1 for you: a number, or an arrow then Enter, does.
        self.highlighted = None

    def show_labels(self, labels: list[str]) -> None:
        """Our own actions in place of options (for example at an ending)."""
        self.set_options(Option(Content.assemble((f"{n}. ", "bold"), label), id=f"choice-{n}")
                         for n, label in enumerate(labels, 1))
        self.highlighted = 0 if labels else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.option_index + 1))
