"""Every `[!SAFETY]` callout ends with the learner's own emergency number, in
every view: content never hard-codes 911 or 999 (Australia is 000, New
Zealand 111). The app's chat is tested in tests/ui/test_conversation.py."""

import io
import shutil
import sys

from bot.cli import main
from bot.content.library import Library
from bot.engine.catalog import Catalog
from bot.help import emergency_call, load
from bot.progress.store import Store
from bot.learning.card import card_html, card_text, make_card
from bot.workshop.room import Room
from bot.workshop.run import AgendaItem, WorkshopRun
from bot.workshop.slides import slide
from bot.workshop.ui.render import stage_lines

from applib import TEST_LIBRARY

AU = load().region("AU")
AU_CALL = "In an emergency, call 000 (112 also works from a mobile)."


def test_the_words_name_the_regions_own_number():
    assert emergency_call(AU) == AU_CALL
    assert emergency_call(load().region("NZ")) == "In an emergency, call 111."
    assert "your local emergency number" in emergency_call(load().region(None))


def test_the_words_come_in_spanish_with_the_same_number():
    helplines = load()
    assert emergency_call(helplines.region("ES"), "es") == "En una emergencia, llama al 112."
    assert emergency_call(helplines.region("MX"), "es") == "En una emergencia, llama al 911."
    assert emergency_call(AU, "es") == "En una emergencia, llama al 000 (desde un celular también funciona el 112)."
    assert emergency_call(helplines.region(None), "es").startswith("En una emergencia, llama a tu número local de emergencias")
    assert emergency_call(helplines.region("ES")) == "In an emergency, call 112."
    assert emergency_call(helplines.in_language("es").region("AU")) == AU_CALL  # the sentence's language wins


def test_plain_mode_gives_the_profiles_number_after_a_safety_callout(monkeypatch, capsys, tmp_path):
    store = Store.open()
    try:
        profile = store.profile() or store.create_profile("", "")
        store.update_profile(profile.id, profile.name, "AU")
    finally:
        store.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n1\nn\n"))
    main(["--content", str(TEST_LIBRARY), "play", "late", "--plain"])
    out = " ".join(capsys.readouterr().out.split())  # as read, whatever the wrapping
    after = out[out.index("SAFETY: "):]
    assert "Type h for help lines." in after[:after.index(AU_CALL)]  # the callout's "press F1", as plain mode says it
    assert after.index(AU_CALL) < after.index("1. I'm glad you're home")


def room_at_the_door() -> WorkshopRun:
    run = WorkshopRun(Catalog(Library([TEST_LIBRARY])), [AgendaItem("late")], Room(), title="T", region=AU)
    run.next()  # from the briefing to the first scene
    return run


def test_the_projector_and_the_phones_give_the_rooms_number():
    run = room_at_the_door()
    assert AU_CALL in stage_lines(run).plain
    phones = slide(run)["lines"]
    assert any(line["speaker"] == "Safety" and line["text"].endswith(AU_CALL) for line in phones)


def test_the_facilitator_guide_gives_the_chosen_regions_number(tmp_path, capsys):
    library = tmp_path / "library"
    shutil.copytree(TEST_LIBRARY, library)
    (library / "workshops").mkdir(exist_ok=True)
    (library / "workshops" / "night.md").write_text(
        "---\ntitle: A night\nscenarios:\n  - id: late\n    minutes: 10\n---\n", encoding="utf-8")
    assert main(["--content", str(library), "guide", "night", "--region", "AU"]) == 0
    guide = capsys.readouterr().out
    safety = guide[guide.index("Safety:"):]
    assert AU_CALL in safety[:400]


def test_the_conversation_card_gives_the_number_with_the_safety_note(tmp_path):
    library_dir = tmp_path / "library"
    shutil.copytree(TEST_LIBRARY, library_dir)
    late = library_dir / "scenarios" / "evenings" / "late.md"
    late.write_text(late.read_text(encoding="utf-8") + "\n> [!SAFETY]\n> If Sam cannot be woken, get help now.\n",
                    encoding="utf-8")
    library = Library([library_dir])
    session = Catalog(library).session("late")
    session.choose(2)  # "Where have you been?" -> the fight ending, which now has a safety note
    card = make_card(session, library, AU, load())
    assert any(text.startswith("If Sam cannot be woken") and text.endswith(AU_CALL) for text in card.remember)
    assert AU_CALL in card_text(card) and AU_CALL in card_html(card)


async def test_the_workshop_screen_and_its_help_use_the_rooms_region(tmp_path):
    from bot.workshop.ui.app import WorkshopApp

    run = room_at_the_door()
    app = WorkshopApp(run, run.room, "ACDEFGHJ", join_url="http://127.0.0.1:8765/j/ACDEFGHJ",
                      export_dir=tmp_path)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.pause()
        assert AU_CALL in str(app.screen.query_one("#ws-lines").content)
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.shown_region.id == "AU"
