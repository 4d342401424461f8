"""A line with a hanging indent: a marker ("3. ", "  • ") and text that wraps
under its own first word, not back under the marker, so the numbers and
bullets of a list stay a column of their own at any width. Content alone
has no hanging indent, and an OptionList shows one visual per option, so
this is that visual (a Static shows it too)."""

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class Hanging(Visual):
    def __init__(self, marker: Content | str, body: Content):
        self.marker = Content(marker) if isinstance(marker, str) else marker
        self.body = body
        self.indent = self.marker.cell_length

    @property
    def plain(self) -> str:
        """The text as one string, as for Content (tests and screen readers read this)."""
        return self.marker.plain + self.body.plain

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, container_width - self.indent)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.indent + self.body.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, max(1, width - self.indent))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        body = self.body.render_strips(max(1, width - self.indent), height, style, options)
        marker = Strip(self.marker.render_segments(style)).adjust_cell_length(self.indent, style.rich_style)
        blank = Strip.blank(self.indent, style.rich_style)
        return [Strip.join([marker if row == 0 else blank, strip]) for row, strip in enumerate(body)]
