"""The coach's quality on the hand-labelled sets (figures in
`scripts/bench.py words`). The rules are tuned on the development, held-out
and first blind sets, so all three meet the goals: macro F1 >= 0.90 and no
habit below 0.80 precision (a wrong "well done" is worse than none).

The second blind set (`en_blind2.yaml`), written apart and never read while
writing rules, is the honest figure, and it does NOT meet the goals yet
(macro F1 0.79; threat precision 0.67, gives-in 0.78): issue 13 stays open
for it. The goal is asserted as a strict expected failure, so the day the
coach meets it this file says so and the mark must go; the floors below are
today's figures, guarding against getting worse, not the goal."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_words import BLIND, GOAL_F1, GOAL_PRECISION, TUNED, baseline_codes, coach_codes, labelled, present, scores  # noqa: E402
from bot.words import HABITS  # noqa: E402

BLIND_FLOOR_F1 = 0.78  # today's 0.79: a floor against getting worse, not the goal
BLIND_FLOOR_PRECISION = 0.65  # today's lowest, threat 0.67
no_blind = pytest.mark.skipif(not present(BLIND), reason="the second blind set is not there yet")


@pytest.fixture(scope="module", params=TUNED)
def tuned(request):
    return scores(labelled(request.param), coach_codes)


@pytest.fixture(scope="module")
def blind():
    return scores(labelled(BLIND), coach_codes)


def test_macro_f1_meets_the_goal(tuned):
    assert tuned["macro"] >= GOAL_F1


@pytest.mark.parametrize("code", HABITS)
def test_precision_of_each_habit(tuned, code):
    assert tuned[code][0] >= GOAL_PRECISION


@no_blind
def test_blind_stays_above_todays_floor(blind):
    assert blind["macro"] >= BLIND_FLOOR_F1
    assert min(blind[code][0] for code in HABITS) >= BLIND_FLOOR_PRECISION


@no_blind
@pytest.mark.xfail(strict=True, reason="issue 13 is open: on wording it has never seen the coach misses too much "
                                       "and warns of threats wrongly too often")
def test_blind_meets_the_goal(blind):
    """Where the coach has never seen the wording, it may miss a habit but must
    not praise or warn wrongly."""
    assert blind["macro"] >= GOAL_F1
    assert min(blind[code][0] for code in HABITS) >= GOAL_PRECISION


def test_the_coach_beats_the_keyword_baseline_clearly():
    assert scores(labelled("dev"), coach_codes)["macro"] >= scores(labelled("dev"), baseline_codes)["macro"] + 0.2
