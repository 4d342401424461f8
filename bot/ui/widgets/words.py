"""The "What your words do" panel: after the learner types what they would
say, and above the options, the habits found in their words, said kindly
(what helped, what may backfire, one thing to try). The words themselves
are bot.learning.own_words's, so plain mode and the debrief say the same.

The options keep their room: on a narrow screen the panel keeps to a few
rows, and on a short one it folds to one line (the habits named briefly);
either way `w` opens it in full, as `c` opens the coach."""

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...i18n import N_, _
from ...learning.own_words import BACKFIRE, HELPED, SAFETY, habits_in_short, what_words_do
from ...words import Reading
from ..text import join, line
from .coach import open_key, update_if_changed

OPEN_KEY = "w"
TITLE = N_("What your words do")
NOTHING_FOUND = N_("Nothing stood out either way.")  # both shown with _()
HEADING_STYLES = {HELPED: "bold $success", BACKFIRE: "bold $warning", SAFETY: "bold $error"}  # "One thing to try" stays plain bold


class WordsPanel(VerticalScroll):
    def compose(self) -> ComposeResult:
        with Horizontal(id="words-head"):
            yield Static(id="words-said")
            yield Static(id="words-line")
            yield Static(id="words-more")
        yield Static(id="words-says")

    def show(self, words: str, reading: Reading) -> None:
        """The learner's words (as typed: text, never markup) and what they do."""
        before, _words, after = _("You said: “{words}”").partition("{words}")
        said = join((_(TITLE), "bold"), ("  " + before, "italic"), line(words).stylize("italic"), (after, "italic"))
        rows = [join((_(heading) + ": ", HEADING_STYLES.get(heading, "bold")), line(says))
                for heading, says in what_words_do(reading)]
        if not reading.notes and not reading.safety:
            rows.insert(0, Content(_(NOTHING_FOUND)))
        update_if_changed(self.query_one("#words-said", Static), said)
        update_if_changed(self.query_one("#words-line", Static),
                          join((_(TITLE) + ": ", "bold"), habits_in_short(reading) or _(NOTHING_FOUND)))
        update_if_changed(self.query_one("#words-says", Static), Content("\n").join(rows))
        self.remove_class("-open")
        self.scroll_home(animate=False)
        self.show_open_key()

    def toggle_open(self) -> None:
        self.toggle_class("-open")
        self.show_open_key()

    def show_open_key(self) -> None:
        """"w more" when something is folded away or cut short; "w show less" when open."""
        is_open = self.has_class("-open")
        more = self.query_one("#words-more", Static)
        more.display = is_open or self.screen.has_class("-short") or self.max_scroll_y > 0 or self.said_cut_short()
        update_if_changed(more, open_key(OPEN_KEY, is_open))

    def said_cut_short(self) -> bool:
        """Narrow, the learner's words keep to one line (the open panel shows them whole)."""
        said = self.query_one("#words-said", Static)
        return self.screen.has_class("-narrow") and said.visual is not None and \
            said.visual.cell_length > self.content_size.width

    def on_resize(self) -> None:
        self.show_open_key()
