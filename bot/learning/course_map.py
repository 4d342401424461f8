"""The course path: modules in order with what each teaches, how far the
learner has come in each, and the one next step to take. A scenario counts
as completed once a good (`success`) ending has been reached in it.

Everything is read from small tables (play-throughs counted per scenario by
a trigger, endings found), so the map costs the same after two thousand
play-throughs as after none."""

from dataclasses import dataclass

from ..content.library import Library
from ..content.model import Module, Scenario
from ..i18n import _, ngettext
from ..progress.store import Store


@dataclass(frozen=True)
class ScenarioStatus:
    scenario: Scenario
    plays: int
    endings_found: int
    completed: bool  # a good ending reached

    @property
    def tried(self) -> bool:
        return self.plays > 0

    @property
    def endings_total(self) -> int:
        return len(self.scenario.endings)

    @property
    def played(self) -> str:
        if not self.plays:
            return _("not tried yet")
        return ngettext("played once", "played {count} times", self.plays).format(count=self.plays)


@dataclass(frozen=True)
class ModuleStatus:
    module: Module
    number: int  # 1-based place in the course
    scenarios: tuple[ScenarioStatus, ...]
    skills: tuple[str, ...]  # labels of the skills its scenarios practise

    @property
    def completed_count(self) -> int:
        return sum(s.completed for s in self.scenarios)

    @property
    def tried_count(self) -> int:
        return sum(s.tried for s in self.scenarios)

    @property
    def endings_found(self) -> int:
        return sum(s.endings_found for s in self.scenarios)

    @property
    def endings_total(self) -> int:
        return sum(s.endings_total for s in self.scenarios)

    @property
    def complete(self) -> bool:
        return bool(self.scenarios) and all(s.completed for s in self.scenarios)


@dataclass(frozen=True)
class CourseMap:
    title: str
    modules: tuple[ModuleStatus, ...]

    @property
    def playable(self) -> tuple[ModuleStatus, ...]:
        """Modules that have scenarios (the others are still being written)."""
        return tuple(m for m in self.modules if m.scenarios)

    @property
    def complete(self) -> bool:
        return bool(self.playable) and all(m.complete for m in self.playable)

    @property
    def next_step(self) -> tuple[ModuleStatus, ScenarioStatus] | None:
        """The first scenario not yet completed in the first module not yet completed."""
        for module in self.playable:
            if not module.complete:
                return module, next(s for s in module.scenarios if not s.completed)
        return None

    def module_of(self, scenario_id: str) -> ModuleStatus | None:
        return next((m for m in self.modules if any(s.scenario.id == scenario_id for s in m.scenarios)), None)


def completed_scenarios(store: Store, profile_id: int) -> set[str]:
    rows = store.conn.execute("SELECT DISTINCT scenario FROM endings_found WHERE profile_id = ? "
                              "AND outcome = 'success'", (profile_id,))
    return {row[0] for row in rows}


def plays_and_endings(store: Store, profile_id: int) -> tuple[dict[str, int], dict[str, int]]:
    plays = dict(store.conn.execute("SELECT scenario, plays FROM scenario_plays WHERE profile_id = ?",
                                    (profile_id,)).fetchall())
    endings = dict(store.conn.execute("SELECT scenario, count(*) FROM endings_found WHERE profile_id = ? "
                                      "GROUP BY scenario", (profile_id,)).fetchall())
    return plays, endings


def course_map(store: Store, library: Library, profile_id: int) -> CourseMap:
    plays, endings = plays_and_endings(store, profile_id)
    completed = completed_scenarios(store, profile_id)
    course_skills = library.course.skills if library.course else {}
    modules = []
    for number, (module, members) in enumerate(library.modules(), 1):
        statuses = tuple(ScenarioStatus(s, plays.get(s.id, 0), endings.get(s.id, 0), s.id in completed)
                         for s in members)
        practised = dict.fromkeys(skill for s in members for skill in s.moved_skills())
        labels = tuple(course_skills[k].label if k in course_skills else k for k in practised)
        modules.append(ModuleStatus(module, number, statuses, labels))
    return CourseMap(library.course.title if library.course else "", tuple(modules))
