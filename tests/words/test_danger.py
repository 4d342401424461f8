"""Safety before wording: where the typed words touch an emergency or a
danger, the coach names no habit (it never praises "I won't call an
ambulance" as a calm limit, nor warns against calling the police on
violence) and says what keeps people safe instead (the rules' `danger:`)."""

from dataclasses import replace

import pytest

from bot.words import builtin_rules, read
from bot.words.analyse import listed
from bot.words.rules import parse_rules
from bot.content.diagnostics import Report
from helpers import rehearse, rehearse_json

def assert_safety_first(reading, says):
    """Safety before wording: the group's words, no habit praised, no "try next";
    only what may backfire is still named."""
    assert reading.safety == says and reading.helps == () and reading.try_next is None
    assert reading.codes == tuple(note.code for note in reading.traps)


def danger_says(group, lang="en"):
    """A group's safety words, as the built-in rules say them."""
    return next(d for d in builtin_rules(lang).danger if d.name == group).says


DANGEROUS = [
    ("No naloxone, no ambulance, just sleep it off and we'll talk tomorrow.", "emergency"),
    ("im not callin anyone hes just sleepin it off", "emergency"),
    ("I won't ring 999 for you again", "emergency"),
    ("I'm not using the nasal spray on you, you'll be fine.", "emergency"),
    ("she won't wake up, I'll leave her be", "emergency"),
    ("If you're going to talk about killing yourself I'm going to bed.", "suicide"),
    ("You said you'd hit me, but I'm staying, and the answer is still no.", "violence"),
    ("I don't care if you've got a knife, I'm holding my line.", "violence"),
    ("You can still babysit even if you've had a few.", "children"),
    ("I'll drop the kids off with you after school, I know you've been drinking but you'll manage.", "children"),
    ("I think he's having an overdose", "emergency"),
    ("I know you're wasted but we're having this conversation now.", "intoxicated"),
    ("I worry you're just replacing heroin with suboxone.", "medication"),
    ("I'll flush the naltrexone, we'll beat this together.", "medication"),
    # stopping heavy drinking at once, without a doctor (the tenth read: no group said it)
    ("just quit the booze cold turkey, you dont need a detox", "withdrawal"),
    ("Dad can dry out on his own at the cabin this weekend", "withdrawal"),
    ("I'm going to let you hit rock bottom, it's the only way.", "rock-bottom"),
    # danger said without the obvious words (a second counselor read)
    ("She's gurgling a bit but I'll let her doze, we'll talk in the morning.", "emergency"),
    ("He went grey and floppy but I'd rather not make a fuss with doctors.", "emergency"),
    ("I'll give you some coffee and walk you around, no hospital needed.", "emergency"),
    ("I'm not phoning for help this time, you did this to yourself.", "emergency"),
    ("I won't stay on the phone when you say you'd be better off dead.", "suicide"),
    ("I'll come round tonight even though you said you'd hurt me.", "violence"),
    ("I'm willing to stay home with you after you broke my arm, families stick together.", "violence"),
    ("I'm happy to let the kids stay at yours even if you've been drinking.", "children"),
    ("I feel angry and I need us to talk about this right now while you're off your face.", "intoxicated"),
    ("I'd be glad to help you ditch the subutex so you're truly clean.", "medication"),
    ("I won't bail you out, you need to lose everything before you change.", "rock-bottom"),
    # a third counselor read: the family member's own threats of harm, and lone misses
    ("I'm gonna beat the shit out of you if you use again.", "harm"),
    ("I'm going to kick your ass when you get home.", "harm"),
    ("Next time you come home high I'm breaking your legs.", "harm"),
    ("if u touch me again ill stab u i swear", "harm"),
    ("If you use again I'll beat you black and blue.", "harm"),
    ("I swear I'll hit you if you lie again.", "harm"),
    ("I'll knock your teeth out if I see you high again.", "harm"),
    ("When you get home, you and me are gonna settle this like men.", "harm"),
    ("maybe u should just unalive urself", "suicide"),
    ("kys lol", "suicide"),
    ("I feel scared when you nod off like that. I'll put you to bed and we'll talk tomorrow.", "emergency"),
    ("I rubbed his chest hard and he didn't react. I'll try again later.", "emergency"),
    ("He can't be roused but his heart is still going so we're fine.", "emergency"),
    ("I'll leave the kids with you tonight, just try not to drink too much.", "children"),
    ("The kids are asleep so it's fine if you use in the living room.", "children"),
]


@pytest.mark.parametrize("text, group", DANGEROUS)
def test_danger_names_no_habit_and_says_what_keeps_people_safe(text, group):
    reading = read(text)
    assert_safety_first(reading, danger_says(group))


@pytest.mark.parametrize("text, group", [
    ("Can I leave the kids with you tonight? Just don't drink too much.", "children"),
    ("hes been out for hours and his lips look funny, ill check on him in the morning", "emergency"),
    ("We can't have people at church knowing you're on methadone. Try to get off it quietly.", "medication"),
])
def test_the_learned_weights_sense_a_danger_no_list_has_words_for(text, group):
    """Said in words no danger list has, or across two sentences: the
    learned danger weights read the whole reply (learned.py, `sensed`)."""
    rules = builtin_rules("en")
    assert listed(rules.normaliser.clauses(text), rules.danger) is None
    reading = read(text)
    assert_safety_first(reading, danger_says(group))


def test_a_danger_the_weights_are_less_sure_of_still_names_what_may_backfire():
    """Sensed below `stands_alone` (this threat weighs about 0.64 for harm),
    the safety words come first and nothing is praised, but the blame and
    the threat are still named, as most such alarms are everyday threats;
    with every sensed danger sure, the words stand alone as a list's do."""
    text = "Steal from your nan again and I'll make sure you never see the kids."
    rules = builtin_rules("en")
    assert listed(rules.normaliser.clauses(text), rules.danger) is None
    reading = read(text)
    assert_safety_first(reading, danger_says("harm"))
    assert set(reading.codes) == {"blame", "threat"}
    sure = replace(rules, learned=replace(rules.learned, stands_alone=0.0))
    assert read(text, rules=sure).safety == reading.safety and read(text, rules=sure).codes == ()


@pytest.mark.parametrize("text, codes", [
    ("I feel scared when you come home this late", {"i-statement"}),
    ("It hurt me when you missed her party", {"i-statement"}),
    ("It scares me when you drink", {"i-statement"}),
    ("I'll drive you to the methadone clinic on Monday", {"offers-help"}),
    ("im scared ur gonna overdose. can i drive u to the walk in clinic?", {"i-statement", "offers-help"}),
    ("I'm not leaving the children with you on nights you've been drinking", {"boundary"}),
    ("I won't give you money but I'll drive you to the clinic", {"boundary", "offers-help"}),
    ("I never meant to hurt you, I'm sorry.", {"shares-responsibility"}),
    ("I'll step outside for a bit until you've sobered up.", {"boundary"}),  # stepping away, as the course teaches
    ("im heading out for a bit while ur high, text me tomorrow", {"boundary"}),
    ("I'm going to my sister's for a bit while you're like this.", {"boundary"}),
    ("You're drunk, so not now. We'll talk tomorrow over breakfast.", {"boundary"}),  # the move the words ask for
    ("Not tonight, you're drunk. We'll talk tomorrow.", {"boundary"}),
    ("I quit smoking cold turkey last year", set()),
])
def test_everyday_words_near_a_danger_word_are_coached_as_usual(text, codes):
    assert set(read(text).codes) == codes


@pytest.mark.parametrize("text", ["I'll hit you up later about dinner", "I nodded off during the film, sorry",
                                  "the kids are asleep, you used to read to them every night"])
def test_idioms_near_a_threat_or_a_sign_are_no_danger(text):
    assert read(text).safety is None


@pytest.mark.parametrize("text, group", [
    ("I'll klap you if you come home like that again", "harm"),
    ("next time I'm taking the belt to you, grown or not", "harm"),
    ("keep it up and I'll put you in the hospital myself", "harm"),
    ("lie to me again and I'll put you through that window", "harm"),
    ("what you need is a proper hiding", "harm"),
    ("I'm going to beat some sense into you", "harm"),
    ("we'll drag you by the hair to rehab if we have to", "harm"),
    ("the lads will sort you out tonight", "harm"),
    ("you'd better watch your back", "harm"),
    ("he's got a machete under the bed", "violence"),
    ("kms if this keeps up", "suicide"),
])
def test_the_lists_name_threats_in_many_wordings(text, group):
    """A counselor's words, not only the learned weights: these hold if the weights are retrained or gone."""
    rules = builtin_rules("en")
    assert listed(rules.normaliser.clauses(text), rules.danger).name == group


@pytest.mark.parametrize("text, group", [
    ("I'm not using the narcan on you", "emergency"),
    ("I gave him narcan and called 911", "emergency"),
    ("the narcan wore off and hes nodding again", "emergency"),
    ("She came round after the naloxone so I didn't call anyone.", "emergency"),
    ("I'm not wasting the nasal spray on you", "emergency"),
    ("just use the nose spray and let him sleep", "emergency"),
    ("I swear to god I'll strangle you if you relapse", "harm"),  # their own threat: harm's words, not a victim's
])
def test_the_lists_read_naloxone_in_use_or_refused_and_own_threats_before_fear(text, group):
    rules = builtin_rules("en")
    assert listed(rules.normaliser.clauses(text), rules.danger).name == group


@pytest.mark.parametrize("text", ["I keep naloxone in the kitchen drawer, just in case, because I love you.",
                                  "I picked up a Narcan kit from the pharmacy today.",
                                  "There's a nasal spray in my handbag and one in the car, just so you know."])
def test_naloxone_kept_at_home_is_no_danger_to_the_lists(text):
    """Keeping naloxone is what the safety words ask for; the seventh read found it alarmed,
    and set y found the nasal spray kept at home alarmed the same way."""
    rules = builtin_rules("en")
    assert listed(rules.normaliser.clauses(text), rules.danger) is None


@pytest.mark.parametrize("text, group", [("you're drunk now and we are sorting this", "intoxicated"),
                                         ("tonight, drunk or not, we talk", "intoxicated"),
                                         ("you're wasted, not tonight", None), ("Not now, you're high. Tomorrow.", None)])
def test_putting_the_talk_off_is_no_danger_to_the_intoxicated_list(text, group):
    """"Not now" and "not tonight" beside "drunk" are the course's move; "now" alone is the danger."""
    rules = builtin_rules("en")
    found = listed(rules.normaliser.clauses(text), rules.danger)
    assert (found.name if found else None) == group


@pytest.mark.parametrize("text", ["the lads will sort out the lift to the meeting", "we took the belt off the old bike",
                                  "watch your step on the ice", "Was it the coke or the drink that put you in hospital?",
                                  "first one to the car gets shotgun!"])
def test_the_lists_leave_alike_everyday_words(text):
    rules = builtin_rules("en")
    assert listed(rules.normaliser.clauses(text), rules.danger) is None


@pytest.mark.parametrize("text, group", [
    ('She texted "I want to die" and I told her to stop being so dramatic.', "suicide"),
    ("he said 'no ambulance' so I'm letting him sleep", "emergency"),
    ("My son keeps saying ‘I’ll kill myself’ when he's drunk, so I just go to bed.", "suicide"),
])
def test_other_peoples_quoted_words_are_read_for_danger(text, group):
    """Quoted words are not the speaker's habit, but what someone else said can be the danger."""
    reading = read(text)
    assert_safety_first(reading, danger_says(group))


def test_quoted_words_stay_out_of_the_habits_where_there_is_no_danger():
    assert read("Your dad said 'you always lie' and I could see that hurt you.").safety is None
    assert "always-never" not in read("Your dad said 'you always lie' and I could see that hurt you.").codes


def test_the_command_prints_the_safety_words_not_a_habit():
    result, out = rehearse_json("words", "I love you, so I won't call an ambulance. Sleep it off.", "--json")
    assert result.returncode == 0 and out["safety"].startswith("If someone may be overdosing")
    assert out["codes"] == [] and out["notes"] == []  # "I love you" is not praised here
    plain = rehearse("words", "I love you, so I won't call an ambulance. Sleep it off.")
    assert "Safety first: If someone may be overdosing" in plain.stdout and "No habits found" not in plain.stdout
    assert "Try next" not in plain.stdout
    assert rehearse_json("words", "I feel scared when you come home this late", "--json")[1]["safety"] is None


def test_in_an_emergency_the_safety_words_stand_alone():
    """A counselor's call: in an overdose a note on wording only distracts
    ("'Junkie' is a label" under "Talking comes later"), so no trap is named."""
    text = "I'm scared, so no ambulance. You always do this, you junkie."
    reading = read(text)
    assert_safety_first(reading, danger_says("emergency"))
    assert reading.codes == () and reading.notes == ()
    result, out = rehearse_json("words", text, "--json")
    assert out["codes"] == [] and out["notes"] == [] and out["safety"] == danger_says("emergency")


def test_in_a_talk_about_medication_what_may_backfire_is_still_named_and_nothing_praised():
    """Where the talk goes on (stopping methadone, rock bottom), a label or
    "always" is worth naming under the safety words; praise never is."""
    text = "I'm worried. You always take the easy way, methadone is just swapping one drug for another, junkie."
    reading = read(text)
    assert_safety_first(reading, danger_says("medication"))
    assert {"label", "always-never"} <= set(reading.codes) and "i-statement" not in reading.codes
    result, out = rehearse_json("words", text, "--json")
    assert {"label", "always-never"} <= set(out["codes"]) and out["safety"] == danger_says("medication")
    plain = rehearse("words", text).stdout.splitlines()
    assert plain[0].startswith("Safety first:") and any(row.startswith("trap") and "label:" in row for row in plain[1:])
    assert not any(row.startswith("helps") for row in plain)


def test_traps_are_named_under_safety_only_where_a_counselor_judged_it_no_distraction():
    assert {d.name for d in builtin_rules("en").danger if d.names_traps} == {"medication", "withdrawal", "rock-bottom"}
    assert {d.name for d in builtin_rules("es").danger if d.names_traps} == {"medicacion", "abstinencia", "tocar-fondo"}


@pytest.mark.parametrize("lang, groups, number", [
    ("en", ("emergency", "violence", "harm", "children"), "emergency number"),
    ("es", ("emergencia", "violencia", "daño", "menores"), "número de emergencias"),
])
def test_where_someone_may_be_hurt_now_the_first_words_say_call_for_help(lang, groups, number):
    """An independent counselor's read: shown to someone watching a strangling or a
    child who swallowed pills, "leave it until everyone is calm" must not come first."""
    for group in groups:
        first_sentence = danger_says(group, lang).split(". ")[0]
        assert number in first_sentence, group


def test_the_safety_words_answer_what_the_eighth_read_found_missing():
    assert "secret" in danger_says("suicide") and "secreto" in danger_says("suicidio", "es")
    assert "don't step in between" in danger_says("violence") and "no te metas en medio" in danger_says("violencia", "es")
    medication = danger_says("medication")
    assert all(words in medication for words in ("antidepressants", "share", "alcohol", "doctor"))
    assert "keep in touch" in danger_says("rock-bottom") and "mantén el contacto" in danger_says("tocar-fondo", "es")
    # a final counselor read: naloxone where suicide may be an overdose, means removed only if safe, no sober adult
    assert "naloxone" in danger_says("suicide") and "naloxona" in danger_says("suicidio", "es")
    assert "If you can do it safely" in danger_says("suicide") and "sin peligro" in danger_says("suicidio", "es")
    assert "if there isn't one" in danger_says("children") and "si no lo hay" in danger_says("menores", "es")


@pytest.mark.parametrize("text", ["Estás borracho, así que ahora no. Hablamos mañana.",
                                  "estás colocado, esta noche no, mañana lo hablamos",
                                  "Estás borracho: no vamos a hablar de esto ahora."])
def test_spanish_putting_the_talk_off_is_no_danger_to_the_lists(text):
    """The intoxicated group's exceptions (`unless`): the move its words ask for."""
    rules = builtin_rules("es")
    assert listed(rules.normaliser.clauses(text), rules.danger) is None


def test_a_dangers_exception_cancels_only_the_matches_it_overlaps():
    text = ("danger:\n  intoxicated:\n    says: Wait.\n    patterns: [\"drunk ~ now\"]\n    unless: [\"not now\"]\n"
            "habits:\n  boundary:\n    kind: helps\n    name: Limits\n    says: A limit.\n    try: Say it.\n    patterns: [no more money]\n")
    report = Report("mine.yaml")
    rules = parse_rules(text, report)
    assert report.items == []
    assert read("you're drunk, so not now", rules=rules).safety is None
    assert read("you're drunk and we talk now", rules=rules).safety == "Wait."
    assert read("not now, later. you're drunk and we talk now", rules=rules).safety == "Wait."


@pytest.mark.parametrize("danger, message", [
    ("danger:\n  emergency:\n    patterns: [ambulance]\n", "needs `says:`"),
    ("danger:\n  emergency:\n    says: Call now.\n", "needs `patterns:`"),
    ("danger:\n  emergency:\n    says: Call now.\n    patterns: [ambulance]\n    colour: red\n", "unknown key `colour`"),
    ("danger:\n  emergency:\n    says: Call now.\n    traps: sometimes\n    patterns: [ambulance]\n", "is `named` or `not named`"),
    ("danger:\n  emergency:\n    says: Call now.\n    patterns: [ambulance]\n    unless: [\"not [\"]\n", "`danger emergency`"),
])
def test_a_bad_danger_section_is_named_with_its_line(danger, message):
    text = danger + "habits:\n  boundary:\n    kind: helps\n    name: Limits\n    says: A limit.\n    try: Say it.\n    patterns: [no more money]\n"
    report = Report("mine.yaml")
    parse_rules(text, report)
    assert any(message in d.message and d.line >= 2 for d in report.items)


def test_a_rules_file_without_danger_stays_valid():
    """Files written before `danger:` existed still load, and coach as before."""
    text = "habits:\n  boundary:\n    kind: helps\n    name: Limits\n    says: A limit.\n    try: Say it.\n    patterns: [no more money]\n"
    report = Report("old.yaml")
    rules = parse_rules(text, report)
    assert report.items == [] and rules.danger == ()
    assert read("no more money, no ambulance", rules=rules).codes == ("boundary",)


@pytest.mark.parametrize("text, group", [
    ("no voy a llamar a una ambulancia, que duerma la mona", "emergencia"),
    ("si hablas de matarte me voy a dormir", "suicidio"),
    ("me pegaste y aun así me quedo", "violencia"),
    ("puedes cuidar a los niños aunque estés borracho", "menores"),
    ("vamos a hablar ahora, me da igual que estés borracho", "intoxicado"),
    ("la metadona es cambiar una droga por otra", "medicacion"),
    ("hay que dejar que toque fondo", "tocar-fondo"),
    ("si me mientes otra vez te doy una paliza", "daño"),
    ("te rompo las piernas si vuelves drogado", "daño"),
    ("te voy a dar con el cinturón si vuelves borracho", "daño"),
    ("mis hermanos se van a encargar de ti", "daño"),
    ("si sigues así te mando al hospital", "daño"),
    ("te arrastro de los pelos hasta la clínica", "daño"),
    ("te voy a moler a palos", "daño"),
    ("dale un par de mis diazepam, que tiene una noche mala", "medicacion"),  # the ninth read: sharing
    ("tómate el valium con una copa de vino y relájate", "medicacion"),  # mixing
    ("el bebé se queda contigo aunque te hayas metido unas rayas", "menores"),
    ("te voy a apuñalar con el cuchillo", "daño"),  # one's own threat before a weapon's word, as in English
    # the tenth read's Spanish probes (2026-12-07): said plainly, and missed before
    ("Dice que se quiere suicidar, pero es puro teatro, no le hago caso.", "suicidio"),
    ("dice que ya no quiere estar aqui, le dije que me llame mañana", "suicidio"),
    ("Si ese camello se acerca otra vez a mi hijo, lo mato.", "daño"),
    ("le voy a romper las piernas a ese tipo que le vende", "daño"),
    ("voy a ir a su casa con un bate esta noche a arreglar esto", "daño"),
    ("Me está pegando cuando bebe, pero yo aguanto por los niños.", "violencia"),
    ("Él está borracho pero va a manejar con los niños, no pasa nada.", "menores"),
    ("Tuvo una convulsión por la cocaína; esperamos una hora antes de llamar a nadie.", "emergencia"),
    ("deja los antidepresivos de golpe, no los necesitas", "medicacion"),
    ("que deje de beber de golpe este fin de semana, no necesita médico", "abstinencia"),
    ("deja el alcohol de golpe, eres fuerte", "abstinencia"),
    # an eleventh read, of the Spanish check alone (2026-12-07): plain ways it missed
    ("Dice que se quiere matar, seguro que lo dice para llamar la atención.", "suicidio"),
    ("Si tantas ganas tienes de morirte, hazlo ya y déjanos en paz.", "suicidio"),
    ("Voy a matar al camello que le vende.", "daño"),
    ("ya se donde vive el transa, esta noche voy con el bat", "daño"),
    ("rompio la tele y me empujo contra la pared, me quedo aqui a discutirlo", "violencia"),
    ("el chamaco se tomo casi una botella de tequila y ya no abre los ojos, mejor que se le baje solito", "emergencia"),
    ("papi no reacciona, lo sacudo y nada", "emergencia"),
    ("está muy mal, que duerma la mona y mañana vemos", "emergencia"),
    ("encontre jeringas en el cuarto donde juegan los chamacos, luego las quito", "menores"),
    ("Estás tomado, ya lo sé, y justamente por eso vamos a hablar ahorita de tu problema.", "intoxicado"),
    ("Tómate uno de mis lorazepam, a mí me van genial para dormir.", "medicacion"),
    ("Bebe mucho todos los días; que lo deje de golpe hoy mismo, sin ir al médico.", "abstinencia"),
    ("lo corto del todo, ni un mensaje, a ver si se hunde y reacciona", "tocar-fondo"),
    ("Le cortamos todo contacto hasta que lo pierda todo; solo así va a cambiar.", "tocar-fondo"),
])
def test_the_spanish_rules_put_safety_first_too(text, group):
    reading = read(text, lang="es")
    assert_safety_first(reading, danger_says(group, "es"))


@pytest.mark.parametrize("text, codes", [
    ("Me preocupa cuando llegas tarde", {"i-statement"}),
    ("Te llevo a la clínica de metadona el lunes", {"offers-help"}),
    ("el médico me mandó al hospital", set()),
    ("mis primos se encargan de la cena", set()),
    ("me tomo las pastillas con un vaso de agua", set()),
    ("me alegra que quieras dejar de beber, vamos juntos al médico", {"i-statement", "shares-responsibility", "offers-help"}),
    ("Tengo naloxona en casa y sé usarla, por si acaso.", set()),  # the move the emergency words ask for
    ("la enfermera de urgencias fue un amor con nosotros", set()),
    ("el medico le fue bajando la buprenorfina poco a poco y va muy bien", set()),
])
def test_everyday_spanish_near_a_danger_word_is_coached_as_usual(text, codes):
    assert set(read(text, lang="es").codes) == codes
