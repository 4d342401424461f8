"""The facilitator's screen, laid out for a projector: the loved one's
lines and the options in large high-contrast text, how many have voted (the
count stays hidden until the vote closes) and the join code. Facilitator
notes never come here: the room sees this screen (they are on the
facilitator's own link, notes.py). Nor do the room's own lines, unless
the facilitator chooses one there: then it shows with its habits, never
with a name."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Digits, Static

from ...i18n import N_, _
from ...ui.text import join, line, text
from ...ui.widgets.keybar import KeyBar
from .. import phases
from ..gate import show_code
from ..qr import qr_rows
from ..slides import briefing_text, outcome_title
from . import render

REFRESH = 0.25  # seconds between looks at the vote count and the timers
WIDE = 100  # columns from which the count and timers keep their own column
TIMED = (phases.OPENING, phases.DISCUSS, phases.VOTING, phases.DEBRIEF, phases.CLOSING)  # a countdown or a talk
CHROME = 3  # rows that are not the body: the header, the status line and the key bar


class ProjectorScreen(Screen):
    BINDINGS = [
        Binding("space", "next", N_("Next")),
        Binding("enter", "next", N_("Next"), show=False),
        Binding("right", "next", N_("Next"), show=False),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
        Binding("v", "open_vote", N_("Vote"), show=False),
        Binding("c", "close_vote", N_("Close vote")),
        Binding("t", "timer", N_("Timer")),
        Binding("w", "words", N_("Own words")),
        Binding("r", "revote", N_("Vote again"), show=False),
        Binding("u", "undo", N_("Undo"), show=False),
        Binding("s", "skip", N_("Skip scenario"), show=False),
        Binding("j", "join_panel", N_("Join code"), show=False),
        Binding("e", "export", N_("Save record")),
        Binding("q", "quit", N_("Stop")),
    ]

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Close vote and Timer are offered (in the key bar too) only where they act:
        a vote to close, or a countdown to start or a talk to time."""
        phase = self.run.phase
        if action == "close_vote":
            return phase == phases.VOTING
        if action == "timer":
            return phase in TIMED or self.timer_ends is not None
        return True

    def __init__(self):
        super().__init__()
        self.show_join: bool | None = None  # None: shown while people are joining, then hidden
        self.timer_ends: float | None = None
        self._seen = (-1, "")

    @property
    def run(self):
        return self.app.workshop

    def compose(self) -> ComposeResult:
        yield Static(id="ws-header")
        with Horizontal(id="ws-body"):
            with VerticalScroll(id="ws-stage"):
                yield Static(id="ws-heading")
                yield Static(id="ws-title")
                yield Static(id="ws-lines")
                yield Static(id="ws-coach")
                yield Static(id="ws-question")
                yield Static(id="ws-options")
                yield Static(id="ws-words")
            with Vertical(id="ws-side"):
                with Vertical(id="ws-join"):
                    yield Static(id="ws-join-text")
                    yield Static(id="ws-qr")
                yield Static(id="ws-count-label")
                yield Digits("", id="ws-count")
                yield Static(id="ws-count-of")
                yield Static(id="ws-timer-label")
                yield Digits("", id="ws-timer")
        yield Static(id="ws-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.qr = qr_rows(self.app.join_url)
        self.query_one("#ws-qr", Static).update(Content("\n".join(self.qr)))
        self.redraw()
        self.set_interval(REFRESH, self.tick)

    # -- drawing ---------------------------------------------------------------
    def tick(self) -> None:
        """Timers and the vote count; a redraw only when something changed."""
        self.run.sync()
        now = self.app.room.clock()
        if self.timer_ends is not None and now >= self.timer_ends + 5:
            self.timer_ends = None
        seen = (self.app.room.version, render.seconds_left(self._deadline(), now))
        if seen != self._seen:
            self.redraw()

    def _deadline(self) -> float | None:
        room = self.app.room
        if self.run.phase == phases.VOTING and room.round is not None and room.round.closes_at is not None:
            return room.round.closes_at
        return self.timer_ends

    def redraw(self) -> None:
        run, room = self.run, self.app.room
        self.refresh_bindings()  # the phase decides which keys act
        self._seen = (room.version, render.seconds_left(self._deadline(), room.clock()))
        phase = run.phase
        joining = self.show_join if self.show_join is not None else (
            phase == phases.OPENING or (phase == phases.BRIEFING and run.index == 0))
        self.query_one("#ws-header", Static).update(join(  # the way in first: it must never be cut off
            (" " + _("Join: {address}  code {code}").format(
                address=self.app.join_address, code=show_code(self.app.code)) + " ", "bold reverse"), "  ",
            ("rehearse workshop", "bold"), "  ", line(run.title)))
        self.query_one("#ws-join").display = joining
        # the side column (count, timer, QR) on a narrow screen only while people join: the stage comes first
        self.query_one("#ws-side").display = joining or self.size.width >= WIDE
        join_text = join(_("Scan, or open on your phone:"), "\n", (self.app.join_address, "bold"), "\n",
                         _("code"), " ", (show_code(self.app.code), "bold"), " · ", _("no app, no name"))
        self.query_one("#ws-join-text", Static).update(join_text)
        # the QR code whole or not at all (half of one does not scan); the words above it always
        self.query_one("#ws-qr").display = len(self.qr) + join_text.plain.count("\n") + 1 <= self.size.height - CHROME
        self.query_one("#ws-heading", Static).update(self._heading())
        self.query_one("#ws-title", Static).update(self._title())
        self._stage()
        left = self._seen[1]
        timer_label = (_("Closes in") if phase == phases.VOTING else _("Time left")) if left else ""
        self.query_one("#ws-status", Static).update(join(render.vote_status(run),
                                                         (f"   {timer_label} {left}" if left else "", "bold")))
        self.query_one("#ws-count-label", Static).update(self._count_label())
        self.query_one("#ws-count", Digits).update(self._count())
        voting = phase in (phases.VOTING, phases.TALLY)
        self.query_one("#ws-count-of", Static).update(_("of {n} in the room").format(n=room.people) if voting else "")
        self.query_one("#ws-timer-label", Static).update(timer_label)
        self.query_one("#ws-timer", Digits).update(left)

    def _heading(self) -> Content:
        run = self.run
        if run.scenario is None:
            return line(run.title)
        part = _("Scenario {n} of {total}").format(n=run.index + 1, total=len(run.agenda))
        stepping = run.phase in (phases.SCENE, phases.DISCUSS, phases.VOTING, phases.TALLY)
        step = " · " + _("step {n}").format(n=run.step_number) if stepping else ""
        return join(line(run.scenario.title), (f"   {part}{step}", "italic"))

    def _title(self) -> Content:
        run, phase = self.run, self.run.phase
        if self.app.room.words is not None:
            return Content(_("What would you say?")).stylize("bold")
        titles = {phases.OPENING: _("Opening question"), phases.CLOSING: _("Closing question"),
                  phases.DONE: _("Thank you"), phases.BRIEFING: _("The situation"),
                  phases.DEBRIEF: _("How the room did"), phases.DISCUSS: _("Talk it over")}
        if phase == phases.ENDING:
            return Content(outcome_title(run.session.outcome)).stylize("bold")
        if phase in titles:
            return Content(titles[phase]).stylize("bold")
        return line(run.session.node.title).stylize("bold")

    def _stage(self) -> None:
        run, phase = self.run, self.run.phase
        lines = coach = question = options = words = Content("")
        if self.app.room.words is not None:  # the room's own words have the stage, and the line they answer
            lines, words = render.last_spoken(run), render.shared_lines(run)
        elif phase == phases.OPENING:
            question = render.question(run.opening)
        elif phase == phases.CLOSING:
            question = render.question(run.closing)
        elif phase == phases.DONE:
            lines = join(render.summary(run), "\n\n", (_("Press e to save the session record."), "italic"))
        elif phase == phases.BRIEFING:
            lines = text(briefing_text(run.scenario, run.emergency))
        elif phase == phases.DEBRIEF:
            lines = render.debrief(run)
        else:
            lines = render.stage_lines(run)
            if phase not in (phases.VOTING, phases.TALLY):  # while voting, the options get the room
                coach = render.coach(run)
            if phase == phases.DISCUSS and run.discussion is not None:
                question = render.question(run.discussion.text)
            elif phase != phases.ENDING:
                options = render.options(run)
        for name, content in (("lines", lines), ("coach", coach), ("question", question), ("options", options),
                              ("words", words)):
            widget = self.query_one(f"#ws-{name}", Static)
            widget.update(content)
            widget.display = bool(content.plain)
        if phase in (phases.VOTING, phases.TALLY):  # a long scene on a small screen must not push the ballot off
            self.call_after_refresh(self._show_options)

    def _show_options(self) -> None:
        stage, options = self.query_one("#ws-stage", VerticalScroll), self.query_one("#ws-options")
        if options.display:
            stage.scroll_to_widget(options, animate=False, top=False)

    def _count_label(self) -> str:
        phase = self.run.phase
        if self.app.room.words is not None:
            return _("Lines sent")
        return _("Voted") if phase in (phases.VOTING, phases.TALLY) else _("In the room")

    def _count(self) -> str:
        room = self.app.room
        if room.words is not None:
            return str(len(room.words.lines))
        if self.run.phase in (phases.VOTING, phases.TALLY) and room.round is not None:
            return str(room.round.voters)
        return str(room.people)

    # -- keys -----------------------------------------------------------------------
    def _did(self) -> None:
        self.app.room.touch()
        self.redraw()

    def action_next(self) -> None:
        self.timer_ends = None
        self.run.next()
        self._did()

    def action_pick(self, number: int) -> None:
        if self.run.pick(number):
            self.timer_ends = None
        else:
            self.app.bell()
        self._did()

    def action_open_vote(self) -> None:
        self.run.open_vote()
        self._did()

    def action_words(self) -> None:
        """Open a "What would you say?" round at this step, or close the one open."""
        if self.app.room.words is not None:
            self.run.close_words()
        elif not self.run.open_words():
            self.notify(_("A \"What would you say?\" round opens at a step of a scenario, before its vote."),
                        markup=False)
        self._did()

    def action_close_vote(self) -> None:
        self.run.close_vote()
        self._did()

    def action_timer(self) -> None:
        """A countdown that closes the vote, or a discussion timer."""
        run = self.run
        if run.phase == phases.VOTING:
            run.countdown(self.app.vote_seconds)
        elif self.timer_ends is None:
            self.timer_ends = self.app.room.clock() + 60 * self.app.discuss_minutes
        else:
            self.timer_ends = None
        self._did()

    def action_revote(self) -> None:
        self.run.revote()
        self._did()

    def action_undo(self) -> None:
        if not self.run.undo():
            self.notify(_("There is no step to take back here."), markup=False)
        self._did()

    def action_skip(self) -> None:
        self.run.skip_scenario()
        self._did()

    def on_resize(self) -> None:
        self.redraw()

    def action_join_panel(self) -> None:
        self.show_join = not self.query_one("#ws-join").display
        self._did()

    def action_export(self) -> None:
        self.app.ask_export()

    def action_quit(self) -> None:
        self.app.ask_quit()
