"""The source reader: the section a coach note cites, with the others of
that source a key away. A web address is shown as text and never opened."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...content.model import Citation
from ...i18n import N_, _
from ..text import join, line, paragraphs
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar


class SourceScreen(Screen):
    BINDINGS = [Binding("escape", "close", N_("Close"))]

    def __init__(self, citations: list[Citation]):
        super().__init__()
        sources = self.app.library.sources
        cited = [c for c in dict.fromkeys(citations) if c.source in sources]
        self.entries = list(dict.fromkeys((c.source, c.section) for c in cited))
        for source_id in dict.fromkeys(c.source for c in cited):
            self.entries += [(source_id, s) for s in sources[source_id].sections if (source_id, s) not in self.entries]
        self.cited = {(c.source, c.section) for c in cited}

    def compose(self) -> ComposeResult:
        yield TopBar(_("Source"))
        with Horizontal(id="reader"):
            yield OptionList(*(self.option(entry) for entry in self.entries), id="sections")
            with VerticalScroll(id="reader-text"):
                yield Static(id="section-text")
        yield KeyBar()

    def option(self, entry) -> Option:
        source_id, section_id = entry
        section = self.app.library.sources[source_id].sections.get(section_id)
        title = line(section.title if section else section_id)
        return Option(join(("● " if entry in self.cited else "  ", "bold"), title))

    def on_mount(self) -> None:
        sections = self.query_one("#sections", OptionList)
        sections.highlighted = 0
        self.show(0)
        sections.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show(event.option_index)

    def show(self, index: int) -> None:
        if not self.entries:
            return
        source_id, section_id = self.entries[index]
        source = self.app.library.sources[source_id]
        section = source.sections.get(section_id)
        about = ", ".join(x for x in (source.publisher, source.year) if x)
        parts = [line(source.title).stylize("bold")]
        if about:
            parts.append(line(about).stylize("italic"))
        if source.url:
            parts.append(join((_("Web address (shown, not opened):") + " ", "italic"), line(source.url)))
        if section is not None:
            parts += [Content(""), line(section.title).stylize("bold"), paragraphs(section.paragraphs)]
        self.query_one("#section-text", Static).update(Content("\n").join(parts))
        self.query_one("#reader-text").scroll_home(animate=False)

    def action_close(self) -> None:
        self.app.pop_screen()
