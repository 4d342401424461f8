"""Playing scenarios for tests, exactly as the app records them."""

from pathlib import Path

from bot.engine.catalog import Catalog
from bot.progress.tracked import TrackedPlay

SMALL_COURSE = Path(__file__).resolve().parent.parent / "fixtures" / "selfpaced"

# choice numbers through tests/fixtures/selfpaced/scenarios/facts/cards.md
CARDS_ALL_RIGHT = [3, 2, 1, 2, 1]  # myth, fact, (unjudged), myth, a group: success
CARDS_ALL_WRONG = [1, 1, 2, 3, 2]  # fact, myth, (unjudged), fact, wait: setback


def play(store, library, profile_id: int, scenario_id: str, picks: list[int], catalog=None) -> TrackedPlay:
    catalog = catalog or Catalog(library)
    tracked = TrackedPlay.start(store, profile_id, catalog.session(scenario_id))
    for number in picks:
        tracked.choose(number)
    return tracked
