"""Reading what a pilot app shows: the screen as text and as styled
segments, exactly as they would be written to a terminal."""

import io

from rich.console import Console
from textual.widgets import Static

from bot.progress.tracked import TrackedPlay
from bot.ui import flow


def screen_segments(app) -> list:
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return [s for s in console._record_buffer if not s.control]


def screen_text(app) -> str:
    return "".join(s.text for s in screen_segments(app))


def shown_texts(app) -> list[str]:
    """The full text of every Static on the current screen (not cut by the window)."""
    return [widget.render().plain for widget in app.screen.query(Static) if hasattr(widget.render(), "plain")]


def all_text(app) -> str:
    return "\n".join(shown_texts(app))


async def start_playing(pilot, scenario_id: str) -> None:
    """Straight into a conversation (the briefing has its own tests)."""
    flow.start(pilot.app, scenario_id)
    await pilot.pause()


def conversation(app):
    from bot.ui.screens.conversation import ConversationScreen

    assert isinstance(app.screen, ConversationScreen), type(app.screen).__name__
    return app.screen


def play(app, scenario_id: str, numbers: list[int]):
    """Play some steps into the app's store without a screen, as an earlier visit would have."""
    tracked = TrackedPlay.start(app.store, app.profile.id, app.catalog.session(scenario_id))
    for number in numbers:
        tracked.choose(number)
    return tracked
