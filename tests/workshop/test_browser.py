"""Real browser: Debian's Chromium through Playwright opens the vote page
at 320 px wide, joins with the code, votes, changes the vote and sees the
vote close; and opens `rehearse serve`, where the app plays a step in the
participant's own session. Nothing is fetched from outside the room."""

import shutil
import sqlite3
import time

import pytest

from bot.content.library import Library
from bot.engine.catalog import Catalog
from bot.workshop.gate import Gate
from bot.workshop.network import listen
from bot.workshop.room import Room
from bot.workshop.run import AgendaItem, WorkshopRun
from bot.workshop.serve import ServeServer
from bot.workshop.server import VoteServer

from .background import Background
from .conftest import LIBRARY

playwright = pytest.importorskip("playwright.sync_api", reason="pip install '.[test]' for the browser tests")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture
def background():
    background = Background()
    yield background
    background.close()


@pytest.fixture
def browser():
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def outside(page, server_url: str) -> list[str]:
    """Every request the page makes to anywhere but this server."""
    local = (server_url, server_url.replace("http", "ws", 1))
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if not request.url.startswith(local) else None)
    return seen


def test_vote_page_joins_votes_changes_and_sees_the_close(background, browser, tmp_path):
    room = Room()
    server = background.call(lambda: VoteServer(room, Gate(), listen("127.0.0.1", 0)))
    background.call(server.start)
    try:
        page = browser.new_page(viewport={"width": 320, "height": 640})
        elsewhere = outside(page, server.url)
        page.goto(server.url)
        page.get_by_label("Code from the screen").fill(server.gate.code.lower())
        page.get_by_label("Nickname (optional; only your phone shows it)").fill("Robin")
        page.get_by_role("button", name="Join").click()
        status = page.get_by_role("status")
        playwright.expect(status).to_contain_text("Watch the big screen")
        playwright.expect(page.locator("#who")).to_have_text("You joined as Robin.")

        def open_vote():
            room.show({"kind": "scene", "heading": "At the door", "title": "Door",
                       "lines": [{"speaker": "Sam", "text": "Can I have twenty dollars?"},
                                 {"speaker": "Safety", "text": "If he cannot be woken, get help. In an emergency, call 911.",
                                  "safety": True}],
                       "options": ["What does your sponsor say?", "Sure, here you go.", "You're using again?"]})
            room.open_vote(3)

        background.call(open_vote)
        second = page.get_by_role("button", name="2. Sure, here you go.")
        second.click()
        playwright.expect(second).to_have_attribute("aria-pressed", "true")
        playwright.expect(status).to_contain_text("You voted 2")
        assert background.call(lambda: room.round.counts()) == (0, 1, 0)
        third = page.get_by_role("button", name="3. You're using again?")
        third.click()
        playwright.expect(third).to_have_attribute("aria-pressed", "true")
        playwright.expect(second).to_have_attribute("aria-pressed", "false")
        assert background.call(lambda: room.round.counts()) == (0, 0, 1)
        playwright.expect(page.locator("#count")).to_have_text("1 of 1 have voted.")
        playwright.expect(page.locator("#lines p.line.safety")).to_have_text(
            "Safety: If he cannot be woken, get help. In an emergency, call 911.")  # stands out, with the number
        assert page.evaluate("document.documentElement.scrollWidth") <= 320  # no sideways scrolling
        page.screenshot(path=str(tmp_path / "vote-320.png"), full_page=True)

        background.call(room.close_vote)
        playwright.expect(status).to_have_text("The vote has closed.")
        playwright.expect(page.locator("#ballot")).to_be_hidden()
        playwright.expect(page.locator("#bars li.chosen")).to_contain_text("3. You're using again? · 1 vote")
        playwright.expect(page.locator("#reason")).to_have_text("Option 3 has the most votes.")
        page.screenshot(path=str(tmp_path / "closed-320.png"), full_page=True)
        assert background.call(lambda: room.round.counts()) == (0, 0, 1)
        assert elsewhere == []
    finally:
        background.call(server.stop)


def test_a_320_px_phone_sees_the_whole_ballot_when_the_vote_opens(background, browser, tmp_path):
    """fifty-dollars opens with a long scene: at 320x640 its first option
    sat near 785 px, below the fold, when the vote opened."""
    room = Room()
    server = background.call(lambda: VoteServer(room, Gate(), listen("127.0.0.1", 0)))
    background.call(server.start)
    try:
        run = background.call(lambda: WorkshopRun(Catalog(Library([])), [AgendaItem("fifty-dollars")], room,
                                                  title="Money"))
        background.call(run.next)  # the briefing, then the first node's scene
        page = browser.new_page(viewport={"width": 320, "height": 640})
        page.goto(server.url)
        page.get_by_label("Code from the screen").fill(server.gate.code)
        page.get_by_role("button", name="Join").click()
        playwright.expect(page.locator("#lines p").first).to_be_visible()
        assert page.evaluate("window.scrollY") == 0  # reading the scene from the top
        background.call(run.open_vote)
        buttons = page.locator("#options button")
        playwright.expect(buttons).to_have_count(len(run.options()))
        page.wait_for_timeout(200)
        for button in (buttons.first, buttons.last):
            box = button.bounding_box()
            assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 640, box
        page.screenshot(path=str(tmp_path / "fifty-dollars-vote-320.png"))
        top = page.evaluate("window.scrollY")
        background.call(lambda: room.vote(room.join().id, room.round.id, 1, 1))
        playwright.expect(page.locator("#count")).to_have_text("1 of 2 have voted.")
        assert page.evaluate("window.scrollY") == top  # a count update never moves the page
    finally:
        background.call(server.stop)


def steps_played(session) -> int:
    database = session.session_home / "data" / "progress.sqlite3"
    if not database.exists():
        return 0
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT count(*) FROM steps").fetchone()[0]


def test_serve_gives_a_browser_its_own_session_that_plays_a_step(background, browser, rehearse_home):
    rehearse_home.mkdir(parents=True)
    server = background.call(lambda: ServeServer(Gate(), listen("127.0.0.1", 0), [LIBRARY]))
    background.call(server.start)
    try:
        page = browser.new_page(viewport={"width": 1000, "height": 650})
        elsewhere = outside(page, server.url)
        page.goto(server.url)
        page.get_by_label("Code from the screen").fill(server.gate.code)
        page.get_by_role("button", name="Join").click()
        playwright.expect(page.get_by_role("status")).to_contain_text("Starting your own practice session")
        page.wait_for_selector("body.-first-byte", state="attached", timeout=60_000)
        [session] = server.sessions.values()
        assert session.session_home != rehearse_home and not str(session.session_home).startswith(str(rehearse_home))
        time.sleep(1.5)  # the first screen is drawing
        page.focus(".xterm-helper-textarea")
        page.keyboard.type("Ann")
        for key in ("Enter", "Tab", "Enter",  # the name, then Start
                    "Enter",  # home: start the first scenario
                    "Enter", "n",  # briefing: begin; the safety check: no one is in danger
                    "n",  # a new learner is offered own words once: not now
                    " "):  # skip the typing pause
            time.sleep(0.6)
            page.keyboard.press(key)
        time.sleep(1.0)
        page.keyboard.press("1")
        deadline = time.monotonic() + 20
        while steps_played(session) == 0 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert steps_played(session) == 1
        assert list(rehearse_home.iterdir()) == []  # the facilitator's own data folder is never opened
        assert elsewhere == []  # no web font or anything else from the internet
        page.close()
        deadline = time.monotonic() + 15
        while session.session_home.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not session.session_home.exists()  # the throwaway folder goes with the session
    finally:
        background.call(server.stop)


def test_a_phone_sends_its_own_words_and_the_facilitator_chooses_what_the_projector_shows(background, browser, tmp_path):
    from bot.words import habit_label, read
    from bot.workshop.notes import facilitator_view
    from bot.workshop.ui.render import shared_lines

    room = Room()
    server = background.call(lambda: VoteServer(room, Gate(), listen("127.0.0.1", 0)))
    run = background.call(lambda: WorkshopRun(Catalog(Library([LIBRARY])), [AgendaItem("door")], room, title="Test"))
    server.facilitator_view = lambda: facilitator_view(run)
    background.call(server.start)
    try:
        background.call(run.next)  # the briefing, then the scene
        page = browser.new_page(viewport={"width": 320, "height": 640})
        elsewhere = outside(page, server.url)
        page.goto(server.url)
        page.get_by_label("Code from the screen").fill(server.gate.code)
        page.get_by_label("Nickname (optional; only your phone shows it)").fill("Robin")
        page.get_by_role("button", name="Join").click()
        playwright.expect(page.locator("#lines p").first).to_be_visible()
        playwright.expect(page.locator("#words")).to_be_hidden()
        assert background.call(run.open_words)
        box = page.get_by_label("Your words")
        playwright.expect(box).to_be_visible()
        page.wait_for_timeout(200)
        for element in (box, page.get_by_role("button", name="Send")):
            where = element.bounding_box()
            assert where is not None and where["y"] >= 0 and where["y"] + where["height"] <= 640, where  # in view
        hostile = "I feel scared when you come home late <b>bold</b> <img src=x onerror=alert(1)> [red]x[/red]"
        box.fill(hostile + "\u202e")
        playwright.expect(page.locator("#line-count")).to_have_text(f"{len(hostile) + 1} of 1000 characters")
        assert box.get_attribute("maxlength") == "1000"
        page.screenshot(path=str(tmp_path / "words-320.png"))
        page.get_by_role("button", name="Send").click()
        playwright.expect(page.locator("#sent")).to_have_text("Sent — only the facilitator sees it unless they share it.")
        playwright.expect(box).to_have_value("")  # nothing of it stays on the phone
        playwright.expect(page.locator("#left")).to_have_text("You can send 2 more lines in this round.")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        page.screenshot(path=str(tmp_path / "sent-320.png"), full_page=True)
        assert "scared" not in background.call(lambda: shared_lines(run).plain)  # the projector: not yet

        notes = browser.new_page(viewport={"width": 390, "height": 800})
        notes_elsewhere = outside(notes, server.url)
        notes.goto(server.facilitator_url)
        said = notes.locator("#said li")
        playwright.expect(said).to_have_count(1)
        playwright.expect(said.locator(".said-text")).to_have_text(hostile)  # as text, with no bidi override
        assert notes.locator("#said b, #said img").count() == 0
        reading = read(hostile)
        habits = [f"Helps · {habit_label(n.code)}: {n.says}" for n in reading.helps] + \
            [f"May backfire · {habit_label(n.code)}: {n.says}" for n in reading.traps]
        playwright.expect(said.locator(".habit")).to_have_text(habits)
        if not habits:
            playwright.expect(said).to_contain_text("No habits found.")
        assert "Robin" not in notes.content()
        notes.get_by_role("button", name="Show on screen").click()
        playwright.expect(notes.get_by_role("button", name="Hide from screen")).to_have_attribute("aria-pressed", "true")
        projected = background.call(lambda: shared_lines(run).plain)
        assert hostile in projected and "Robin" not in projected
        assert all(habit_label(n.code) in projected for n in reading.notes)
        notes.screenshot(path=str(tmp_path / "facilitator-words.png"), full_page=True)
        notes.get_by_role("button", name="Hide from screen").click()
        playwright.expect(notes.get_by_role("button", name="Show on screen")).to_be_visible()
        assert "scared" not in background.call(lambda: shared_lines(run).plain)

        background.call(run.close_words)
        playwright.expect(page.locator("#words")).to_be_hidden()
        playwright.expect(notes.locator("#said li")).to_have_count(0)
        assert background.call(lambda: run.shared) == []  # hidden at the close: not kept
        assert elsewhere == [] and notes_elsewhere == []
    finally:
        background.call(server.stop)


def test_phones_in_one_room_each_read_their_own_language_and_both_vote(background, browser, tmp_path):
    """A Spanish phone (Accept-Language es-MX) and an English one in the same
    room: each sees the scenario, the page's words and the vote's reason in
    its own language; the Spanish phone's switch turns it to English, and
    the choice is remembered."""
    room = Room()
    server = background.call(lambda: VoteServer(room, Gate(), listen("127.0.0.1", 0)))
    background.call(server.start)
    try:
        run = background.call(lambda: WorkshopRun(
            Catalog(Library([])), [AgendaItem("fifty-dollars")], room, title="Money",
            phone_catalogs={"es": Catalog(Library([], lang="es"))}))
        background.call(run.next)  # the first node's scene
        phones = {}
        for lang, locale, nickname in (("es", "es-MX", "Ana"), ("en", "en-US", "Robin")):
            context = browser.new_context(viewport={"width": 320, "height": 640}, locale=locale)
            page = context.new_page()
            outside_requests = outside(page, server.url)
            page.goto(server.url)
            label = "Código de la pantalla" if lang == "es" else "Code from the screen"
            page.get_by_label(label).fill(server.gate.code)
            page.get_by_role("button", name="Entrar" if lang == "es" else "Join").click()
            phones[lang] = (page, outside_requests)
        spanish, english = phones["es"][0], phones["en"][0]
        playwright.expect(spanish.locator("#heading")).to_have_text("Cincuenta dólares para gasolina")
        playwright.expect(english.locator("#heading")).to_have_text("Fifty dollars for gas")
        playwright.expect(spanish.get_by_role("status")).to_contain_text("Mira la pantalla grande")
        playwright.expect(english.get_by_role("status")).to_contain_text("Watch the big screen")
        assert spanish.locator("html").get_attribute("lang") == "es"

        background.call(run.open_vote)
        es_options = spanish.locator("#options button")
        en_options = english.locator("#options button")
        playwright.expect(es_options).to_have_count(len(run.options()))
        playwright.expect(en_options).to_have_count(len(run.options()))
        assert es_options.first.inner_text() != en_options.first.inner_text()  # the same option, two languages
        playwright.expect(spanish.get_by_role("status")).to_have_text("Vota ahora: ¿cuál dirías tú?")
        es_options.nth(1).click()
        en_options.nth(1).click()
        playwright.expect(spanish.get_by_role("status")).to_contain_text("Votaste por la 2")
        playwright.expect(english.get_by_role("status")).to_contain_text("You voted 2")
        playwright.expect(spanish.locator("#count")).to_have_text("Votaron 2 de 2.")
        for page in (spanish, english):
            assert page.evaluate("document.documentElement.scrollWidth") <= 320  # Spanish is longer: still fits
        spanish.screenshot(path=str(tmp_path / "vote-es-320.png"), full_page=True)
        assert background.call(lambda: room.round.counts())[1] == 2

        background.call(run.close_vote)
        playwright.expect(spanish.get_by_role("status")).to_have_text("La votación se cerró.")
        playwright.expect(spanish.locator("#reason")).to_have_text("La opción 2 tiene más votos.")
        playwright.expect(english.locator("#reason")).to_have_text("Option 2 has the most votes.")
        playwright.expect(spanish.locator("#bars li.chosen")).to_contain_text("2 votos (elección del grupo) (el tuyo)")
        spanish.screenshot(path=str(tmp_path / "closed-es-320.png"), full_page=True)

        spanish.get_by_role("link", name="English").click()
        playwright.expect(spanish.get_by_role("status")).to_have_text("The vote has closed.")
        playwright.expect(spanish.locator("#heading")).to_have_text("Fifty dollars for gas")
        spanish.goto(server.url)  # remembered, though the browser still prefers Spanish
        playwright.expect(spanish.locator("#reason")).to_have_text("Option 2 has the most votes.")
        assert phones["es"][1] == [] and phones["en"][1] == []
    finally:
        background.call(server.stop)
