"""The workshop in Spanish (issue 14): phones pick their own language from
the browser, the projector, the guide and the record speak the workshop's
(`--lang es`), and the scenario comes in the same language as the words
around it."""

from datetime import datetime

import pytest

from helpers import rehearse

from bot.content.library import Library
from bot.content.workshop_plan import load_plans
from bot.engine.catalog import Catalog
from bot.help import load as load_helplines
from bot.i18n import language, use_language
from bot.workshop import export, guide, phases
from bot.workshop.languages import accepted, speaking
from bot.workshop.page_words import vote_page
from bot.workshop.room import Room
from bot.workshop.run import AgendaItem, WorkshopRun
from bot.workshop.votes import decide

from .test_screen import make_app, on_screen, to_phase, vote


@pytest.fixture
def spanish():
    """The process in Spanish, as `rehearse workshop --lang es` sets it; English again after."""
    use_language("es")
    yield
    use_language("en")


@pytest.fixture(scope="module")
def library_es():
    return Library([], lang="es")


@pytest.mark.parametrize("header, lang", [
    ("es-MX,es;q=0.9,en;q=0.8", "es"), ("en-US,en;q=0.9,es;q=0.8", "en"), ("fr-FR,es;q=0.5,en;q=0.4", "es"),
    ("de, en;q=0.1", "en"), ("en;q=0.2, es-ES;q=0.7", "es"), ("fr, de", None), ("", None), (None, None),
    ("es;q=nonsense, en", "en"), ("*", None)])
def test_accept_language_picks_the_language_a_browser_prefers_most(header, lang):
    assert accepted(header) == lang


def test_words_made_for_a_phone_come_back_to_the_workshops_language_after():
    with speaking("es"):
        assert decide((0, 2, 1)).reason == "La opción 2 tiene más votos."
        assert "Empate: las opciones 1 y 3 tienen 2 votos cada una" in decide((2, 0, 2)).reason
        assert vote_page()["lang"] == "es"
    assert language() == "en" and decide((0, 2, 1)).reason == "Option 2 has the most votes."


def test_a_phone_in_spanish_gets_the_same_step_in_spanish(library, library_es):
    """The room's state for a Spanish phone: the scenario's own Spanish words
    at the same node, same number of options, the page's words in Spanish."""
    room = Room()
    run = WorkshopRun(Catalog(Library([])), [AgendaItem("fifty-dollars")], room, title="Money",
                      phone_catalogs={"es": Catalog(library_es)})
    run.next()
    run.open_vote()
    english, spanish = room.public_state("en")["slide"], room.public_state("es")["slide"]
    assert english["heading"] == "Fifty dollars for gas" and spanish["heading"] == "Cincuenta dólares para gasolina"
    assert len(spanish["options"]) == len(english["options"]) and spanish["options"] != english["options"]
    node = library_es.scenarios["fifty-dollars"].node(run.session.node.id)
    assert spanish["title"] == node.title


def test_the_guide_in_spanish_has_spanish_words_and_the_spanish_scenarios(spanish, library_es):
    plan = load_plans([], library_es.scenarios)["sixty-minutes"]
    text = guide.write(plan, library_es, load_helplines(), "MX", "md")
    for expected in ("# Guía para facilitar:", "## Antes de empezar", "## Tiempos",
                     "| Empieza a las | Parte | Duración |",
                     "Cincuenta dólares para gasolina", "### Paso a paso", "## Números de ayuda para repartir",
                     "rehearse workshop sixty-minutes --lang es", "llama a"):
        assert expected in text, expected
    for english in ("Facilitator guide", "Before you start", "Step by step", "Help numbers to hand out"):
        assert english not in text, english
    page = guide.write(plan, library_es, load_helplines(), "MX", "html")
    assert '<html lang="es">' in page and "<title>Guía para facilitar:" in page


def test_rehearse_guide_lang_es_prints_the_guide_in_spanish():
    result = rehearse("guide", "sixty-minutes", "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Guía para facilitar:") and "Cincuenta dólares para gasolina" in result.stdout
    wrong = rehearse("guide", "sixty-minutes", "--lang", "xx")
    assert wrong.returncode == 2 and "--lang xx" in wrong.stderr and "Traceback" not in wrong.stderr


def test_the_record_is_in_the_workshops_language(spanish, library_es):
    room = Room()
    run = WorkshopRun(Catalog(library_es), [AgendaItem("fifty-dollars")], room, title="Dinero")
    people = [room.join() for _ in range(3)]
    run.next()
    run.open_vote()
    for person in people:
        room.vote(person.id, room.round.id, 2, 1)
    run.close_vote()
    run.next()
    text = export.markdown(run, 3, datetime(2026, 5, 1, 19, 30))
    for expected in ("# Registro del taller: Dinero", "Se unieron 3 personas.",
                     "## 1. Cincuenta dólares para gasolina", "### Paso 1:", "| # | Opción | Votos |",
                     "Se siguió la elección del grupo. La opción 2 tiene más votos."):
        assert expected in text, expected


@pytest.mark.parametrize("shown", [phases.BRIEFING, phases.VOTING, phases.TALLY, phases.DEBRIEF])
def test_snapshot_of_the_projector_in_spanish_at_80x24(spanish, library_es, snap_compare, shown):
    room = Room()
    run = WorkshopRun(Catalog(library_es), [AgendaItem("fifty-dollars")], room, title="Dinero")

    async def to_screen(pilot):
        await to_phase(pilot, shown)

    assert snap_compare(make_app(run, room), terminal_size=(80, 24), run_before=to_screen)


def test_the_projector_in_spanish_keeps_the_way_in_and_the_keys_whole(spanish, library_es):
    """Spanish runs longer: the join line, the count and the keys still fit at 80x24."""
    import asyncio

    room = Room()
    run = WorkshopRun(Catalog(library_es), [AgendaItem("fifty-dollars")], room, title="Dinero")

    async def test():
        app = make_app(run, room)
        async with app.run_test(size=(80, 24)) as pilot:
            await to_phase(pilot, phases.VOTING)
            vote(room, [2, 2, 1])
            await pilot.pause(0.4)
            screen = on_screen(app)
            for expected in ("Entra: 192.168.1.20:8765  código ACDE-FGHJ", "ya votaron.", "Cerrar votación"):
                assert expected in screen, expected
            await pilot.press("c")
            await pilot.pause()
            assert "La opción 2 tiene más votos." in on_screen(app)

    asyncio.run(test())
