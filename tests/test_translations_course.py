"""The built-in course's translations: every approved transcript replays the
same in both languages, and the Spanish is plain, person-first and keeps
every safety callout."""

import json
import re

import pytest

from bot.authoring.readability import MIN_SPANISH_READING_EASE, fernandez_huerta, heard_and_answered, syllables
from bot.content.library import Library, builtin_root
from bot.content.model import Line, Note, plain
from bot.engine.catalog import Catalog

ENGLISH, SPANISH = Library(), Library(lang="es")
TRANSLATED = [i for i in SPANISH.cards if i not in SPANISH.untranslated]
TRANSCRIPTS = sorted((builtin_root() / "transcripts").glob("*/*.json"))
# never a label for a person in what the learner reads; a loved one may use one of themselves, in anger
NOT_PERSON_FIRST = re.compile(r"\b(adict[oa]s?|alcohólic[oa]s?|drogadict[oa]s?|yonquis?)\b", re.I)


def test_the_worked_examples_are_translated():
    assert {"fifty-dollars", "hit-bottom", "your-own-meeting"} <= set(TRANSLATED)


@pytest.mark.parametrize("path", [p for p in TRANSCRIPTS if p.parent.name in TRANSLATED],
                         ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_an_approved_transcript_replays_identically_in_spanish(path):
    transcript = json.loads(path.read_text(encoding="utf-8"))
    results = []
    for library in (ENGLISH, SPANISH):
        session = Catalog(library).session(transcript["scenario"])
        for number in transcript["script"]:
            session.choose(number)
        results.append((list(session.path), session.ending, session.outcome, session.skill_scores()))
    assert results[0] == results[1] == (transcript["path"], transcript["ending"], transcript["outcome"],
                                        transcript["skills"])
    assert SPANISH.scenarios[transcript["scenario"]].title != ENGLISH.scenarios[transcript["scenario"]].title


def test_the_spanish_syllable_counter_and_reading_score_behave():
    words = ("casa", "ciudad", "día", "leía", "que", "muy", "reunión", "gasolina")
    assert [syllables(w) for w in words] == [2, 2, 2, 3, 1, 1, 2, 4]
    assert fernandez_huerta(["Mi casa es tu casa."]) > 90
    assert fernandez_huerta(["Consideraciones institucionales imposibilitan reevaluaciones extraordinarias."]) < 0


@pytest.mark.parametrize("scenario_id", TRANSLATED)
def test_spanish_reading_ease_at_least_60(scenario_id):
    score = fernandez_huerta(heard_and_answered(SPANISH.scenarios[scenario_id]))
    assert score >= MIN_SPANISH_READING_EASE, f"{scenario_id}: Fernández Huerta reading ease {score:.1f}"


@pytest.mark.parametrize("scenario_id", TRANSLATED)
def test_spanish_is_person_first_outside_a_loved_ones_own_words(scenario_id):
    scenario = SPANISH.scenarios[scenario_id]
    texts = [scenario.title, scenario.persona, scenario.setting]
    for node in scenario.nodes:
        texts += [plain(b.text) if not isinstance(b, Note) else b.text for b in node.blocks if not isinstance(b, Line)]
        texts += [plain(c.text) for c in node.choices] + [c.feedback.text for c in node.choices if c.feedback]
    texts += [b.text if isinstance(b, Note) else plain(b.text) for b in scenario.briefing]
    assert [w for t in texts for w in NOT_PERSON_FIRST.findall(t)] == []


@pytest.mark.parametrize("scenario_id", TRANSLATED)
def test_safety_callouts_are_all_there_and_name_no_number(scenario_id):
    def callouts(scenario):
        notes = [b for b in scenario.briefing if isinstance(b, Note)]
        notes += [b for n in scenario.nodes for b in n.notes]
        return [n for n in notes if n.kind == "safety"]

    spanish, english = callouts(SPANISH.scenarios[scenario_id]), callouts(ENGLISH.scenarios[scenario_id])
    assert len(spanish) == len(english)  # some originals have none (myth-or-fact); the next test keeps this from passing empty
    assert not [n.text for n in spanish if re.search(r"\d{3}", n.text)]  # the app appends the reader's own number


def test_translated_safety_callouts_are_in_spanish():
    """The per-scenario test above compares counts; this one keeps it from passing
    with none at all, and catches a callout left in English."""
    pairs = []
    for scenario_id in TRANSLATED:
        spanish, english = SPANISH.scenarios[scenario_id], ENGLISH.scenarios[scenario_id]
        for es_node, en_node in zip(spanish.nodes, english.nodes):
            pairs += [(es.text, en.text) for es, en in zip(es_node.notes, en_node.notes) if es.kind == "safety"]
    assert len(pairs) >= 3
    assert [es for es, en in pairs if not es.strip() or es == en] == []


SOURCES = sorted(ENGLISH.sources)


@pytest.mark.parametrize("source_id", SOURCES)
def test_every_source_section_has_its_spanish_words(source_id):
    english, spanish = ENGLISH.sources[source_id], SPANISH.sources[source_id]
    assert spanish.file == f"es/sources/{source_id}.md" and spanish.title != english.title
    assert list(spanish.sections) == list(english.sections)
    assert (spanish.publisher, spanish.year, spanish.url) == (english.publisher, english.year, english.url)
    same = [i for i, section in spanish.sections.items() if section.text == english.sections[i].text]
    assert same == []


def _summary(source) -> list[str]:
    """A source's own words, without its references (which stay as published, mostly in English)."""
    return [p for section in source.sections.values() for p in section.text.split("\n\n")
            if not p.startswith("Referencias")]


@pytest.mark.parametrize("source_id", SOURCES)
def test_spanish_sources_read_plainly_and_person_first(source_id):
    summary = _summary(SPANISH.sources[source_id])
    score = fernandez_huerta(summary)
    assert score >= MIN_SPANISH_READING_EASE, f"{source_id}: Fernández Huerta reading ease {score:.1f}"
    assert [w for p in summary for w in NOT_PERSON_FIRST.findall(p)] == []


def test_the_spanish_health_facts_keep_their_safety_words():
    sections = SPANISH.sources["evidence"].sections
    naloxone, signs = sections["naloxone"].text, sections["overdose-signs"].text
    for words in ("naloxona", "spray nasal", "número de emergencias", "posición de recuperación", "2 a 3 minutos"):
        assert words in naloxone, words
    for words in ("no se despierta", "respira muy despacio", "azulados", "nunca la dejes sola"):
        assert words in signs, words
    assert "tolerancia" in sections["tolerance-after-a-break"].text
    assert "64%" in sections["craft"].text and "13%" in sections["craft"].text


def test_citations_in_spanish_scenarios_resolve_to_spanish_sections():
    cited = []
    for scenario_id in TRANSLATED:
        scenario = SPANISH.scenarios[scenario_id]
        notes = [b for b in scenario.briefing if isinstance(b, Note)] + [b for n in scenario.nodes for b in n.notes]
        notes += [c.feedback for n in scenario.nodes for c in n.choices if c.feedback]
        cited += [c for note in notes for c in note.citations]
    assert len(cited) > 50
    for citation in cited:
        section = SPANISH.sources[citation.source].sections[citation.section]
        assert section.text != ENGLISH.sources[citation.source].sections[citation.section].text, citation


# "Opioids mean naloxone" (WRITING.md) in Spanish: the same teaching wherever the English teaches it
NALOXONE_TEACHING_ES = {
    "keep naloxone": r"\bnaloxona\b",
    "where to get it": r"\bfarmac",
    "the signs of an overdose": r"\brespir",
    "someone who cannot be woken": r"\bdespiert",
    "never leave them alone": r"\bsol[oa]s?\b|\ba solas\b",
    "tolerance drops after a break": r"\btolerancia\b",
    "call the emergency number": r"\bemergencia",
}


@pytest.mark.parametrize("scenario_id", TRANSLATED)
def test_spanish_teaches_naloxone_wherever_opioids_appear(scenario_id):
    """The English rule, checked on the same scenarios: wherever the original
    mentions opioids, the Spanish teaches all of it, in Spanish words."""
    from test_course_content import OPIOIDS, learner_facing

    if not OPIOIDS.search(learner_facing(ENGLISH.scenarios[scenario_id])):
        return
    spanish = learner_facing(SPANISH.scenarios[scenario_id])
    missing = [what for what, pattern in NALOXONE_TEACHING_ES.items() if not re.search(pattern, spanish, re.I)]
    assert not missing, f"{scenario_id}: the Spanish never teaches {missing}"
