"""The coach's quality on the hand-labelled sets (figures in
`scripts/bench.py words`). The rules are tuned on the development, held-out
and first two blind sets, so all four meet the goals: macro F1 >= 0.90 and no
habit below 0.80 precision (a wrong "well done" is worse than none).

The thirty-first to thirty-fourth blind sets (`en_blind31.yaml` to
`en_blind34.yaml`), written apart, never read while writing rules and never
learned from by the weights (the third to thirtieth blind sets are among
their training sets now), scored together, are the honest figure on wording
the coach has never seen. As shipped, a reply the danger check gives "Safety
first" names no helping habit; what may backfire is still named in a talk
about medication, drinking or rock bottom, and wherever the learned weights
sensed the danger less surely (below `stands_alone`). Measured once
(2026-12-07), all four together: 0.902 as shipped, every precision at least
0.873, so the goal is met there, narrowly (blind31 and blind32 0.889,
blind33 and blind34 0.917; the danger check gave 5.3% of these everyday
replies the safety words); 0.911 for the wording with the danger lists
alone. The four before them (blind27 to blind30), with the weights of
their day, gave 0.899. Blind sets differ by author by several hundredths,
so four together are the measure, and the goal sits at it, not safely
above it. Floors keep both from getting worse.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_words import BLIND, GOAL_F1, GOAL_PRECISION, TUNED, baseline_codes, coach_codes, labelled, present, scores  # noqa: E402
from bench_danger import lists_alone  # noqa: E402
from bot.words import HABITS, read  # noqa: E402

BLIND_FLOOR_F1 = 0.905  # blind31 to blind34 with the danger lists alone, 2026-12-07: 0.911
BLIND_FLOOR_PRECISION = 0.86  # lowest: offers-help 0.867 at the measure
SHIPPED_FLOOR_PRECISION = 0.865  # as shipped: boundary 0.873 at the measure
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
def test_blind_precision_as_shipped_stays_above_its_floor(blind):
    assert min(blind[code][0] for code in HABITS) >= SHIPPED_FLOOR_PRECISION


@no_blind
def test_blind_praises_and_warns_rightly(blind):
    """Where the coach has never seen the wording, it may miss a habit but must
    not praise or warn wrongly; as shipped, false alarms of the danger check
    included."""
    assert min(blind[code][0] for code in HABITS) >= GOAL_PRECISION


@no_blind
def test_blind_meets_the_goal(blind):
    """As shipped: 0.902 at the measure (pairs 0.889 and 0.917)."""
    assert blind["macro"] >= GOAL_F1


def test_the_coach_beats_the_keyword_baseline_clearly():
    assert scores(labelled("dev"), coach_codes)["macro"] >= scores(labelled("dev"), baseline_codes)["macro"] + 0.2
