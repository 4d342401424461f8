"""How long a scenario takes: the `minutes:` a learner sees on Home should
fit what they will really do, so it is estimated here from the play-through
to the good ending (the way through a learner is asked to find): every word
read on the way (briefing, lines, notes, every option offered, feedback) at
a careful reading pace, and a moment to think before each choice. A test
holds each built-in scenario's `minutes:` close to this."""

from ..content.model import Line, Narration, Note, Scenario, plain
from ..engine.machine import CompiledScenario
from ..engine.session import Session
from .paths import analyse

WORDS_A_MINUTE = 130  # slower than ordinary reading: these are hard words to take in
SECONDS_TO_CHOOSE = 15


def words(block) -> int:
    if isinstance(block, Note):
        return len(block.text.split())
    if isinstance(block, (Line, Narration)):
        return len(plain(block.text).split())
    return 0


def words_on_the_way(scenario: Scenario, script: list[int]) -> int:
    """Every word read on one play-through: what is shown at each step, the options offered, the feedback."""
    session = Session(CompiledScenario(scenario))
    total = sum(map(words, scenario.briefing)) + sum(map(words, session.shown_blocks()))
    for number in script:
        total += sum(len(plain(choice.text).split()) for choice in session.offered())
        choice = session.choose(number)
        total += words(choice.feedback) if choice.feedback else 0
        total += sum(map(words, session.shown_blocks()))
    return total


def estimated_minutes(scenario: Scenario) -> int | None:
    """Minutes for the longest of the shortest ways to a good ending; None when no good ending is reached."""
    scripts = [ending.script for ending in analyse(scenario).endings
               if ending.outcome == "success" and ending.script is not None]
    if not scripts:
        return None
    script = max(scripts, key=len)
    seconds = words_on_the_way(scenario, script) * 60 / WORDS_A_MINUTE + SECONDS_TO_CHOOSE * len(script)
    return max(1, round(seconds / 60))
