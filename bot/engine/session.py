"""One play-through: the path, skills and visited nodes, the choices on offer,
undo, and a plain-data state that saves to and restores from JSON."""

from collections import Counter

from ..content.model import Choice, Node
from ..content.playrules import apply_effects, offered, shown
from .machine import CompiledScenario


class InvalidChoice(ValueError):
    """The number does not name one of the choices on offer."""


class StaleSession(ValueError):
    """Saved steps no longer fit the scenario (it was edited since)."""


class Session:
    def __init__(self, compiled: CompiledScenario):
        self.compiled = compiled
        self.scenario = compiled.scenario
        self.skills: dict[str, int] = {}
        self.path: list[str] = []
        self.steps: list[tuple[str, int]] = []  # (node id, index in node.choices) per choice made
        self._visits: Counter = Counter()
        self._skill_history: list[dict] = []
        compiled.attach(self)
        self._begin()

    # -- callbacks from the machine -------------------------------------
    def apply_choice_effects(self, choice: Choice) -> None:
        apply_effects(choice.effects, self.skills, self.visited)

    def entered(self, node_id: str) -> None:
        self.path.append(node_id)
        self._visits[node_id] += 1
        apply_effects(self.scenario.node(node_id).effects, self.skills, self.visited)

    # -- reading ----------------------------------------------------------
    @property
    def visited(self):
        return self._visits.keys()

    @property
    def node(self) -> Node:
        return self.scenario.node(self.state)

    @property
    def ending(self) -> str | None:
        return self.state if self.node.ending else None

    @property
    def outcome(self) -> str | None:
        return self.node.ending

    def offered(self) -> list[Choice]:
        return [] if self.node.ending else offered(self.node, self.skills, self.visited)

    def shown_blocks(self) -> list:
        return shown(self.node.blocks, self.skills, self.visited)

    def skill_scores(self) -> dict[str, int]:
        """Every skill the scenario lists or moves, with its score."""
        return {skill: self.skills.get(skill, 0) for skill in self.scenario.moved_skills()}

    # -- playing ----------------------------------------------------------
    def choose(self, number: int) -> Choice:
        """Pick the number-th offered choice (1-based)."""
        choices = self.offered()
        if not 1 <= number <= len(choices):
            raise InvalidChoice(f"choice {number} is not on offer; pick 1 to {len(choices)}" if choices
                                else f"choice {number} is not on offer; this is an ending")
        choice = choices[number - 1]
        index = next(i for i, c in enumerate(self.node.choices) if c is choice)
        self._skill_history.append(dict(self.skills))
        self.steps.append((self.state, index))
        if not self.trigger(self.compiled.triggers[(self.state, index)]):
            self.steps.pop()
            self.skills = self._skill_history.pop()
            raise InvalidChoice(f"choice {number} is not allowed here")
        return choice

    def undo(self) -> bool:
        """Take back the last choice; False when there is none."""
        if not self.steps:
            return False
        node_id, _ = self.steps.pop()
        left = self.path.pop()
        self._visits[left] -= 1
        if not self._visits[left]:
            del self._visits[left]
        self.skills = self._skill_history.pop()
        self.compiled.move(self, node_id)
        return True

    def restart(self) -> None:
        self._begin()

    def _begin(self) -> None:
        self.skills, self.path, self.steps = {}, [], []
        self._visits, self._skill_history = Counter(), []
        self.compiled.move(self, self.scenario.start)
        self.entered(self.scenario.start)

    def close(self) -> None:
        self.compiled.detach(self)

    # -- saving -----------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "scenario": self.scenario.id,
            "node": self.state,
            "steps": [[node, index] for node, index in self.steps],
            "path": list(self.path),
            "skills": self.skill_scores(),
        }

    def restore(self, data: dict) -> None:
        """Replay saved steps; StaleSession if they no longer fit."""
        self._begin()
        try:
            for node_id, index in data.get("steps", []):
                choice = self.node.choices[index] if self.state == node_id else None
                available = self.offered()
                if choice is None or not any(choice is c for c in available):
                    raise StaleSession(f"step at {node_id!r} no longer fits the scenario")
                self.choose(next(n for n, c in enumerate(available, 1) if c is choice))
        except (TypeError, ValueError, IndexError) as err:
            self._begin()
            raise StaleSession(str(err)) from None
        if data.get("node") not in (None, self.state):
            self._begin()
            raise StaleSession("saved position no longer fits the scenario")
