"""The minutes Home shows fit the scenario: each built-in scenario's
`minutes:` is close to the time its way to the good ending takes (reading
and choosing), so an "8 min" scenario is not over in two."""

import pytest

from bot.authoring.minutes import SECONDS_TO_CHOOSE, WORDS_A_MINUTE, estimated_minutes, words_on_the_way
from bot.content.diagnostics import Report
from bot.content.library import Library
from bot.content.scenario_parser import parse_scenario

SCENARIOS = Library([]).in_order()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_minutes_fit_the_way_to_the_good_ending(scenario):
    estimate = estimated_minutes(scenario)
    assert estimate is not None, f"{scenario.file}: no good ending is reached"
    assert abs(scenario.minutes - estimate) <= max(1, round(estimate * 0.15)), \
        f"{scenario.file}: minutes: {scenario.minutes}, but the way to the good ending takes about {estimate}"


SHORT = """---
title: Short
module: money
minutes: 30
---

# Short

Four words of briefing.

## Start

**Alex:** One two three four five.

- [Six seven.](#good)
- [Eight nine ten.](#bad)

## Good

**Alex:** Eleven twelve.

`end: success`

## Bad

**Alex:** Thirteen.

`end: setback`
"""


def test_the_estimate_counts_every_word_read_and_each_choice(tmp_path):
    file = tmp_path / "short.md"
    file.write_text(SHORT)
    report = Report(str(file))
    scenario = parse_scenario(file, report.file, report)
    assert not report.items, report.items
    # briefing (4) + start line (5) + both options (2 + 3) + the good ending's line (2)
    assert words_on_the_way(scenario, [1]) == 16
    seconds = 16 * 60 / WORDS_A_MINUTE + SECONDS_TO_CHOOSE
    assert estimated_minutes(scenario) == max(1, round(seconds / 60)) == 1
