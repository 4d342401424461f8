"""A workshop plan in another language (`<library>/<lang>/workshops/<plan>.md`):
only its words are translated. A translation that would run a different
workshop (agenda, timings, questions, notes) is a `translation-drift` error
naming the line on both sides and is not used; an original changed since is a
`translation-stale` warning. The guide, the projector and the facilitator's
page use the plan's words in the workshop's language; each phone its own."""

import asyncio
import shutil

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from bot.authoring.readability import MIN_SPANISH_READING_EASE, fernandez_huerta
from bot.cli import main
from bot.content.checking import check
from bot.content.library import Library
from bot.content.model import Narration, plain
from bot.content.translation import version_of
from bot.content.workshop_plan import load_plans, read_plan
from bot.engine.catalog import Catalog
from bot.help import load as load_helplines
from bot.i18n import use_language
from bot.workshop import guide, phases
from bot.workshop.notes import facilitator_view
from bot.workshop.room import Room
from bot.workshop.run import AgendaItem, WorkshopRun
from helpers import rehearse
from test_translations_course import NOT_PERSON_FIRST

from .conftest import LIBRARY
from .test_screen import make_app, on_screen

TRANSLATION = "es/workshops/evening.md"
# Lines 1-10; the original's are 2 (title), 3 (minutes), 4 (opening) ... 17 (note), 19 (quote).
SPANISH = """---
title: Un taller de noche
translation-of: {version}
opening: ¿Qué es lo difícil de que toquen a la puerta tarde?
closing: ¿Qué vas a decir la próxima vez?
---

NOTA-DEL-PLAN: acomoda las sillas en herradura.

> Mantén un tono ligero: esto es práctica.
"""


@pytest.fixture
def lib(tmp_path):
    """The workshop tests' library with a sound Spanish translation of its plan,
    and of its scenarios (their words left as they are: the plan's are what these tests read)."""
    root = tmp_path / "lib"
    shutil.copytree(LIBRARY, root)
    (root / "es" / "workshops").mkdir(parents=True)
    (root / TRANSLATION).write_text(SPANISH.format(version=version_of(root / "workshops/evening.md")),
                                    encoding="utf-8")
    (root / "es/scenarios/home").mkdir(parents=True)
    for scenario in ("door", "phone"):
        original = root / f"scenarios/home/{scenario}.md"
        (root / scenario_translation(scenario)).write_text(original.read_text(encoding="utf-8").replace(
            "---\n", f"---\ntranslation-of: {version_of(original)}\n", 1), encoding="utf-8")
    return root


def scenario_translation(scenario):
    return f"es/scenarios/home/{scenario}.md"


@pytest.fixture
def spanish():
    use_language("es")
    yield
    use_language("en")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def about_plans(root):
    return [d for d in check([root]).diagnostics if "workshops/" in d.file]


def spanish_plan(root):
    return load_plans([root], Library([root], lang="es").scenarios, "es")["evening"]


def test_a_sound_translation_checks_clean_and_gives_the_words_only(lib):
    assert about_plans(lib) == []
    english, plan = load_plans([lib], Library([lib]).scenarios)["evening"], spanish_plan(lib)
    assert (plan.title, plan.opening, plan.closing) == (
        "Un taller de noche", "¿Qué es lo difícil de que toquen a la puerta tarde?", "¿Qué vas a decir la próxima vez?")
    assert plain(plan.notes[0].text).startswith("NOTA-DEL-PLAN") and plan.notes[1].text.startswith("Mantén")
    assert (plan.id, plan.items, plan.minutes, plan.opening_minutes, plan.closing_minutes, plan.vote_seconds,
            plan.discuss_minutes) == (english.id, english.items, english.minutes, english.opening_minutes,
                                      english.closing_minutes, english.vote_seconds, english.discuss_minutes)
    assert load_plans([lib], Library([lib]).scenarios, "en")["evening"].title == "An evening workshop"
    by_path = read_plan(lib / "workshops/evening.md", Library([lib]).scenarios, lang="es")[0]
    assert (by_path.title, by_path.notes, by_path.items) == (plan.title, plan.notes, plan.items)


AGENDA = "scenarios:\n  - id: door\n    minutes: 20\n  - id: phone\n    minutes: 10\n"
TITLE = "title: Un taller de noche\n"
# each timing a translation repeats wrongly, and its line in the original
TIMINGS = [("minutes", 45, 3), ("opening-minutes", 6, 5), ("closing-minutes", 6, 12), ("vote-seconds", 30, 13),
           ("discuss-minutes", 1, 14)]
# (what the translator changed, the line in the translation, the original's line, words of the message)
DRIFTS = [(TITLE, f"{TITLE}{key}: {value}\n", 3, line, f"`{key}` is `{value}` but in the original")
          for key, value, line in TIMINGS] + [
    (TITLE, TITLE + AGENDA.replace("door", "phone", 1), 4, 7,
     "scenario 1 is `phone` for 20 min but the original"),
    (TITLE, TITLE + AGENDA.replace("10", "15"), 6, 9,
     "scenario 2 is `phone` for 15 min but the original"),
    (TITLE, TITLE + "scenarios:\n  - id: door\n    minutes: 20\n", 3, 6,
     "`scenarios` lists 1 but the original"),
    ("opening: ¿Qué es lo difícil de que toquen a la puerta tarde?\n", "", 1, 4,
     "there is no `opening` but the original"),
    ("closing: ¿Qué vas a decir la próxima vez?\n", "closing: ''\n", 5, 11, "there is no `closing` but the original"),
    ("NOTA-DEL-PLAN: acomoda las sillas en herradura.\n", "> NOTA-DEL-PLAN: acomoda las sillas.\n", 8, 17,
     "in the facilitator notes, block 1 is a coach note but in the original"),
    ("\n> Mantén un tono ligero: esto es práctica.\n", "", 8, 19,
     "in the facilitator notes, block 2 is missing"),
    ("> Mantén", "Otro párrafo.\n\n> Mantén", 10, 19, "block 2 is narration but in the original"),
]


@pytest.mark.parametrize("old,new,line,their_line,words", DRIFTS, ids=[d[4][:40] for d in DRIFTS])
def test_each_drift_names_the_line_on_both_sides_and_the_plan_runs_in_the_original(lib, old, new, line,
                                                                                    their_line, words):
    edit(lib / TRANSLATION, old, new)
    found = about_plans(lib)
    drifts = [d for d in found if d.code == "translation-drift"]
    assert drifts and all(d.severity == "error" for d in drifts), found
    assert drifts[0].file.endswith(TRANSLATION) and drifts[0].line == line, drifts
    assert words in drifts[0].message, drifts[0].message
    assert f"workshops/evening.md:{their_line})" in drifts[0].message, drifts[0].message
    assert all(d.file.endswith(TRANSLATION) for d in found), found
    assert spanish_plan(lib).title == "An evening workshop"  # a drifted translation is never used


PIECES = st.sampled_from(["scenarios:", "  - id: door", "    minutes: 99", "minutes: x", "opening:", "closing: []",
                          "> nota", "## Título", "- [a](#b)", "`end: success`", "translation-of: 1", "---", "\n",
                          "id: evening", "id: Otro", "\x00", "\ufeff", "**Alex:** hola", "> [!SAFETY]"])


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(cut=st.integers(0, 400), pieces=st.lists(PIECES, max_size=4), drop=st.integers(0, 12))
def test_a_mutated_translation_never_crashes_check_or_the_workshop(lib, cut, pieces, drop):
    lines = SPANISH.format(version=version_of(lib / "workshops/evening.md")).split("\n")
    text = "\n".join(lines[:drop] + lines[drop + 1:])
    cut = min(cut, len(text))
    (lib / TRANSLATION).write_text(text[:cut] + "\n".join(pieces) + text[cut:], encoding="utf-8")
    for diagnostic in about_plans(lib):
        assert diagnostic.line >= 1 and diagnostic.message
    plan = spanish_plan(lib)  # whatever its words, the workshop is the original's
    assert ([i.scenario for i in plan.items], plan.minutes, plan.vote_seconds) == (["door", "phone"], 40, 20)


def test_a_question_the_original_does_not_ask_is_drift(lib):
    original = lib / "workshops/evening.md"
    edit(original, "closing: What will you say next time?\n", "")
    edit(lib / TRANSLATION, "translation-of: " + version_of(LIBRARY / "workshops/evening.md"),
         "translation-of: " + version_of(original))
    (extra,) = about_plans(lib)
    assert (extra.line, extra.code) == (5, "translation-drift")
    assert extra.message.startswith("`closing` asks a closing question that the original") and \
        extra.message.endswith("does not ask; leave it out")


def test_repeating_what_a_translation_inherits_exactly_is_fine(lib):
    edit(lib / TRANSLATION, TITLE, TITLE + "minutes: 40\nid: evening\nvote-seconds: 20\n" + AGENDA)
    assert about_plans(lib) == []
    assert spanish_plan(lib).title == "Un taller de noche"


def test_a_changed_original_is_a_warning_with_the_new_version_and_the_words_still_serve(lib):
    edit(lib / "workshops/evening.md", "horseshoe.", "horseshoe, chairs only.")
    new_version = version_of(lib / "workshops/evening.md")
    (stale,) = about_plans(lib)
    assert (stale.file.endswith(TRANSLATION), stale.line, stale.code, stale.severity) == \
        (True, 3, "translation-stale", "warning")
    assert "workshops/evening.md changed" in stale.message and new_version in stale.message
    assert spanish_plan(lib).title == "Un taller de noche"
    edit(lib / TRANSLATION, version_of(LIBRARY / "workshops/evening.md"), new_version)
    assert about_plans(lib) == []


def test_a_translation_without_its_original_or_version_is_named(lib):
    edit(lib / TRANSLATION, "translation-of:", "# translation-of:")
    (missing,) = about_plans(lib)
    assert (missing.line, missing.code) == (1, "front-matter")
    assert version_of(lib / "workshops/evening.md") in missing.message
    (lib / TRANSLATION).rename(lib / "es/workshops/morning.md")
    (lonely,) = [d for d in about_plans(lib) if d.severity == "error"]
    assert lonely.file.endswith("es/workshops/morning.md") and "no plan `morning` to translate" in lonely.message


def test_rehearse_check_names_both_files_on_the_command_line(lib):
    edit(lib / TRANSLATION, TITLE, TITLE + "minutes: 45\n")
    result = rehearse("check", str(lib))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{lib}/{TRANSLATION}:3: translation-drift: `minutes` is `45` but in the original " \
           f"({lib}/workshops/evening.md:3) it is `40`" in result.stdout, result.stdout


def test_the_built_in_plans_are_all_translated_plainly():
    """(test_plan checks them clean, translations included.)"""
    library = Library([], lang="es")
    english, plans = load_plans([], Library([]).scenarios), load_plans([], library.scenarios, "es")
    assert sorted(plans) == sorted(english) and len(plans) >= 4
    for plan_id, plan in plans.items():
        assert plan.title != english[plan_id].title and plan.opening != english[plan_id].opening, plan_id
        assert plan.items == english[plan_id].items
        words = [plan.title, plan.opening, plan.closing, *(plain(b.text) if isinstance(b, Narration) else b.text
                                                          for b in plan.notes)]
        assert fernandez_huerta(words) >= MIN_SPANISH_READING_EASE, plan_id  # plain: the built-in ones score 91-95
        assert not any(NOT_PERSON_FIRST.search(text) for text in words), plan_id


def test_the_guide_in_spanish_uses_the_plans_spanish_words(spanish, lib):
    plan = spanish_plan(lib)
    text = guide.write(plan, Library([lib], lang="es"), load_helplines(), "MX", "md")
    for expected in ("# Guía para facilitar: Un taller de noche", "NOTA-DEL-PLAN: acomoda las sillas en herradura.",
                     "> ¿Qué es lo difícil de que toquen a la puerta tarde?", "> ¿Qué vas a decir la próxima vez?",
                     "rehearse workshop evening --lang es"):
        assert expected in text, expected
    for english in ("An evening workshop", "PLAN-NOTE", "What is hard about", "next time?"):
        assert english not in text, english


def test_rehearse_guide_lang_es_prints_the_built_in_plan_in_spanish():
    result = rehearse("guide", "sixty-minutes", "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Guía para facilitar: Con calma y firmeza")
    assert "Piensa en una conversación con tu ser querido" in result.stdout
    assert "Para 5 a 60 familiares y amistades." in result.stdout
    assert "Holding steady" not in result.stdout and "For 5 to 60" not in result.stdout
    english = rehearse("guide", "sixty-minutes", "--lang", "en")
    assert english.stdout.startswith("# Facilitator guide: Holding steady") and "Piensa" not in english.stdout


def test_phones_read_the_plans_questions_in_their_own_language(spanish, lib):
    """A Spanish workshop: the projector's state and the Spanish phones in
    Spanish, the English phones keep the English title and questions."""
    english, plan = load_plans([lib], Library([lib]).scenarios)["evening"], spanish_plan(lib)
    room = Room()
    run = WorkshopRun(Catalog(Library([lib], lang="es")), [AgendaItem(i.scenario, i.minutes) for i in plan.items],
                      room, title=plan.title, opening=plan.opening, closing=plan.closing, notes=plan.notes,
                      phone_catalogs={"en": Catalog(Library([lib]))}, phone_plans={"en": english})
    es, en = room.public_state("es")["slide"], room.public_state("en")["slide"]
    assert (es["heading"], es["text"]) == ("Un taller de noche", "¿Qué es lo difícil de que toquen a la puerta tarde?")
    assert (en["heading"], en["text"]) == ("An evening workshop", "What is hard about a late knock at the door?")
    assert en["title"] == "Opening question" and es["title"] == "Pregunta de apertura"
    notes = facilitator_view(run)
    assert notes["where"] == "Un taller de noche" and notes["plan"][0].startswith("NOTA-DEL-PLAN")
    while run.phase != phases.CLOSING:
        if run.session is None:
            run.next()
        else:
            run.skip_scenario()
    assert room.public_state("en")["slide"]["text"] == "What will you say next time?"
    assert room.public_state("es")["slide"]["text"] == "¿Qué vas a decir la próxima vez?"


@pytest.mark.parametrize("lang, ours, theirs", [("es", "Con calma y firmeza", "Holding steady"),
                                                ("en", "Holding steady", "Con calma y firmeza")])
def test_rehearse_workshop_gives_the_plan_in_its_language_and_each_phone_in_its_own(monkeypatch, lang, ours,
                                                                                  theirs):
    """`rehearse workshop sixty-minutes --lang LANG` as far as the projector
    opening (the screen itself is stood in for)."""
    from bot.workshop.ui import app as projector

    opened = []
    monkeypatch.setattr(projector.WorkshopApp, "run", lambda self: opened.append((self.workshop, self.server)))
    try:
        assert main(["workshop", "sixty-minutes", "--lang", lang, "--port", "0"]) == 0
    finally:
        use_language("en")
    ((run, server),) = opened
    server.sock.close()
    other = "en" if lang == "es" else "es"
    assert run.title.startswith(ours) and run.room.public_state(lang)["slide"]["heading"].startswith(ours)
    assert run.room.public_state(other)["slide"]["heading"].startswith(theirs)
    spanish = run.room.public_state("es")["slide"]["text"]
    assert spanish.startswith("Piensa en una conversación") and facilitator_view(run)["plan"]


def test_the_projector_in_spanish_shows_the_plans_spanish_title_and_question(spanish):
    """A pilot test on the built-in plan: `rehearse workshop sixty-minutes --lang es`'s first screen."""
    library = Library([], lang="es")
    plan = load_plans([], library.scenarios, "es")["sixty-minutes"]
    room = Room()
    run = WorkshopRun(Catalog(library), [AgendaItem(i.scenario, i.minutes) for i in plan.items], room,
                      title=plan.title, opening=plan.opening, closing=plan.closing, notes=plan.notes)

    async def test():
        app = make_app(run, room)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = " ".join(on_screen(app).split())
            assert "Con calma y firmeza" in screen, screen
            assert "Piensa en una conversación con tu ser querido" in screen, screen
            assert "Holding steady" not in screen and "Think of one conversation" not in screen

    asyncio.run(test())


NO_USABLE_TRANSLATION = "rehearse: el plan evening no tiene una traducción `es` que se pueda usar"


def test_guide_and_workshop_say_on_stderr_when_a_drifted_translation_leaves_the_plan_in_english(lib, monkeypatch,
                                                                                                capsys):
    """As `play` does for a scenario: one line, in the interface's language; none when the words are there."""
    from bot.workshop.ui import app as projector

    assert main(["--content", str(lib), "guide", "evening", "--lang", "es"]) == 0
    assert capsys.readouterr().err == ""
    edit(lib / TRANSLATION, TITLE, TITLE + "minutes: 45\n")  # drift: the translation is not used
    assert main(["--content", str(lib), "guide", "evening", "--lang", "es"]) == 0
    out, err = capsys.readouterr()
    assert err.startswith(NO_USABLE_TRANSLATION) and err.count("\n") == 1 and "rehearse check" in err
    assert "# Guía para facilitar: An evening workshop" in out
    monkeypatch.setattr(projector.WorkshopApp, "run", lambda self: self.server.sock.close())
    assert main(["--content", str(lib), "workshop", "evening", "--lang", "es", "--port", "0"]) == 0
    assert NO_USABLE_TRANSLATION in capsys.readouterr().err
    assert main(["--content", str(lib), "guide", "evening", "--lang", "en"]) == 0
    assert capsys.readouterr().err == ""


def test_a_translations_own_path_names_the_original_to_give(lib, capsys):
    code = main(["--lang", "es", "guide", str(lib / TRANSLATION)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "") and err.count("\n") == 1, err
    assert err == (f"rehearse: {lib / TRANSLATION} es la traducción `es` de un plan: indica su original, "
                   f"{lib / 'workshops/evening.md'}, con --lang es\n")
    assert main(["guide", str(lib / "workshops/evening.md"), "--lang", "es"]) == 0
    assert capsys.readouterr().out.startswith("# Guía para facilitar: Un taller de noche")


def test_guide_and_workshop_name_on_stderr_the_scenarios_that_stay_in_english(spanish, lib, monkeypatch, capsys):
    """As `play` says of one scenario: one line, in the interface's language,
    naming each scenario on the agenda without a `--lang` translation; none in English."""
    from bot.workshop.ui import app as projector

    monkeypatch.setattr(projector.WorkshopApp, "run", lambda self: self.server.sock.close())
    (lib / scenario_translation("phone")).unlink()
    assert main(["--content", str(lib), "guide", "evening", "--lang", "es"]) == 0
    out, err = capsys.readouterr()
    assert err == "rehearse: el escenario phone todavía no tiene traducción `es`, así que queda en inglés.\n"
    assert out.startswith("# Guía para facilitar: Un taller de noche")
    assert main(["--content", str(lib), "workshop", "phone", "door", "--lang", "es", "--port", "0"]) == 0
    assert capsys.readouterr().err.endswith(  # door is translated: not named
        "rehearse: el escenario phone todavía no tiene traducción `es`, así que queda en inglés.\n")
    (lib / scenario_translation("door")).unlink()
    assert main(["--content", str(lib), "workshop", "evening", "--lang", "es", "--port", "0"]) == 0
    said = capsys.readouterr().err
    assert said.endswith(
        "rehearse: los escenarios door, phone todavía no tienen traducción `es`, así que quedan en inglés.\n")
    assert said.count("\n") == 1, said
    for argv in (["guide", "evening", "--lang", "en"], ["workshop", "door", "--lang", "en", "--port", "0"]):
        assert main(["--content", str(lib), *argv]) == 0
        assert capsys.readouterr().err == ""
