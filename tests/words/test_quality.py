"""The coach's quality on the hand-labelled sets (figures in
`scripts/bench.py words`). The rules are tuned on the development, held-out
and first two blind sets, so all four meet the goals: macro F1 >= 0.90 and no
habit below 0.80 precision (a wrong "well done" is worse than none).

The twenty-first to twenty-sixth blind sets (`en_blind21.yaml` to
`en_blind26.yaml`), written apart, never read while writing rules and never
learned from by the weights (the third to twentieth blind sets are among
their training sets now), scored together, are the honest figure on wording
the coach has never seen. As shipped, a reply the danger check gives "Safety
first" names no helping habit, and names what may backfire only in a talk
about medication, drinking or rock bottom. Each pair was measured once
(2026-12-07): blind21 and blind22 0.927 as shipped, blind23 and blind24
0.890, blind25 and blind26 0.881 (wording 0.916). All six with the weights
as shipped now: 0.899 as shipped, every precision at least 0.88, short of
the goal because the danger check gave 6.1% of these everyday replies the
safety words; 0.918 for the wording (the danger lists alone), every
precision at least 0.86. Blind sets differ by author by several
hundredths, so the six together are the measure. Floors keep both from
getting worse; the goal as shipped is a strict expected failure.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_words import BLIND, GOAL_F1, GOAL_PRECISION, TUNED, baseline_codes, coach_codes, labelled, present, scores  # noqa: E402
from bench_danger import lists_alone  # noqa: E402
from bot.words import HABITS, read  # noqa: E402

BLIND_FLOOR_F1 = 0.91  # blind21 to blind26 with the danger lists alone, 2026-12-07: 0.918
BLIND_FLOOR_PRECISION = 0.855  # lowest: blame 0.867 at the measure
SHIPPED_FLOOR_F1 = 0.89  # as shipped at the measure: 0.899 (pairs 0.927, 0.890 and 0.881)
SHIPPED_FLOOR_PRECISION = 0.87  # as shipped: blame 0.880 at the measure
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
@pytest.mark.xfail(strict=True, reason="0.899 as shipped on blind21 to blind26 (0.918 for the wording): "
                                       "6.1% of their everyday replies get the safety words instead of coaching")
def test_blind_meets_the_goal(blind):
    assert blind["macro"] >= GOAL_F1


def test_the_coach_beats_the_keyword_baseline_clearly():
    assert scores(labelled("dev"), coach_codes)["macro"] >= scores(labelled("dev"), baseline_codes)["macro"] + 0.2
