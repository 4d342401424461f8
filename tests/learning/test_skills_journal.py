"""Skills over time (ordered, bounded, judged by each skill's good
direction) and the reflection journal (kept per profile, edited, deleted,
cleaned of control characters)."""

import pytest

from bot.learning import journal, profiles
from bot.learning.skills import SkillHistory, skill_histories

from .playing import CARDS_ALL_RIGHT, CARDS_ALL_WRONG, play


def test_scores_are_kept_per_attempt_oldest_first(store, library):
    me = profiles.create(store, "Ann", "UK")
    play(store, library, me.id, "cards", CARDS_ALL_WRONG)
    play(store, library, me.id, "cards", CARDS_ALL_RIGHT)
    play(store, library, me.id, "late", [])  # not finished: not an attempt yet
    histories = {h.id: h for h in skill_histories(store, library.course, me.id)}
    assert list(histories) == ["boundaries", "calm", "enabling"]
    assert histories["calm"].scores == (-1, 3)
    assert histories["enabling"].scores == (3, 0)
    assert histories["enabling"].best == 0 and histories["enabling"].trend == "better"
    assert histories["boundaries"].scores == () and histories["boundaries"].best is None


def test_only_the_most_recent_attempts_are_read(store, library):
    me = profiles.create(store, "Ann", "UK")
    for _ in range(5):
        play(store, library, me.id, "late", [1])
    play(store, library, me.id, "late", [2])
    calm = next(h for h in skill_histories(store, library.course, me.id, limit=3) if h.id == "calm")
    assert calm.scores == (1, 1, -1)


@pytest.mark.parametrize("scores, good, trend", [((0, 1, 2), "up", "better"), ((2, 1, 0), "up", "worse"),
                                                 ((2, 1, 0), "down", "better"), ((1, 1), "up", "steady"),
                                                 ((5,), "up", "new")])
def test_the_trend_follows_the_good_direction(scores, good, trend):
    assert SkillHistory("x", "X", good, scores).trend == trend


@pytest.mark.parametrize("scores, scenarios, trend", [
    ((3, -1), ("easy", "hard"), "new"),  # two different scenarios: nothing to compare yet
    ((3, -1, 0), ("easy", "hard", "hard"), "better"),  # the hard one again, a little higher
    ((1, 3, 0), ("a", "b", "a"), "worse"),  # a, then a again lower: b in between does not count
])
def test_the_trend_compares_each_scenario_with_itself(scores, scenarios, trend):
    assert SkillHistory("x", "X", "up", scores, scenarios).trend == trend


def test_journal_entries_are_kept_edited_and_deleted_per_profile(store):
    ann = profiles.create(store, "Ann", "UK")
    bob = profiles.create(store, "Bob", "UK")
    first = journal.add(store, ann.id, journal.HARD, "  Staying calm when he shouted.  ", "money")
    second = journal.add(store, ann.id, journal.NEXT_TIME, "Offer the ride \x1b[31mfirst\x1b[0m.\u202e")
    journal.add(store, bob.id, journal.WENT_WELL, "Bob's own note.")
    assert [e.id for e in journal.entries(store, ann.id)] == [second.id, first.id]
    assert journal.entries(store, ann.id)[0].text == "Offer the ride [31mfirst[0m."
    assert journal.entries(store, ann.id)[1].text == "Staying calm when he shouted."

    journal.edit(store, ann.id, first.id, "Staying calm, mostly.")
    journal.edit(store, bob.id, second.id, "Bob cannot edit Ann's notes.")
    journal.delete(store, bob.id, first.id)
    texts = [e.text for e in journal.entries(store, ann.id)]
    assert texts == ["Offer the ride [31mfirst[0m.", "Staying calm, mostly."]

    journal.delete(store, ann.id, second.id)
    assert [e.text for e in journal.entries(store, ann.id)] == ["Staying calm, mostly."]
    with pytest.raises(journal.EmptyEntry):
        journal.add(store, ann.id, journal.HARD, " \n ")
    with pytest.raises(journal.EmptyEntry):
        journal.edit(store, ann.id, first.id, "")


def test_the_first_prompt_fits_how_it_ended():
    assert journal.prompt_for("setback") == "What will you say next time?"
    assert journal.prompt_for("success") == "What went well?"
    assert journal.prompt_for(None) == "What was hard?"
