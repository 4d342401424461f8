"""Moving between screens the same way from everywhere: home stays at the
bottom of the stack, and one playing screen (briefing, conversation or
debrief) sits on top of it."""

from ..i18n import _
from ..progress.store import Playthrough
from ..progress.tracked import TrackedPlay


def show_on_home(app, screen) -> None:
    """Replace whatever sits on top of home with `screen`."""
    from .screens.home import HomeScreen

    while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):
        app.pop_screen()
    app.push_screen(screen)


def back_home(app) -> None:
    from .screens.home import HomeScreen

    while len(app.screen_stack) > 1 and not isinstance(app.screen, HomeScreen):
        app.pop_screen()


def open_briefing(app, scenario_id: str) -> None:
    from .screens.briefing import BriefingScreen

    show_on_home(app, BriefingScreen(scenario_id))


def play(app, tracked: TrackedPlay) -> None:
    from .screens.conversation import ConversationScreen

    show_on_home(app, ConversationScreen(tracked))


def start(app, scenario_id: str) -> None:
    play(app, TrackedPlay.start(app.store, app.profile.id, app.catalog.session(scenario_id)))


def carry_on(app, saved: Playthrough) -> None:
    """Resume a saved play-through at the step it reached; if the scenario has
    changed too much since, say so and start it again."""
    tracked = TrackedPlay.resume(app.store, app.profile.id, app.catalog.session(saved.scenario), saved)
    if tracked is None:
        app.notify(_("This scenario has changed since you last played it, so it starts from the top."),
                   title=_("Starting again"), markup=False)
        start(app, saved.scenario)
    else:
        play(app, tracked)


def debrief(app, tracked: TrackedPlay) -> None:
    from .screens.debrief import DebriefScreen

    show_on_home(app, DebriefScreen(tracked))


def next_scenario(app, scenario_id: str) -> str | None:
    order = [s.id for s in app.library.cards_in_order()]
    position = order.index(scenario_id) if scenario_id in order else -1
    return order[position + 1] if 0 <= position < len(order) - 1 else None
