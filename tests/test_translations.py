"""Translations (`<library>/<lang>/scenarios/...`): a translation that acts
differently from its original is an error naming a line on both sides, an
original changed since is a warning, and a sound one plays the same story in
its own words."""

import shutil

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from bot.content.checking import check
from bot.content.diagnostics import Report
from bot.content.scenario_parser import parse_scenario
from bot.content.library import Library
from bot.content.model import plain
from bot.content.translation import version_of
from helpers import FIXTURES, rehearse, rehearse_json

SOUND = FIXTURES / "bad" / "translation"  # its es/ file drifts on purpose (test_bad_files); fixed below
TRANSLATION = "es/scenarios/basics/door.md"


@pytest.fixture
def lib(tmp_path):
    """A library whose Spanish door.md is a sound translation of its original."""
    root = tmp_path / "lib"
    shutil.copytree(SOUND, root)
    path = root / TRANSLATION
    path.write_text(path.read_text(encoding="utf-8").replace(
        "[No, pero te llevo.](#gave)", "[No, pero te llevo.](#drive)"), encoding="utf-8")
    return root


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def found(root):
    result = check([root])
    return [(d.file, d.line, d.code, d.message) for d in result.diagnostics if d.code.startswith("translation")
            or d.file.endswith(TRANSLATION)]


def test_a_sound_translation_checks_clean_and_plays_the_same_path_in_its_own_words(lib):
    assert found(lib) == []
    english = rehearse_json("play", "door", "--content", str(lib), "--script", "1", "--json")[1]
    result, spanish = rehearse_json("play", "door", "--content", str(lib), "--script", "1", "--json", "--lang", "es")
    assert spanish == english == {"scenario": "door", "path": ["door", "drive"], "ending": "drive",
                                  "outcome": "success", "skills": {"calm": 1, "enabling": 0}}
    assert result.stderr == ""
    scenario = Library([lib], lang="es").scenarios["door"]
    assert scenario.title == "En la puerta" and scenario.module == "basics" and scenario.skills == ("calm", "enabling")
    assert plain(scenario.nodes[0].choices[0].text) == "No, pero te llevo."
    assert Library([lib]).scenarios["door"].title == "At the door"


# (what the translator changed, the line in the translation, the original's line, words of the message)
DRIFTS = [
    ("[No, pero te llevo.](#drive)", "[No, pero te llevo.](#gave)", 14, 20, "choice 1 links to #gave but the original"),
    ("`calm +1`", "`calm +2`", 14, 20, "moves `calm +2` but the original"),
    ("`if calm >= 5`", "`if calm >= 4`", 18, 24, "is offered `if calm >= 4`"),
    ("`end: setback`", "`end: partial`", 29, 35, "ends `partial` but the original"),
    ("- [Claro.](#gave) `enabling +1`\n  > Fácil ahora, difícil después. `source: guide#say-no-kindly`\n", "", 10, 16,
     "has 2 choice(s) but the original"),
    ("`source: guide#stay-calm`\n\n## Le", "`source: guide#say-no-kindly`\n\n## Le", 27, 33, "cites [guide#say-no-kindly]"),
    ('## Le diste <a id="gave"></a>', "## Le diste", 29, 35, "node `gave` of the original"),
    ('## Le diste <a id="gave"></a>', '## Le diste <a id="gave"></a>\n\n`safety: child`', 29, 35, "marks safety steps [child]"),
    ("*Asiente.*\n", "*Asiente.*\n\n**Alex:** Gracias.\n", 25, 33, "block 2 is a speaker line"),
    ("title: En la puerta\n", "title: En la puerta\nmodule: more\n", 3, 3, "`module` is `more` but in the original"),
    ("title: En la puerta\n", "title: En la puerta\nwarnings: [ira]\n", 3, 1, "`warnings` is [ira]"),
]


@pytest.mark.parametrize("old,new,line,their_line,words", DRIFTS, ids=[d[4][:30] for d in DRIFTS])
def test_each_drift_names_the_line_on_both_sides(lib, old, new, line, their_line, words):
    edit(lib / TRANSLATION, old, new)
    result, report = rehearse_json("check", str(lib), "--json")
    assert result.returncode == 1
    drifts = [e for e in report["errors"] if e["code"] == "translation-drift"]
    assert drifts, report
    assert drifts[0]["file"].endswith(TRANSLATION) and drifts[0]["line"] == line, drifts
    assert words in drifts[0]["message"], drifts
    assert f"scenarios/basics/door.md:{their_line})" in drifts[0]["message"], drifts
    assert all(e["file"].endswith(TRANSLATION) for e in report["errors"]), report["errors"]
    assert rehearse_json("play", "door", "--content", str(lib), "--script", "1", "--json", "--lang", "es")[1]["path"] \
        == ["door", "drive"]
    assert Library([lib], lang="es").scenarios["door"].title == "At the door"  # a drifted translation is not played


def test_an_extra_node_and_nodes_out_of_order_are_drift(lib):
    edit(lib / TRANSLATION, '## Le diste <a id="gave"></a>', '## Otra <a id="other"></a>\n\n`end: setback`\n\n'
         '## Le diste <a id="gave"></a>')
    assert any("node `other` is not in the original" in d[3] for d in found(lib))
    text = (lib / TRANSLATION).read_text(encoding="utf-8")
    start, rest = text.split("## Te llevo", 1)
    (lib / TRANSLATION).write_text(start.replace("## Puerta", "## Te llevo" + rest.split("## Otra")[0] + "## Puerta")
                                   + "## Otra" + rest.split("## Otra")[1], encoding="utf-8")
    assert any("is not where it is in the original" in d[3] for d in found(lib))


def test_a_changed_original_is_a_warning_naming_both_files_with_the_new_version(lib):
    edit(lib / "scenarios/basics/door.md", "*He nods.*", "*He nods slowly.*")
    new_version = version_of(lib / "scenarios/basics/door.md")
    result, report = rehearse_json("check", str(lib), "--json")
    assert result.returncode == 0 and report["errors"] == []
    stale = [w for w in report["warnings"] if w["code"] == "translation-stale"]
    assert len(stale) == 1 and stale[0]["file"].endswith(TRANSLATION) and stale[0]["line"] == 3
    assert "scenarios/basics/door.md changed" in stale[0]["message"] and new_version in stale[0]["message"]
    assert Library([lib], lang="es").scenarios["door"].title == "En la puerta"  # stale words still play
    edit(lib / TRANSLATION, version_of(SOUND / "scenarios/basics/door.md"), new_version)
    assert found(lib) == []


def test_the_version_is_required_and_the_message_gives_it(lib):
    edit(lib / TRANSLATION, "translation-of:", "# translation-of:")
    (diagnostic,) = found(lib)
    assert diagnostic[1:3] == (1, "front-matter") and version_of(lib / "scenarios/basics/door.md") in diagnostic[3]


def test_a_translation_without_an_original_is_named(lib):
    (lib / TRANSLATION).rename(lib / "es/scenarios/basics/window.md")
    (diagnostic,) = check([lib]).errors
    assert diagnostic.file.endswith("es/scenarios/basics/window.md") and diagnostic.code == "translation-drift"
    assert "no scenario `window` to translate" in diagnostic.message


def test_checking_the_translation_alone_checks_it_against_its_library(lib):
    edit(lib / TRANSLATION, "(#drive)", "(#gave)")
    result, report = rehearse_json("check", str(lib / TRANSLATION), "--json")
    assert result.returncode == 1
    assert [(e["code"], e["line"]) for e in report["errors"]] == [("translation-drift", 14)]
    assert report["warnings"] == []  # the original is not checked again


def test_explicit_heading_ids_are_for_translations_only(lib):
    """An original keeps the slug it always had, even for a heading ending in an anchor."""
    path = lib / "scenarios/basics/door.md"
    edit(path, "## Gave", '## Gave <a id="door"></a>')
    original = parse_scenario(path, "door.md", Report("door.md"))
    assert [n.id for n in original.nodes] == ["door", "drive", "gave-a-iddoora"]


def test_play_says_when_a_scenario_has_no_translation_and_plays_english(lib):
    (lib / TRANSLATION).unlink()
    result = rehearse("play", "door", "--content", str(lib), "--script", "1", "--lang", "es")
    # play --lang es asks for Spanish, so the notice is in Spanish too (issue 14)
    assert result.returncode == 0 and "door todavía no tiene traducción `es`, así que se juega en inglés." in result.stderr
    result = rehearse("--lang", "en", "play", "door", "--content", str(lib), "--script", "1", "--lang", "es")
    assert result.returncode == 0 and "door has no `es` translation yet, so it plays in English." in result.stderr
    assert rehearse("play", "door", "--content", str(lib), "--script", "1", "--lang", "english").returncode == 2


def test_a_translated_course_gives_module_titles_and_must_keep_modules_and_skills(lib):
    (lib / "es/course.md").write_text(
        "---\ntitle: Curso de prueba\nmodules:\n  - id: basics\n    title: Lo básico\n  - id: more\n    title: Más\n"
        "skills:\n  calm: {label: Mantener la calma, good: up}\n  enabling: {label: Facilitar, good: down}\n---\n\n"
        "Bienvenida.\n", encoding="utf-8")
    library = Library([lib], lang="es")
    assert [m.title for m in library.course.modules] == ["Lo básico", "Más"]
    assert library.course.skills["calm"].label == "Mantener la calma"
    assert found(lib) == []
    edit(lib / "es/course.md", "good: down", "good: up")
    (diagnostic,) = [d for d in check([lib]).errors]
    assert diagnostic.file.endswith("es/course.md")
    assert diagnostic.code == "translation-drift" and "enabling" in diagnostic.message
    assert Library([lib], lang="es").course.title == "Test course"


PIECES = st.sampled_from(["## X", '## Y <a id="door"></a>', '<a id="gave"></a>', "- [a](#drive)", "`calm +1`",
                          "`end: success`", "> n `source: guide#stay-calm`", "translation-of: 1", "---", "\n", "`if",
                          "[!SAFETY]", "**Alex:**", "<a id=\"\"></a>", "\x00", "\ufeff", "`safety: child`"])


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(cut=st.integers(0, 2000), pieces=st.lists(PIECES, max_size=4), drop=st.integers(0, 60))
def test_check_never_crashes_on_a_mutated_translation(lib, cut, pieces, drop):
    path = lib / TRANSLATION
    text = (SOUND / TRANSLATION).read_text(encoding="utf-8")
    lines = text.split("\n")
    lines = lines[:drop] + lines[drop + 1:]
    text = "\n".join(lines)
    cut = min(cut, len(text))
    path.write_text(text[:cut] + "\n".join(pieces) + text[cut:], encoding="utf-8")
    result = check([lib])
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.message
    Library([lib], lang="es").scenarios["door"]  # play falls back rather than failing


SOURCE = "es/sources/guide.md"
# (what the translator changed, the line in the translation, the original's line, words of the message)
SOURCE_DRIFTS = [
    ('## Di que no con cariño <a id="say-no-kindly"></a>', "## Di que no con cariño", 10, 10,
     "section `say-no-kindly` of the original"),
    ("## Mantén", "## Extra <a id=\"extra\"></a>\n\nMás.\n\n## Mantén", 6, 6, "section `extra` is not in the original"),
    ("publisher", "publisher: Pruebas\npublisher", 3, 3, "`publisher` is `Pruebas` but in the original"),
    ("Un no amable", "Un no amable, 2 veces,", 10, 10, "section `say-no-kindly` does not keep the numbers"),
]


@pytest.mark.parametrize("old,new,line,their_line,words", SOURCE_DRIFTS, ids=[d[4][:30] for d in SOURCE_DRIFTS])
def test_a_drifting_source_translation_names_the_line_on_both_sides(lib, old, new, line, their_line, words):
    if old == "publisher":  # a translation may repeat what it inherits, but only as it is
        edit(lib / SOURCE, "title: Una", "publisher: Pruebas\ntitle: Una")
        line = 2
    else:
        edit(lib / SOURCE, old, new)
    errors = [d for d in check([lib]).errors if d.file.endswith(SOURCE)]
    assert {d.code for d in errors} == {"translation-drift"}, errors
    (error,) = [d for d in errors if words in d.message]
    assert error.line == line and f"the original ({lib}/sources/guide.md:{their_line})" in error.message
    assert Library([lib], lang="es").sources["guide"].title == "A test guide"  # a drifting translation is not served


def test_source_sections_out_of_order_are_drift(lib):
    text = (lib / SOURCE).read_text(encoding="utf-8")
    head, calm, kind = text.split("## ")
    (lib / SOURCE).write_text(head + "## " + kind.rstrip("\n") + "\n\n## " + calm, encoding="utf-8")
    (error,) = [d for d in check([lib]).errors if d.file.endswith(SOURCE)]
    assert "section `say-no-kindly` is not where it is in the original" in error.message and error.line == 6


def test_a_changed_source_original_is_a_stale_warning_and_its_words_still_serve(lib):
    edit(lib / "sources/guide.md", "Calm words", "Calm, slow words")
    new_version = version_of(lib / "sources/guide.md")
    stale = [d for d in check([lib]).warnings if d.code == "translation-stale"]
    assert [(d.file[-len(SOURCE):], d.line) for d in stale] == [(SOURCE, 3)]
    assert "sources/guide.md changed" in stale[0].message and new_version in stale[0].message
    assert Library([lib], lang="es").sources["guide"].title == "Una guía de prueba"
    edit(lib / SOURCE, "translation-of:", "# translation-of:")
    (error,) = [d for d in check([lib]).errors if d.file.endswith(SOURCE)]
    assert error.code == "front-matter" and new_version in error.message


def test_a_source_translation_serves_its_sections_and_falls_back_per_source(lib):
    spanish = Library([lib], lang="es").sources["guide"]
    assert spanish.title == "Una guía de prueba" and spanish.publisher == "Tests"  # publisher inherited
    assert spanish.sections["say-no-kindly"].title == "Di que no con cariño"
    assert spanish.sections["say-no-kindly"].text == "Un no amable sigue siendo un no."
    assert Library([lib]).sources["guide"].sections["say-no-kindly"].text == "A kind no is still a no."
    (lib / SOURCE).rename(lib / "es/sources/manual.md")
    assert Library([lib], lang="es").sources["guide"].title == "A test guide"  # English, where none is sound
    (error,) = [d for d in check([lib]).errors if d.file.endswith("es/sources/manual.md")]
    assert error.code == "translation-drift" and "no source `manual` to translate" in error.message


def test_checking_an_original_source_checks_its_translation(lib):
    edit(lib / SOURCE, '<a id="stay-calm"></a>', '<a id="calm"></a>')
    result, report = rehearse_json("check", str(lib / "sources/guide.md"), "--json")
    assert [(e["file"][-len(SOURCE):], e["code"]) for e in report["errors"]][:1] == [(SOURCE, "translation-drift")]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(cut=st.integers(0, 400), pieces=st.lists(PIECES, max_size=4), drop=st.integers(0, 14))
def test_check_never_crashes_on_a_mutated_source_translation(lib, cut, pieces, drop):
    lines = (SOUND / SOURCE).read_text(encoding="utf-8").split("\n")
    text = "\n".join(lines[:drop] + lines[drop + 1:])
    cut = min(cut, len(text))
    (lib / SOURCE).write_text(text[:cut] + "\n".join(pieces) + text[cut:], encoding="utf-8")
    for diagnostic in check([lib]).diagnostics:
        assert diagnostic.line >= 1 and diagnostic.message
    assert set(Library([lib], lang="es").sources["guide"].sections) == {"stay-calm", "say-no-kindly"}
