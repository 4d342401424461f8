"""Myth-or-fact review: which steps are cards and which answer is right
comes from the model alone; a missed card comes back until answered right
twice in a row; missing it again in play brings it back."""

from bot.content.library import Library
from bot.learning import profiles, review

from .playing import CARDS_ALL_RIGHT, CARDS_ALL_WRONG, play


def keys(cards) -> list[str]:
    return [c.node for c in cards]


def test_cards_and_right_answers_are_read_from_the_model(library):
    cards = review.library_cards(library)
    assert {key: c.right for key, c in cards.items()} == {
        ("cards", "first-card"): "Myth",  # the myth answer moves calm up
        ("cards", "second-card"): "Fact",  # the myth answer moves calm down
        ("cards", "fourth-card"): "Myth",  # the fact answer moves enabling up (the wrong way)
    }  # the third card moves no skill, so it cannot be judged and is left out
    first = cards[("cards", "first-card")]
    assert first.statement == "Nothing can help until they hit bottom."
    assert first.verdicts == ("Fact", "Not sure", "Myth")
    assert first.explanation.text == "Yes: a family can act now."
    assert cards[("cards", "fourth-card")].statement == "Only the family can fix it."


def test_the_built_in_myth_or_fact_scenario_has_judged_cards():
    cards = review.library_cards(Library([]))
    judged = {node: c.right for (scenario, node), c in cards.items() if scenario == "myth-or-fact"}
    assert judged["tea-and-the-first-card"] == "Myth"
    assert judged["support-for-you"] == "Myth"
    assert "where-was-the-choice" not in judged  # its answers are not verdicts
    assert all(c.statement and c.explanation for c in cards.values())


def test_missed_cards_come_back_until_right_twice_in_a_row(store, library):
    me = profiles.create(store, "Ann", "UK")
    assert review.due(store, library, me.id) == []
    play(store, library, me.id, "cards", CARDS_ALL_WRONG)
    due = review.due(store, library, me.id)
    assert keys(due) == ["first-card", "second-card", "fourth-card"]
    first = due[0]

    assert review.answer(store, me.id, first, "Myth") is True
    assert "first-card" in keys(review.due(store, library, me.id))  # once is not enough
    assert review.answer(store, me.id, first, "Not sure") is False  # not sure starts the count again
    assert review.answer(store, me.id, first, "Myth") and review.answer(store, me.id, first, "Myth")
    assert keys(review.due(store, library, me.id)) == ["second-card", "fourth-card"]

    play(store, library, me.id, "cards", CARDS_ALL_RIGHT)  # right in play does not add a card
    assert keys(review.due(store, library, me.id)) == ["second-card", "fourth-card"]
    play(store, library, me.id, "cards", [2, 2, 1, 2, 1])  # "not sure" on the first card again
    assert keys(review.due(store, library, me.id)) == ["second-card", "fourth-card", "first-card"]


def test_plays_are_read_once_and_unfinished_ones_wait(store, library):
    me = profiles.create(store, "Ann", "UK")
    playing = play(store, library, me.id, "cards", CARDS_ALL_WRONG[:2])
    assert review.due(store, library, me.id) == []  # still being played
    playing.choose(2), playing.choose(3), playing.choose(2)
    due = review.due(store, library, me.id)
    assert keys(due) == ["first-card", "second-card", "fourth-card"]
    for card in due:
        review.answer(store, me.id, card, card.right)
        review.answer(store, me.id, card, card.right)
    assert review.due(store, library, me.id) == []  # reading the same plays again brings nothing back


def test_a_review_is_short_and_cards_belong_to_their_profile(store, library):
    ann = profiles.create(store, "Ann", "UK")
    bob = profiles.create(store, "Bob", "UK")
    play(store, library, ann.id, "cards", CARDS_ALL_WRONG)
    assert len(review.due(store, library, ann.id, limit=2)) == 2
    assert review.due(store, library, bob.id) == []
