"""Directives: the inline-code instructions an author puts in a scenario
(`calm +1`, `if calm >= 1`, `source: relapse#anger`, `end: success`)."""

from dataclasses import dataclass

from .expr import Expr, ExprError, parse_expr
from .model import OUTCOMES, SAFETY_STEPS


class DirectiveError(ValueError):
    pass


@dataclass(frozen=True)
class SkillChange:
    skill: str
    op: str
    value: int


@dataclass(frozen=True)
class Condition:
    expr: Expr


@dataclass(frozen=True)
class SourceRef:
    source: str
    section: str


@dataclass(frozen=True)
class End:
    outcome: str


@dataclass(frozen=True)
class SafetyStep:
    """Marks the node where a safety step is taken (`safety: child`), so a
    check can prove that no success ending is reached without it."""

    kind: str


Directive = SkillChange | Condition | SourceRef | End | SafetyStep


def _is_skill_name(text: str) -> bool:
    return bool(text) and (text[0].isalpha() or text[0] == "_") and all(c.isalnum() or c in "_-" for c in text)


def _parse_int(text: str) -> int:
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 9:
        raise DirectiveError(f"expected a whole number, found {text.strip()!r}")
    return int(digits)


def parse_directive(text: str) -> Directive:
    """Parse one inline-code directive or raise DirectiveError saying why not."""
    body = text.strip()
    if body.startswith("if ") or body == "if":
        try:
            return Condition(parse_expr(body[2:]))
        except ExprError as err:
            raise DirectiveError(f"bad condition in `{_short(body)}`: {err}") from None
    if body.startswith("end:"):
        outcome = body[4:].strip()
        if outcome not in OUTCOMES:
            raise DirectiveError(f"`end:` takes one of {', '.join(OUTCOMES)}, not {outcome!r}")
        return End(outcome)
    if body.startswith("safety:"):
        kind = body[7:].strip()
        if kind not in SAFETY_STEPS:
            raise DirectiveError(f"`safety:` takes one of {', '.join(SAFETY_STEPS)}, not {kind!r}")
        return SafetyStep(kind)
    if body.startswith("source:"):
        ref = body[7:].strip()
        source, hash_, section = ref.partition("#")
        if not hash_ or not source or not section or " " in ref:
            raise DirectiveError(f"`source:` takes SOURCE#SECTION, e.g. `source: relapse#anger`, not {ref!r}")
        return SourceRef(source, section)
    words = body.split()
    if len(words) == 2 and _is_skill_name(words[0]) and words[1][:1] in ("+", "-"):
        return SkillChange(words[0], words[1][0], _parse_int(words[1][1:]))
    if len(words) == 3 and _is_skill_name(words[0]) and words[1] == "=":
        negative = words[2].startswith("-")
        value = _parse_int(words[2][1:] if negative else words[2])
        return SkillChange(words[0], "=", -value if negative else value)
    raise DirectiveError(
        f"`{_short(body)}` is not a directive; expected SKILL +N, SKILL -N, SKILL = N, "
        "if EXPR, source: SOURCE#SECTION, end: KIND or safety: STEP"
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
