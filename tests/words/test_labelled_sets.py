"""The hand-labelled own-words sets (issue 13) stay well-formed and big enough.

The analyser is measured against these files in scripts/bench.py; a set that
silently shrank, gained an unknown code or leaked held-out lines into the
development set would make those figures meaningless.
"""

from collections import Counter
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).parent / "data"
CODES = {
    "i-statement", "understanding", "shares-responsibility", "offers-help",
    "boundary", "open-question",
    "label", "always-never", "blame", "threat", "lecture", "gives-in",
}
# file name -> (minimum utterances, minimum positives per code)
MINIMUMS = {
    "en_dev.yaml": (230, 18),
    "en_heldout.yaml": (80, 6),
    "en_blind.yaml": (120, 8),
    "en_blind2.yaml": (200, 14),
    "en_blind3.yaml": (300, 20),
    "en_blind4.yaml": (300, 20),
    "en_blind5.yaml": (300, 20),
    "en_blind6.yaml": (300, 20),
    "en_blind7.yaml": (300, 20),
    "en_blind8.yaml": (300, 20),
    "en_blind9.yaml": (300, 18),
    "en_blind10.yaml": (300, 18),
    "en_blind11.yaml": (300, 18),
    "en_blind12.yaml": (300, 18),
    "en_blind13.yaml": (300, 18),
    "en_blind14.yaml": (300, 18),
    "en_blind15.yaml": (300, 18),
    "en_blind16.yaml": (300, 18),
    "en_blind17.yaml": (300, 18),
    "en_blind18.yaml": (300, 18),
    "en_blind19.yaml": (300, 18),
    "en_blind20.yaml": (300, 18),
    "en_blind21.yaml": (320, 22),
    "en_blind22.yaml": (320, 22),
    "en_blind23.yaml": (320, 22),
    "en_blind24.yaml": (320, 22),
    "en_blind25.yaml": (320, 22),
    "en_blind26.yaml": (320, 22),
    "en_blind27.yaml": (340, 22),
    "en_blind28.yaml": (340, 22),
    "en_blind29.yaml": (340, 22),
    "en_blind30.yaml": (340, 22),
    "en_blind31.yaml": (340, 22),
    "en_blind32.yaml": (340, 22),
    "en_blind33.yaml": (340, 22),
    "en_blind34.yaml": (340, 22),
    "es_dev.yaml": (220, 18),
    "es_heldout.yaml": (80, 6),
}


@lru_cache(maxsize=None)
def load(name):
    """A set's entries, read once for all the tests (the files are large)."""
    with open(DATA / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.mark.parametrize("name", sorted(MINIMUMS))
def test_entries_are_well_formed_with_known_codes(name):
    for entry in load(name):
        assert set(entry) <= {"text", "codes", "why"}, entry
        assert isinstance(entry["text"], str) and entry["text"].strip(), entry
        assert isinstance(entry["codes"], list), entry
        assert set(entry["codes"]) <= CODES, entry
        assert len(set(entry["codes"])) == len(entry["codes"]), entry


@pytest.mark.parametrize("name", sorted(MINIMUMS))
def test_sets_meet_their_minimums(name):
    entries = load(name)
    least_entries, least_per_code = MINIMUMS[name]
    assert len(entries) >= least_entries
    counts = Counter(code for entry in entries for code in entry["codes"])
    assert {code: counts[code] for code in CODES if counts[code] < least_per_code} == {}
    assert sum(1 for e in entries if not e["codes"]) >= 0.15 * len(entries)
    assert sum(1 for e in entries if len(e["codes"]) > 1) >= 0.25 * len(entries)


def normal(text):
    return " ".join(text.lower().split())


@pytest.mark.parametrize("name", sorted(MINIMUMS))
def test_no_duplicates_within_a_set(name):
    texts = Counter(normal(entry["text"]) for entry in load(name))
    assert [text for text, n in texts.items() if n > 1] == []


@pytest.mark.parametrize("first, second", list(combinations(sorted(MINIMUMS), 2)))
def test_sets_share_no_text(first, second):
    """A line in two sets would let tuning on one inflate the measure on another."""
    one = {normal(entry["text"]) for entry in load(first)}
    other = {normal(entry["text"]) for entry in load(second)}
    assert one & other == set()


TRAINING = sorted(p.name for p in DATA.glob("en_train_*.yaml"))


@pytest.mark.parametrize("name", TRAINING)
def test_training_lines_are_well_formed_and_in_no_other_set(name):
    """The learned weights' own lines (scripts/train_words.py): known codes,
    and none of them in a labelled set, above all not in the blind set that
    measures the weights honestly."""
    entries = load(name)
    assert all(set(e) <= {"text", "codes", "why"} and set(e["codes"]) <= CODES for e in entries)
    mine = [normal(e["text"]) for e in entries]
    assert len(mine) == len(set(mine))
    others = {normal(e["text"]) for other in sorted(MINIMUMS) + TRAINING if other != name for e in load(other)}
    assert set(mine) & others == set()
