"""The reflection journal: your notes after each debrief, newest first.
Open one to read it whole, edit it or delete it; or write a new one. The
notes stay on this computer and go into a report only if you ask."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from ...i18n import N_, _
from ...learning import journal
from ...learning.dates import short_date
from ..text import fill, join, line, text
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from .dialogs import Question


class JournalScreen(Screen):
    BINDINGS = [
        Binding("n", "new", N_("New note")),
        Binding("d", "delete", N_("Delete")),
        Binding("escape", "back", N_("Back")),
    ]

    def compose(self) -> ComposeResult:
        yield TopBar(_("Journal"))
        with Vertical(id="journal-page", classes="page"):
            yield Static(Content(_("Your journal")).stylize("bold"), classes="page-title")
            yield Static(Content(_("What you noticed after each practice. Only you see these notes, unless you "
                                   "put them in a report. Press Enter to open one.")), classes="para")
            yield OptionList(id="entries")
            yield Static(Content(_("No notes yet. After a debrief you can write a few words about how it went.")),
                         id="no-entries", classes="para")
        with Horizontal(classes="bar"):
            yield Button(_("New note"), id="new", variant="primary")
            yield Button(_("Back"), id="back")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_entries()
        entries = self.query_one("#entries", OptionList)
        (entries if entries.option_count else self.query_one("#new")).focus()

    def refresh_entries(self) -> None:
        app = self.app
        self.entries = journal.entries(app.store, app.profile.id)
        options = self.query_one("#entries", OptionList)
        kept = options.highlighted
        options.set_options([self.option(e) for e in self.entries])
        if self.entries:
            options.highlighted = min(kept or 0, len(self.entries) - 1)
        options.display = bool(self.entries)
        self.query_one("#no-entries").display = not self.entries

    def option(self, entry: journal.Entry) -> Option:
        scenario = self.app.library.scenarios.get(entry.scenario)
        about = join(" · ", line(scenario.title)) if scenario else Content("")
        first = entry.text.split("\n", 1)[0]
        return Option(join((short_date(entry.created_at), "bold"), about, "\n  ",
                           line(journal.prompt_text(entry.prompt)).stylize("italic"),
                           " ", line(first[:80] + ("…" if len(first) > 80 else ""))), id=str(entry.id))

    def selected(self) -> journal.Entry | None:
        options = self.query_one("#entries", OptionList)
        if not self.entries or options.highlighted is None:
            return None
        return self.entries[options.highlighted]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open(self.entries[event.option_index])

    def open(self, entry: journal.Entry | None) -> None:
        def done(changed: bool | None) -> None:
            if changed:
                self.refresh_entries()

        self.app.push_screen(EntryEditor(entry), done)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_new() if event.button.id == "new" else self.action_back()

    def action_new(self) -> None:
        self.open(None)

    def action_delete(self) -> None:
        entry = self.selected()
        if entry is not None:
            confirm_delete(self.app, entry, self.refresh_entries)

    def action_back(self) -> None:
        self.app.pop_screen()


def confirm_delete(app, entry: journal.Entry, after) -> None:
    def answered(yes: bool | None) -> None:
        if yes:
            journal.delete(app.store, app.profile.id, entry.id)
            app.notify(_("The note was deleted."), markup=False)
            after()

    app.push_screen(Question(_("Delete this note?"), join(_("It cannot be brought back.") + "\n\n",
                                                          text(entry.text[:300]).stylize("italic")),
                             _("Delete it"), _("Keep it"), danger=True), answered)


class EntryEditor(ModalScreen[bool]):
    """Write a new note, or read, edit or delete one. Dismisses True when something changed."""

    BINDINGS = [Binding("escape", "cancel", N_("Cancel")), Binding("ctrl+s", "save", N_("Save"))]

    def __init__(self, entry: journal.Entry | None, prompt: str = journal.NEXT_TIME):
        super().__init__(classes="dialog-screen")
        self.entry = entry
        self.prompt = entry.prompt if entry else prompt

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog journal-dialog"):
            title = (_("Note from {date}").format(date=short_date(self.entry.created_at)) if self.entry
                     else _("A new note"))
            yield Static(Content(title).stylize("bold"), classes="dialog-title")
            if self.entry is None:
                yield Select([(_(p), p) for p in journal.PROMPTS], value=self.prompt, allow_blank=False,
                             id="prompt")
            else:
                yield Static(line(journal.prompt_text(self.prompt)).stylize("italic"), id="prompt-text")
            yield TextArea(self.entry.text if self.entry else "", id="entry-text", soft_wrap=True,
                           show_line_numbers=False, max_checkpoints=50)
            with Vertical(classes="dialog-foot"):
                with Horizontal(classes="dialog-buttons"):
                    yield Button(_("Save"), id="save", variant="primary")
                    if self.entry is not None:
                        yield Button(_("Delete"), id="delete", variant="error")
                    yield Button(_("Cancel"), id="cancel")
                # the key bar behind a box shows the page's keys, not these
                yield Static(Content(_("Keys: Ctrl+S to save, Esc to cancel.")), classes="dialog-keys")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.cursor_blink = not self.app.still
        area.focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"save": self.action_save, "delete": self.action_delete, "cancel": self.action_cancel}[event.button.id]()

    def action_save(self) -> None:
        app, words = self.app, self.query_one(TextArea).text
        try:
            if self.entry is None:
                prompt = str(self.query_one("#prompt", Select).value)
                journal.add(app.store, app.profile.id, prompt, words)
            else:
                journal.edit(app.store, app.profile.id, self.entry.id, words)
        except journal.EmptyEntry:
            app.notify(_("Write a few words first, or press Cancel."), markup=False)
            return
        self.dismiss(True)

    def action_delete(self) -> None:
        confirm_delete(self.app, self.entry, lambda: self.dismiss(True))

    def action_cancel(self) -> None:
        """Esc or Cancel. Words typed here are not thrown away without asking, and "Keep writing" has focus."""
        words = self.query_one(TextArea).text
        if words.strip() == (self.entry.text if self.entry else "").strip():
            self.dismiss(False)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(False)

        self.app.push_screen(Question(_("Leave without saving?"),
                                      fill(_("What you wrote is not saved yet: “{words}”."),
                                           words=line(words.strip()[:300])),
                                      _("Leave anyway"), _("Keep writing")), answered)
