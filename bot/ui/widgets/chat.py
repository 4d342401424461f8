"""The conversation as a chat: the loved one's lines with their name,
narration in italics, your chosen line as your message, and safety
callouts that stand out. Each message is one light `Static`: a key press
mounts and lays out as few widgets as it can (see scripts/bench.py app)."""

from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import AwaitMount, Widget
from textual.widgets import Static

from ...content.model import Choice, Line, Narration, Note
from ...i18n import _, ngettext
from ..text import fill, join, line, paragraphs, rich


def said(block: Line) -> Static:
    return Static(Content.assemble(line(block.speaker).stylize("bold"), "\n", rich(block.text)), classes="said")


def narration(block: Narration) -> Static:
    return Static(rich(block.text, "italic"), classes="narration")


def safety(note: Note, emergency: str) -> Static:
    """A safety callout, ending with the learner's own emergency number (`emergency_call`)."""
    body = join((_("Safety"), "bold"), "\n", paragraphs(note.paragraphs), "\n",
                (f"{emergency} " + _("Press F1 for help lines."), "bold"))
    return Static(body, classes="safety")


def yours(choice: Choice, own_words: str | None = None) -> Widget:
    body = join((_("You"), "bold"), "\n", rich(choice.text))
    if own_words:
        body = join(body, "\n", (_("In your words:") + " ", "italic"), line(own_words).stylize("italic"))
    return YourLine(body)


class Bubble(Visual):
    """Text in a bubble at the right of the row: as wide as the text (plus a
    cell each side) up to 85% of the row, which wraps the rest."""

    SHARE = 85  # percent of the row

    def __init__(self, body: Content, bubble: Style):
        self.body = body
        self.bubble = bubble

    @property
    def plain(self) -> str:
        """The text, as for Content (tests and screen readers read this)."""
        return self.body.plain

    def inner_width(self, rules: RulesMap, width: int) -> int:
        return max(1, min(self.body.get_optimal_width(rules, width) + 2, width * self.SHARE // 100) - 2)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, self.inner_width(rules, width))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        inner = self.inner_width(options.rules, width)
        bubble = self.bubble.rich_style
        left, edge = Strip.blank(width - inner - 2, style.rich_style), Strip.blank(1, bubble)
        return [Strip.join([left, edge, strip.extend_cell_length(inner, bubble), edge])
                for strip in self.body.render_strips(inner, height, self.bubble, options)]


class YourLine(Static):
    """Your line as one widget, the bubble drawn in the row (not a row holding
    a bubble): a step lays out one widget less, and a narrow bubble never
    rewraps the others. The bubble's colour is the `you--bubble` style."""

    COMPONENT_CLASSES = {"you--bubble"}

    def __init__(self, body: Content):
        super().__init__(classes="you")
        self.body = body

    def render(self) -> Bubble:
        return Bubble(self.body, self.get_visual_style("you--bubble"))


def typing(speaker: str) -> Static:
    return Static(fill(_("{name} is typing…"), name=line(speaker)), classes="typing")


def widget_for(block, emergency: str) -> Widget | None:
    """The chat shows lines, narration and safety callouts; coach notes go to the coach panel."""
    if isinstance(block, Line):
        return said(block)
    if isinstance(block, Narration):
        return narration(block)
    if isinstance(block, Note) and block.kind == "safety":
        return safety(block, emergency)
    return None


class ChatLog(VerticalScroll):
    """Messages in order, kept in turns (a node's messages and your reply) so
    undo can take a turn away. Only the newest turns stay mounted, so a long
    conversation stays quick; the debrief shows the whole path."""

    KEEP = 10  # turns kept mounted; trimmed in batches of SLACK so a trim is rare
    SLACK = 8
    can_focus = True

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.turns: list[list[Widget]] = []
        self.hidden = 0  # turns no longer mounted

    def on_mount(self) -> None:
        self.anchor()

    async def show_history(self, turns: list[list[Widget]], hidden: int) -> None:
        """Replace everything with these turns (the newest), after `hidden` older ones.
        The old ones are gone first (the note on earlier steps has an id), and the
        new ones are in place before the options are laid out under them."""
        await self.remove_children()
        self.turns, self.hidden = [list(t) for t in turns], hidden
        mounted = self._mount(([self._earlier()] if hidden else []) + [w for turn in self.turns for w in turn])
        if mounted is not None:
            await mounted

    # Mounting is not awaited here; start_turn hands back the mount so a key
    # press can await it inside one batch and paint the whole step once.
    def start_turn(self, widgets: list[Widget], reply: Widget | None = None) -> AwaitMount | None:
        """A new turn; `reply` (your line) closes the turn before it, in the same mount."""
        if reply is not None:
            self.turns[-1].append(reply)
        self.turns.append(list(widgets))
        self._trim()
        return self._mount(([reply] if reply is not None else []) + list(widgets))

    def add_to_turn(self, widgets: list[Widget]) -> None:
        self.turns[-1].extend(widgets)
        self._mount(widgets)

    def drop_turn(self) -> None:
        self.remove_children(self.turns.pop())

    def drop_last_message(self) -> None:
        self.turns[-1].pop().remove()

    def _mount(self, widgets: list[Widget]) -> AwaitMount | None:
        if not widgets:
            return None
        mounted = self.mount_all(widgets)
        self.anchor()
        return mounted

    def _trim(self) -> None:
        if len(self.turns) <= self.KEEP + self.SLACK:
            return
        extra = len(self.turns) - self.KEEP
        old = [w for turn in self.turns[:extra] for w in turn]
        self.turns, self.hidden = self.turns[extra:], self.hidden + extra
        self.remove_children(old)
        notes = self.query("#earlier")
        if notes:
            notes.first(Static).update(self._earlier_text())
        else:
            self.mount(self._earlier(), before=0)

    def _earlier_text(self) -> Content:
        return Content(ngettext(
            "{n} earlier step of this conversation is not shown here; the debrief shows them all.",
            "{n} earlier steps of this conversation are not shown here; the debrief shows them all.",
            self.hidden).format(n=self.hidden)).stylize("italic")

    def _earlier(self) -> Static:
        return Static(self._earlier_text(), id="earlier", classes="narration")
