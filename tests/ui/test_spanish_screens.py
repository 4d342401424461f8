"""The app in Spanish (issue 14): the welcome asks the language and everything,
the course too, switches at once; settings change it; `--lang es` and a Spanish
locale start in Spanish; and the main screens fit at 80x24 in Spanish."""

import shutil

import pytest
from textual.widgets import Select

import bot.cli
from bot import i18n
from bot.content.library import Library
from bot.progress.settings import Settings
from bot.ui.app import RehearseApp
from bot.ui.screens.home import HomeScreen
from bot.ui.screens.settings import SettingsScreen
from bot.ui.screens.welcome import WelcomeScreen
from applib import TEST_LIBRARY
from helpers import REPO

from .helpers import all_text, screen_text

SPANISH_WORDS = REPO / "tests" / "data" / "library-es"  # the test library's Spanish translation


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    """The test library with its Spanish translation beside it, as a library holds one."""
    root = tmp_path_factory.mktemp("bilingual") / "library"
    shutil.copytree(TEST_LIBRARY, root)
    shutil.copytree(SPANISH_WORDS, root / "es")
    return root


def spanish_app(store, root, profile=True) -> RehearseApp:
    i18n.use_language("es")
    if profile:
        store.create_profile("Sam", "UK")
    return RehearseApp(Library([root], lang="es"), store, still=True)


async def choose(pilot, select_id: str, presses: list[str]) -> None:
    pilot.app.screen.query_one(f"#{select_id}", Select).focus()
    await pilot.press("enter", *presses, "enter")
    await pilot.pause()


async def test_the_welcome_asks_the_language_and_everything_switches_at_once(store, bilingual):
    app = RehearseApp(Library([bilingual]), store, still=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and "Language · Idioma" in screen_text(app)
        await pilot.press(*"Ana")
        await choose(pilot, "language", ["down"])
        text = screen_text(app)
        assert "Te damos la bienvenida" in text and "Empezar" in text and "Welcome" not in text
        assert app.screen.query_one("#name").value == "Ana"  # what was typed survives the switch
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Elige una conversación para practicar" in text and "Practicas como Ana" in text
        assert "Veinte dólares" in text and "Cuando te piden dinero" in text and "Twenty dollars" not in text
        assert Settings.load(store, app.profile.id).language == "es"


async def test_settings_change_the_language_and_home_follows(store, bilingual):
    store.create_profile("Sam", "UK")
    app = RehearseApp(Library([bilingual]), store, still=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Twenty dollars" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        await choose(pilot, "language", ["down"])
        assert isinstance(app.screen, SettingsScreen) and "Perfil y ajustes" in screen_text(app)
        assert Settings.load(store, app.profile.id).language == "es"
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "Veinte dólares" in text and "Twenty dollars" not in text and "Seguir" in text
        await pilot.press("p")
        await pilot.pause()
        await choose(pilot, "language", ["up"])
        assert "Profile and settings" in screen_text(app)
        assert Settings.load(store, app.profile.id).language == "en"


async def test_f1_shows_the_help_lines_in_spanish(store, bilingual):
    app = spanish_app(store, bilingual)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        assert "Si alguien está en peligro ahora mismo, llama al 999." in text
        assert "Líneas de ayuda: Reino Unido" in text and "24/7" in text
        usage = app.screen.usage.plain
        assert "Cómo usar rehearse" in usage and "Poner límites (más alto es mejor)" in usage


def test_lang_es_speaks_spanish_in_commands(bilingual, capsys):
    assert bot.cli.main(["--lang", "es", "list", "--content", str(bilingual)]) == 0
    out = capsys.readouterr().out
    assert "Curso de práctica" in out and "Veinte dólares" in out and "(todavía no hay escenarios)" in out
    assert bot.cli.main(["--lang", "es", "check", str(bilingual)]) == 0
    assert "0 errores, 0 advertencias en 3 escenarios" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        bot.cli.main(["--lang", "es", "--help"])
    shown = capsys.readouterr().out
    assert shown.startswith("uso: rehearse") and "Practica conversaciones difíciles" in shown and "opciones:" in shown
    assert bot.cli.main(["--lang", "fr", "list"]) == 2
    assert "--lang fr: choose en (English) or es (Spanish)" in capsys.readouterr().err  # fr is no language of ours


def test_lang_es_opens_the_app_in_spanish(bilingual, monkeypatch):
    opened = []
    monkeypatch.setattr(RehearseApp, "run", lambda app: opened.append((i18n.language(), app.library.course.title)))
    assert bot.cli.main(["--lang", "es", "--content", str(bilingual)]) == 0
    assert opened == [("es", "Curso de práctica")]
    i18n.use_language("en")
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert bot.cli.main([]) == 0  # plain `rehearse`: the app reads the setting, else the locale
    assert opened[-1][0] == "es"


def test_a_spanish_locale_speaks_spanish_unless_the_setting_says_otherwise(bilingual, capsys, monkeypatch, store):
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert bot.cli.main(["list", "--content", str(bilingual)]) == 0
    assert "Cuando te piden dinero" in capsys.readouterr().out
    profile = store.create_profile("Sam", "MX")
    Settings.load(store, profile.id).save(store, profile.id, language="en")
    assert bot.cli.main(["list", "--content", str(bilingual)]) == 0
    assert "When they ask for money" in capsys.readouterr().out
    assert bot.cli.main(["--lang", "es", "list", "--content", str(bilingual)]) == 0  # the flag beats the setting
    assert "Cuando te piden dinero" in capsys.readouterr().out


async def test_the_conversation_and_what_follows_it_speak_spanish(store, bilingual):
    """The own-words offer, the key bar, the words panel, the coach, your line, the
    ending, the reflection under the debrief and its toasts: Spanish, with no English left."""
    from bot.ui import flow
    from bot.ui.screens.conversation import ConversationScreen
    from bot.ui.screens.dialogs import Question

    app = spanish_app(store, bilingual)
    app.change_settings(offer_own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        flow.start(app, "lend")
        await pilot.pause()
        assert isinstance(app.screen, Question) and app.screen.title_text == "¿Primero con tus palabras?"
        await pilot.press("y")
        await pilot.pause()
        shown = all_text(app) + screen_text(app)
        assert "Primero con tus palabras: ¿qué dirías?" in shown and "Ctrl+Z Deshacer" in shown
        assert "Ante un pedido rápido con una historia" in shown and "(pulsa Ctrl+O para leerla)" in shown
        await pilot.press(*"Siempre haces lo mismo", "enter")
        await pilot.pause()
        shown = all_text(app)
        assert "Lo que hacen tus palabras  Dijiste: “Siempre haces lo mismo”" in shown
        assert "Puede salir mal:" in shown and "Elige la opción más cercana a lo que dirías." in shown
        assert "u Deshacer" in screen_text(app) and "r Reiniciar" in screen_text(app)
        await pilot.press("1")
        await pilot.pause()
        shown = all_text(app)
        assert "Tú\n¿Qué dice tu padrino?\nCon tus palabras: Siempre haces lo mismo" in shown
        assert "Consejo: Le devolviste la pregunta" in shown and "Para pensar: ¿Qué hace difícil" in shown
        assert "Habilidades  (las flechas muestran la buena dirección)" in shown
        await pilot.press("enter", "1")  # no words this time; the ride: an ending
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert "Este es uno de los finales. Pulsa Enter para ver cómo te fue" in all_text(app)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        shown = all_text(app) + "\n".join(str(b.label) for b in app.screen.query("Button"))
        assert "Un momento para pensar  (si quieres; se guarda en tu diario)" in shown
        assert "Guardar nota" in shown and "Tu tarjeta" in shown and "Mapa del curso" in shown
        await pilot.click("#save-note")
        await pilot.press("e")
        await pilot.pause()
        toasts = [(n.title, n.message) for n in app._notifications]
        assert ("", "Primero escribe unas palabras. Es opcional, así que también puedes saltarlo.") in toasts
        assert any(title == "Guardado" and "\nen la carpeta " in message for title, message in toasts), toasts
        words = set(all_text(app).split())
        assert not words & {"What", "Save", "Skills", "You", "Coach:", "Press", "Source:", "reflect"}


async def _settle(pilot):
    await pilot.pause()


async def _briefing(pilot):
    from bot.ui import flow

    flow.open_briefing(pilot.app, "lend")
    await pilot.pause()


async def _settings(pilot):
    await pilot.press("p")
    await pilot.pause()


async def _help(pilot):
    await pilot.press("f1")
    await pilot.pause()


async def _conversation(pilot):
    """Mid-conversation: the coach's note on the last choice, a note to think about, and the options."""
    from bot.ui import flow

    flow.start(pilot.app, "lend")
    await pilot.pause()
    await pilot.press("1")
    await pilot.pause()


async def _own_words_open(pilot):
    """What your words do, opened in full (w) above the options."""
    from bot.ui import flow

    pilot.app.change_settings(own_words=True)
    flow.start(pilot.app, "lend")
    await pilot.pause()
    await pilot.press(*"Tengo miedo. Siempre haces lo mismo, estás consumiendo otra vez", "enter", "w")
    await pilot.pause()


SCREENS = {"welcome": _settle, "home": _settle, "briefing": _briefing, "settings": _settings, "help": _help,
           "conversation": _conversation, "own-words-open": _own_words_open}


@pytest.mark.parametrize("screen", SCREENS)
def test_spanish_screen(snap_compare, store, bilingual, screen):
    app = spanish_app(store, bilingual, profile=screen != "welcome")
    assert snap_compare(app, terminal_size=(80, 24), run_before=SCREENS[screen])
