"""Skills over time: for each skill, a small chart of its score at the end
of each recent attempt, oldest on the left, with the good direction shown,
your latest and best score, and how it compares with your last try at the
same scenario (never a verdict from two different scenarios). Once you
have typed your own words, a line per habit found in your latest replies."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ...i18n import N_, _, ngettext
from ...learning.own_words import TypedReply, habit_counts, recent_replies, typed_replies
from ...learning.skills import SkillHistory, skill_histories
from ...wording import TRENDS, arrow, direction, signed
from ..text import join, line
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar

CHART_TRIES = 12  # columns drawn: fits 80 columns with room to spare
ROWS = 2  # rows of bar above the zero line and below it; each row holds two points (a half block is one)


def more_below() -> Content:
    return Content.assemble(("↓ " + _("More below"), "bold"), ": " + _("scroll, or press ↓ / Page Down"))


class SkillsScreen(Screen):
    BINDINGS = [Binding("escape", "back", N_("Back"))]

    def compose(self) -> ComposeResult:
        app = self.app
        histories = skill_histories(app.store, app.library.course, app.profile.id)
        yield TopBar(_("Skills over time"))
        with VerticalScroll(id="growth", classes="page"):
            # no page title: the top bar names the page, and at 80x24 both charts fit below
            yield Static(Content(_("Your last {count} tries, oldest first: bars above the line are above zero, "
                                   "below it under zero. Ups and downs are normal.").format(count=CHART_TRIES)),
                         classes="para")
            if not any(h.scores for h in histories):
                yield Static(Content(_("Finish a scenario and your first scores will appear here.")),
                             id="no-scores", classes="para")
            for history in sorted(histories, key=lambda h: not h.scores):  # practised first: their charts in view
                yield from skill_rows(history)
            replies = recent_replies(app.store, app.profile.id)
            if replies:
                yield from habit_rows(replies)
        with Horizontal(classes="bar"):
            yield Button(_("Back"), id="back", variant="primary")
            yield Static(more_below(), id="more-below")
        yield KeyBar()

    def on_mount(self) -> None:
        page = self.query_one("#growth")
        for changes in ("virtual_size", "size", "scroll_y"):  # laid out, resized, scrolled: is there more below?
            self.watch(page, changes, self.show_more_below)

    def show_more_below(self) -> None:
        """The hint beside Back, only while the page goes on below the screen."""
        page = self.query_one("#growth")
        self.query_one("#more-below").display = page.scroll_y < page.max_scroll_y

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_back()

    def action_back(self) -> None:
        self.app.pop_screen()


def skill_rows(history: SkillHistory):
    """A skill in as few rows as say it: its name, good way and numbers on one
    line, the chart, then how it compares on a line of its own (so it never
    wraps a word onto a line by itself)."""
    heading = join((f"{arrow(history.good)} ", "bold"), line(history.label).stylize("bold"),
                   (f"  {direction(history.good)}", "italic"))
    with Vertical(classes=f"skill-history good-{history.good}", id=f"skill-{history.id}"):
        if not history.scores:
            yield Static(join(heading, (" · " + _("not practised yet"), "italic")))
            return
        tries = len(history.scores)
        yield Static(join(heading, " · " + _("latest {latest} · best {best}").format(
            latest=signed(history.latest), best=signed(history.best)) + " · "
            + ngettext("{count} try", "{count} tries", tries).format(count=tries)))
        yield Static(score_chart(history.scores), classes="skill-chart")
        trend = _(TRENDS[history.trend])
        yield Static(Content(trend[0].upper() + trend[1:] + "."), classes="skill-facts")


def habit_rows(replies: list[TypedReply]):
    """Your own words: how often each habit turned up in your latest typed replies."""
    counts = habit_counts(replies)
    with Vertical(classes="skill-history", id="own-words-habits"):
        yield Static(join((_("In your own words"), "bold"),
                          ("  " + _("(the habits in your last {replies})").format(replies=typed_replies(len(replies))),
                           "italic")))
        if not counts:
            yield Static(Content(_("No habits stood out yet. Keep typing what you would say.")).stylize("italic"),
                         classes="skill-facts")
        for count in counts:
            yield Static(line(count.line), classes=f"skill-facts habit-{'helps' if count.helps else 'trap'}")


def score_chart(scores: tuple[int, ...]) -> Content:
    """The latest tries as columns about a zero line: bars up for scores above
    zero, down for scores below, a heavy mark on the line for zero, and the
    score under each, so -1, 0 and +1 never look alike, even without colour
    (past two rows the bar stops growing; the number still says it)."""
    shown = scores[-CHART_TRIES:]
    above = min(ROWS, max((s + 1) // 2 for s in (0, *shown)))
    below = min(ROWS, max((-s + 1) // 2 for s in (0, *shown)))
    rows = [" ".join(_cell(s, row, "▄") for s in shown) for row in range(above, 0, -1)]
    rows.append("─".join("─━━" if s == 0 else "───" for s in shown) + "─")
    rows += [" ".join(_cell(-s, row, "▀") for s in shown) for row in range(1, below + 1)]
    rows.append(" ".join(f"{signed(s):>3}" for s in shown))
    return Content("\n".join(rows))


def _cell(height: int, row: int, half: str) -> str:
    """One column's piece of bar `row` rows away from the zero line: full, half or none."""
    filled = height - 2 * (row - 1)
    return " ██" if filled >= 2 else f" {half * 2}" if filled == 1 else "   "
