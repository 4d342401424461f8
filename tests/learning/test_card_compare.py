"""The conversation card (lines that went well, boundaries, help numbers,
printable and escaped) and the comparison of two people's play-throughs."""

import pytest

from bot.help import load
from bot.learning import compare, profiles
from bot.learning.card import card_html, card_text, make_card

from .playing import CARDS_ALL_RIGHT, play


def card_for(store, library, picks, region="UK"):
    me = profiles.create(store, "Ann", region)
    tracked = play(store, library, me.id, "money", picks)
    return make_card(tracked.session, library, load().region(region), load())


def test_the_card_keeps_the_lines_that_went_well_and_the_boundaries(store, library):
    card = card_for(store, library, [1, 1])
    assert card.lines_heading == "Lines that went well"
    assert card.lines == ("No, but I can drive you to your meeting.", "I love you. The answer on money is still no.")
    assert card.boundaries == ()  # each line that went well held a boundary: it is listed once, above
    assert card.remember == ("You held a kind line and offered real help.",)
    text = card_text(card)
    assert "If anyone is in danger now, call 999." in text and "Boundaries to hold" not in text
    assert text.count("I love you. The answer on money is still no.") == 1
    assert "Samaritans: Call 116 123 (free)" in text
    assert "not medical advice and not a crisis service" in text


def test_after_a_hard_ending_the_card_offers_lines_to_try(store, library):
    card = card_for(store, library, [2], region="US")
    assert card.lines_heading == "Lines to try next time"
    assert card.lines == ("No, but I can drive you to your meeting.",)
    assert card.boundaries == ("I love you. The answer on money is still no.",)  # the line to try is not repeated
    assert "call 911" in card_text(card)


def test_the_printable_card_is_one_escaped_page(store, library):
    me = profiles.create(store, "<b>Ann</b>", "UK")
    tracked = play(store, library, me.id, "money", [1, 1])
    region = load().region("UK")
    html = card_html(make_card(tracked.session, library, region, load()))
    assert html.startswith("<!doctype html>") and "<script" not in html and "http" not in html.split("</style>")[1]
    assert "I love you. The answer on money is still no." in html
    assert "If anyone is in danger now, call 999." in html


def test_two_people_see_where_their_choices_differed(store, library):
    ann = profiles.create(store, "Ann", "UK")
    bob = profiles.create(store, "Bob", "UK")
    play(store, library, ann.id, "money", [1, 1])
    play(store, library, bob.id, "money", [1, 2])
    play(store, library, bob.id, "cards", CARDS_ALL_RIGHT)
    assert [s.id for s in compare.shared_scenarios(store, library, ann.id, bob.id)] == ["money"]

    result = compare.compare(store, library, "money", ann, bob)
    assert (result.first.name, result.second.name) == ("Ann", "Bob")
    assert [m.node.id for m in result.moments] == ["door", "drive"]
    same, differ = result.moments
    assert same.same and not differ.same
    assert differ.pulled_apart  # Ann held the line; Bob gave way
    assert differ.first_leaning > 0 > differ.second_leaning
    assert (result.first.ending.ending, result.second.ending.ending) == ("success", "setback")
    assert result.differences == (differ,)


def test_paths_that_split_early_show_what_only_one_person_did(store, library):
    ann = profiles.create(store, "Ann", "UK")
    bob = profiles.create(store, "Bob", "UK")
    play(store, library, ann.id, "money", [1, 1])
    play(store, library, bob.id, "money", [3])
    result = compare.compare(store, library, "money", ann, bob)
    assert [m.node.id for m in result.differences] == ["door"]
    assert [node.id for node, _ in result.only(result.first)] == ["drive"]
    assert result.only(result.second) == ()


def test_a_person_who_has_not_finished_cannot_be_compared_yet(store, library):
    ann = profiles.create(store, "Ann", "UK")
    bob = profiles.create(store, "Bob", "UK")
    play(store, library, ann.id, "money", [1, 1])
    play(store, library, bob.id, "money", [1])  # not finished
    with pytest.raises(compare.NothingToCompare, match="Bob has not finished"):
        compare.compare(store, library, "money", ann, bob)


def test_the_summary_names_each_moment_by_what_the_loved_one_said(store, library):
    ann = profiles.create(store, "Ann", "UK")
    bob = profiles.create(store, "Bob", "UK")
    play(store, library, ann.id, "money", [1, 1])
    play(store, library, bob.id, "money", [1, 1])
    same = compare.moments_summary(compare.compare(store, library, "money", ann, bob))
    assert same == "You both chose the same words at both moments you both reached; each is below."
    play(store, library, bob.id, "money", [3])
    split = compare.moments_summary(compare.compare(store, library, "money", ann, bob))
    assert split == ("You chose differently at the one moment you both reached: "
                     "when Alex said “Can I borrow twenty? Just this once.”.")
