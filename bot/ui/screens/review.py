"""A short review: the myth-or-fact cards you missed come back, a few at a
time, until you have answered each one right twice in a row. Each answer
is kept as it is given, so leaving half-way loses nothing."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from ...i18n import N_, _
from ...learning import review
from ...wording import citation_label
from ..text import join, line, paragraphs
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar

KEYS = {review.MYTH: "m", review.FACT: "f", review.NOT_SURE: "s"}


class ReviewScreen(Screen):
    BINDINGS = [
        Binding("m", "answer('Myth')", N_("Myth")),
        Binding("f", "answer('Fact')", N_("Fact")),
        Binding("s", "answer('Not sure')", N_("Not sure")),
        Binding("escape", "back", N_("Back")),
    ]

    def __init__(self):
        super().__init__()
        app = self.app
        self.cards = review.due(app.store, app.library, app.profile.id)
        self.position = 0
        self.right = 0
        self.answered = False

    def compose(self) -> ComposeResult:
        yield TopBar(_("Review: myth or fact?"))
        with VerticalScroll(id="review", classes="page"):
            yield Static(id="review-count", classes="page-title")
            yield Static(id="statement", classes="para")
            yield Static(id="verdict", classes="para")
            yield Static(id="explanation", classes="para")
        with Horizontal(id="review-actions", classes="bar"):
            for verdict in review.VERDICTS:
                yield Button(f"{_(verdict)} ({KEYS[verdict]})", id=f"say-{KEYS[verdict]}", classes="verdict")
            yield Button(_("Next"), id="next", variant="primary")
            yield Button(_("Back"), id="back")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show()

    @property
    def card(self) -> review.Card | None:
        return self.cards[self.position] if self.position < len(self.cards) else None

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Myth, fact and not sure are offered only while a card waits for its answer."""
        if action == "answer":
            return self.card is not None and not self.answered
        return True

    def show(self) -> None:
        card = self.card
        self.refresh_bindings()
        for button in self.query(".verdict"):
            button.display = card is not None and not self.answered
        self.query_one("#next").display = card is not None and self.answered
        if card is None:
            self.show_end()
            return
        self.query_one("#review-count", Static).update(
            Content(_("Card {number} of {total}").format(number=self.position + 1, total=len(self.cards)))
            .stylize("bold"))
        self.query_one("#statement", Static).update(join("“", line(card.statement).stylize("bold"), "”\n\n",
                                                         (_("Myth, fact, or not sure?"), "italic")))
        if not self.answered:
            self.query_one("#verdict", Static).update("")
            self.query_one("#explanation", Static).update("")
            self.query_one("#say-m").focus()

    def show_end(self) -> None:
        count = self.query_one("#review-count", Static)
        if not self.cards:
            count.update(Content(_("Nothing to review right now")).stylize("bold"))
            self.query_one("#statement", Static).update(Content(_(
                "When you answer a card wrongly, or are not sure, in a myth-or-fact scenario, it comes back here "
                "later. Once you get it right twice, it is done.")))
        else:
            count.update(Content(_("Review done")).stylize("bold"))
            self.query_one("#statement", Static).update(Content(_(
                "You got {right} of {total} right this time. Cards you have now got right twice will not come "
                "back. The others will, next time.").format(right=self.right, total=len(self.cards))))
        self.query_one("#verdict", Static).update("")
        self.query_one("#explanation", Static).update("")
        self.query_one("#back").focus()

    def action_answer(self, verdict: str) -> None:
        card = self.card
        if card is None or self.answered:
            return
        app = self.app
        right = review.answer(app.store, app.profile.id, card, verdict)
        self.right += right
        self.answered = True
        myth = card.right == review.MYTH
        if right:
            judged = _("Right: it is a myth.") if myth else _("Right: it is a fact.")
        else:
            judged = _("Not quite: it is a myth.") if myth else _("Not quite: it is a fact.")
        verdict_text = self.query_one("#verdict", Static)
        # what they pressed, in words: the coach's note below speaks to the right answer, which may not be theirs
        verdict_text.update(join(_("You said “{verdict}”.").format(verdict=_(verdict)) + " ", (judged, "bold")))
        verdict_text.set_class(right, "outcome-success")
        verdict_text.set_class(not right, "outcome-setback")
        note = card.explanation
        if note is not None:
            sources = "; ".join(citation_label(app.library.sources, c) for c in note.citations)
            self.query_one("#explanation", Static).update(
                join((_("To the answer “{answer}”, the coach says:").format(answer=_(card.right)) + "\n", "bold"),
                     paragraphs(note.paragraphs),
                     ("\n\n" + _("Source: {sources}").format(sources=sources) if sources else "", "italic")))
        self.show()
        self.query_one("#next").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        ident = event.button.id
        if ident.startswith("say-"):
            verdict = next(v for v, key in KEYS.items() if f"say-{key}" == ident)
            self.action_answer(verdict)
        elif ident == "next":
            self.action_next()
        else:
            self.action_back()

    def action_next(self) -> None:
        if self.answered:
            self.position += 1
            self.answered = False
            self.show()

    def action_back(self) -> None:
        self.app.pop_screen()
