"""The keys that work here, on one line at the bottom of every screen.

Textual's Footer builds a widget for every key and builds them all again
whenever focus moves; that made each screen slower to open and to answer
a key. This draws the same line as one piece of text, and a click on a key
presses it."""

from rich.text import Text
from textual import events
from textual.widget import Widget

from ...i18n import _


class KeyBar(Widget):
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--hover"}
    ALLOW_SELECT = False

    def __init__(self) -> None:
        super().__init__()
        self._places: list[tuple[int, int, str]] = []  # (start, end, key) of each key drawn
        self._hover: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        self.refresh()

    def keys(self) -> list[tuple[str, str, str]]:
        """(key, how it is shown, what it does): one per action, as the Footer shows them.
        Descriptions are marked with N_() where bindings are declared and translated here."""
        seen, keys = set(), []
        for _node, binding, _enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append((binding.key, self.app.get_key_display(binding), _(binding.description)))
        return keys

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        hover_style = self.get_component_rich_style("keybar--hover")
        text, places = Text(no_wrap=True, overflow="crop"), []
        for key, shown, description in self.keys():
            start = text.cell_len
            text.append(f" {shown} ", key_style)
            text.append(f"{description} ", description_style)
            if key == self._hover:
                text.stylize(hover_style, start)
            places.append((start, text.cell_len, key))
        self._places = places
        return text

    def key_at(self, x: int) -> str | None:
        return next((key for start, end, key in self._places if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is not None:
            self.app.simulate_key(key)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self.key_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
