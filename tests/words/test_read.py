"""What the own-words coach finds in one utterance (issue 13): the habits,
negation, other people's quoted words, casual typing, and the interface the
UI, plain mode and the workshop code against."""

import pytest

import bot.words
from bot.words import HABITS, Note, Reading, closest, habit_label, read
from helpers import ui_modules_after


def codes(text):
    return set(read(text).codes)


@pytest.mark.parametrize("text, found", [
    ("I feel scared when you come home late", {"i-statement"}),
    ("That sounds really hard.", {"understanding"}),
    ("I made it worse by shouting, that's on me.", {"shares-responsibility"}),
    ("I can drive you to the clinic on Thursday.", {"offers-help"}),
    ("I won't give you money.", {"boundary"}),
    ("What's been going on for you?", {"open-question"}),
    ("You're a junkie.", {"label"}),
    ("You always let us down.", {"always-never"}),
    ("This is all your fault.", {"blame"}),
    ("Do that again and you're out of this house.", {"threat"}),
    ("You need to get your act together.", {"lecture"}),
    ("Fine, here's fifty.", {"gives-in"}),
    ("It's raining again.", set()),
])
def test_each_habit_is_found(text, found):
    assert codes(text) == found


def test_negation_turns_giving_in_into_a_boundary():
    assert codes("I won't give you the rent money.") == {"boundary"}
    assert "gives-in" in codes("I'll give you the rent money.")
    assert "gives-in" in codes("ok i'll tell your boss you're sick")
    assert codes("I won't tell your boss you're sick.") == {"boundary"}
    assert codes("It's not your fault.") == set()


def test_an_opinion_about_them_is_not_an_i_statement():
    assert "i-statement" not in codes("I think you are lazy.")
    assert "i-statement" not in codes("I feel like you don't care about any of us.")
    assert "i-statement" in codes("I feel lonely in this house.")


def test_other_peoples_quoted_words_are_not_the_speakers():
    assert codes("Grandma keeps calling you 'the junkie' and I told her to stop.") == set()
    assert codes('My uncle used to say "you always choose the bottle".') == set()
    assert "always-never" not in codes("Your dad said 'you always lie' and I could see that hurt you.")
    assert codes('"You are such a junkie"') == {"label"}  # a whole line in quotes is still the speaker's


@pytest.mark.parametrize("typed, meant", [
    ("im so worried about u", "I'm so worried about you"),
    ("i wont give u cash", "I won't give you cash"),
    ("ur always lying to me", "You're always lying to me"),
    ("u r an adict", "You are an addict"),
    ("ill come with u to the meeting", "I'll come with you to the meeting"),
    ("YOU NEVER LISTEN", "You never listen."),
    ("your the reason dad left", "You're the reason Dad left."),
])
def test_casual_typing_reads_like_careful_typing(typed, meant):
    assert codes(typed) == codes(meant) != set()


def test_ill_after_are_is_not_i_will():
    assert codes("Fine, I'll ring the school and say you're ill.") == {"gives-in"}


def test_the_coach_names_the_label_that_was_used():
    note = read("stupid crackhead").notes[0]
    assert note.code == "label" and note.kind == "trap" and note.says.startswith("'Crackhead' is a label")


def test_a_reading_has_the_promised_shape():
    reading = read("I'm scared. You always lie.")
    assert isinstance(reading, Reading) and reading.text == "I'm scared. You always lie."
    assert reading.codes == ("i-statement", "always-never")  # in the rules file's order
    assert all(isinstance(n, Note) and n.says for n in reading.notes)
    assert [n.code for n in reading.helps] == ["i-statement"]
    assert [n.code for n in reading.traps] == ["always-never"]
    assert reading.try_next == bot.words.builtin_rules().habit("always-never").try_next  # a trap's advice first


def test_empty_text_finds_nothing():
    for text in ("", "   ", "\n"):
        assert read(text) == Reading(text)


def test_with_nothing_wrong_it_suggests_a_helping_habit_not_yet_used():
    reading = read("I feel scared when you come home late")
    assert reading.try_next == bot.words.builtin_rules().habit("understanding").try_next


def test_habits_and_their_plain_names():
    assert HABITS == ("i-statement", "understanding", "shares-responsibility", "offers-help", "boundary",
                      "open-question", "label", "always-never", "blame", "threat", "lecture", "gives-in")
    assert habit_label("i-statement") == "I-statements"
    assert all(habit_label(code) != code for code in HABITS)
    assert habit_label("no-such-habit") == "no-such-habit"


def test_the_same_words_always_get_the_same_reading():
    text = "i wont give u money but ill drive u, you always forget"
    assert read(text) == read(text)


OPTIONS = ["That's a lot. What does Kevin think you should do?",
           "Oh, honey, what a rough week. Sure, just this once. Pay me back Friday.",
           "Fifty dollars? You're using again, aren't you?"]


@pytest.mark.parametrize("text, number", [
    ("Sounds like a hard week. What does your sponsor say?", 2 - 1),
    ("sure, here you go, just this once", 2),
    ("are you using again?", 3),
    ("I love cheese", None),
    ("", None),
])
def test_closest_option_in_meaning(text, number):
    assert closest(text, OPTIONS) == number


def test_closest_tells_a_no_from_a_yes_about_money():
    options = ["Okay, here's the money.", "I won't give you money, but I'll drive you to work."]
    assert closest("i wont give u cash but i can take u to work", options) == 2
    assert closest("fine, take the money", options) == 1


def test_the_analyser_loads_no_ui():
    assert ui_modules_after(["bot.words", "bot.words.command"], "import bot.words; bot.words.read('hi')") == []


@pytest.mark.parametrize("text", [
    "the user manual for the router is in the drawer",
    "You always make the best lasagna.",
    "You never have to face this alone.",
    "Every time it rains the roof leaks.",
    "Ok, I'll be home at nine.",
    "I'm not calling you an addict.",
    "Get out of the rain, you'll catch cold.",
    "You should try the soup, it's good.",
    "I'll pay it back next week.",
    "The clinic is clean and bright.",
])
def test_near_misses_find_nothing(text):
    assert codes(text) == set()
