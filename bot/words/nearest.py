"""Which offered option is closest in meaning to what the learner typed:
shared dictionary forms of the words that carry meaning, a fuzzy match of
the wording, and agreement on the habits found (a "no" and a "yes" about
money share words but not habits)."""

from rapidfuzz import fuzz

from .analyse import analyse

LEAST = 0.30  # below this score nothing is highlighted
WEIGHTS = (0.45, 0.20, 0.35)  # shared meaning words, fuzzy wording, shared habits
OPPOSITES = {frozenset(p) for p in (("boundary", "gives-in"), ("open-question", "lecture"),
                                    ("understanding", "blame"), ("boundary", "threat"))}
# words too common to say anything about meaning
_FILLER = frozenset("""a an the and or but so to of in on at for with is be am are was were do does did
not i you me my your we us our it this that he she they them his her their just really very can will would
could should have has had get go going want know think like if then there here what how about all""".split())


MEMO_SIZE = 512  # option labels whose profile is kept: a scenario's worth


def nearest(text: str, labels: list, rules) -> int | None:
    typed = _profile(text, rules)
    if not typed[0] and not typed[1]:
        return None
    best, number = LEAST, None
    for index, label in enumerate(labels, 1):
        score = _score(typed, _option_profile(str(label), rules), text, str(label))
        if score > best + 1e-9:
            best, number = score, index
    return number


def _option_profile(label: str, rules) -> tuple:
    """An offered option's profile: the same labels come back at every step."""
    memo = rules.memo
    if label not in memo:
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[label] = _profile(label, rules)
    return memo[label]


def _profile(text: str, rules) -> tuple:
    lemmas = {lemma for clause in rules.normaliser.clauses(text) for lemma in clause.lemmas}
    return frozenset(lemmas - _FILLER), frozenset(analyse(text, rules).codes)


def _score(typed, offered, typed_text, offered_text) -> float:
    words, codes = typed
    other_words, other_codes = offered
    shared = len(words & other_words) / max(1, min(len(words), len(other_words))) if words and other_words else 0.0
    wording = fuzz.token_set_ratio(typed_text.lower(), offered_text.lower()) / 100
    agree = len(codes & other_codes) / len(codes | other_codes) if codes | other_codes else 0.0
    clash = any(frozenset((a, b)) in OPPOSITES for a in codes - other_codes for b in other_codes - codes)
    w_words, w_fuzz, w_codes = WEIGHTS
    return w_words * shared + w_fuzz * wording + w_codes * agree - (0.3 if clash else 0.0)
