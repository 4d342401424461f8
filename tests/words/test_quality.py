"""The coach's quality on the hand-labelled sets (figures in
`scripts/bench.py words`). The rules are tuned on the development, held-out
and first two blind sets, so all four meet the goals: macro F1 >= 0.90 and no
habit below 0.80 precision (a wrong "well done" is worse than none).

The twenty-first and twenty-second blind sets (`en_blind21.yaml`,
`en_blind22.yaml`), written apart, never read while writing rules and never
learned from by the weights (the third to twentieth blind sets are among
their training sets now), scored together, are the honest figure on wording
the coach has never seen. As shipped, a reply the danger check gives "Safety
first" names no helping habit, and names what may backfire only in a talk
about medication or rock bottom. At their one measure (2026-12-07): 0.938
for the wording (the danger lists alone), every precision at least 0.86, and
0.927 as shipped, every precision at least 0.86: the danger check gave 4.5%
of these everyday replies the safety words. (The pair before, blind19 and
blind20, measured 0.888 as shipped with the reader of then; blind pairs
differ by a few hundredths.) Floors keep both from getting worse.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_words import BLIND, GOAL_F1, GOAL_PRECISION, TUNED, baseline_codes, coach_codes, labelled, present, scores  # noqa: E402
from bench_danger import lists_alone  # noqa: E402
from bot.words import HABITS, read  # noqa: E402

BLIND_FLOOR_F1 = 0.93  # blind21 + blind22 with the danger lists alone, measured once 2026-12-07: 0.938
BLIND_FLOOR_PRECISION = 0.85  # lowest: blame 0.860 at the measure
SHIPPED_FLOOR_F1 = 0.92  # as shipped at the measure: 0.927 (0.930 and 0.925)
SHIPPED_FLOOR_PRECISION = 0.85  # as shipped: blame 0.867 at the measure
no_blind = pytest.mark.skipif(not all(map(present, BLIND)), reason="the blind sets are not there yet")


@pytest.fixture(scope="module", params=TUNED)
def tuned(request):
    return scores(labelled(request.param), coach_codes)


@pytest.fixture(scope="module")
def blind():
    return scores([entry for name in BLIND for entry in labelled(name)], coach_codes)


@pytest.fixture(scope="module")
def blind_wording():
    """The blind sets read without the learned danger weights."""
    rules = lists_alone()
    return scores([entry for name in BLIND for entry in labelled(name)], lambda text: read(text, rules=rules).codes)


def test_macro_f1_meets_the_goal(tuned):
    assert tuned["macro"] >= GOAL_F1


@pytest.mark.parametrize("code", HABITS)
def test_precision_of_each_habit(tuned, code):
    assert tuned[code][0] >= GOAL_PRECISION


@no_blind
def test_blind_stays_above_its_floor(blind_wording):
    assert blind_wording["macro"] >= BLIND_FLOOR_F1
    assert min(blind_wording[code][0] for code in HABITS) >= BLIND_FLOOR_PRECISION


@no_blind
def test_blind_as_shipped_stays_above_its_floor(blind):
    assert blind["macro"] >= SHIPPED_FLOOR_F1
    assert min(blind[code][0] for code in HABITS) >= SHIPPED_FLOOR_PRECISION


@no_blind
def test_blind_praises_and_warns_rightly(blind):
    """Where the coach has never seen the wording, it may miss a habit but must
    not praise or warn wrongly; as shipped, false alarms of the danger check
    included."""
    assert min(blind[code][0] for code in HABITS) >= GOAL_PRECISION


@no_blind
def test_blind_meets_the_goal(blind):
    assert blind["macro"] >= GOAL_F1


def test_the_coach_beats_the_keyword_baseline_clearly():
    assert scores(labelled("dev"), coach_codes)["macro"] >= scores(labelled("dev"), baseline_codes)["macro"] + 0.2
