"""Whether a choice moves skills the good way: the one judgement the card,
the review and the comparison share."""

from ..content.model import Choice


def leaning(choice: Choice, course_skills: dict) -> int:
    """+1 for each skill the choice moves the good way, -1 for each moved the wrong way."""
    total = 0
    for effect in choice.effects:
        if effect.op == "=" or effect.value == 0:
            continue
        rises = (effect.op == "+") == (effect.value > 0)
        good = course_skills[effect.skill].good if effect.skill in course_skills else "up"
        total += 1 if rises == (good == "up") else -1
    return total


def moves_up(choice: Choice, skill: str) -> bool:
    return any(e.skill == skill and e.op == "+" and e.value > 0 for e in choice.effects)
