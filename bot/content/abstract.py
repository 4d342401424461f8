"""An abstract domain for play: what every play-through standing at a node
could have, in a form whose size does not grow with the play-throughs.

A state keeps, for each skill conditions read, an interval [lo, hi] that holds
every score it could have (-inf/inf when unbounded), and two sets of the
nodes `visited()` reads: those every play-through here has visited (must) and
those some play-through may have visited (may), as bit masks. Conditions are
evaluated three-valued (True, False, or None for "cannot tell"), so False
means false for every play-through the state stands for."""

from bisect import bisect_left, bisect_right
from typing import Iterable, NamedTuple

from .expr import And, Compare, Not, Or, Visited

INF = float("inf")

_FLIPPED = {">=": "<", "<": ">=", ">": "<=", "<=": ">", "==": "!=", "!=": "=="}


class AbstractState(NamedTuple):
    skills: tuple  # (lo, hi) per skill, in the domain's skill order
    must: int  # bit per node: visited on every play-through here
    may: int  # bit per node: visited on some play-through here


class Domain:
    """The skills and visited nodes one scenario's conditions read, with the
    numbers they compare against (thresholds, so widening stays precise).
    A skill outside `skills` is taken to be 0 always, a node outside `nodes`
    never visited: give it every name a condition reads."""

    def __init__(self, skills: Iterable[str], nodes: Iterable[str], thresholds: dict | None = None):
        self.skill_index = {skill: i for i, skill in enumerate(dict.fromkeys(skills))}
        self.node_bit = {node: 1 << i for i, node in enumerate(dict.fromkeys(nodes))}
        self.thresholds = {skill: sorted(set(values)) for skill, values in (thresholds or {}).items()}

    def initial(self) -> AbstractState:
        """Before any step: every score 0, nothing visited."""
        return AbstractState(((0, 0),) * len(self.skill_index), 0, 0)

    # -- conditions ---------------------------------------------------------
    def truth(self, expr, state: AbstractState) -> bool | None:
        """True or False when the condition is so for every play-through in
        the state; None when it depends on which."""
        if isinstance(expr, Compare):
            index = self.skill_index.get(expr.skill)
            lo, hi = (0, 0) if index is None else state.skills[index]
            return _compare(expr.op, lo, hi, expr.value)
        if isinstance(expr, Visited):
            bit = self.node_bit.get(expr.node, 0)
            return True if state.must & bit else None if state.may & bit else False
        if isinstance(expr, Not):
            inner = self.truth(expr.operand, state)
            return None if inner is None else not inner
        decisive = isinstance(expr, Or)  # the value that settles an Or (True) or an And (False)
        unknown = False
        for operand in expr.operands:
            value = self.truth(operand, state)
            if value is decisive:
                return decisive
            unknown = unknown or value is None
        return None if unknown else not decisive

    def assume(self, expr, state: AbstractState, holds: bool = True) -> AbstractState | None:
        """The part of the state in which the condition holds (or fails, with
        holds=False); None when no play-through in the state has it so."""
        if isinstance(expr, Not):
            return self.assume(expr.operand, state, not holds)
        if isinstance(expr, Compare):
            return self._assume_compare(expr.skill, expr.op if holds else _FLIPPED[expr.op], expr.value, state)
        if isinstance(expr, Visited):
            bit = self.node_bit.get(expr.node, 0)
            if holds:
                return state._replace(must=state.must | bit) if state.may & bit else None
            return None if state.must & bit else state._replace(may=state.may & ~bit)
        if isinstance(expr, And) == holds:  # all operands must hold (or, negated, all of an Or's fail)
            for operand in expr.operands:
                state = self.assume(operand, state, holds)
                if state is None:
                    return None
            return state
        result = None  # one operand is enough: any of the ways it can be so
        for operand in expr.operands:
            part = self.assume(operand, state, holds)
            if part is not None:
                result = part if result is None else self.join(result, part)
        return result

    def _assume_compare(self, skill: str, op: str, value: int, state: AbstractState) -> AbstractState | None:
        index = self.skill_index.get(skill)
        lo, hi = (0, 0) if index is None else state.skills[index]
        if op in (">=", ">", "=="):
            lo = max(lo, value + (op == ">"))
        if op in ("<=", "<", "=="):
            hi = min(hi, value - (op == "<"))
        if op == "!=":
            lo, hi = lo + (lo == value), hi - (hi == value)
        if lo > hi:
            return None
        if index is None:  # untracked, so always 0 (see Domain), and 0 passed
            return state
        return state._replace(skills=state.skills[:index] + ((lo, hi),) + state.skills[index + 1:])

    # -- steps ----------------------------------------------------------------
    def apply(self, effects, state: AbstractState) -> AbstractState:
        """Effects in order; one whose condition cannot be told both happens and does not."""
        for effect in effects:
            index = self.skill_index.get(effect.skill)
            if index is None:
                continue  # no condition reads this skill
            if effect.condition is None:
                state = self._change(effect, index, state)
                continue
            truth = self.truth(effect.condition, state)
            if truth is True:
                state = self._change(effect, index, state)
            elif truth is None:
                applied = self.assume(effect.condition, state)
                skipped = self.assume(effect.condition, state, holds=False)
                if applied is None or skipped is None:  # the refinement settled it after all
                    state = state if applied is None else self._change(effect, index, applied)
                else:
                    state = self.join(self._change(effect, index, applied), skipped)
        return state

    @staticmethod
    def _change(effect, index: int, state: AbstractState) -> AbstractState:
        lo, hi = state.skills[index]
        if effect.op == "=":
            lo = hi = effect.value
        else:
            step = effect.value if effect.op == "+" else -effect.value
            lo, hi = lo + step, hi + step
        return state._replace(skills=state.skills[:index] + ((lo, hi),) + state.skills[index + 1:])

    def enter(self, node: str, state: AbstractState) -> AbstractState:
        """The node is visited now, on every play-through."""
        bit = self.node_bit.get(node, 0)
        return state._replace(must=state.must | bit, may=state.may | bit)

    # -- the lattice ----------------------------------------------------------
    @staticmethod
    def join(a: AbstractState, b: AbstractState) -> AbstractState:
        """The least state holding every play-through of both."""
        if a is b:
            return a
        skills = tuple((x[0] if x[0] <= y[0] else y[0], x[1] if x[1] >= y[1] else y[1])
                       for x, y in zip(a.skills, b.skills))
        return AbstractState(skills, a.must & b.must, a.may | b.may)

    def widen(self, old: AbstractState, new: AbstractState, to_infinity: bool = False,
              may_bound: int = 0) -> AbstractState:
        """A state holding both in which a bound that moved jumps to the next
        number a condition compares against (or to infinity), so that a loop
        raising a skill forever still reaches a fixed point in a few steps;
        `may` jumps to `may_bound`, every node that could have been visited."""
        skills = []
        for skill, index in self.skill_index.items():
            (old_lo, old_hi), (lo, hi) = old.skills[index], new.skills[index]
            marks = () if to_infinity else self.thresholds.get(skill, ())
            if lo < old_lo:
                at = bisect_right(marks, lo)
                lo = marks[at - 1] if at else -INF
            if hi > old_hi:
                at = bisect_left(marks, hi)
                hi = marks[at] if at < len(marks) else INF
            skills.append((min(lo, old_lo), max(hi, old_hi)))
        return AbstractState(tuple(skills), old.must & new.must, old.may | new.may | may_bound)


def _compare(op: str, lo, hi, value: int) -> bool | None:
    """A comparison over every score in [lo, hi]: True, False or None (some of each)."""
    if op == ">=":
        return True if lo >= value else False if hi < value else None
    if op == ">":
        return True if lo > value else False if hi <= value else None
    if op == "<=":
        return True if hi <= value else False if lo > value else None
    if op == "<":
        return True if hi < value else False if lo >= value else None
    equal = True if lo == hi == value else False if value < lo or value > hi else None
    if op == "==":
        return equal
    return None if equal is None else not equal
