"""Plain mode: the whole rehearsal as lines of text, for screen readers and
simple terminals."""

import io
import shutil
import sys

import pytest

from bot.cli import main
from bot.progress.store import Store

from applib import TEST_LIBRARY
from hostile import FORBIDDEN, MARKUP, write_library


def run(monkeypatch, capsys, typed: str, *args, library=TEST_LIBRARY, region="") -> tuple[int, str]:
    """The first run asks for the region first: `region` is typed there, and
    Enter alone keeps the guess, which is none here (no locale), so help lines
    are the general ones."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    if not has_profile():
        typed = region + "\n" + typed
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    code = main(["--content", str(library), "play", *args])
    return code, capsys.readouterr().out


def has_profile() -> bool:
    store = Store.open()
    try:
        return store.profile() is not None
    finally:
        store.close()


def saved_steps() -> list:
    store = Store.open()
    try:
        rows = store.conn.execute("SELECT node, choice, own_words FROM steps ORDER BY playthrough_id, number")
        return rows.fetchall()
    finally:
        store.close()


def test_a_whole_rehearsal_to_an_ending(monkeypatch, capsys):
    code, out = run(monkeypatch, capsys, "y\nn\n1\n1\n", "lend")
    assert code == 0
    assert "not medical advice" in out and "TWENTY DOLLARS" in out
    assert "Who: Alex, your 30-year-old brother" in out and "About 5 minutes." in out
    assert "(The phone rings at ten.)" in out
    assert "Alex: Hey. I'm stuck at the gas station." in out
    assert "  1. What does your sponsor say?" in out
    assert "You: What does your sponsor say?" in out
    assert "Coach: You turned it back to his plan without a lecture." in out
    assert "(Source: A short guide for families: Ask about the plan)" in out
    assert "To think about: What makes a small ask hard to refuse?" in out
    assert "THE END: A good ending" in out
    assert "Holding boundaries: +2 (higher is better; first time)" in out
    assert "Enabling: 0 (lower is better; first time)" in out
    assert "Not taken: Okay, fine. Just this once. -> Sent (could lead to a hard ending)" in " ".join(out.split())
    assert "Endings found: 1 of 3." in out
    assert "found: Ride (good ending)" in out and "not found yet (hard ending)" in out
    assert saved_steps() == [("the-call", 0, None), ("sponsor", 0, None)]


def test_skipping_at_the_content_warning_starts_nothing(monkeypatch, capsys):
    code, out = run(monkeypatch, capsys, "n\n", "lend")
    assert code == 0 and "This one touches on: anger. Start it?" in out
    assert saved_steps() == []


def test_danger_yes_prints_help_and_stores_nothing(monkeypatch, capsys, rehearse_home):
    code, out = run(monkeypatch, capsys, "y\ny\n", "lend")
    assert code == 0
    assert "Is anyone in danger right now? Your answer is not saved anywhere." in out
    assert "IF ANYONE IS IN DANGER NOW: call your local emergency number" in out
    assert "Find A Helpline" in out
    assert saved_steps() == []


def test_undo_restart_help_and_mistakes(monkeypatch, capsys):
    code, out = run(monkeypatch, capsys, "y\nn\n1\nu\nu\n9\nwhat\nh US\nr\n2\n", "lend")
    assert code == 0
    assert "Taken back." in out and "Nothing to take back yet." in out
    assert "choice 9 is not on offer; pick 1 to 3" in out
    assert "Sorry, I didn't follow that." in out
    assert "IF ANYONE IS IN DANGER NOW: call 911." in out and "(Other regions: type h and one of US, UK" in out
    assert "Starting again from the top." in out
    assert "THE END: A hard ending" in out


@pytest.mark.parametrize("typed", ["", "y\n", "y\nn\n", "y\nn\n1\n", "y\nn\n1\nq\n"])
def test_the_end_of_input_or_q_leaves_cleanly(monkeypatch, capsys, typed):
    code, out = run(monkeypatch, capsys, typed, "lend")
    assert code == 0


def test_next_time_it_offers_to_carry_on_where_you_stopped(monkeypatch, capsys):
    run(monkeypatch, capsys, "y\nn\n3\nq\n", "lend")
    code, out = run(monkeypatch, capsys, "y\nn\ny\n1\n", "lend")
    assert code == 0
    assert "Last time you stopped after 1 step. Carry on from there?" in out
    assert "THE END: A good ending" in out
    assert saved_steps() == [("the-call", 2, None), ("angry", 0, None)]


def test_own_words_first_are_asked_and_kept(monkeypatch, capsys):
    store = Store.open()
    profile = store.create_profile("", "")
    store.set_setting(profile.id, "own_words", "on")
    store.close()
    code, out = run(monkeypatch, capsys, "y\nn\nNo cash tonight\n2\n", "lend")
    assert "In your own words first (or press Enter to skip):" in out
    assert "You wrote: No cash tonight" in out
    assert saved_steps() == [("the-call", 1, "No cash tonight")]


def test_hostile_content_prints_as_plain_text(monkeypatch, capsys, tmp_path):
    library = write_library(tmp_path / "hostile")
    code, out = run(monkeypatch, capsys, "y\ny\n", "hostile", library=library)  # the danger check: help
    code, out2 = run(monkeypatch, capsys, "y\nn\n1\n1\n", "hostile", library=library)
    assert code == 0
    for text in (out, out2):
        assert not {c for c in text if c in FORBIDDEN}
    for marker in MARKUP:
        assert marker in out2
    assert "Who: Persona [bold red]RED[/]" in out2.replace("\n", " ")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def opened(monkeypatch):
    """Runs of the app, faked: which scenario each would open, in which library."""
    from bot.ui.app import RehearseApp

    runs = []
    monkeypatch.setattr(RehearseApp, "run", lambda app: runs.append((app.start_scenario, app.library)))
    return runs


def test_play_in_a_terminal_opens_the_app_at_the_briefing(monkeypatch, opened):
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(sys, "stdout", Terminal())
    assert main(["--content", str(TEST_LIBRARY), "play", "lend"]) == 0
    assert [scenario for scenario, _ in opened] == ["lend"]
    assert "lend" in opened[0][1].scenarios
    assert sys.stdout.getvalue() == ""  # nothing printed as plain text


def test_play_by_path_in_a_terminal_opens_the_app_in_that_library(monkeypatch, opened):
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(sys, "stdout", Terminal())
    assert main(["play", str(TEST_LIBRARY / "scenarios" / "money" / "loop.md")]) == 0
    assert [scenario for scenario, _ in opened] == ["loop"]


@pytest.mark.parametrize("extra", [["--plain"], ["--script", "1"]])
def test_plain_and_script_never_open_the_app(monkeypatch, capsys, opened, extra):
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["--content", str(TEST_LIBRARY), "play", "lend", *extra]) == 0
    assert opened == [] and capsys.readouterr().out


def test_play_falls_back_to_plain_when_output_is_not_a_terminal(monkeypatch, capsys, opened):
    monkeypatch.setattr(sys, "stdin", Terminal("\nn\n"))  # a person typing, output piped to a file
    assert main(["--content", str(TEST_LIBRARY), "play", "lend"]) == 0
    assert opened == [] and "TWENTY DOLLARS" in capsys.readouterr().out


def test_the_first_run_asks_the_region_for_help_lines(monkeypatch, capsys):
    code, out = run(monkeypatch, capsys, "n\n", "lend", region="99\n2")  # a region not listed, then the second
    assert "Where do you live? We use this to show the right help lines." in out
    assert "Help lines for United Kingdom." in out
    assert has_profile()
    code, out = run(monkeypatch, capsys, "n\n", "lend")
    assert "Where do you live?" not in out  # asked once


def test_press_f1_in_content_reads_as_type_h(monkeypatch, capsys):
    code, out = run(monkeypatch, capsys, "y\n1\n", "late")
    flat = " ".join(out.split())
    assert "Type h for help lines." in flat and "F1" not in out
    assert flat.count("Type h for help lines.") == 1  # not said twice after the safety note


@pytest.mark.parametrize("text, plain_text", [
    ("Press F1 for help lines.", "Type h for help lines."),
    ("in danger right now, press F1 for help lines.", "in danger right now, type h for help lines."),
    ("A domestic-abuse line (F1) can help", "A domestic-abuse line (type h) can help"),
    ("the help screen (F1)", "the help screen (type h)"),
    ("F10 stays", "F10 stays"),
])
def test_f1_wording(text, plain_text):
    from bot.plain import for_plain_mode

    assert for_plain_mode(text) == plain_text


def test_a_number_typed_at_the_own_words_prompt_is_a_choice(monkeypatch, capsys):
    run(monkeypatch, capsys, "n\n", "lend")  # first run: the region, then skip
    store = Store.open()
    store.set_setting(store.profile().id, "own_words", "on")
    store.close()
    code, out = run(monkeypatch, capsys, "y\nn\n1\n\n1\n", "lend")
    assert "THE END: A good ending" in out
    assert saved_steps() == [("the-call", 0, None), ("sponsor", 0, None)]


def test_an_empty_saved_play_is_not_offered_as_stopped_after_0_steps(monkeypatch, capsys):
    run(monkeypatch, capsys, "y\nn\nq\n", "lend")  # started, then quit before any choice
    code, out = run(monkeypatch, capsys, "y\nn\n1\n1\n", "lend")
    assert "after 0 steps" not in out and "Carry on from there?" not in out
    assert "THE END: A good ending" in out


def test_the_end_offers_to_try_again(monkeypatch, capsys):
    code, out = run(monkeypatch, capsys, "y\nn\n1\n1\ny\n2\nn\n", "lend")
    assert code == 0
    assert "Try again from the top? (y/n)" in out
    assert out.count("THE END:") == 2 and "THE END: A hard ending" in out


def own_words_on() -> None:
    store = Store.open()
    profile = store.profile() or store.create_profile("", "")
    store.set_setting(profile.id, "own_words", "on")
    store.close()


FEELING = "I feel scared when you ask me for money"  # an I-statement (tests/learning/test_own_words.py checks)


def test_own_words_are_read_back_before_the_options(monkeypatch, capsys):
    from bot.words import read

    own_words_on()
    code, out = run(monkeypatch, capsys, f"y\nn\n{FEELING}\n1\n", "lend")
    assert code == 0
    reading = read(FEELING)
    flat = " ".join(out.split())
    panel = flat.index("What your words do:")
    assert panel < flat.index(f"What helped: {' '.join(reading.helps[0].says.split())}")
    assert flat.index(f"What helped: {' '.join(reading.helps[0].says.split())}") < flat.index(
        "1. What does your sponsor say?")  # before the options
    if reading.try_next:
        assert f"One thing to try: {' '.join(reading.try_next.split())}" in flat
    assert saved_steps()[0] == ("the-call", 0, FEELING)


def test_words_that_touch_a_danger_put_safety_first_and_praise_nothing(monkeypatch, capsys):
    own_words_on()
    words = "I feel scared. Methadone is just swapping one drug for another, junkie"
    code, out = run(monkeypatch, capsys, f"y\nn\n{words}\n1\n", "lend")
    flat = " ".join(out.split())
    assert code == 0
    assert flat.index("What your words do: Safety first: Methadone, buprenorphine") < flat.index(
        "May backfire: 'Junkie' is a label") < flat.index("1. What does your sponsor say?")
    assert "What helped" not in flat and "One thing to try" not in flat


def test_the_closest_option_is_marked_not_chosen(monkeypatch, capsys):
    from bot.words import closest

    own_words_on()
    words = "What does your sponsor say about it"
    labels = ["What does your sponsor say?", "Sure, I'll send it now.", "You're using again, aren't you?"]
    assert closest(words, labels) == 1
    code, out = run(monkeypatch, capsys, f"y\nn\n{words}\n2\n", "lend")
    assert "Closest to what you said: 1. The choice is yours." in out
    assert out.index("  3. You're using again") < out.index("Closest to what you said") < out.index("Your choice")
    assert "You: Sure, I'll send it now." in out
    assert saved_steps() == [("the-call", 1, words)]  # the learner's pick, not the closest


def test_words_with_nothing_to_flag_say_so_and_enter_alone_shows_no_panel(monkeypatch, capsys):
    from bot.words import read

    own_words_on()
    words = "hmm ok"
    assert not read(words).notes
    code, out = run(monkeypatch, capsys, f"y\nn\n{words}\n2\n", "lend")
    assert "What your words do: nothing stood out either way." in out
    code, out = run(monkeypatch, capsys, "y\nn\n\n2\n", "lend")
    assert "What your words do" not in out and "Closest to what you said" not in out


def test_the_plain_debrief_shows_what_each_steps_words_did(monkeypatch, capsys):
    from bot.words import read

    own_words_on()
    code, out = run(monkeypatch, capsys, f"y\nn\n{FEELING}\n1\n\n1\n", "lend")
    debrief = " ".join(out.split("THE END")[1].split())
    assert f"You wrote: {FEELING}" in debrief
    assert f"What helped: {' '.join(read(FEELING).helps[0].says.split())}" in debrief
    assert "One thing to try" not in debrief


def test_typed_words_in_plain_mode_are_text(monkeypatch, capsys):
    own_words_on()
    code, out = run(monkeypatch, capsys, "y\nn\n[bold]I feel\x1b[31m scared[/]\n2\n", "lend")
    assert code == 0 and "\x1b" not in out and "[bold]I feel" in out


@pytest.mark.parametrize("words", ["u never listen to me", "Help me understand what happened", "r u ok?"])
def test_a_sentence_starting_with_a_command_letter_is_own_words(monkeypatch, capsys, words):
    own_words_on()
    code, out = run(monkeypatch, capsys, f"y\nn\n{words}\n1\n", "lend")
    assert "Taken back" not in out and "Nothing to take back" not in out and "Starting again" not in out
    assert "What your words do" in out
    assert saved_steps() == [("the-call", 0, words)]


def test_commands_typed_at_the_own_words_prompt_still_work(monkeypatch, capsys):
    own_words_on()
    code, out = run(monkeypatch, capsys, "y\nn\nh US\nu\n2\n", "lend")
    assert "IF ANYONE IS IN DANGER NOW: call 911." in out and "Nothing to take back yet." in out
    assert "What your words do" not in out
    assert saved_steps() == [("the-call", 1, None)]


def test_skills_against_the_best_before_read_as_in_the_app(monkeypatch, capsys):
    run(monkeypatch, capsys, "y\nn\n2\n", "lend")  # enabling +1
    code, out = run(monkeypatch, capsys, "y\nn\n1\n1\n", "lend")  # enabling 0, boundaries +2
    assert code == 0
    out = " ".join(out.split())  # long lines wrap at the terminal's width
    assert "Enabling: 0 (lower is better; a new best: lower than your +1 before)" in out
    assert "Holding boundaries: +2 (higher is better; a new best: higher than your 0 before)" in out
    code, out = run(monkeypatch, capsys, "y\nn\n1\n1\n", "lend")
    assert "Holding boundaries: +2 (higher is better; your previous best +2)" in " ".join(out.split())


OWN_RULES = """\
words:
  feeling: [scared, worried]
habits:
  i-statement:
    kind: helps
    name: I-statements
    says: Your library's own words about feelings.
    try: Say how it is for you.
    patterns:
      - "i feel <feeling>"
"""


def test_own_words_are_read_with_the_librarys_own_rules(monkeypatch, capsys, tmp_path):
    library = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, library)
    (library / "words").mkdir()
    (library / "words" / "en.yaml").write_text(OWN_RULES, encoding="utf-8")
    own_words_on()
    code, out = run(monkeypatch, capsys, f"y\nn\n{FEELING}\n1\n\n1\n", "lend", library=library)
    flat = " ".join(out.split())
    assert code == 0
    before, debrief = flat.split("THE END")
    assert "What helped: Your library's own words about feelings." in before
    assert "What helped: Your library's own words about feelings." in debrief
