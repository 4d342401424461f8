"""The coach's learned part: per habit, a weight for each word and short run
of words, learned from the labelled lines in `tests/words/data` by
`scripts/train_words.py` and kept in the library as plain numbers
(`words/<lang>.learned.json`). The rules stay the explanation a counselor
reads and extends, and the coach's words for each habit come from them; the
weights catch the many ways a habit is put that no rule has words for yet,
and drop a rule's match when the whole sentence weighs clearly against it
("pack your bags, we leave for the lake at 7").
Reading it is arithmetic on numbers from a file: nothing in it runs."""

from collections import Counter
from dataclasses import dataclass
import json
import math
from pathlib import Path

from ..content.diagnostics import Diagnostic

FORMAT = 2  # 2: terms gained who acts in each part of a sentence; a format-1 file was learned without them
JOINS = frozenset({"but", "and", "so", "because", "cause", "though", "if", "when", "unless", "or", "then"})
ACTORS = {"i": "i", "you": "you", "we": "we", "he": "they", "she": "they", "they": "they", "it": "it"}


def terms(clauses) -> Counter:
    """What the weights are learned over: each word's dictionary form, runs
    of two and three of them inside a clause, whether a clause asks, the
    word a clause starts with, and each word with who acts where it stands."""
    found = Counter()
    for clause in clauses:
        lemmas = clause.lemmas
        found.update(lemmas)
        found.update(" ".join(lemmas[i:i + 2]) for i in range(len(lemmas) - 1))
        found.update(" ".join(lemmas[i:i + 3]) for i in range(len(lemmas) - 2))
        found.update(acted(lemmas))
        if clause.question:
            found["?"] += 1
        if lemmas:
            found["^" + lemmas[0]] += 1
    return found


def acted(lemmas):
    """Each word tagged with who acts in its part of the sentence (the first
    of I, you, we, they or it since the last joining word) and whether that
    part is a condition, so "if you|drink" (a condition set on them), "i|drink"
    (owning a part) and "you|drink" (a charge) weigh differently, as the
    words alone cannot. Reading who acts on whom is what word runs miss most
    between writers (README, "Training lines for the learned weights")."""
    actor, condition = None, False
    for lemma in lemmas:
        if lemma in JOINS:
            actor, condition = None, lemma in ("if", "unless")
        elif lemma in ACTORS:
            actor = actor or ACTORS[lemma]
        else:
            yield ("if " if condition else "") + (actor or "-") + "|" + lemma


def vector(found: Counter, idf: dict) -> dict:
    """Known terms, each 1 + log(count) times how rare it is, scaled to length 1."""
    raw = {t: (1.0 + math.log(n)) * idf[t] for t, n in found.items() if t in idf}
    size = math.sqrt(sum(v * v for v in raw.values())) or 1.0
    return {t: v / size for t, v in raw.items()}


@dataclass(frozen=True)
class Learned:
    idf: dict  # term -> weight for how rare it is in the labelled lines
    weights: dict  # code -> {term: weight}
    bias: dict  # code -> bias
    adds: float  # a habit the rules missed shows when its chance is above this
    keeps: float  # a rule's match is dropped when its chance is below this
    trained_on: str  # fingerprint of the labelled lines and rules it was learned from

    def chances(self, clauses) -> dict:
        """Each habit's chance, 0..1, for one utterance's clauses."""
        x = vector(terms(clauses), self.idf)
        return {code: _sigmoid(self.bias[code] + sum(w.get(t, 0.0) * v for t, v in x.items()))
                for code, w in self.weights.items()}


def weighed(found: list, clauses, rules) -> list:
    """The rules' matches, weighed: one the whole sentence weighs clearly
    against is dropped, and a habit the rules missed that it weighs clearly
    for is added, in the rules' order, unless the rules name the words as an
    exception ("you make me so proud" is not blame): a counselor's word wins."""
    learned = rules.learned
    chances = learned.chances(clauses)
    kept = {habit.code: (habit, words) for habit, words in found
            if rules_only(habit) or chances.get(habit.code, 1.0) >= learned.keeps}
    for habit in rules.habits:
        if (habit.code not in kept and not rules_only(habit) and chances.get(habit.code, 0.0) > learned.adds
                and not _excepted(habit, clauses)):
            kept[habit.code] = (habit, "")
    return [kept[h.code] for h in rules.habits if h.code in kept]


def rules_only(habit) -> bool:
    """A habit whose note quotes the words found (a label) is the rules'
    alone: they know the words, and a note needs them."""
    return "{words}" in habit.says


def _excepted(habit, clauses) -> bool:
    return any(next(iter(pattern.spans(clause)), None) is not None for pattern in habit.unless for clause in clauses)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


def dumps(learned: Learned) -> str:
    """The file's text: sorted keys and rounded numbers, so a retrain with
    the same lines gives the same file."""
    def rounded(d):
        return {k: round(v, 5) for k, v in sorted(d.items()) if round(v, 5) != 0}
    data = {"format": FORMAT, "trained_on": learned.trained_on, "adds": learned.adds, "keeps": learned.keeps,
            "idf": rounded(learned.idf), "bias": rounded(learned.bias),
            "weights": {code: rounded(w) for code, w in sorted(learned.weights.items())}}
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def load_learned(path: Path, codes, file: str | None = None) -> tuple[Learned | None, list[Diagnostic]]:
    """The learned weights beside a rules file, checked; a damaged file is an
    error naming it, and the coach then uses the rules alone."""
    name = file or str(path)

    def problem(message: str):
        return None, [Diagnostic(name, 1, "words-learned", message)]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return problem(f"cannot read the learned weights ({error.__class__.__name__}); retrain with scripts/train_words.py")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return problem(f"not a learned-weights file of format {FORMAT}; retrain with scripts/train_words.py")
    idf, bias, weights = data.get("idf"), data.get("bias"), data.get("weights")
    limits = data.get("adds"), data.get("keeps")
    if not (_numbers(idf) and _numbers(bias) and isinstance(weights, dict)
            and all(isinstance(w, dict) and _numbers(w) for w in weights.values())
            and all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in limits)):
        return problem("its idf, bias, weights, adds and keeps must be numbers (adds and keeps from 0 to 1)")
    unknown = sorted(set(weights) - set(codes))
    if unknown:
        return problem(f"weights for unknown habit {unknown[0]!r}: the codes are those of the rules file")
    missing = sorted(set(weights) - set(bias))
    if missing:
        return problem(f"no bias for habit {missing[0]!r}")
    return Learned(idf, weights, bias, float(limits[0]), float(limits[1]), str(data.get("trained_on", ""))), []


def _numbers(d) -> bool:
    return isinstance(d, dict) and all(isinstance(k, str) and isinstance(v, (int, float)) and math.isfinite(v)
                                       for k, v in d.items())
