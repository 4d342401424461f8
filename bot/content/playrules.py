"""The rules of play as pure functions over the model: what entering a node
does, which choices are offered. The engine's session and the explorer both
use these, so a headless play, the screen and the explorer agree."""

from typing import Iterable, Mapping

from .expr import evaluate
from .model import Choice, Effect, Node


def apply_effects(effects: Iterable[Effect], skills: dict, visited) -> None:
    for effect in effects:
        if effect.condition is None or evaluate(effect.condition, skills, visited):
            skills[effect.skill] = effect.apply(skills.get(effect.skill, 0))


def offered(node: Node, skills: Mapping[str, int], visited) -> list[Choice]:
    """The choices whose conditions hold, in the author's order."""
    return [c for c in node.choices if c.condition is None or evaluate(c.condition, skills, visited)]


def shown(blocks, skills: Mapping[str, int], visited) -> list:
    """The blocks (lines, narration, notes) whose conditions hold."""
    return [b for b in blocks if b.condition is None or evaluate(b.condition, skills, visited)]
