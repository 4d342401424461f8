"""A small library of the workshop tests' own (two scenes, one plan with
facilitator notes and a discussion prompt), and a room and run on it."""

from pathlib import Path

import pytest

from bot.content.library import Library
from bot.engine.catalog import Catalog
from bot.content.workshop_plan import load_plans
from bot.workshop.room import Room
from bot.workshop.run import AgendaItem, WorkshopRun

LIBRARY = Path(__file__).parent / "library"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="session")
def library():
    return Library([LIBRARY])


@pytest.fixture(scope="session")
def plan(library):
    return load_plans([LIBRARY], library.scenarios)["evening"]


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def room(clock):
    return Room(clock=clock)


@pytest.fixture
def make_run(library, plan, room):
    def make(with_plan: bool = True, agenda=None) -> WorkshopRun:
        if not with_plan:
            return WorkshopRun(Catalog(library), [AgendaItem(s) for s in agenda or ["door"]], room, title="Test")
        return WorkshopRun(Catalog(library), [AgendaItem(i.scenario, i.minutes) for i in plan.items], room,
                           title=plan.title, opening=plan.opening, closing=plan.closing, notes=plan.notes)

    return make
