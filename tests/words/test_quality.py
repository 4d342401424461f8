"""The coach's quality on the hand-labelled sets (figures in
`scripts/bench.py words`). The rules are tuned on the development and
held-out sets, so both meet the goals: macro F1 >= 0.90 and no habit below
0.80 precision (a wrong "well done" is worse than none). The blind set, which
no rule was tuned on, is the honest figure: there every habit keeps 0.80
precision, but macro F1 is 0.81, short of the 0.90 goal because recall is low
(issue 13 stays open for it). Its floor guards against getting worse; the
bench prints the real figure."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_words import GOAL_F1, GOAL_PRECISION, TUNED, baseline_codes, coach_codes, labelled, present, scores  # noqa: E402
from bot.words import HABITS  # noqa: E402

BLIND_FLOOR = 0.80  # today's 0.81, not the goal: see the docstring


@pytest.fixture(scope="module", params=TUNED)
def tuned(request):
    return scores(labelled(request.param), coach_codes)


def test_macro_f1_meets_the_goal(tuned):
    assert tuned["macro"] >= GOAL_F1


@pytest.mark.parametrize("code", HABITS)
def test_precision_of_each_habit(tuned, code):
    assert tuned[code][0] >= GOAL_PRECISION


@pytest.mark.skipif(not present("blind"), reason="the blind set is not there yet")
def test_blind_macro_f1_stays_above_the_floor():
    assert scores(labelled("blind"), coach_codes)["macro"] >= BLIND_FLOOR


@pytest.mark.skipif(not present("blind"), reason="the blind set is not there yet")
@pytest.mark.parametrize("code", HABITS)
def test_blind_precision_of_each_habit(code):
    """Where the coach has never seen the wording, it may miss a habit but must
    not praise or warn wrongly."""
    assert scores(labelled("blind"), coach_codes)[code][0] >= GOAL_PRECISION


def test_the_coach_beats_the_keyword_baseline_clearly():
    assert scores(labelled("dev"), coach_codes)["macro"] >= scores(labelled("dev"), baseline_codes)["macro"] + 0.2
