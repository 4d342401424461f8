"""What a play-through teaches, as plain data for the debrief screen and
plain mode: each step and what it did (and, where the learner typed their
own words, what those words do), the road not taken, skills against the
previous best, and the endings found so far."""

from collections import deque
from dataclasses import dataclass

from .content.model import OUTCOMES, Choice, Node, Scenario
from .engine.session import Session
from .i18n import language
from .transcript import replay
from .words import Reading, Rules, read


@dataclass(frozen=True)
class Road:
    """An option that was on offer and not taken."""

    choice: Choice
    leads_to: Node
    could_end: tuple[str, ...]  # outcomes reachable from where it leads


@dataclass(frozen=True)
class StepReview:
    number: int
    node: Node
    chosen: Choice
    own_words: str | None
    changes: dict  # skill -> change this step made
    others: tuple[Road, ...]
    reading: Reading | None = None  # the habits found in own_words, when there are any words


@dataclass(frozen=True)
class SkillReview:
    id: str
    label: str
    good: str  # "up" or "down"
    score: int
    previous_best: int | None

    @property
    def is_new_best(self) -> bool:
        return self.previous_best is None or better(self.score, self.previous_best, self.good)


def better(score: int, other: int, good: str) -> bool:
    return score > other if good == "up" else score < other


def review_steps(session: Session, own_words: list, rules: Rules | None = None) -> list[StepReview]:
    """Each step taken, with the options that were on offer and not taken; typed
    words read with `rules` (a library's own, else the built-in ones for the learner's language)."""
    endings = _endings_reachable(session.scenario)
    reviews = []
    for turn in replay(session, own_words)[:-1]:
        others = tuple(Road(c, session.scenario.node(c.target), endings[c.target])
                       for c in turn.offered if c is not turn.chosen)
        reading = read(turn.own_words, language(), rules) if turn.own_words and turn.own_words.strip() else None
        reviews.append(StepReview(turn.number, turn.node, turn.chosen, turn.own_words, turn.changes, others, reading))
    return reviews


def _endings_reachable(scenario: Scenario) -> dict[str, tuple[str, ...]]:
    """For every node, the outcomes some path from it can reach (conditions
    ignored: this says what *could* follow, not what must)."""
    result = {}
    for start in scenario.nodes:
        seen, queue, found = {start.id}, deque([start]), set()
        while queue:
            node = queue.popleft()
            if node.ending:
                found.add(node.ending)
            for choice in node.choices:
                if choice.target not in seen and choice.target in scenario.node_map:
                    seen.add(choice.target)
                    queue.append(scenario.node(choice.target))
        result[start.id] = tuple(o for o in OUTCOMES if o in found)
    return result


def review_skills(session: Session, course_skills: dict, earlier: list[dict]) -> list[SkillReview]:
    """Each skill the scenario moves, its good direction, and the best earlier score."""
    reviews = []
    for skill_id, score in session.skill_scores().items():
        skill = course_skills.get(skill_id)
        good = skill.good if skill else "up"
        label = skill.label if skill else skill_id
        scores = [s[skill_id] for s in earlier if skill_id in s]
        best = (max(scores) if good == "up" else min(scores)) if scores else None
        reviews.append(SkillReview(skill_id, label, good, score, best))
    return reviews


def endings_found(scenario: Scenario, found: dict) -> list[tuple[Node, bool]]:
    """Every ending of the scenario, in file order, and whether it has been found."""
    return [(node, node.id in found) for node in scenario.endings]
