"""The coach's quality on the hand-labelled sets (figures in
`scripts/bench.py words`). The rules are tuned on the development, held-out
and first two blind sets, so all four meet the goals: macro F1 >= 0.90 and no
habit below 0.80 precision (a wrong "well done" is worse than none).

The seventeenth and eighteenth blind sets (`en_blind17.yaml`,
`en_blind18.yaml`), written apart, never read while writing rules and never
learned from by the weights (the third to sixteenth blind sets are among
their training sets now), scored together, are the honest figure on wording
the coach has never seen. As shipped, a reply the danger check gives "Safety
first" names no helping habit, only what may backfire. Measured first with
the weights of the day, when such a reply named no habit at all: 0.884 as
shipped (0.917 for the wording alone), short of the goal. Since then, with
nothing tuned on these sets: the weights learned from blind15, blind16,
three sets of everyday lines in the words dangerous plans were dressed in and
one of the course's stepping-away moves beside their unsafe twins, and traps
stay named under the safety words; as shipped they meet the goal (0.907; wording 0.921). Floors keep both
from getting worse."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_words import BLIND, GOAL_F1, GOAL_PRECISION, TUNED, baseline_codes, coach_codes, labelled, present, scores  # noqa: E402
from bench_danger import lists_alone  # noqa: E402
from bot.words import HABITS, read  # noqa: E402

BLIND_FLOOR_F1 = 0.91  # blind17 + blind18 read for their wording, first measure 2026-12-06: 0.917 (0.902 and 0.931; the rules alone: 0.74 and 0.82); 0.921 today
BLIND_FLOOR_PRECISION = 0.83  # lowest: blame 0.84 at the measure, 0.848 today
SHIPPED_FLOOR_F1 = 0.905  # as shipped: 0.884 at the first measure (no habit named under safety first); 0.907 today
SHIPPED_FLOOR_PRECISION = 0.84  # as shipped: blame 0.83 at the first measure, 0.848 today
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
def test_blind_meets_the_goal(blind):
    """Where the coach has never seen the wording, it may miss a habit but must
    not praise or warn wrongly; as shipped, false alarms of the danger check
    included."""
    assert blind["macro"] >= GOAL_F1
    assert min(blind[code][0] for code in HABITS) >= GOAL_PRECISION


def test_the_coach_beats_the_keyword_baseline_clearly():
    assert scores(labelled("dev"), coach_codes)["macro"] >= scores(labelled("dev"), baseline_codes)["macro"] + 0.2
