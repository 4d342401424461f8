"""Every option fits: at every node of every built-in scenario (each set of
options a node can offer), the options are on screen whole at 80x24, and
at 60x20 each can be reached and the chat still shows the last reply.

One app and one conversation screen walk all the states: each state is
restored on the screen (the engine replays the steps; the app does not),
so the walk takes seconds, not minutes."""

import functools

import pytest
from textual.widgets import Input

from bot.content.library import Library
from bot.content.model import plain
from bot.content.playrules import offered
from bot.content.reach import explore
from bot.progress.tracked import TrackedPlay
from bot.ui import flow
from bot.ui.widgets.chat import ChatLog

from .helpers import conversation, screen_text

BUDGET = 3000  # states per scenario: enough to meet every node and every set of options


@pytest.fixture(scope="module")
def builtin():
    return Library()


def each_offer(scenario) -> dict:
    """(node, offered choices) -> the steps of the shortest way there, for every
    set of options a node can offer (endings offer only "See how it went")."""
    exploration = explore(scenario, BUDGET)
    steps = {exploration.start: []}
    for state, moves in exploration.edges.items():  # breadth-first: the first way found is shortest
        for index, after in moves:
            steps.setdefault(after, steps[state] + [[state.node, index]])
    found = {}
    for state, path in steps.items():
        node = scenario.node(state.node)
        if not node.ending:
            key = (node.id, tuple(c.text for c in offered(node, state.skill_dict(), state.visited)))
            found.setdefault(key, path)
    return found


async def show(screen, app, scenario_id: str, steps: list, chat: bool = True) -> None:
    """Put the open conversation screen at these steps of this scenario. Without
    `chat` only the coach and the options change: the chat's height is what the
    others leave (1fr), so what it holds never moves them, and rebuilding it is
    two thirds of the walk's time."""
    session = app.catalog.session(scenario_id)
    session.restore({"steps": steps})
    screen.play = TrackedPlay(app.store, app.profile.id, session, screen.play.playthrough_id, [None] * len(steps))
    screen.session = session
    if chat:
        await screen.show_history()
    else:
        last = session.scenario.node(steps[-1][0]).choices[steps[-1][1]] if steps else None
        screen.update_coach(last.feedback if last else None)
    screen.after_reveal()


async def settle(pilot) -> None:
    """Messages handled and the layout done (twice: mounting lays out again),
    without waiting for the process to go idle, which costs far more."""
    await pilot.pause(0)
    await pilot.pause(0)


def rows(app, region) -> str:
    """The text the screen shows inside `region`, its lines joined by spaces."""
    lines = screen_text(app).split("\n")[region.y:region.bottom]
    return " ".join(text[region.x:region.right] for text in lines)


def words(text: str) -> str:
    return " ".join(text.split())


async def walk(make_app, builtin, size, check, chat: bool = True) -> int:
    """Each scenario opens fresh, as the learner starts it, and is checked at its
    first step; its other steps are then restored on that screen and checked."""
    app = make_app(library=builtin)
    checked = 0
    async with app.run_test(size=size) as pilot:
        for scenario_id, scenario in builtin.scenarios.items():
            flow.start(app, scenario_id)
            await pilot.pause()
            screen = conversation(app)
            for (node, _), steps in each_offer(scenario).items():
                if steps:
                    await show(screen, app, scenario_id, steps, chat)
                    await settle(pilot)
                await check(pilot, screen, f"{scenario_id} at {node} after {len(steps)} steps")
                checked += 1
    return checked


async def whole(pilot, screen, where):
    choices = screen.query_one("#choices")
    assert choices.max_scroll_y == 0, f"{where}: options scroll"
    assert "Press 1-1," not in screen.query_one("#prompt").render().plain  # one option: "Press 1"
    assert choices.region == choices.region.intersection(screen.query_one("#conversation").region), where
    shown = words(rows(pilot.app, choices.scrollable_content_region))
    for n, choice in enumerate(screen.session.offered(), 1):
        option = words(choices.get_option_at_index(n - 1).prompt.plain)
        assert option in shown, f"{where}: option {n} is not whole on screen: {option!r}"


@pytest.mark.parametrize("size", [(80, 24), (100, 24)], ids=["80x24", "100x24"])  # folded coach; coach beside
async def test_every_option_is_whole_on_screen(make_app, builtin, size):
    assert await walk(make_app, builtin, size, whole, chat=False) > 300


TYPED = "{option} I feel scared when you do this. You always lie to me, you junkie, and you should stop."


async def test_with_own_words_every_option_is_whole_under_what_your_words_do(make_app, builtin):
    """The learner types at every node: the longest option in their own words, with
    habits enough for the longest reading, so that option is marked "closest" too."""
    async def typed(pilot, screen, where):
        longest = max((plain(choice.text) for choice in screen.session.offered()), key=len)
        box = screen.query_one("#own-words", Input)
        box.value = TYPED.format(option=longest)
        await box.action_submit()
        await settle(pilot)
        assert screen.query_one("#words").display, where
        await whole(pilot, screen, where)

    own_words = functools.partial(make_app, own_words=True)
    assert await walk(own_words, builtin, (80, 24), typed, chat=False) > 300


async def test_at_60x20_every_option_can_be_reached_and_the_last_reply_is_in_view(make_app, builtin, monkeypatch):
    monkeypatch.setattr(ChatLog, "KEEP", 2)  # your last line and the reply are all the check needs: a quicker walk

    async def usable(pilot, screen, where):
        choices = screen.query_one("#choices")
        last = screen.query_one("#chat").children[-1]
        chat = screen.query_one("#chat").region
        assert last.region == last.region.intersection(chat), f"{where}: the last reply is not in view"
        scrolls = choices.max_scroll_y > 0
        shown = words(rows(pilot.app, choices.scrollable_content_region))
        for n, choice in enumerate(screen.session.offered()):
            if scrolls:
                choices.highlighted = n  # as the arrow keys do: it scrolls the option into view at once
                shown = words(rows(pilot.app, choices.scrollable_content_region))
            option = words(choices.get_option_at_index(n).prompt.plain)
            assert option in shown, f"{where}: option {n + 1} cannot be read whole"
        choices.highlighted = None

    assert await walk(make_app, builtin, (60, 20), usable) > 300
