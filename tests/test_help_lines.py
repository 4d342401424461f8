"""The help lines file the project ships: its shape, the regions it must
cover, and the numbers the issue names."""

import json
import re

from bot import help as helplines_module
from bot import i18n
from bot.help import DATA_FILE, as_text, guess_region, load

REQUIRED_REGIONS = {"US", "UK", "IE", "CA", "AU", "ES", "MX", "other"}
LINE_KEYS = {"name", "contact", "about", "hours", "source", "topics", "checked", "es"}
TEXT_KEYS = LINE_KEYS - {"topics", "es"}
SPANISH_LINE_KEYS = {"name", "contact", "about", "hours"}
NALOXONE_KEYS = {"text", "source", "checked", "es"}


def test_the_file_has_the_expected_shape():
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    assert data["format"] == 1
    assert re.fullmatch(r"\d{4}-\d{2}", data["checked"])
    assert data["default_region"] == "other"
    assert all(isinstance(step, str) and step for step in data["danger_steps"])
    ids = [region["id"] for region in data["regions"]]
    assert len(ids) == len(set(ids))
    assert REQUIRED_REGIONS <= set(ids)
    for region in data["regions"]:
        assert set(region) in ({"id", "name", "emergency", "lines", "es"}, {"id", "name", "emergency", "lines", "naloxone", "es"})
        assert region["name"] and region["emergency"] and region["lines"]
        assert set(region["es"]) == {"name", "emergency"} and all(region["es"].values())
        if "naloxone" in region:
            note = region["naloxone"]
            assert set(note) == NALOXONE_KEYS and set(note["es"]) == {"text"}, region["id"]
            assert all(isinstance(note[key], str) and note[key].strip() for key in NALOXONE_KEYS - {"es"})
            assert note["text"].isprintable() and note["es"]["text"].isprintable() and note["es"]["text"].strip()
            assert note["source"].startswith("https://") and note["source"] in note["checked"], region["id"]
            assert note["checked"].startswith("2026-12-06 against "), region["id"]
        for line in region["lines"]:
            assert set(line) == LINE_KEYS, line
            assert all(isinstance(line[key], str) and line[key].strip() for key in TEXT_KEYS)
            assert set(line["es"]) == SPANISH_LINE_KEYS, line
            assert all(isinstance(text, str) and text.strip() and text.isprintable() for text in line["es"].values())
            assert line["topics"] and set(line["topics"]) <= set(helplines_module.TOPICS), line
            assert re.match(r"\d{4}-\d{2}(-\d{2})? against ", line["checked"]), line
            assert line["source"].startswith("https://")
            assert line["contact"].isprintable()


def test_the_numbers_named_in_the_issue_are_there():
    helplines = load()
    text = {r.id: " ".join([r.emergency] + [f"{l.name} {l.contact}" for l in r.lines]) for r in helplines.regions}
    for expected in ("911", "988 Suicide & Crisis Lifeline", "Call or text 988", "1-800-662-4357"):
        assert expected in text["US"]
    for expected in ("999", "NHS 111", "116 123", "FRANK", "0300 123 6600", "NSPCC", "0808 800 5000"):
        assert expected in text["UK"]
    assert "112" in text["IE"] and "911" in text["CA"] and "000" in text["AU"]


def test_unknown_regions_fall_back_to_the_neutral_one():
    helplines = load()
    assert helplines.region("ZZ").id == "other"
    assert helplines.region(None).id == "other"
    assert "local emergency number" in helplines.region("ZZ").emergency


def test_the_plain_text_version_starts_with_the_emergency():
    helplines = load()
    lines = as_text(helplines.region("US"), helplines)
    assert lines[0] == "IF ANYONE IS IN DANGER NOW: call 911."
    assert any("SAMHSA National Helpline" in line for line in lines)
    assert lines[-1].startswith("This app is practice, not medical advice and not a crisis service")


def test_a_first_guess_of_the_region_comes_from_the_locale():
    assert guess_region({"LANG": "en_GB.UTF-8"}) == "UK"
    assert guess_region({"LC_ALL": "en_IE.UTF-8", "LANG": "en_US.UTF-8"}) == "IE"
    assert guess_region({"LANG": "C"}) == ""
    assert helplines_module.load().region(guess_region({})).id == "other"


def test_every_region_has_a_domestic_abuse_line_and_somewhere_to_ask_about_poisoning():
    for region in load().regions:
        topics = {topic for line in region.lines for topic in line.topics}
        assert "domestic-abuse" in topics, region.id
        assert topics & {"poison", "medical", "overdose"} or region.id == "other", region.id


def test_every_region_has_a_line_children_can_call_themselves():
    helplines = load()
    for region in helplines.regions:
        assert any("children" in line.topics for line in region.lines), region.id
    for region_id, number in (("UK", "0800 1111"), ("IE", "1800 66 66 66"), ("NZ", "0800 942 8787"),
                              ("ES", "900 20 20 10"), ("MX", "800 911 2000")):
        children = [line for line in helplines.region(region_id).lines if "children" in line.topics]
        assert any(number in line.contact for line in children), region_id


def test_the_domestic_abuse_numbers_checked_this_release_are_there():
    helplines = load()
    expected = {"US": "1-800-799-7233", "UK": "0808 2000 247", "IE": "1800 341 900", "AU": "1800 737 732",
                "NZ": "0800 733 843", "CA": "sheltersafe.ca", "ES": "016", "MX": "079"}
    for region_id, number in expected.items():
        lines = [line for line in helplines.region(region_id).lines if "domestic-abuse" in line.topics]
        assert any(number in line.contact for line in lines), region_id


def lines_for(region, topic):
    return [line for line in region.lines if topic in line.topics]


def test_every_region_has_an_emergency_number_and_a_crisis_line():
    for region in load().regions:
        assert region.emergency, region.id
        assert lines_for(region, "crisis"), region.id


def test_spain_and_mexico_have_the_numbers_checked_for_them():
    helplines = load()
    spain, mexico = helplines.region("ES"), helplines.region("MX")
    assert spain.emergency == "112" and mexico.emergency == "911"
    expected = {("ES", "crisis"): "024", ("ES", "domestic-abuse"): "016", ("ES", "children"): "900 20 20 10",
                ("ES", "poison"): "91 562 04 20", ("MX", "crisis"): "800 911 2000", ("MX", "drugs"): "800 911 2000",
                ("MX", "domestic-abuse"): "079", ("MX", "children"): "800 911 2000", ("MX", "medical"): "911"}
    for (region_id, topic), number in expected.items():
        lines = lines_for(helplines.region(region_id), topic)
        assert any(number in line.contact and number in line.in_language("es").contact for line in lines), (region_id, topic)


def test_lines_checked_for_spanish_speakers_name_the_page_and_the_day():
    for region_id in ("ES", "MX"):
        for line in load().region(region_id).lines:
            assert line.checked.startswith("2026-12-06 against "), line.name
            assert "https://" in line.checked or "http://" in line.checked, line.name


def test_the_us_lines_give_their_spanish_option_in_spanish():
    us = load().in_language("es").region("US")
    contact = {line.topics[0]: line.contact for line in us.lines}
    assert contact["crisis"] == "Llama al 988 y marca 2 para español, o envía AYUDA por mensaje al 988"
    assert "1-800-662-4357" in contact["drugs"] and "español" in contact["drugs"]
    assert "1-800-222-1222" in contact["poison"] and "intérprete de español" in contact["poison"]
    assert "1-800-799-7233" in contact["domestic-abuse"] and "espanol.thehotline.org" in contact["domestic-abuse"]
    english = load().region("US")
    assert english.lines[0].contact == "Call or text 988"  # English stays as it was


def test_every_line_reads_in_spanish_and_back_in_english():
    helplines = load()
    spanish = helplines.in_language("es")
    assert spanish.danger_steps[0].startswith("Si alguien está herido")
    assert spanish.danger_steps != helplines.danger_steps
    for english_region, spanish_region in zip(helplines.regions, spanish.regions):
        assert spanish_region.id == english_region.id and digits(spanish_region.emergency) == digits(english_region.emergency)
        for english_line, spanish_line in zip(english_region.lines, spanish_region.lines):
            assert spanish_line.about != english_line.about, english_line.name
            assert spanish_line.topics == english_line.topics and spanish_line.source == english_line.source
            assert spanish_line.in_language("en") == english_line
        assert spanish_region.in_language("en") == english_region
    assert [r.name for r in spanish.regions][-3:] == ["España", "México", "En otro lugar"]


def test_spain_and_mexico_are_spanish_first_with_english_too():
    for region_id, name in (("ES", "España (Spain)"), ("MX", "México")):
        region = load().region(region_id)
        assert region.name == name  # the Spanish name first, so a Spanish speaker finds it in English too
        assert name.startswith(region.in_language("es").name)
        assert all(line.about != line.in_language("es").about for line in region.lines), region_id  # English too
        assert region.by_urgency()[0].topics[0] == "crisis"


def test_a_spanish_locale_picks_the_country_not_the_language():
    assert guess_region({"LANG": "es_ES.UTF-8"}) == "ES"
    assert guess_region({"LANG": "es_MX.UTF-8"}) == "MX"
    assert guess_region({"LC_ALL": "es_US.UTF-8"}) == "US"
    assert load().region(guess_region({"LANG": "es_AR.UTF-8"})).id == "other"


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_every_region_but_the_neutral_one_says_where_to_get_naloxone_in_both_languages():
    """The course tells families to keep naloxone; how to get it differs by
    country, so each region's note says it, checked against a named page."""
    helplines = load()
    spanish = helplines.in_language("es")
    for region in helplines.regions:
        if region.id == "other":
            assert region.naloxone is None  # no official page could say it for everywhere else
            continue
        assert "naloxone" in region.naloxone.text.lower(), region.id
        assert "naloxona" in spanish.region(region.id).naloxone.text.lower(), region.id
        assert region.naloxone.source in region.naloxone.checked
        assert spanish.region(region.id).in_language("en").naloxone == region.naloxone


def test_the_naloxone_notes_say_what_differs_between_countries():
    text = {r.id: r.naloxone.text for r in load().regions if r.naloxone}
    assert "without a prescription in pharmacies" in text["US"]
    assert "cannot sell naloxone over the counter" in text["UK"] and "drug services" in text["UK"]
    assert "needs a prescription" in text["IE"]
    assert "without a prescription" in text["CA"] and "free" in text["CA"]
    assert "free without a prescription" in text["AU"] and "Take Home Naloxone" in text["AU"]
    assert "Needle exchange" in text["NZ"]
    assert "harm-reduction" in text["ES"] and "hard to get" in text["MX"]


def test_the_plain_help_gives_the_naloxone_note_before_the_app_says_what_it_is():
    helplines = load()
    lines = as_text(helplines.region("AU"), helplines)
    assert lines[-2] == helplines.region("AU").naloxone.text
    assert not any("naloxone" in line.lower() for line in as_text(helplines.region(None), helplines))


def test_the_plain_help_is_in_the_language_of_the_rest_of_the_text():
    helplines = load()
    i18n.use_language("es")
    try:
        lines = as_text(helplines.region("MX"), helplines)
    finally:
        i18n.use_language("en")
    assert "Línea de la Vida: Llama al 800 911 2000 (gratis)" in "\n".join(lines)
    assert lines[-2].startswith("En México es difícil conseguir naloxona")
    assert any(line.startswith("  Si alguien está herido") for line in lines)


def test_the_emergency_sentence_follows_the_interface_language_unless_told():
    helplines = load()
    i18n.use_language("es")
    try:
        assert helplines_module.emergency_call(helplines.region("US")) == "En una emergencia, llama al 911."
        assert helplines_module.emergency_call(helplines.region("US"), "en") == "In an emergency, call 911."
        neutral = helplines_module.emergency_call(helplines.region(None))
    finally:
        i18n.use_language("en")
    assert neutral.startswith("En una emergencia, llama a tu número local de emergencias")


def test_plain_mode_in_spanish_names_the_regions_and_the_number_in_spanish(rehearse_home):
    """`play --plain --lang es`: the region list and the line after a safety callout."""
    from helpers import rehearse

    result = rehearse("play", "fifty-dollars", "--plain", "--lang", "es", input="1\nn\n")
    assert result.returncode == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "1. Estados Unidos" in flat and "9. En otro lugar" in flat and "Enter para En otro lugar" in flat
    assert "En una emergencia, llama al 911. Escribe h para ver las líneas de ayuda." in flat
    for english in ("In an emergency", "United States", "Somewhere else"):
        assert english not in flat, english


def test_the_workshop_projectors_help_lines_are_in_its_language(tmp_path):
    """F1 on a Spanish projector: the danger steps and the lines in Spanish, as in the app."""
    from applib import TEST_LIBRARY
    from bot.content.library import Library
    from bot.engine.catalog import Catalog
    from bot.workshop.room import Room
    from bot.workshop.run import AgendaItem, WorkshopRun
    from bot.workshop.ui.app import WorkshopApp

    i18n.use_language("es")
    try:
        run = WorkshopRun(Catalog(Library([TEST_LIBRARY])), [AgendaItem("late")], Room(), title="T",
                          region=load().region("MX"))
        helplines = WorkshopApp(run, run.room, "ACDEFGHJ", export_dir=tmp_path).helplines
    finally:
        i18n.use_language("en")
    assert helplines.danger_steps[0].startswith("Si alguien está herido")
    assert helplines.region("US").name == "Estados Unidos"
