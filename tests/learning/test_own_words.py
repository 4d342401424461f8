"""The learner's own typed words: counted per habit for skills over time,
in the report and on the card only when the learner says so (escaped, as
text), kept in the profile, exported, and gone after `forget`."""

import json

import pytest

from bot.help import load
from bot.learning import profiles
from bot.learning.card import card_html, card_text, make_card
from bot.learning.export import export_data, forget_profile
from bot.learning.own_words import HabitCount, habit_counts, recent_replies, what_words_do
from bot.learning.report import build_report, to_html, to_markdown
from bot.locations import database_path
from bot.words import habit_label, read

from helpers import rehearse
from .playing import SMALL_COURSE, play

FEELING = "I feel scared when you ask me for money"  # an I-statement
LABEL = "You are a junkie"  # a label: a trap
FAMILY = "Alex's new flat is at 12 Larch Road, [bold]don't[/] tell Mum <b>"


def typed(store, library, profile_id, words: list[str | None], picks=(1, 1)):
    """A play-through of `money` with these words typed before each step."""
    tracked = play(store, library, profile_id, "money", [])
    for number, said in zip(picks, words):
        tracked.choose(number, said)
    return tracked


@pytest.fixture
def ann(store):
    return profiles.create(store, "Ann", "UK")


def test_the_example_words_read_as_the_tests_need():
    assert "i-statement" in read(FEELING).codes and not read(FEELING).traps
    assert "label" in read(LABEL).codes


def test_recent_replies_are_the_latest_typed_words_across_play_throughs(store, library, ann):
    typed(store, library, ann.id, [FEELING, None])
    typed(store, library, ann.id, ["  ", LABEL])
    other = profiles.create(store, "Bob", "UK")
    typed(store, library, other.id, ["Bob's words", None])
    replies = recent_replies(store, ann.id)
    assert [r.text for r in replies] == [LABEL, FEELING]  # newest first; blanks and other people left out
    assert replies[0].scenario == "money" and replies[0].reading.codes == read(LABEL).codes
    assert [r.text for r in recent_replies(store, ann.id, limit=1)] == [LABEL]


def test_trying_again_from_a_step_does_not_count_the_kept_words_twice(store, library, ann):
    tracked = typed(store, library, ann.id, [FEELING, LABEL])
    tracked.restart_from(2)  # step 1 and its words are copied into the new play-through
    assert [r.text for r in recent_replies(store, ann.id)] == [LABEL, FEELING]


def test_a_line_per_habit_counts_the_replies_it_was_in(store, library, ann):
    typed(store, library, ann.id, [FEELING, LABEL])
    typed(store, library, ann.id, [FEELING, "Okay then"])
    counts = habit_counts(recent_replies(store, ann.id))
    by_code = {c.code: c for c in counts}
    assert by_code["i-statement"].line == f"{habit_label('i-statement')} in 2 of your last 4 replies"
    assert by_code["label"].line == f"{habit_label('label')} in 1 of your last 4 replies — fewer is kinder"
    assert [c.helps for c in counts] == sorted((c.helps for c in counts), reverse=True)  # helping habits first


def test_one_reply_is_worded_as_one():
    assert HabitCount("i-statement", True, 1, 1).line == f"{habit_label('i-statement')} in your one reply so far"


def test_what_words_do_names_what_helped_what_may_backfire_and_one_thing_to_try():
    reading = read(f"{FEELING}. {LABEL}")
    rows = what_words_do(reading)
    assert ("What helped", reading.helps[0].says) in rows and ("May backfire", reading.traps[0].says) in rows
    assert rows.index(("What helped", reading.helps[0].says)) < rows.index(("May backfire", reading.traps[0].says))
    assert ("One thing to try", reading.try_next) in rows if reading.try_next else len(rows) == len(reading.notes)
    assert all(heading != "One thing to try" for heading, _ in what_words_do(reading, with_try=False))


def test_the_report_leaves_own_words_out_unless_asked(store, library, ann):
    typed(store, library, ann.id, [FAMILY, FEELING])
    for text in (to_markdown(build_report(store, library, ann)), to_html(build_report(store, library, ann))):
        assert "Larch Road" not in text and "In your own words" not in text and "I feel scared" not in text


def test_the_report_with_own_words_shows_the_habits_and_the_words_as_text(store, library, ann):
    typed(store, library, ann.id, [FAMILY, FEELING])
    report = build_report(store, library, ann, with_own_words=True)
    habit = f"{habit_label('i-statement')} in 1 of your last 2 replies"
    markdown = to_markdown(report)
    assert "## In your own words" in markdown and f"- {habit}" in markdown
    assert "The habits found in your last 2 typed replies, and what you typed." in markdown
    assert f"- “{FEELING}” (Twenty dollars; helped: {habit_label('i-statement')}" in markdown
    assert "\\[bold\\]don't\\[/\\] tell Mum \\<b\\>" in markdown and "<b>" not in markdown
    html = to_html(report)
    assert "<h2>In your own words</h2>" in html and f"<li>{habit}</li>" in html
    assert "[bold]don&#x27;t[/] tell Mum &lt;b&gt;" in html and "Mum <b>" not in html


def test_the_report_with_own_words_but_none_typed_says_so(store, library, ann):
    typed(store, library, ann.id, [None, None])
    assert "No typed replies yet." in to_markdown(build_report(store, library, ann, with_own_words=True))


def test_rehearse_report_includes_own_words_only_with_the_flag(store, library, ann):
    typed(store, library, ann.id, [FAMILY, None])
    store.close()
    plain = rehearse("report", "--content", str(SMALL_COURSE), "--output", "-")
    assert plain.returncode == 0, plain.stderr
    assert "Larch Road" not in plain.stdout and "In your own words" not in plain.stdout
    asked = rehearse("report", "--content", str(SMALL_COURSE), "--own-words", "--format", "html", "--output", "-")
    assert asked.returncode == 0, asked.stderr
    assert "<h2>In your own words</h2>" in asked.stdout and "Larch Road" in asked.stdout


def test_the_card_leaves_own_words_out_unless_asked(store, library, ann):
    tracked = typed(store, library, ann.id, [FAMILY, FEELING])
    region = load().region("UK")
    card = make_card(tracked.session, library, region, load())
    assert card.own_words == ()
    assert "Larch Road" not in card_text(card) and "Larch Road" not in card_html(card)
    card = make_card(tracked.session, library, region, load(), tracked.own_words)
    assert card.own_words == ((FAMILY, ""), (FEELING, f"helped: {habit_label('i-statement')}"))
    text = card_text(card)
    assert f"In your own words:\n  - {FAMILY}\n  - {FEELING} (helped: {habit_label('i-statement')})" in text
    html = card_html(card)
    assert "<h2>In your own words</h2>" in html and "tell Mum &lt;b&gt;" in html and "Mum <b>" not in html


def test_typed_words_are_exported_with_the_profile(store, library, ann):
    typed(store, library, ann.id, [FAMILY, FEELING])
    [exported] = export_data(store)["profiles"]
    assert [s["own_words"] for s in exported["steps"]] == [FAMILY, FEELING]
    assert FAMILY in json.dumps(exported, ensure_ascii=False)


def test_forget_deletes_typed_words_from_the_disk(store, library, ann):
    keep = profiles.create(store, "Bob", "UK")
    typed(store, library, keep.id, ["Bob's own words", None])
    typed(store, library, ann.id, [FAMILY, FEELING])
    forget_profile(store, ann, database_path())
    assert recent_replies(store, ann.id) == []
    assert [r.text for r in recent_replies(store, keep.id)] == ["Bob's own words"]
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in database_path().parent.glob(f"{database_path().name}*"):
        data = path.read_bytes()
        assert b"Larch Road" not in data and FEELING.encode() not in data, path.name
