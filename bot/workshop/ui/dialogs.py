"""Choosing where the session record goes."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

FOLDER_LIMIT = 1000


class SaveRecord(ModalScreen[str | None]):
    """A folder for the Markdown and CSV record; Escape cancels."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Back")]

    def __init__(self, folder: str):
        super().__init__(classes="dialog-screen")
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content("Save the session record").stylize("bold"), classes="dialog-title")
            yield Static(Content("Two files, Markdown and CSV: each step, its options, the vote counts and your "
                                 "own picks. Anonymous: no names and no one's own vote. Only you can read them."),
                         classes="dialog-body")
            yield Input(self.folder, id="folder", max_length=FOLDER_LIMIT)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        saving = event.button.id == "save"
        self.dismiss((self.query_one(Input).value.strip() or None) if saving else None)
