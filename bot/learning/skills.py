"""Skills over time: each skill's score at the end of every recent attempt,
oldest first, with its good direction. Only the most recent attempts are
read (one indexed query with a limit), so the charts cost the same however
long the history grows."""

import json
from dataclasses import dataclass

from ..content.model import Course
from ..progress.store import Store

RECENT_ATTEMPTS = 60  # finished play-throughs read for the charts (about one chart's width)


@dataclass(frozen=True)
class SkillHistory:
    id: str
    label: str
    good: str  # "up" or "down"
    scores: tuple[int, ...]  # oldest first
    scenarios: tuple[str, ...] = ()  # the scenario of each score; empty when unknown (read as one scenario)

    @property
    def best(self) -> int | None:
        if not self.scores:
            return None
        return max(self.scores) if self.good == "up" else min(self.scores)

    @property
    def latest(self) -> int | None:
        return self.scores[-1] if self.scores else None

    @property
    def trend(self) -> str:
        """"better", "worse", "steady", or "new" until some scenario has been
        tried twice. Like is compared with like: each scenario's latest try
        against its try before, so a harder scenario after an easier one never
        reads as slipping."""
        scenarios = self.scenarios or ("",) * len(self.scores)
        before: dict[str, int] = {}
        last: dict[str, int] = {}
        for scenario, score in zip(scenarios, self.scores):
            if scenario in last:
                before[scenario] = last[scenario]
            last[scenario] = score
        if not before:
            return "new"
        change = sum(last[s] - before[s] for s in before)
        if not change:
            return "steady"
        return "better" if (change > 0) == (self.good == "up") else "worse"


def recent_attempts(store: Store, profile_id: int, limit: int = RECENT_ATTEMPTS) -> list[tuple[str, dict]]:
    """(scenario, final skills) of the latest finished play-throughs, oldest first."""
    rows = store.conn.execute("SELECT scenario, skills FROM playthroughs WHERE profile_id = ? AND state = 'ended' "
                              "ORDER BY updated_at DESC, id DESC LIMIT ?", (profile_id, limit)).fetchall()
    return [(scenario, json.loads(skills)) for scenario, skills in reversed(rows)]


def skill_histories(store: Store, course: Course | None, profile_id: int,
                    limit: int = RECENT_ATTEMPTS) -> list[SkillHistory]:
    """One history per course skill, in course order (skills never practised have no scores)."""
    attempts = recent_attempts(store, profile_id, limit)
    skills = course.skills if course else {}
    return [SkillHistory(skill.id, skill.label, skill.good,
                         tuple(scores[skill.id] for _, scores in attempts if skill.id in scores),
                         tuple(scenario for scenario, scores in attempts if skill.id in scores))
            for skill in skills.values()]
