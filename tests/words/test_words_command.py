"""`rehearse words "TEXT" [--json] [--scenario ID --node NODE]` (issue 13)."""

import pytest

from helpers import rehearse, rehearse_json


def test_json_names_the_habits_and_what_the_coach_says():
    result, data = rehearse_json("words", "ur a junkie and u never listen", "--json")
    assert result.returncode == 0
    assert data["text"] == "ur a junkie and u never listen"
    assert data["codes"] == ["label", "always-never"]
    assert [n["code"] for n in data["notes"]] == data["codes"] and all(n["says"] for n in data["notes"])
    assert data["closest"] is None


def test_plain_output_says_what_helped_and_what_to_try():
    result = rehearse("words", "I won't give you money, but I can drive you to the clinic")
    assert result.returncode == 0
    assert "offers-help" in result.stdout and "boundary" in result.stdout and "Try next:" in result.stdout
    assert rehearse("words", "It's raining again.").stdout.startswith("No habits found.")


def test_closest_option_at_a_node():
    result, data = rehearse_json("words", "sure, here you go, just this once", "--json",
                                 "--scenario", "fifty-dollars", "--node", "kitchen-door")
    assert result.returncode == 0
    assert data["closest"]["number"] == 2 and "just this once" in data["closest"]["label"]


@pytest.mark.parametrize("args, words", [
    (("",), "empty"),
    (("   ",), "empty"),
    (("x" * 1001,), "1,001 characters"),
    (("hi", "--scenario", "no-such-scenario", "--node", "x"), "no scenario `no-such-scenario`"),
    (("hi", "--scenario", "fifty-dollars", "--node", "no-such-node"), "has no node `no-such-node`"),
    (("hi", "--scenario", "fifty-dollars"), "go together"),
])
def test_bad_input_exits_2_with_a_clear_message(args, words):
    result = rehearse("words", *args)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr and result.stdout == ""


def test_a_thousand_characters_is_fine():
    assert rehearse("words", "I feel scared. " * 66 + "okay").returncode == 0


def test_in_spanish_the_headings_are_spanish_and_the_json_stays_for_programs():
    result = rehearse("--lang", "es", "words", "Eres un borracho y nunca escuchas")
    assert result.returncode == 0, result.stderr
    assert "trampa  label: " in result.stdout and "\nPrueba esto: " in result.stdout
    assert "trap" not in result.stdout and "Try next" not in result.stdout
    helped = rehearse("--lang", "es", "words", "Me siento preocupada cuando no llegas")
    assert "ayuda   i-statement: " in helped.stdout
    assert rehearse("--lang", "es", "words", "Está lloviendo otra vez.").stdout.startswith("No se encontraron hábitos.")
    near = rehearse("--lang", "es", "words", "hola", "--scenario", "fifty-dollars", "--node", "kitchen-door")
    assert "Opción más parecida: " in near.stdout and "Closest" not in near.stdout
    result, data = rehearse_json("--lang", "es", "words", "Eres un borracho", "--json")
    assert set(data) == {"text", "codes", "notes", "closest", "safety"} and "label" in data["codes"]
    assert set(data["notes"][0]) == {"code", "says"}


@pytest.mark.parametrize("args, words", [
    (("",), "TEXT está vacío; escribe entre comillas lo que dirías"),
    (("x" * 1001,), "TEXT tiene 1,001 caracteres; el coach lee hasta 1,000 a la vez"),
    (("hola", "--scenario", "no-such-scenario", "--node", "x"), "no hay ningún escenario `no-such-scenario`"),
    (("hola", "--scenario", "fifty-dollars", "--node", "no-such-node"),
     "el escenario `fifty-dollars` no tiene el nodo `no-such-node`; sus nodos: kitchen-door"),
    (("hola", "--scenario", "fifty-dollars"), "--scenario y --node van juntos"),
])
def test_bad_input_is_explained_in_spanish(args, words):
    result = rehearse("--lang", "es", "words", *args)
    assert result.returncode == 2 and words in result.stderr and result.stdout == "", result.stderr
