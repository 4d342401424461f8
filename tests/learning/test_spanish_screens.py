"""The self-paced pages in Spanish (issue 14): the course map, the debrief,
the conversation card and the journal speak Spanish when the language is
es, with the Spanish course's own words; `rehearse report --lang es` writes
the report in Spanish. Snapshots at 80x24, where Spanish (about a quarter
longer) must still fit: update with `--snapshot-update -k spanish`, then
look at the SVGs before accepting them."""

import pytest

from bot.content.library import Library
from bot.i18n import use_language
from bot.learning import journal, profiles
from bot.learning.report import build_report, to_html, to_markdown
from bot.learning.review import library_cards
from bot.ui import flow
from helpers import rehearse

from .playing import play

JANUARY = 1_767_500_000  # 4 January 2026, 04:13 UTC: fixed, so dates do not move, in a month whose name differs
TO_THE_MEETING = [1, 1]  # fifty-dollars: the sponsor, then a ride to the meeting (a good ending)
REC_CENTER = [1, 3, 2, 2, 2]  # fifty-dollars: five steps to the rec center (a good ending)
FIRST_CARD_WRONG = [1, 3, 1, 3, 2, 3, 1, 2]  # myth-or-fact: "Verdad" to the first card (a myth), then a group


@pytest.fixture(scope="module")
def spanish():
    """The built-in course in Spanish."""
    return Library(lang="es")


@pytest.fixture
def spanish_app(store, spanish):
    from bot.ui.app import RehearseApp

    use_language("es")
    ana = profiles.create(store, "Ana", "MX")
    profiles.use(store, ana.id)
    return RehearseApp(spanish, store, still=True)


def played(app):
    play(app.store, app.library, app.profile.id, "fifty-dollars", TO_THE_MEETING)
    return play(app.store, app.library, app.profile.id, "fifty-dollars", REC_CENTER)


def plain(shown) -> str:
    return getattr(shown, "plain", str(shown))


def screen_text(app) -> str:
    """Every text and button label on the screen (scrolled out of view or not)."""
    return "\n".join(plain(widget.render()) for widget in app.screen.query("Static, Button"))


async def course_map(pilot):
    played(pilot.app)
    await pilot.press("m")
    await pilot.pause()


async def debrief(pilot):
    flow.debrief(pilot.app, played(pilot.app))
    await pilot.pause()


async def card(pilot):
    await debrief(pilot)
    await pilot.press("c")
    await pilot.pause()


async def journal_list(pilot):
    app = pilot.app
    for prompt, words in [(journal.HARD, "Mantener la voz baja cuando me gritó."),
                          (journal.NEXT_TIME, "Ofrecerle llevarlo antes de que me pida dinero.")]:
        journal.add(app.store, app.profile.id, prompt, words, "fifty-dollars")
    app.store.conn.execute("UPDATE journal SET created_at = ? + id * 86400", (JANUARY,))
    await pilot.press("m", "j")
    await pilot.pause()


async def test_the_course_map_speaks_spanish(spanish_app):
    async with spanish_app.run_test(size=(80, 24)) as pilot:
        await course_map(pilot)
        shown = screen_text(spanish_app)
        assert "Mapa del curso" in shown and "Tu siguiente paso:" in shown
        assert "Seguir" in shown and "Diario" in shown and "Volver" in shown
        assert "Prueba ¿Mito o verdad?, en Mitos y verdades sobre la recaída." in shown
        options = spanish_app.screen.query_one("#map")
        money = next(plain(options.get_option_at_index(i).prompt) for i in range(options.option_count)
                     if options.get_option_at_index(i).id == "scenario:fifty-dollars")
        assert "Cincuenta dólares para gasolina" in money and "jugado 2 veces" in money
        assert "2 de 7 finales encontrados" in money
        assert "Next step" not in shown and "Journal" not in shown


async def test_the_debrief_speaks_spanish(spanish_app):
    async with spanish_app.run_test(size=(80, 24)) as pilot:
        await debrief(pilot)
        shown = screen_text(spanish_app)
        assert "Cómo te fue · Cincuenta dólares para gasolina" in shown
        assert "Finales que encontraste: 2 de 7" in shown and "Tu camino, paso a paso" in shown
        assert "Intentar otra vez" in shown and "Intentar desde un paso" in shown
        assert "El camino que no tomaste:" in shown and "dijiste:" in shown
        assert "sin encontrar todavía (final a medias)" in shown and "Un buen final" in shown
        assert "más alto es mejor" in shown
        for english in ("How it went", "Endings you have found", "Try again", "The road not taken", "you said"):
            assert english not in shown


async def test_the_card_speaks_spanish_with_the_help_lines_of_mexico(spanish_app):
    async with spanish_app.run_test(size=(80, 24)) as pilot:
        await card(pilot)
        shown = screen_text(spanish_app)
        assert "Tu tarjeta · Cincuenta dólares para gasolina" in shown
        assert "Antes de la conversación real" in shown and "Frases que funcionaron" in shown
        assert "Líneas de ayuda (" in shown and "Si alguien está en peligro ahora, llama al" in shown
        assert "Guardar una copia para imprimir" in shown
        assert "Before the real conversation" not in shown and "Help lines" not in shown


async def test_the_journal_speaks_spanish_and_keeps_its_prompts_in_one_language(spanish_app):
    async with spanish_app.run_test(size=(80, 24)) as pilot:
        await journal_list(pilot)
        shown = screen_text(spanish_app)
        assert "Tu diario" in shown and "Nota nueva" in shown
        entries = spanish_app.screen.query_one("#entries")
        first = plain(entries.get_option_at_index(0).prompt)
        assert "¿Qué vas a decir la próxima vez?" in first
        assert first.startswith(("5 ene 2026", "6 ene 2026"))  # the month in Spanish, whatever the locale
    kept = journal.entries(spanish_app.store, spanish_app.profile.id)
    assert {entry.prompt for entry in kept} == {journal.HARD, journal.NEXT_TIME}  # the key, not the words shown


async def review(pilot):
    app = pilot.app
    play(app.store, app.library, app.profile.id, "myth-or-fact", FIRST_CARD_WRONG)
    await pilot.press("m", "v")
    await pilot.pause()


async def review_answered(pilot):
    await review(pilot)
    await pilot.press("m")
    await pilot.pause()


def test_review_cards_are_judged_by_the_original_and_shown_in_spanish(spanish):
    """The verdicts ("Mito", "Verdad", "No sé") are read from the English original."""
    english, cards = library_cards(Library()), library_cards(spanish)
    assert cards and {k: c.right for k, c in cards.items()} == {k: c.right for k, c in english.items()}
    assert {k: c.verdicts for k, c in cards.items()} == {k: c.verdicts for k, c in english.items()}
    first = cards["myth-or-fact", "tea-and-the-first-card"]
    myth = spanish.scenarios["myth-or-fact"].node("tea-and-the-first-card").choices[2]  # "Mito. Creo que…"
    assert first.statement.startswith("Tiene que tocar fondo") and first.explanation is myth.feedback


async def test_the_review_speaks_spanish(spanish_app):
    async with spanish_app.run_test(size=(80, 24)) as pilot:
        await review(pilot)
        shown = screen_text(spanish_app)
        assert "Repaso: ¿mito o verdad?" in shown and "Tarjeta 1 de 1" in shown
        assert "¿Mito, verdad, o no sabes?" in shown
        assert "Mito (m)" in shown and "Verdad (f)" in shown and "No sé (s)" in shown
        assert "“Tiene que tocar fondo" in shown
        await pilot.press("m")
        await pilot.pause()
        shown = screen_text(spanish_app)
        assert "Dijiste «Mito». Correcto: es un mito." in shown
        assert "Sobre la respuesta «Mito», tu coach dice:" in shown


def test_the_report_speaks_spanish(store, spanish):
    use_language("es")
    ana = profiles.create(store, "Ana", "MX")
    play(store, spanish, ana.id, "fifty-dollars", TO_THE_MEETING)
    journal.add(store, ana.id, journal.WENT_WELL, "Le ofrecí llevarlo.", "fifty-dollars")
    report = build_report(store, spanish, ana, with_journal=True)
    text = to_markdown(report)
    assert text.startswith("# Informe de progreso: Ana\n")
    assert "- Módulos completados: 0 de 15" in text
    assert "- Cincuenta dólares para gasolina: completado; jugado una vez; finales encontrados: 1 de 7" in text
    assert "## Tus habilidades con el tiempo" in text and "## Diario" in text and "*¿Qué salió bien?*" in text
    assert "rehearse es para practicar." in text
    page = to_html(report)
    assert '<html lang="es">' in page and "<th>Escenario</th>" in page


def test_rehearse_report_lang_es_prints_spanish(store, spanish):
    ana = profiles.create(store, "Ana", "MX")
    play(store, spanish, ana.id, "fifty-dollars", TO_THE_MEETING)
    store.close()
    result = rehearse("report", "--lang", "es", "--output", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Informe de progreso: Ana\n")
    assert "- Cincuenta dólares para gasolina: completado; jugado una vez" in result.stdout
    english = rehearse("report", "--output", "-")
    assert english.stdout.startswith("# Progress report: Ana\n") and "Fifty dollars for gas" in english.stdout


@pytest.mark.parametrize("screen", [course_map, debrief, card, journal_list, review_answered], ids=lambda f: f.__name__)
def test_spanish_screen(snap_compare, spanish_app, screen):
    assert snap_compare(spanish_app, terminal_size=(80, 24), run_before=screen)


def test_plain_mode_speaks_spanish():
    """`rehearse play ID --plain --lang es`: the same rehearsal, every line of ours in Spanish; "s" answers yes."""
    result = rehearse("play", "fifty-dollars", "--plain", "--lang", "es", input="\ns\nn\n1\n1\nn\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "¿Dónde vives? Así te mostramos las líneas de ayuda correctas." in out
    assert "CINCUENTA DÓLARES PARA GASOLINA" in out and "Quién: Jordan" in out
    assert "Este escenario toca: enojo, sobredosis. ¿Empezamos? (s/n)" in out
    assert "¿Alguien está en peligro ahora mismo? Tu respuesta no se guarda en ningún lado. (s/n)" in out
    assert "¿Qué dices?" in out and "Tu elección (1-" in out
    assert "FIN: Un buen final" in out and "Tu camino:" in out and "Finales encontrados: 1 de 7." in out
    assert "¿Intentar otra vez desde el principio? (s/n)" in out
    for english in ("Where do you live", "What do you say?", "THE END", "Your path:", "Start it?"):
        assert english not in out
