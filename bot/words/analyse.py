"""Reading one utterance: which habits its words show, by the rules file."""

from dataclasses import dataclass, field

from .rules import Rules

NEGATION_REACH = 1  # a "not" just before a match (or inside it) cancels it


@dataclass(frozen=True)
class Note:
    code: str
    kind: str  # "helps" or "trap"
    says: str


@dataclass(frozen=True)
class Reading:
    text: str
    codes: tuple = ()
    notes: tuple = ()
    try_next: str | None = None
    helps: tuple = field(init=False, repr=False)
    traps: tuple = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "helps", tuple(n for n in self.notes if n.kind == "helps"))
        object.__setattr__(self, "traps", tuple(n for n in self.notes if n.kind == "trap"))


def analyse(text: str, rules: Rules) -> Reading:
    clauses = rules.normaliser.clauses(text) if text.strip() else []
    found = []
    for habit in rules.habits:
        words = next((w for c in clauses if (w := _shown(habit, c, rules.negation)) is not None), None)
        if words is not None:
            found.append((habit, words))
    notes = tuple(Note(h.code, h.kind, _says(h.says, words)) for h, words in found)
    habits = [h for h, _ in found]
    return Reading(text, tuple(h.code for h in habits), notes, _try_next(habits, rules) if clauses else None)


def _says(says: str, words: str) -> str:
    """The coach's words; `{words}` stands for the words found ("'Junkie' is a label")."""
    return says.replace("{words}", words[:1].upper() + words[1:])


def _shown(habit, clause, negation) -> str | None:
    """The words in this clause that show the habit, or None."""
    exceptions = [span for p in habit.unless for span in p.spans(clause)]
    for pattern in habit.patterns:
        for start, end in pattern.spans(clause):
            if any(s < end and start < e for s, e in exceptions):
                continue
            if not (habit.mind_negation and _negated(pattern, clause, start, end, negation)):
                return " ".join(clause.words[start:end])
    return None


def _negated(pattern, clause, start, end, negation) -> bool:
    """A negation just before the match, or skipped inside it, that the pattern does not itself ask for."""
    if pattern.mentions(negation):
        return False
    part = max(s for s in clause.starts if s <= start)  # a comma ends a negation's reach
    window = clause.words[max(part, start - NEGATION_REACH):end]
    return any(word in negation for word in window)


def _try_next(found, rules: Rules) -> str | None:
    """The first trap's suggestion; with no trap, the first helping habit not yet used."""
    traps = [h for h in found if h.kind == "trap"]
    if traps:
        return traps[0].try_next
    return next((h.try_next for h in rules.habits if h.kind == "helps" and h not in found), None)
