"""The command line in Spanish (issue 14): every command's help and messages,
argparse's own sentences too (usage, errors, section titles), without changing
gettext for any other code; and an unknown --lang says which languages there are."""

import argparse
import gettext
import inspect

import pytest

import bot.cli
from bot.cli import ARGPARSE_WORDS, main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """`rehearse ARGV` in this process: (exit code, stdout, stderr); argparse's exits count too."""
    try:
        code = main(list(argv))
    except SystemExit as done:
        code = done.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_argparse_speaks_spanish_and_leaves_gettext_as_it_was(capsys):
    code, out, _ = run(capsys, "--lang", "es", "check", "--help")
    assert code == 0
    assert out.startswith("uso: rehearse check") and "\nargumentos:\n" in out and "\nopciones:\n" in out
    assert "muestra esta ayuda y termina" in out and "revisa los escenarios" in out
    code, _, err = run(capsys, "--lang", "es", "record", "fifty-dollars")
    assert code == 2 and err.startswith("uso: rehearse record")
    assert "rehearse record: error: faltan estos argumentos, que son obligatorios: --script" in err
    code, _, err = run(capsys, "--lang", "es", "bogus")
    assert code == 2 and "argumento command: opción no válida: 'bogus' (elige entre 'check'," in err
    code, _, err = run(capsys, "--lang", "es", "list", "--bogus")
    assert code == 2 and "rehearse: error: argumentos que no se reconocen: --bogus" in err
    code, _, err = run(capsys, "--lang", "es", "graph", "x", "--format", "png")
    assert code == 2 and "argumento --format: opción no válida: 'png'" in err
    # argparse's names are its own again, and English stays English
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext
    code, _, err = run(capsys, "--lang", "en", "record", "fifty-dollars")
    assert code == 2 and "error: the following arguments are required: --script" in err and "uso" not in err


def test_every_argparse_sentence_we_translate_is_one_argparse_says():
    """A Python whose argparse words a sentence differently would show it in English: this says which."""
    said = inspect.getsource(argparse)
    assert [words for words in ARGPARSE_WORDS if repr(words)[1:-1] not in said] == []


@pytest.mark.parametrize("command", ["paths", "record", "verify", "graph", "new", "words", "report", "play",
                                     "workshop", "guide", "serve"])
def test_every_command_explains_itself_in_spanish(capsys, command):
    code, out, _ = run(capsys, "--lang", "es", command, "--help")
    english = run(capsys, "--lang", "en", command, "--help")[1]
    assert code == 0 and out.startswith("uso: ") and "opciones:" in out
    described = out.split("\n\n")[1]
    assert described != english.split("\n\n")[1], described  # the command's own sentence, in Spanish


def test_authoring_messages_in_spanish(capsys, tmp_path):
    code, _, err = run(capsys, "--lang", "es", "record", "fifty-dollars", "--script", "1", "--name", "Bad Name")
    assert code == 2 and "--name 'Bad Name': usa letras minúsculas, dígitos y -" in err
    code, _, err = run(capsys, "--lang", "es", "new", "nope")
    assert code == 2 and "indica MÓDULO/ID" in err
    library = tmp_path / "mine"
    code, out, _ = run(capsys, "--lang", "es", "new", "practice/car-keys", "--content", str(library))
    assert code == 0
    assert f"escrito {library / 'course.md'} (el curso: un módulo" in out
    assert "car-keys.md: 0 errores, 0 advertencias" in out and "ahora: edítalo y después usa `rehearse check" in out
    code, out, _ = run(capsys, "--lang", "es", "verify", "--content", str(library))
    assert "todavía no hay transcripciones aprobadas" in out
    code, out, _ = run(capsys, "--lang", "es", "paths", "--content", str(library))
    assert out.split() == ["car-keys", "3/3", "finales", "11", "estados", "0", "trampas", "bien"]
    code, out, _ = run(capsys, "--lang", "es", "paths", "car-keys", "--content", str(library))
    assert "Se exploró cada recorrido: 11 estados." in out and "Finales: se llega a 3 de 3" in out
    assert "Trampas (ya no se puede llegar a un final bueno; a veces esa es la lección): no hay" in out


@pytest.mark.parametrize("argv, said", [
    (["report", "--lang", "xx"], "rehearse report: error: argument --lang: xx: choose en (English) or es (Spanish)"),
    (["--lang", "es", "report", "--lang", "fr"], "argumento --lang: fr: elige en (inglés) o es (español)"),
    (["--lang", "xx", "list"], "rehearse: --lang xx: choose en (English) or es (Spanish)"),
    (["--lang", "xx"], "rehearse: --lang xx: choose en (English) or es (Spanish)"),
])
def test_an_unknown_language_names_the_ones_there_are(capsys, argv, said, rehearse_home):
    """Never a quiet fall back to English: nothing is written, exit 2."""
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "") and said in err
    assert not (rehearse_home / "exports").exists()


def test_plain_mode_reads_your_words_in_spanish(store):
    """`play --plain --lang es` with own words on: the intro, the reading of what you
    typed (by the Spanish rules) and your path's skills all in Spanish."""
    from helpers import rehearse

    profile = store.create_profile("", "MX")
    store.set_setting(profile.id, "own_words", "on")
    typed = "Me siento preocupada cuando me pides dinero"
    result = rehearse("play", "fifty-dollars", "--plain", "--lang", "es", input=f"s\nn\n{typed}\n1\n\n1\nn\n")
    assert result.returncode == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "Este es un lugar para practicar las conversaciones más difíciles" in flat
    assert "Lo que hacen tus palabras: Lo que ayudó:" in flat and f"Escribiste: {typed}" in flat
    for english in ("What helped", "Say how it is", "I-statements", "accountability +1", "boundaries +1"):
        assert english not in flat


@pytest.mark.parametrize("command, spanish, english", [
    ("workshop", ["máximo de participantes (si no lo indicas: 200)", "puerto (si no lo indicas: 8765;",
                  "el idioma del proyector y del registro"], ["participant cap", "port (default", "phones follow"]),
    ("guide", ["md (si no dices nada) o html", "escribe en FILE en vez de en la pantalla"],
     ["(default) or html", "instead of the screen"]),
    ("serve", ["sesiones de navegador a la vez", "se detiene tras este tiempo sin actividad"],
     ["browser sessions at once", "without activity"]),
])
def test_the_workshop_commands_options_explain_themselves_in_spanish(capsys, command, spanish, english):
    code, out, _ = run(capsys, "--lang", "es", command, "--help")
    flat = " ".join(out.split())
    assert code == 0 and all(words in flat for words in spanish), flat
    assert not any(words in flat for words in english), flat


@pytest.mark.parametrize("argv, said", [
    (["workshop", "fifty-dollars", "--max-people", "0"], "argumento --max-people: '0' no es un número entero positivo"),
    (["workshop", "no-such-thing"], "no hay ningún escenario ni plan `no-such-thing`"),
    (["workshop", "sixty-minutes", "fifty-dollars"], "indica un plan de taller o escenarios, no las dos cosas"),
    (["workshop", "fifty-dollars", "--port", "99999"], "--port 99999: no es un número de puerto"),
    (["workshop", "fifty-dollars", "--lan", "8.8.8.8"], "--lan 8.8.8.8: no es una dirección de red privada"),
    (["serve", "--lan", "0.0.0.0"], "--lan necesita una sola dirección, no todas las interfaces"),
    (["guide", "fifty-dollars"], "fifty-dollars es un escenario; `rehearse guide` necesita un plan de taller"),
    (["guide", "missing.md"], "missing.md: ese archivo no existe"),
    (["guide", "sixty-minutes", "--lang", "xx"], "--lang xx: elige en (inglés) o es (español)"),
])
def test_the_workshop_commands_messages_in_spanish(capsys, argv, said):
    code, out, err = run(capsys, "--lang", "es", *argv)
    assert (code, out) == (2, "") and said in " ".join(err.split()), err


def test_a_scenario_translations_own_path_names_the_original_to_give(capsys, monkeypatch):
    """`rehearse play <library>/es/scenarios/...md` is not read as an original with
    errors: one line names the original to give with --lang es, as `guide` does for a plan."""
    from helpers import REPO

    translation, original = (REPO / "content" / where / "money/fifty-dollars.md" for where in ("es/scenarios",
                                                                                                 "scenarios"))
    for argv in (["play", str(translation)], ["play", str(translation), "--lang", "es", "--script", "1"]):
        code, out, err = run(capsys, "--lang", "en", *argv)
        assert (code, out) == (2, "") and err == (f"rehearse: {translation} is the `es` translation of a scenario: "
                                                  f"give its original, {original}, with --lang es\n")
    monkeypatch.chdir(REPO / "content" / "es")  # relative stays relative
    code, out, err = run(capsys, "--lang", "es", "play", "scenarios/money/fifty-dollars.md")
    assert (code, out) == (2, "") and err == ("rehearse: scenarios/money/fifty-dollars.md es la traducción `es` de un "
                                              "escenario: indica su original, ../scenarios/money/fifty-dollars.md, "
                                              "con --lang es\n")


def test_a_scenario_file_given_with_lang_es_plays_its_translation():
    """What that line tells you to do works: the original's path with --lang es
    plays the Spanish words; without it, the English ones."""
    from helpers import REPO, rehearse

    original = str(REPO / "content/scenarios/money/fifty-dollars.md")
    spanish = rehearse("play", original, "--plain", "--lang", "es", input="\n")  # Enter: no region
    assert "CINCUENTA DÓLARES PARA GASOLINA" in spanish.stdout and "FIFTY DOLLARS" not in spanish.stdout
    english = rehearse("play", original, "--plain", "--lang", "en", input="\n")
    assert "FIFTY DOLLARS FOR GAS" in english.stdout and "CINCUENTA" not in english.stdout


def test_check_still_checks_a_translations_own_path_against_its_original(capsys, tmp_path):
    """A user's library: check reads the translation as one (drift named on both
    sides, then clean once fixed), while play names the original."""
    import shutil

    from helpers import FIXTURES

    library = tmp_path / "lib"
    shutil.copytree(FIXTURES / "bad" / "translation", library)  # its es/ door.md links one choice elsewhere
    translation = library / "es/scenarios/basics/door.md"
    code, out, _ = run(capsys, "--lang", "en", "check", str(translation))
    assert code == 1 and f"{translation}:14: translation-drift: node `door`: choice 1 links to #gave" in out
    assert f"the original ({library / 'scenarios/basics/door.md'}:20) links to #drive" in out
    translation.write_text(translation.read_text(encoding="utf-8").replace(
        "[No, pero te llevo.](#gave)", "[No, pero te llevo.](#drive)"), encoding="utf-8")
    code, out, _ = run(capsys, "--lang", "en", "check", str(translation))
    assert code == 0 and out.startswith("0 errors, 0 warnings"), out
    code, out, err = run(capsys, "--lang", "en", "play", str(translation))
    assert (code, out) == (2, "") and f"original, {library / 'scenarios/basics/door.md'}, with --lang es" in err
    code, out, _ = run(capsys, "--lang", "en", "play", str(library / "scenarios/basics/door.md"), "--lang", "es",
                       "--script", "1", "--json")
    assert code == 0 and '"ending": "drive"' in out



def test_a_scenario_the_library_does_not_have_is_named_in_spanish(capsys, rehearse_home):
    code, _, err = run(capsys, "--lang", "es", "play", "no-such-scenario", "--plain")
    assert code == 2
    assert "no hay ningún escenario `no-such-scenario` en la biblioteca" in err
    assert "no scenario" not in err
    code, _, err = run(capsys, "--lang", "es", "play", "missing.md", "--plain")
    assert code == 2 and "missing.md: ese archivo no existe" in err
