"""The coach's quality on the hand-labelled sets (figures in
`scripts/bench.py words`). The rules are tuned on the development, held-out
and first two blind sets, so all four meet the goals: macro F1 >= 0.90 and no
habit below 0.80 precision (a wrong "well done" is worse than none).

The eleventh and twelfth blind sets (`en_blind11.yaml`, `en_blind12.yaml`),
written apart, never read while writing rules and never learned from by the
weights (the third to tenth blind sets are among their training sets now),
scored together, are the honest figure on wording the coach has never seen.
Its floors, set from its first measure, guard against getting worse, and its
goal is asserted as a strict expected failure until it is met."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_words import BLIND, GOAL_F1, GOAL_PRECISION, TUNED, baseline_codes, coach_codes, labelled, present, scores  # noqa: E402
from bot.words import HABITS  # noqa: E402

BLIND_FLOOR_F1 = 0.91  # blind11 + blind12, first measure 2026-12-06: 0.920 (0.932 and 0.908; the rules alone: 0.799)
BLIND_FLOOR_PRECISION = 0.78  # lowest: offers-help 0.789 at the measure (0.84 in blind11, 0.75 in blind12)
no_blind = pytest.mark.skipif(not all(map(present, BLIND)), reason="the blind sets are not there yet")


@pytest.fixture(scope="module", params=TUNED)
def tuned(request):
    return scores(labelled(request.param), coach_codes)


@pytest.fixture(scope="module")
def blind():
    return scores([entry for name in BLIND for entry in labelled(name)], coach_codes)


def test_macro_f1_meets_the_goal(tuned):
    assert tuned["macro"] >= GOAL_F1


@pytest.mark.parametrize("code", HABITS)
def test_precision_of_each_habit(tuned, code):
    assert tuned[code][0] >= GOAL_PRECISION


@no_blind
def test_blind_stays_above_its_floor(blind):
    assert blind["macro"] >= BLIND_FLOOR_F1
    assert min(blind[code][0] for code in HABITS) >= BLIND_FLOOR_PRECISION


@no_blind
@pytest.mark.xfail(strict=True, reason="issue 13 is open: on wording it has never seen, offers-help's precision is short of 0.80")
def test_blind_meets_the_goal(blind):
    """Where the coach has never seen the wording, it may miss a habit but must
    not praise or warn wrongly."""
    assert blind["macro"] >= GOAL_F1
    assert min(blind[code][0] for code in HABITS) >= GOAL_PRECISION


def test_the_coach_beats_the_keyword_baseline_clearly():
    assert scores(labelled("dev"), coach_codes)["macro"] >= scores(labelled("dev"), baseline_codes)["macro"] + 0.2
