"""The conversation as a chat: the loved one's lines with their name,
narration in italics, your chosen line as your message, and safety
callouts that stand out. Each message is one light `Static` of `Content`."""

from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ...content.model import Choice, Line, Narration, Note
from ..text import join, line, paragraphs, rich


def said(block: Line) -> Static:
    return Static(Content.assemble(line(block.speaker).stylize("bold"), "\n", rich(block.text)), classes="said")


def narration(block: Narration) -> Static:
    return Static(rich(block.text, "italic"), classes="narration")


def safety(note: Note) -> Static:
    body = join(("Safety", "bold"), "\n", paragraphs(note.paragraphs), "\n",
                ("If anyone is in danger now, press F1 for help lines.", "bold"))
    return Static(body, classes="safety")


def yours(choice: Choice, own_words: str | None = None) -> Widget:
    body = join(("You", "bold"), "\n", rich(choice.text))
    if own_words:
        body = join(body, "\n", ("In your words: ", "italic"), line(own_words).stylize("italic"))
    return Horizontal(Static(body, classes="you"), classes="you-row")


def typing(speaker: str) -> Static:
    return Static(join(line(speaker), " is typing…"), classes="typing")


def widget_for(block) -> Widget | None:
    """The chat shows lines, narration and safety callouts; coach notes go to the coach panel."""
    if isinstance(block, Line):
        return said(block)
    if isinstance(block, Narration):
        return narration(block)
    if isinstance(block, Note) and block.kind == "safety":
        return safety(block)
    return None


class ChatLog(VerticalScroll):
    """Messages in order; always scrolled to the newest."""

    can_focus = True

    def on_mount(self) -> None:
        self.anchor()

    async def add(self, widgets: list[Widget]) -> None:
        if widgets:
            await self.mount_all(widgets)
            self.anchor()
