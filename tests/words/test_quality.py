"""The coach's quality on the hand-labelled sets (figures in
`scripts/bench.py words`): on the development set macro F1 >= 0.90 and no
habit below 0.80 precision (a wrong "well done" is worse than none); on the
held-out set, which no rule was tuned on, a looser floor."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_words import GOAL_F1, GOAL_PRECISION, coach_codes, labelled, scores  # noqa: E402
from bot.words import HABITS  # noqa: E402

HELD_OUT_FLOOR = 0.80


@pytest.fixture(scope="module")
def dev():
    return scores(labelled("dev"), coach_codes)


def test_dev_macro_f1_meets_the_goal(dev):
    assert dev["macro"] >= GOAL_F1


@pytest.mark.parametrize("code", HABITS)
def test_dev_precision_of_each_habit(dev, code):
    assert dev[code][0] >= GOAL_PRECISION


def test_held_out_macro_f1_stays_above_the_floor():
    assert scores(labelled("heldout"), coach_codes)["macro"] >= HELD_OUT_FLOOR


def test_the_coach_beats_the_keyword_baseline_clearly():
    from bench_words import baseline_codes

    assert scores(labelled("dev"), coach_codes)["macro"] >= scores(labelled("dev"), baseline_codes)["macro"] + 0.2
