"""The conversation: a chat with the loved one, numbered choices, and the
coach panel. Every choice is saved as it is made; Escape goes back to the
menu and the next visit carries on at the same step."""

import asyncio
import sqlite3
from functools import cached_property

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from ...content.model import Line, Note, plain
from ...help import emergency_call
from ...i18n import N_, _, language
from ...progress.tracked import TrackedPlay
from ...text import clean_line
from ...transcript import replay
from ...words import Rules, closest, library_rules, read, warm
from .. import flow
from ..text import fill, join, line
from ..widgets.chat import ChatLog, typing, widget_for, yours
from ..widgets.choices import ChoiceList
from ..widgets.coach import OPEN_KEY, CoachPanel, update_if_changed
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from ..widgets.words import OPEN_KEY as WORDS_KEY
from ..widgets.words import WordsPanel
from .dialogs import Question

OWN_WORDS_LIMIT = 500
OWN_WORDS_OFFER = (N_("Your own words first?"),
                   N_("Would you like to type what you would say before the options appear? The coach then says "
                      "what your words do: what helps, and what may backfire. It can miss a danger: if anyone may "
                      "be in danger now, press F1 for help lines. Your words stay on this computer. "
                      "You can change this any time in Settings."), N_("Yes, try it"), N_("Not now"))
LONGEST_PAUSE = 1.5  # seconds
TYPING_KEYS = {"undo": "ctrl+z", "restart": "ctrl+r", "source": "ctrl+o"}  # they work while typing, too
KEY_LABELS = {"undo": N_("Undo"), "restart": N_("Restart"), "source": N_("Source")}  # shown with _() by the key bar
COACH_TYPING_KEY = "ctrl+t"  # opens the folded coach while typing; the coach line names it


def key_name(key: str) -> str:
    """"ctrl+o" as people read it: "Ctrl+O" (Textual would show "^o")."""
    return key.title()


class ConversationScreen(Screen):
    BINDINGS = [
        *(Binding(str(n), f"choose({n})", show=False) for n in range(1, 10)),
        Binding("u", "undo", KEY_LABELS["undo"]),
        Binding("r", "restart", KEY_LABELS["restart"]),
        Binding("s", "source", KEY_LABELS["source"]),
        # while the own-words box has focus u, r and s type letters, so the key bar shows these instead
        *(Binding(key, action, KEY_LABELS[action], key_display=key_name(key)) for action, key in TYPING_KEYS.items()),
        Binding("escape", "menu", N_("Menu (saved)")),
        Binding("space", "hurry", N_("Skip pause"), show=False),
        Binding(OPEN_KEY, "coach", N_("Coach in full"), show=False),  # the folded coach line says so itself
        Binding(COACH_TYPING_KEY, "coach", N_("Coach in full"), show=False),
        Binding(WORDS_KEY, "words", N_("What your words do"), show=False),  # the folded panel names it
    ]

    def __init__(self, play: TrackedPlay):
        super().__init__()
        self.play = play
        self.session = play.session
        self.revealing = False
        self.pending_words: str | None = None
        self.nearest: int | None = None  # the offered option closest to the pending words, marked
        self._hurry = asyncio.Event()

    def compose(self) -> ComposeResult:
        yield TopBar(line(self.session.scenario.title))
        with Container(id="conversation"):
            yield ChatLog(id="chat")
            yield CoachPanel(self.app.library.sources, id="coach")
            yield WordsPanel(id="words")
            yield Static(id="prompt")
            yield Input(placeholder=_("What would you say? Type it and press Enter (or just Enter to skip)"),
                        id="own-words", max_length=OWN_WORDS_LIMIT)
            yield ChoiceList(id="choices")
        yield KeyBar()

    def offer_own_words(self) -> None:
        """Asked once, over the learner's first conversation, where it means
        something; "Not now" (the default) changes nothing. It is remembered as
        soon as it is asked, so it is never asked again (Settings has the switch)."""
        def answered(yes: bool | None) -> None:
            if yes:
                self.app.change_settings(own_words=True)
                self.warm_words()
                if not self.revealing:
                    self.after_reveal()

        self.app.change_settings(offer_own_words=False)  # asked now: not again, even if the app closes first
        if not self.app.settings.own_words:  # unless they found the switch in Settings first
            self.app.push_screen(Question(*(_(words) for words in OWN_WORDS_OFFER)), answered)

    def warm_words(self) -> None:
        """The words coach loads its rules now, beside the conversation, so the
        learner's first reply is read at once (the first reading loads them)."""
        self.run_worker(lambda: warm(rules=self.word_rules), thread=True, group="warm-words", exit_on_error=False)

    @cached_property
    def word_rules(self) -> Rules | None:
        """The words coach's rules, in the learner's language: the library's own
        words/<lang>.yaml when one of its --content folders has one (as in plain
        mode), else the built-in ones."""
        return library_rules(self.app.library.content_dirs, language())

    @property
    def emergency(self) -> str:
        """The learner's own emergency number, said under every safety callout."""
        return emergency_call(self.app.helplines.region(self.app.profile.region))

    async def on_mount(self) -> None:
        self.query_one("#own-words", Input).cursor_blink = not self.app.still
        self.wait_for_lines()
        if self.app.settings.own_words:
            self.warm_words()
        if self.app.settings.offer_own_words:
            self.offer_own_words()
        if not self.session.steps:
            self.update_coach(None)
            await self.reveal(self.session.shown_blocks())
            return
        await self.show_history()
        self.after_reveal()

    async def show_history(self) -> None:
        """The conversation so far (its newest turns), shown at once, as when carrying on."""
        turns = replay(self.session, self.play.own_words)
        shown = turns[-ChatLog.KEEP:]
        groups = []
        for turn in shown:
            group = [w for block in turn.blocks if (w := widget_for(block, self.emergency)) is not None]
            if turn.chosen is not None:
                group.append(yours(turn.chosen, turn.own_words))
            groups.append(group)
        await self.query_one(ChatLog).show_history(groups, len(turns) - len(shown))
        self.update_coach(turns[-2].chosen.feedback if len(turns) > 1 else None)

    # -- showing --------------------------------------------------------------
    async def reveal(self, blocks, reply: Widget | None = None) -> None:
        """Show your reply, then the node's lines one at a time (with a short
        typing pause, unless that is switched off), then the choices."""
        if self.app.typing_delay:
            self.run_worker(self._reveal(blocks, reply, self.app.typing_delay), exclusive=True, group="reveal")
        else:
            await self._reveal(blocks, reply, 0.0)

    async def _reveal(self, blocks, reply: Widget | None, delay: float) -> None:
        chat = self.query_one(ChatLog)
        widgets = [(block, widget) for block in blocks if (widget := widget_for(block, self.emergency)) is not None]
        if delay:
            self.revealing = True  # a key now hurries the lines rather than choosing
            self.wait_for_lines()
            chat.start_turn([], reply)
            for block, widget in widgets:
                if isinstance(block, Line) and not self._hurry.is_set():
                    indicator = typing(block.speaker)
                    chat.mount(indicator)
                    try:
                        await asyncio.wait_for(self._hurry.wait(), pause(block, delay))
                    except TimeoutError:
                        pass
                    await indicator.remove()
                chat.add_to_turn([widget])
        with self.app.batch_update():  # your reply, the lines and the options appear in one paint
            mounted = None if delay else chat.start_turn([widget for _, widget in widgets], reply)
            if mounted is not None:
                await mounted  # your reply is a row with a bubble in it: wait for the bubble too
            self.revealing = False
            self._hurry.clear()
            self.after_reveal()

    def wait_for_lines(self) -> None:
        """No options while the lines appear. The list stays in place (empty), so
        focus does not jump about: a focus change restyles the whole screen."""
        self.query_one(ChoiceList).clear_options()
        self.query_one("#own-words").display = False
        self.query_one(WordsPanel).display = False
        self.query_one("#prompt", Static).update(Content("…"))

    def after_reveal(self) -> None:
        prompt = self.query_one("#prompt", Static)
        choices = self.query_one(ChoiceList)
        words = self.query_one("#own-words", Input)
        self.query_one(WordsPanel).display = bool(self.pending_words) and not self.session.ending
        if self.session.ending:
            prompt.update(Content(_("This is one of the endings. Press Enter to see how it went, or u to take back "
                                    "your last choice.")))
            choices.show_labels([_("See how it went")])
            choices.display, words.display = True, False
            choices.focus()
        elif self.app.settings.own_words and self.pending_words is None:
            prompt.update(Content(_("In your own words first: what would you say?")))
            choices.display, words.display = False, True
            words.focus()
        else:
            offered = self.session.offered()
            hint = _("Pick the option closest to what you would say.") if self.app.settings.own_words else \
                _("What do you say?")
            keys = "1" if len(offered) == 1 else f"1-{len(offered)}"
            keys_hint = _("Press {keys}, or use the arrows and Enter.").format(keys=keys)
            update_if_changed(prompt, join((hint, "bold"), "  " + keys_hint))
            choices.show(offered, self.nearest if self.pending_words else None)
            choices.display, words.display = True, False
            choices.focus()
        coach = self.query_one(CoachPanel)
        if words.display:
            coach.name_keys(key_name(TYPING_KEYS["source"]), key_name(COACH_TYPING_KEY))
        else:
            coach.name_keys("s", OPEN_KEY)

    def update_coach(self, feedback: Note | None) -> None:
        coach = self.query_one(CoachPanel)
        notes = [b for b in self.session.shown_blocks() if isinstance(b, Note) and b.kind in ("coach", "discuss")]
        coach.show(feedback, notes, first=not self.session.steps)
        coach.show_skills(self.session.skill_scores(), self.app.library.course.skills if self.app.library.course
                          else {})

    # -- choosing -------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.pending_words = clean_line(event.value)[:OWN_WORDS_LIMIT]
        event.input.value = ""
        if self.pending_words:
            self.query_one(WordsPanel).show(self.pending_words, read(self.pending_words, rules=self.word_rules))
            self.nearest = closest(self.pending_words, [plain(c.text) for c in self.session.offered()],
                                   rules=self.word_rules)
        self.after_reveal()

    async def on_choice_list_chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        await self.action_choose(event.number)

    async def action_choose(self, number: int) -> None:
        if self.revealing:
            self._hurry.set()
            return
        if self.session.ending:
            if number == 1:
                flow.debrief(self.app, self.play)
            return
        if self.query_one("#own-words").display:
            return
        if not 1 <= number <= len(self.session.offered()):
            self.app.bell()
            return
        words, self.pending_words = self.pending_words or None, None
        try:
            choice = self.play.choose(number, words)
        except sqlite3.Error as err:
            self.notify(_("Your choice could not be saved: {problem}").format(problem=err), title=_("Not saved"),
                        severity="error", markup=False)
            return
        self.update_coach(choice.feedback)
        await self.reveal(self.session.shown_blocks(), yours(choice, words))

    def action_hurry(self) -> None:
        self._hurry.set()

    async def action_undo(self) -> None:
        if self.revealing:
            self.workers.cancel_group(self, "reveal")
            self.revealing = False
            self._hurry.clear()
        if not self.play.undo():
            self.notify(_("There is nothing to take back yet."), markup=False)
            self.after_reveal()
            return
        self.pending_words = None  # typed for the step taken back: the earlier step asks again
        chat = self.query_one(ChatLog)
        chat.query(".typing").remove()
        chat.drop_turn()
        if chat.turns:
            chat.drop_last_message()  # your line from the step taken back
        if chat.hidden and len(chat.turns) < 2:
            await self.show_history()  # bring back turns that were trimmed away
        steps = self.session.steps
        last = self.session.scenario.node(steps[-1][0]).choices[steps[-1][1]] if steps else None
        self.update_coach(last.feedback if last else None)
        self.after_reveal()

    def action_restart(self) -> None:
        async def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.workers.cancel_group(self, "reveal")
            self.revealing = False
            self.play.restart()
            self.pending_words = None
            await self.query_one(ChatLog).show_history([], 0)
            self.update_coach(None)
            await self.reveal(self.session.shown_blocks())

        self.app.push_screen(Question(_("Start again?"), _("Start this conversation again from the beginning? "
                                                          "This try stays in your history."),
                                      _("Start again"), _("Keep going")), answered)

    def action_coach(self) -> None:
        self.query_one(CoachPanel).toggle_open()

    def action_words(self) -> None:
        """Open (or fold) what the learner's words do. Opened, a reading taller
        than its room scrolls with the arrow keys (the numbers still choose);
        folded, the arrows move through the options again."""
        panel = self.query_one(WordsPanel)
        if not panel.display:
            return
        panel.toggle_open()
        if panel.has_class("-open"):
            self.call_after_refresh(lambda: panel.focus() if panel.max_scroll_y > 0 else None)
        else:
            self.query_one(ChoiceList).focus()

    def action_source(self) -> None:
        citations = self.query_one(CoachPanel).citations
        if not citations:
            self.notify(_("There is no source to read for this moment."), markup=False)
            return
        from .source import SourceScreen

        self.app.push_screen(SourceScreen(citations))

    def action_menu(self) -> None:
        """Back to the menu; the steps are saved. Words typed for this step are
        not, so the learner is asked first (and "Keep writing" has focus)."""
        words = self.query_one("#own-words", Input).value.strip() or self.pending_words
        if not words:
            flow.back_home(self.app)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                flow.back_home(self.app)

        said = fill(_("What you wrote for this step is not saved yet: “{words}”. Your choices so far are saved."),
                    words=line(words))
        self.app.push_screen(Question(_("Leave mid-sentence?"), said, _("Leave anyway"), _("Keep writing")), answered)


def pause(block: Line, delay: float) -> float:
    """Longer lines take a little longer to 'type', up to a limit."""
    words = sum(len(span.text.split()) for span in block.text)
    return min(LONGEST_PAUSE, delay * (1 + words / 40))
