"""The coach in Spanish (issue 14): content/words/es.yaml read by the Spanish
reader (bot/words/spanish.py). Accents typed or left out, casual spellings,
voseo, negation before the verb with clitics between, labels, quoted speech;
the goals on the labelled development set; a floor on the held-out set,
which no rule was tuned on (`scripts/bench.py words` prints its real figures)."""

import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from bench_words import (GOAL_F1, GOAL_PRECISION, scores, spanish_baseline_codes, spanish_codes,  # noqa: E402
                         spanish_labelled)
from bot.content.library import builtin_root  # noqa: E402
from bot.words import HABITS, read, rules_path  # noqa: E402
from bot.words.rules import load_rules  # noqa: E402
from bot.words.spanish import fold, spellings  # noqa: E402
from helpers import TEST_LIBRARY, rehearse, rehearse_json  # noqa: E402

HELDOUT_FLOOR = 0.75  # a floor against getting worse, not the goal; the bench prints the real figure


def codes(text: str) -> tuple:
    return read(text, lang="es").codes


def test_the_spanish_rules_are_clean_and_cover_every_habit():
    rules, found = load_rules(rules_path(builtin_root(), "es"), "words/es.yaml")
    assert found == [] and rules is not None and rules.lang == "es"
    assert tuple(h.code for h in rules.habits) == HABITS
    assert all(h.says and h.try_next and h.name for h in rules.habits)


@pytest.mark.parametrize("text, code", [
    ("Me preocupa mucho cuando no contestas", "i-statement"),
    ("Debe ser muy difícil para ti", "understanding"),
    ("Perdón por gritarte ayer", "shares-responsibility"),
    ("Te puedo llevar a la clínica el jueves", "offers-help"),
    ("No te voy a dar dinero", "boundary"),
    ("¿Cómo te sientes con todo esto?", "open-question"),
    ("eres un drogadicto", "label"),
    ("Nunca me escuchas", "always-never"),
    ("Es tu culpa que mamá esté enferma", "blame"),
    ("O te vas o llamo a la policía", "threat"),
    ("Deberías pensar en tus hijos", "lecture"),
    ("Bueno, ahí te van los quinientos", "gives-in"),
])
def test_each_habit_is_found_in_spanish(text, code):
    assert code in codes(text)


@pytest.mark.parametrize("said, meant", [
    ("no te voy a dar dinero", "boundary"),
    ("ya no te lo voy a prestar", "boundary"),
    ("nunca te voy a pagar la fianza otra vez", "boundary"),
])
def test_a_negation_before_the_clitics_makes_a_limit_not_giving_in(said, meant):
    assert meant in codes(said) and "gives-in" not in codes(said)


def test_the_same_offer_without_the_negation_gives_in():
    assert "gives-in" in codes("te pago la fianza otra vez")
    assert "gives-in" not in codes("no te pago la fianza otra vez")
    assert "offers-help" in codes("te llevo a la reunión") and "offers-help" not in codes("ya no te llevo a la reunión")


@pytest.mark.parametrize("typed, careful", [
    ("estas pasando por mucho", "Estás pasando por mucho"),
    ("q crees q te ayudaria", "¿Qué crees que te ayudaría?"),
    ("tienes q ir a rehabilitacion", "Tienes que ir a rehabilitación"),
    ("xq siempre llegas tarde", "¿Por qué siempre llegas tarde?"),
    ("yo tb tengo culpa", "Yo también tengo culpa"),
    ("puedo cuidar a los niños pa q vayas", "Puedo cuidar a los niños para que vayas"),
    ("sos un alcoholico", "Eres un alcohólico"),
    ("tenés que dejar de chupar", "Tienes que dejar de chupar"),
    ("contame como te fue", "Cuéntame cómo te fue"),
])
def test_casual_typing_reads_like_careful_typing(typed, careful):
    assert codes(typed) == codes(careful) and codes(typed)


def test_an_accent_left_out_is_put_back_before_the_dictionary_is_asked():
    rules, _ = load_rules(rules_path(builtin_root(), "es"))
    clause = rules.normaliser.clauses("la rehabilitacion es dificil")[0]
    assert clause.words == ("la", "rehabilitación", "es", "difícil")
    assert fold("está") == "esta" and fold("niño") == "niño" and {"estás", "estas"} <= spellings("estas")


@pytest.mark.parametrize("text", ["eres un adicto", "Eres un alcoholico", "siéntate, borracho", "el antidoping salió sucio",
                                  "¿estás limpio o no?", "pinche yonqui"])
def test_labels_of_a_person_or_a_test(text):
    assert "label" in codes(text)


@pytest.mark.parametrize("text", ["estás borracho, vete a dormir", "la ropa limpia está en tu cama",
                                  "soy adicta al café jaja", "pon tu usuario en la app", "tu vicio me preocupa",
                                  "Estás sucio, báñate antes de cenar"])
def test_the_same_words_that_are_not_labels(text):
    assert "label" not in codes(text)


def test_the_coach_names_the_label_with_its_accent():
    note = read("eres un alcoholico", lang="es").traps[0]
    assert note.says.startswith("'Alcohólico' es una etiqueta")


@pytest.mark.parametrize("text", [
    "Tu papá te dijo «siempre mientes» y vi que te dolió.",
    "Tu papá te dijo “siempre mientes” y vi que te dolió.",
    "Tu papá te dijo 'siempre mientes' y vi que te dolió.",
])
def test_other_peoples_quoted_words_are_not_the_speakers(text):
    assert codes(text) == ("understanding",)


def test_a_declined_or_reported_label_is_not_one():
    assert "label" not in codes("No digo que seas un adicto, digo que tengo miedo.")
    assert "label" not in codes("tu abuela dice que eres un vicioso, yo no pienso eso")


@pytest.mark.parametrize("text", ["Siempre fuiste bueno con las manos", "nunca se sabe", "Nunca vamos a la playa",
                                  "Siempre te voy a querer", "siempre llego tarde a todo jaja"])
def test_always_and_never_that_are_not_a_verdict(text):
    assert "always-never" not in codes(text)


@pytest.mark.parametrize("text", ["tienes que probar el mole", "el doctor dijo que tienes que descansar",
                                  "Creo que deberíamos comer primero"])
def test_advice_that_is_not_a_lecture(text):
    assert "lecture" not in codes(text)


def test_a_question_that_accuses_is_not_open():
    assert "open-question" not in codes("¿Cómo pudiste hacernos esto?")
    assert "open-question" not in codes("¿qué demonios estabas pensando?")
    assert "open-question" in codes("como te fue en la cita")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aábcdeéfginñoóqrstuúüvxyz ¿?¡!«»“”',.0123456789", max_size=80))
def test_any_text_is_read_without_crashing(text):
    reading = read(text, lang="es")
    assert reading.text == text and set(reading.codes) <= set(HABITS)


@pytest.fixture(scope="module")
def dev():
    return scores(spanish_labelled("dev"), spanish_codes)


def test_dev_macro_f1_meets_the_goal(dev):
    assert dev["macro"] >= GOAL_F1


@pytest.mark.parametrize("code", HABITS)
def test_dev_precision_of_each_habit(dev, code):
    assert dev[code][0] >= GOAL_PRECISION


def test_the_coach_beats_the_spanish_keyword_baseline_clearly(dev):
    assert dev["macro"] >= scores(spanish_labelled("dev"), spanish_baseline_codes)["macro"] + 0.2


@pytest.mark.skipif(spanish_labelled("heldout") is None, reason="the held-out set is not there")
def test_heldout_stays_above_the_floor():
    """Never tuned on: it may miss more, but must not fall below the floor."""
    heldout = scores(spanish_labelled("heldout"), spanish_codes)
    assert heldout["macro"] >= HELDOUT_FLOOR
    assert all(heldout[code][0] >= HELDOUT_FLOOR for code in HABITS)


def test_rehearse_words_in_spanish():
    result, data = rehearse_json("words", "no te voy a dar dinero, pero te llevo a la clínica", "--lang", "es", "--json")
    assert result.returncode == 0 and data["codes"] == ["offers-help", "boundary"]
    assert data["notes"][1]["says"].startswith("Pusiste un límite")
    plain = rehearse("words", "eres un alcoholico", "--lang", "es")
    assert plain.returncode == 0 and "'Alcohólico' es una etiqueta" in plain.stdout


def test_the_closest_option_among_the_spanish_labels():
    result, data = rehearse_json("words", "ay, qué semana tan dura. bueno, solo esta vez", "--lang", "es", "--json",
                                 "--scenario", "fifty-dollars", "--node", "kitchen-door")
    assert result.returncode == 0 and data["closest"]["number"] == 2 and "solo esta vez" in data["closest"]["label"]


def test_a_language_without_rules_exits_2():
    result = rehearse("words", "hola", "--lang", "xx")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_rehearse_check_reports_a_bad_spanish_rules_file(tmp_path):
    library = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, library)
    (library / "words").mkdir()
    text = rules_path(builtin_root(), "es").read_text(encoding="utf-8")
    (library / "words" / "es.yaml").write_text(text.replace('<sentimiento>"', '<sentimientos>"', 1), encoding="utf-8")
    result, report = rehearse_json("check", str(library), "--json")
    assert result.returncode == 1
    found = [(e["file"].split("/")[-1], e["code"]) for e in report["errors"]]
    assert found == [("es.yaml", "bad-pattern")]
    assert "sentimientos" in report["errors"][0]["message"]
