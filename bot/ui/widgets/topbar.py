"""One line at the top of every screen: where you are, and that help is one key away."""

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from ...i18n import _
from ..text import line


class TopBar(Horizontal):
    def __init__(self, where: str | Content = ""):
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        where = self.where if isinstance(self.where, Content) else line(self.where)
        yield Static(Content.assemble(("rehearse", "bold"), "  ", where), id="topbar-where")
        yield Static(Content.assemble(("F1", "bold"), " ", _("help lines")), id="topbar-help")
