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


def test_the_danger_check_can_read_the_quoted_words_the_habits_leave_out():
    from bot.words import builtin_rules
    from bot.words.normalise import quotes_others
    normaliser = builtin_rules("en").normaliser
    assert quotes_others('she said "after" and left') and quotes_others("he calls you 'the junkie'")
    assert not quotes_others('"You are such a junkie"') and not quotes_others("I don't know")
    words = lambda **kw: [w for c in normaliser.clauses('she said "after" and left', **kw) for w in c.words]
    assert "after" not in words() and "after" in words(quoted=True)


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


# General forms the rules know (each a family of wordings, not one line of a labelled set)

@pytest.mark.parametrize("text, code", [
    ("if u lie to me one more time ur out", "threat"),  # "ur out" read as "you are out"
    ("if it happens again you're grounded", "threat"),
    ("Keep using and I'll tell your employer everything.", "threat"),
    ("I'm cutting you off, not another penny.", "threat"),
    ("I'll have you thrown out.", "threat"),
    ("You can forget about seeing the grandkids.", "threat"),
    ("Don't make me call your father.", "threat"),
    ("you've ruined my whole week", "blame"),
    ("Thanks to you we can't afford Christmas.", "blame"),
    ("you make me want to scream", "blame"),
    ("It's you who caused all this.", "blame"),
    ("You've let everyone down.", "blame"),
    ("you stole from your own grandmother", "blame"),
    ("You're breaking my heart.", "blame"),
])
def test_threat_and_blame_in_their_many_wordings(text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text, not_this", [
    ("It breaks my heart to see you so unwell.", "blame"),  # the speaker's own hurt
    ("You make me so proud.", "blame"),  # praise is not blame
    ("if u lie to me again we need to talk", "blame"),  # a condition, not a charge
    ("You're breaking my heart.", "i-statement"),  # a charge, not the speaker's own feeling
    ("I'm scared because of you.", "i-statement"),  # "because of you" makes it blame
])
def test_blame_guards(text, not_this):
    assert not_this not in codes(text)


@pytest.mark.parametrize("text", [
    "I'll ring your manager and say you had a migraine.",
    "I'll ring work and say you're poorly.",
    "ok i paid off the dealer again",
    "fine take it",
    "i'll pay off your credit card",
    "I'm not going to tell anyone, don't worry.",  # keeping their secret covers for them
    "I'll cover for you with your boss.",
])
def test_rescue_and_cover(text):
    assert "gives-in" in codes(text)
    assert "boundary" not in codes(text)


@pytest.mark.parametrize("text", [
    "I'm not going to ring in sick for you.",
    "I won't cover for you.",
    "I won't sit in the car with you when you've taken something.",
    "if youve been drinking ill get a taxi home instead",
    "I'll stay at my sister's while you're drinking.",
])
def test_limits_on_ones_own_behaviour_are_boundaries(text):
    assert codes(text) == {"boundary"}


def test_an_offer_on_their_terms_is_help_not_a_limit():
    assert codes("If you want, I'll stay over tonight so you're not alone.") == {"offers-help"}
    assert codes("I'll drop off some meals so you don't have to cook.") == {"offers-help"}
    assert codes("what would you want me to do if things get bad again") == {"open-question"}


def test_stopping_a_rescue_is_not_owning_a_part():
    assert "shares-responsibility" not in codes("I'll stop paying your phone bill.")
    assert "shares-responsibility" in codes("I'll stop shouting, I promise.")
    assert "shares-responsibility" in codes("I think I enabled it for years.")


def test_reported_advice_is_not_a_lecture():
    assert "lecture" not in codes("The boss said you need to bring your ID on Monday.")
    assert "lecture" not in codes("You should see Ella's new haircut.")
    assert "lecture" in codes("You should see a doctor.")
    assert "lecture" in codes("You need to see someone about it.")


def test_understanding_reaches_past_a_long_subject():
    assert "understanding" in codes("Sounds like the comedown has been rough.")
    assert "understanding" in codes("I know quitting the oxy is brutal.")


# Frames learned from wordings families used in the first blind set; the lines
# here are new ones, so each test holds a family of wordings, not one line.

@pytest.mark.parametrize("text, code", [
    ("i miss hearing you laugh", "i-statement"),  # "I miss <doing>"
    ("im crushed, honestly", "i-statement"),  # more feeling words: gutted, crushed, shattered
    ("i cant stop worrying about you at night", "i-statement"),
    ("I hate watching you go through this", "i-statement"),
    ("So proud of you, love!", "i-statement"),  # the "I'm" left out
    ("It sounds like the cravings hit hardest at night", "understanding"),
    ("I know the last few months have been grim", "understanding"),  # "have been", not only "is"
    ("I know you needed a break", "understanding"),
    ("We'll beat this as a team", "shares-responsibility"),
    ("I owe you an apology for the way I spoke to you", "shares-responsibility"),
    ("Dad and I messed up, we should have noticed sooner", "shares-responsibility"),
    ("I'm sorry about what I said last night", "shares-responsibility"),
    ("we've all made mistakes", "shares-responsibility"),
])
def test_helping_habits_in_their_many_wordings(text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text", [
    "I'll phone the local drug service and find out about groups",  # ring/book ... <provider>
    "I could come with you to the first session if you like",  # come|go ~ with you
    "I'll pop round on Saturday and we can walk the dog",
    "I'll pay the rehab deposit myself",  # paying a provider is help, not money to them
    "I'll ask around at work about jobs",
    "I can swap the late shifts with you",
    "want me to ring them for you?",
    "let me drive you there tomorrow",
])
def test_offers_of_help_in_their_many_wordings(text):
    assert "offers-help" in codes(text)
    assert "gives-in" not in codes(text)


@pytest.mark.parametrize("text, not_help", [
    ("I'll come with you to the pub", {"offers-help"}),  # company for the use is not help
    ("fine, I'll drive you there", {"offers-help"}),  # said giving in
    ("want me to leave?", {"offers-help"}),
    ("I'll call the clinic and get you an appointment", {"gives-in"}),  # an appointment is not an excuse here
    ("Ok I sent you the link to the clinic", {"gives-in"}),
    ("I told them you were doing really well", {"gives-in"}),  # good news is not a cover story
    ("The doctor said you were sick", {"gives-in"}),  # someone else's words, not a cover story
    ("Okay, I called the clinic", {"gives-in"}),
])
def test_help_and_rescue_guards(text, not_help):
    assert not (not_help & codes(text))


@pytest.mark.parametrize("text", [
    "I'm not phoning in sick for you again",
    "I'm still not signing the tenancy for you",  # a word between "am" and "not"
    "If you turn up drunk, I'll eat in my room",  # a condition on their use, then my own act
    "When you've been using I won't open the car door",
    "im not gonna lie for u any more",
    "I won't talk to you while you're drunk",
])
def test_more_limits_on_ones_own_behaviour(text):
    assert "boundary" in codes(text)
    assert not {"threat", "offers-help", "gives-in"} & codes(text)


@pytest.mark.parametrize("text", [
    "I swear if you come in drunk I'll make you regret it",  # said in anger
    "im not driving you to that party, you junkie",  # a limit with a label is not calm
    "I won't judge you",
])
def test_not_every_limit_is_calm(text):
    assert "boundary" not in codes(text)


@pytest.mark.parametrize("text", [
    "Your brother can't sleep because you shout all night",  # <family> ... because you
    "You've made your dad sick with worry",  # "ill with worry" is not "i will"
    "you nicked the money from grandma's purse",
    "you lie to me and it makes me feel stupid",
    "u never answer and it makes me feel like rubbish",  # the never is part of the charge
    "the kids think it's their fault",
    "You've brought the police to our door",
    "ur upsetting mum",  # "ur upsetting" read as "you are upsetting"
    "look what you've done to this family",
    "after everything you've put us through",
    "we lost the car because you couldn't stop",
    "you broke the family apart",
    "you made mum cry again",
    "you've spoilt your sister's birthday",
    "Every time you relapse it breaks me",
])
def test_more_wordings_of_blame(text):
    assert "blame" in codes(text)


@pytest.mark.parametrize("text", [
    "You came home and it made me so happy",
    "I'm proud of you because you kept going",
    "we lost the match because of the rain",
    "look what you made me for my birthday!",
])
def test_blame_needs_a_charge(text):
    assert "blame" not in codes(text)


@pytest.mark.parametrize("text", [
    "I'll fight for custody if I have to",
    "Keep stealing and I'll report you",  # keep <use> ... and, with or without "on"
    "your stuff will be out on the lawn",
    "Come home like that again and the locks are changed",
    "i'll change the number and you'll never see me again",
    "I'm telling your headteacher",
    "one more chance and that's it",
    "I'll call the police on you",
    "pack your bags",
    "don't bother coming home tonight",
])
def test_more_wordings_of_threat(text):
    assert "threat" in codes(text)
    assert not {"shares-responsibility", "always-never", "boundary"} & codes(text)


@pytest.mark.parametrize("text", [
    "I'll help you pack your bags for rehab",
    "I'll call the doctor for you",
])
def test_threat_guards(text):
    assert "threat" not in codes(text)


@pytest.mark.parametrize("text, code", [
    ("Pull yourself together", "lecture"),
    ("A man your age should know better", "lecture"),
    ("weed is for losers", "lecture"),
    ("did the sample come back dirty", "label"),
    ("your tests came back clean!", "label"),
    ("Dirty again.", "label"),
    ("okay i paid it. now leave me alone", "gives-in"),  # giving in, told after the fact
    ("whatever, i sent the money", "gives-in"),
    ("I paid off the people you owe", "gives-in"),
    ("I covered your shift again", "gives-in"),
    ("I told your manager you had the flu", "gives-in"),
    ("I said it was your back", "gives-in"),
])
def test_traps_in_their_many_wordings(text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text, not_this", [
    ("you should have seen your face", "lecture"),
    ("You should get the bus, it's pouring", "lecture"),  # practical, not preaching
    ("this money is for the bills", "lecture"),
    ("the kitchen's clean again", "label"),
    ("Nobody thinks you're a junkie", "label"),
    ("My sister calls you a druggie and I hate it", "label"),
    ("You always look great in that jacket", "always-never"),  # praise
    ("You never forget my birthday", "always-never"),
    ("That sounds like an excuse to me", "understanding"),
    ("I'm sorry you feel that way", "shares-responsibility"),
    ("tell me what the hell happened", "open-question"),
])
def test_trap_and_help_guards(text, not_this):
    assert not_this not in codes(text)


def test_open_invitations_to_talk():
    assert "open-question" in codes("tell me what the school said, from your side")
    assert "open-question" in codes("I'd love to hear about the course")


def test_warm_loads_ahead_and_changes_no_reading():
    bot.words.builtin_rules.cache_clear()
    bot.words.warm()
    assert bot.words.builtin_rules.cache_info().currsize == 1  # the rules are loaded before any read()
    assert codes("I feel scared when you come home late") == {"i-statement"}
