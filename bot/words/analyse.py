"""Reading one utterance: which habits its words show, by the rules file."""

from dataclasses import dataclass, field

from .learned import weighed
from .normalise import quotes_others
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
    safety: str | None = None  # the rules' words for a danger the text touches; then no helping habit is named
    helps: tuple = field(init=False, repr=False)
    traps: tuple = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "helps", tuple(n for n in self.notes if n.kind == "helps"))
        object.__setattr__(self, "traps", tuple(n for n in self.notes if n.kind == "trap"))


def analyse(text: str, rules: Rules) -> Reading:
    clauses = rules.normaliser.clauses(text) if text.strip() else []
    whole = with_quotes(rules.normaliser, text, clauses)
    danger, sure = listed(whole, rules.danger), True
    x = _vector(whole, rules) if danger is None else None
    if danger is None:
        danger, sure = _sensed(x, rules)
    if danger is not None and sure and not danger.names_traps:  # safety before wording: the safety words stand alone
        return Reading(text, safety=danger.says)
    if whole is not clauses or x is None:
        x = _vector(clauses, rules)  # the habits are the speaker's own words
    found = []
    for habit in rules.habits:
        words = _shown_in(habit, clauses, rules.negation)
        if words is not None:
            found.append((habit, words))
    if x is not None:
        found = weighed(found, x, clauses, rules)
    if danger is not None:  # nothing praised under the safety words; what may backfire is still named
        found = [(h, words) for h, words in found if h.kind == "trap"]
    notes = tuple(Note(h.code, h.kind, _says(h.says, words)) for h, words in found)
    habits = [h for h, _ in found]
    try_next = _try_next(habits, rules) if clauses and danger is None else None
    return Reading(text, tuple(h.code for h in habits), notes, try_next, danger.says if danger else None)


def _vector(clauses, rules):
    return rules.learned.vector(clauses) if rules.learned is not None and clauses else None


def with_quotes(normaliser, text: str, clauses):
    """The clauses the danger check reads: with other people's quoted words,
    which the habits leave out (training reads the danger lines with it too)."""
    return normaliser.clauses(text, quoted=True) if quotes_others(text) else clauses


def listed(clauses, dangers):
    """The first danger group whose words appear in any clause, negated or
    not, where none of its exceptions overlaps them (training reads the
    habit lines' dangers with it too)."""
    return next((d for d in dangers for c in clauses if _listed_in(d, c)), None)


def _listed_in(danger, clause) -> bool:
    exceptions = _spans(danger.unless, clause)
    return any(_clear(span, exceptions) for p in danger.patterns for span in p.spans(clause))


def _spans(patterns, clause) -> list:
    """Where any of these patterns (a habit's or a danger's exceptions) match in one clause."""
    return [span for p in patterns for span in p.spans(clause)]


def _clear(span, exceptions) -> bool:
    """No exception's words overlap the span's."""
    start, end = span
    return not any(s < end and start < e for s, e in exceptions)


def _sensed(x, rules):
    """The danger group the learned weights sense in the whole utterance, all
    its sentences together ("Can you have the kids tonight? Just go easy on
    the wine."), where no list's words appear; and whether they are sure
    enough for its words to stand alone."""
    sensing = rules.learned.sensed(x) if x is not None else None
    if sensing is None:
        return None, False
    return next((d for d in rules.danger if d.name == sensing.group), None), sensing.sure


def _says(says: str, words: str) -> str:
    """The coach's words; `{words}` stands for the words found ("'Junkie' is a label")."""
    return says.replace("{words}", words[:1].upper() + words[1:])


def _shown_in(habit, clauses, negation) -> str | None:
    """The words of the first clause that shows the habit. A clause that is
    nothing but a cue ("Fine." "Whatever.") is the cue of the next one too:
    "Fine. Take it." gives in as "Fine, take it" does."""
    cue_before = False
    for clause in clauses:
        exceptions = _spans(habit.unless, clause)
        words = _shown(habit, clause, negation, exceptions, cue_before)
        if words is not None:
            return words
        cue_before = any(span == (0, len(clause.words)) for span in _kept(habit, habit.cues, clause, None, exceptions))
    return None


def _shown(habit, clause, negation, exceptions, cue_before=False) -> str | None:
    """The words in this clause that show the habit, or None: a pattern's
    match, or a cue's and an act's that do not overlap ("one more drink and"
    ... "you are sleeping in the car")."""
    first = next(_kept(habit, habit.patterns, clause, negation, exceptions), None)
    if first is not None:
        return " ".join(clause.words[first[0]:first[1]])
    if habit.cues:
        cues = list(_kept(habit, habit.cues, clause, None, exceptions))
        for start, end in (_kept(habit, habit.acts, clause, negation, exceptions) if cues or cue_before else ()):
            if cue_before:
                return " ".join(clause.words[start:end])
            cue = next(((s, e) for s, e in cues if e <= start or end <= s), None)
            if cue is not None:
                return " ".join(clause.words[min(start, cue[0]):max(end, cue[1])])
    return None


def _kept(habit, patterns, clause, negation, exceptions):
    """The spans of these patterns that no exception overlaps and, when
    negation is given and the habit minds it, no negation cancels."""
    for pattern in patterns:
        for start, end in pattern.spans(clause):
            if not _clear((start, end), exceptions):
                continue
            if not (negation is not None and habit.mind_negation and _negated(pattern, clause, start, end, negation)):
                yield start, end


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
