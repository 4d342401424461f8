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

from ...learning.own_words import TypedReply, habit_counts, recent_replies, typed_replies
from ...learning.skills import SkillHistory, skill_histories
from ...wording import TRENDS, arrow, direction, signed
from ..text import join, line
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar

CHART_TRIES = 12  # columns drawn: fits 80 columns with room to spare
LEVELS = "▁▂▃▄▅▆▇█"  # one height per score from -3 to +4, zero in the middle


class SkillsScreen(Screen):
    BINDINGS = [Binding("escape", "back", "Back")]

    def compose(self) -> ComposeResult:
        app = self.app
        histories = skill_histories(app.store, app.library.course, app.profile.id)
        yield TopBar("Skills over time")
        with VerticalScroll(id="growth", classes="page"):
            yield Static(Content("Your skills over time").stylize("bold"), classes="page-title")
            yield Static(Content(f"Each chart shows one skill at the end of each of your last {CHART_TRIES} "
                                 "tries, oldest on the left, with the score under each bar. Some scenarios are "
                                 "harder than others, so a try is compared only with your last try at the same "
                                 "scenario. Small ups and downs are normal."), classes="para")
            if not any(h.scores for h in histories):
                yield Static(Content("Finish a scenario and your first scores will appear here."),
                             id="no-scores", classes="para")
            for history in histories:
                yield from skill_rows(history)
            replies = recent_replies(app.store, app.profile.id)
            if replies:
                yield from habit_rows(replies)
        with Horizontal(classes="bar"):
            yield Button("Back", id="back", variant="primary")
        yield KeyBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_back()

    def action_back(self) -> None:
        self.app.pop_screen()


def skill_rows(history: SkillHistory):
    heading = join((f"{arrow(history.good)} ", "bold"), line(history.label).stylize("bold"),
                   (f"  {direction(history.good)}", "italic"))
    with Vertical(classes=f"skill-history good-{history.good}", id=f"skill-{history.id}"):
        yield Static(heading)
        if not history.scores:
            yield Static(Content("Not practised yet.").stylize("italic"), classes="skill-facts")
            return
        yield Static(score_chart(history.scores), classes="skill-chart")
        tries = len(history.scores)
        yield Static(Content(f"Latest {signed(history.latest)} · best {signed(history.best)} · "
                             f"{tries} tr{'ies' if tries != 1 else 'y'} · {TRENDS[history.trend]}"),
                     classes="skill-facts")


def habit_rows(replies: list[TypedReply]):
    """Your own words: how often each habit turned up in your latest typed replies."""
    counts = habit_counts(replies)
    with Vertical(classes="skill-history", id="own-words-habits"):
        yield Static(join(("In your own words", "bold"),
                          (f"  (the habits in your last {typed_replies(len(replies))})", "italic")))
        if not counts:
            yield Static(Content("No habits stood out yet. Keep typing what you would say.").stylize("italic"),
                         classes="skill-facts")
        for count in counts:
            yield Static(line(count.line), classes=f"skill-facts habit-{'helps' if count.helps else 'trap'}")


def score_chart(scores: tuple[int, ...]) -> Content:
    """The latest tries as columns: a bar as high as the score and the score
    under it, so -1, 0 and +2 never look alike (past -3 or +4 the bar stops
    growing; the number still says it)."""
    shown = scores[-CHART_TRIES:]
    bars = "".join(f"{LEVELS[min(max(score + 3, 0), len(LEVELS) - 1)]:>3} " for score in shown)
    numbers = "".join(f"{signed(score):>3} " for score in shown)
    return Content(f"{bars}\n{numbers}")
