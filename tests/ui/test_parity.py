"""The same choices made on the screen (number keys) and given to
`rehearse play --script --json` give the same path, ending and skills."""

import json
import random

import pytest

from bot.cli import main
from bot.content.library import Library
from bot.engine.catalog import Catalog
from bot.ui import flow

from applib import TEST_LIBRARY

from .helpers import conversation

BUILTIN = Library([])
WALKS = [(TEST_LIBRARY, "lend", 1), (TEST_LIBRARY, "lend", 2), (TEST_LIBRARY, "loop", 3), (TEST_LIBRARY, "late", 4)]
WALKS += [(None, scenario.id, 10 + n) for n, scenario in enumerate(BUILTIN.in_order()[:3])]


def random_walk(library: Library, scenario_id: str, seed: int, limit: int = 30) -> list[int]:
    """Choice numbers from a seeded random play to an ending (or `limit` steps)."""
    rng, session, numbers = random.Random(seed), Catalog(library).session(scenario_id), []
    while not session.ending and len(numbers) < limit:
        numbers.append(rng.randint(1, len(session.offered())))
        session.choose(numbers[-1])
    return numbers


@pytest.mark.parametrize("content, scenario_id, seed", WALKS, ids=lambda v: getattr(v, "name", str(v)))
async def test_screen_and_script_agree(make_app, capsys, content, scenario_id, seed):
    library = Library([content]) if content else BUILTIN
    numbers = random_walk(library, scenario_id, seed)
    args = (["--content", str(content)] if content else []) + ["play", scenario_id, "--script",
                                                              ",".join(map(str, numbers)), "--json"]
    assert main(args) == 0
    scripted = json.loads(capsys.readouterr().out)

    app = make_app(library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        flow.start(app, scenario_id)
        await pilot.pause()
        for number in numbers:
            await pilot.press(str(number))
        await pilot.pause()
        screen = conversation(app)
        shown = {"scenario": scenario_id, "path": list(screen.session.path), "ending": screen.session.ending,
                 "outcome": screen.session.outcome, "skills": screen.session.skill_scores()}
        saved = app.store.playthrough(screen.play.playthrough_id)
    assert shown == scripted
    assert (saved.node, saved.ending, saved.skills) == (scripted["path"][-1], scripted["ending"], scripted["skills"])
