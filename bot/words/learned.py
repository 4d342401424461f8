"""The coach's learned part: per habit, a weight for each word and short run
of words, learned from the labelled lines in `tests/words/data` by
`scripts/train_words.py` and kept in the library as plain numbers
(`words/<lang>.learned.json`). The rules stay the explanation a counselor
reads and extends, and the coach's words for each habit come from them; the
weights catch the many ways a habit is put that no rule has words for yet,
and drop a rule's match when the whole sentence weighs clearly against it
("pack your bags, we leave for the lake at 7"). Beside them, weights that
sense a danger said in words no `danger:` list has ("his lips look funny,
I'll check on him in the morning"), learned from the danger sets in
`tests/words/danger`: safety comes before wording there too.
Reading it is arithmetic on numbers from a file: nothing in it runs."""

from collections import Counter
from dataclasses import dataclass, field
import json
import math
from pathlib import Path
from typing import NamedTuple

from ..content.diagnostics import Diagnostic

# 3: weights that sense a danger (without `sense_share`, read as 1: that weighing alone, as then; without
# `stands_alone`, read as 0: every sensed danger's words alone, as then); 2: terms gained who acts
FORMAT = 3
READS = (2, 3)  # a format-2 file is read as having no danger weights: its terms are today's
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


class Sensing(NamedTuple):
    group: str  # the danger group the words most likely touch
    sure: bool  # sure enough that its safety words stand alone, as a list's do


@dataclass(frozen=True)
class Learned:
    idf: dict  # term -> weight for how rare it is in the labelled lines
    weights: dict  # code -> {term: weight}
    bias: dict  # code -> bias
    adds: float  # a habit the rules missed shows when its chance is above this
    keeps: float  # a rule's match is dropped when its chance is below this
    trained_on: str  # fingerprint of the labelled lines and rules it was learned from
    danger: dict = field(default_factory=dict)  # danger group -> {term: weight}: whose words to say, and a second opinion
    danger_bias: dict = field(default_factory=dict)  # danger group -> bias
    alert: float = 1.0  # a danger is sensed when the chance of any danger is above this
    sense: dict = field(default_factory=dict)  # term -> weight for "touches any danger"
    sense_bias: float = 0.0
    sense_share: float = 1.0  # how much that weighing counts beside the most likely group's own (the rest)
    stands_alone: float = 0.0  # from this chance up a danger's words stand alone; below, what may backfire is named

    def vector(self, clauses) -> dict:
        """One utterance's terms as the weights read them (both kinds share it)."""
        return vector(terms(clauses), self.idf)

    def chances(self, x: dict) -> dict:
        """Each habit's chance, 0..1, for one utterance's vector."""
        return _chances(x, self.weights, self.bias)

    def sensed(self, x: dict) -> Sensing | None:
        """The danger group the words most likely touch, when the chance that
        they touch any is above `alert`, and whether it is at least
        `stands_alone`: most dangers the weights catch are far above it and
        most everyday replies they alarm on are below it, so there a group's
        words do not stand alone and the coach still names what may backfire
        (README in tests/words/danger, "Sure enough to stand alone").

        That chance is mostly one weighing for any danger, because the
        groups share most of their signs (a night, someone out of it, a plan
        not to call) and each group alone has few lines to learn from; the most likely group's own weighing
        makes up the rest (`sense_share`), a second opinion learned from
        other lines, which cuts everyday false alarms at the same dangers
        caught (tests/words/danger/README.md, "A second opinion")."""
        if not self.danger:
            return None
        chances = _chances(x, self.danger, self.danger_bias)
        group = max(chances, key=chances.get)
        share = self.sense_share
        touches = share * _chance(x, self.sense, self.sense_bias) + (1.0 - share) * chances[group]
        return Sensing(group, touches >= self.stands_alone) if touches > self.alert else None


def _chances(x: dict, weights: dict, bias: dict) -> dict:
    return {name: _chance(x, w, bias[name]) for name, w in weights.items()}


def _chance(x: dict, weights: dict, bias: float) -> float:
    return _sigmoid(bias + sum(weights.get(t, 0.0) * v for t, v in x.items()))


def weighed(found: list, x: dict, clauses, rules) -> list:
    """The rules' matches, weighed: one the whole sentence weighs clearly
    against is dropped, and a habit the rules missed that it weighs clearly
    for is added, in the rules' order, unless the rules name the words as an
    exception ("you make me so proud" is not blame): a counselor's word wins."""
    learned = rules.learned
    chances = learned.chances(x)
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
            "alert": learned.alert, "idf": rounded(learned.idf), "bias": rounded(learned.bias),
            "weights": {code: rounded(w) for code, w in sorted(learned.weights.items())},
            "sense_share": learned.sense_share, "stands_alone": learned.stands_alone,
            "sense_bias": round(learned.sense_bias, 5), "sense": rounded(learned.sense),
            "danger_bias": rounded(learned.danger_bias),
            "danger": {group: rounded(w) for group, w in sorted(learned.danger.items())}}
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def load_learned(path: Path, codes, file: str | None = None, groups=()) -> tuple[Learned | None, list[Diagnostic]]:
    """The learned weights beside a rules file, checked against its habit
    codes and danger groups; a damaged file is an error naming it, and the
    coach then uses the rules alone."""
    name = file or str(path)

    def problem(message: str):
        return None, [Diagnostic(name, 1, "words-learned", message)]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return problem(f"cannot read the learned weights ({error.__class__.__name__}); retrain with scripts/train_words.py")
    if not isinstance(data, dict) or data.get("format") not in READS:
        return problem(f"not a learned-weights file of format {FORMAT}; retrain with scripts/train_words.py")
    idf, bias, weights = data.get("idf"), data.get("bias"), data.get("weights")
    danger, danger_bias = data.get("danger", {}), data.get("danger_bias", {})
    sense, sense_bias = data.get("sense", {}), data.get("sense_bias", 0.0)
    limits = (data.get("adds"), data.get("keeps"), data.get("alert", 1.0), data.get("sense_share", 1.0),
              data.get("stands_alone", 0.0))
    if not (_numbers(idf) and _numbers(bias) and _numbers(danger_bias) and _numbers(sense) and _number(sense_bias)
            and all(isinstance(m, dict) and all(isinstance(w, dict) and _numbers(w) for w in m.values())
                    for m in (weights, danger))
            and all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in limits)):
        return problem("its idf, bias, weights, sense, adds, keeps, alert, sense_share and stands_alone must be "
                       "numbers (adds, keeps, alert, sense_share and stands_alone from 0 to 1)")
    for names, known, what in ((weights, codes, "habit"), (danger, groups, "danger group")):
        unknown = sorted(set(names) - set(known))
        if unknown:
            return problem(f"weights for unknown {what} {unknown[0]!r}: the names are those of the rules file")
    for names, biases, what in ((weights, bias, "habit"), (danger, danger_bias, "danger group")):
        missing = sorted(set(names) - set(biases))
        if missing:
            return problem(f"no bias for {what} {missing[0]!r}")
    return Learned(idf, weights, bias, float(limits[0]), float(limits[1]), str(data.get("trained_on", "")),
                   danger, danger_bias, float(limits[2]), sense, float(sense_bias), float(limits[3]), float(limits[4])), []


def _numbers(d) -> bool:
    return isinstance(d, dict) and all(isinstance(k, str) and _number(v) for k, v in d.items())


def _number(v) -> bool:
    return isinstance(v, (int, float)) and math.isfinite(v)
