"""The "What would you say?" round without a server or screen: phones send
a few lines each, cleaned and read for habits, with no trace of who sent
them; only the lines the facilitator shows outlive the round, into the
record."""

import re
from datetime import datetime

import pytest

from bot.words import read
from bot.workshop import phases
from bot.workshop.export import markdown
from bot.workshop.votes import VoteRefused
from bot.workshop.words_round import LINE_LIMIT, LINES_PER_PHONE


def refused(reason: str, call, *args):
    with pytest.raises(VoteRefused) as err:
        call(*args)
    assert err.value.reason == reason


def at_scene(make_run):
    run = make_run(with_plan=False)
    run.next()  # the briefing, then the scene
    assert run.phase == phases.SCENE
    return run


def test_a_round_opens_only_at_a_step_before_its_vote(make_run, room):
    run = make_run()
    assert run.phase == phases.OPENING and not run.open_words() and room.words is None
    run.next()
    assert run.phase == phases.BRIEFING and not run.open_words()
    run.next()
    assert run.phase == phases.SCENE and run.open_words() and room.words is not None
    run.close_words()
    run.open_vote()
    assert not run.open_words() and room.words is None


def test_lines_are_cleaned_read_for_habits_and_keep_no_sender(make_run, room):
    run = at_scene(make_run)
    run.open_words()
    ann = room.join("Ann").id
    line = room.say(ann, room.words.id, "  I feel scared\x1b\u202e when\nyou come\x00 home late  ")
    assert line.text == "I feel scared when you come home late"
    assert line.reading == read(line.text)  # the analyser reads the cleaned line
    view = room.words.private_view()
    assert [h["code"] for h in view["lines"][0]["helps"]] == [n.code for n in line.reading.helps]
    assert view["lines"][0]["shown"] is False
    assert ann not in repr(room.words.lines) and "Ann" not in repr(view)
    public = room.public_state()
    assert public["words"] == {"round": room.words.id, "sent": 1, "limit": LINES_PER_PHONE}
    assert "scared" not in repr(public)  # the phones never get a line


def test_each_phone_sends_a_few_lines_of_at_most_a_thousand_characters(make_run, room):
    run = at_scene(make_run)
    run.open_words()
    ann, ben = room.join().id, room.join().id
    round_id = room.words.id
    refused("too-long", room.say, ann, round_id, "x" * (LINE_LIMIT + 1))
    refused("empty", room.say, ann, round_id, " \x00\x1b\u202e\n ")
    refused("bad-text", room.say, ann, round_id, ["a list"])
    refused("wrong-round", room.say, ann, round_id + 1, "hello")
    refused("not-joined", room.say, "stranger", round_id, "hello")
    for n in range(LINES_PER_PHONE):
        room.say(ann, round_id, "x" * LINE_LIMIT if n == 0 else f"line {n}")
    refused("enough", room.say, ann, round_id, "one more")
    room.say(ben, round_id, "my own")
    assert len(room.words.lines) == LINES_PER_PHONE + 1
    assert room.said_by(ann) == LINES_PER_PHONE and room.said_by(ben) == 1


def test_only_the_lines_on_the_screen_at_the_close_are_kept(make_run, room, library):
    run = at_scene(make_run)
    run.open_words()
    phone = room.join().id
    for text in ("What happened tonight?", "You junkie <img src=http://evil.example/x>", "[link](http://x) *bold*"):
        room.say(phone, room.words.id, text)
    round_id = room.words.id
    room.show_line(round_id, 2, True)
    room.show_line(round_id, 3, True)
    room.show_line(round_id, 1, True)
    room.show_line(round_id, 1, False)  # hidden again
    refused("unknown-line", room.show_line, round_id, 4, True)
    refused("unknown-line", room.show_line, round_id, True, True)
    assert [line.id for line in room.words.shown] == [2, 3]
    during = markdown(run, 1, datetime(2026, 1, 1))
    assert "junkie" in during  # saved mid-round: what is on the screen now
    run.next()  # Next closes the round before anything else
    assert room.words is None and run.phase == phases.SCENE
    assert [s.text for s in run.shared] == ["You junkie <img src=http://evil.example/x>", "[link](http://x) *bold*"]
    assert run.shared[0].number == 1 and run.shared[0].node_title == "Door"
    assert run.shared[0].codes == read(run.shared[0].text).codes
    record = markdown(run, 1, datetime(2026, 1, 1))
    assert "What happened tonight?" not in record
    assert "You junkie \\<img src=http://evil.example/x\\>" in record
    assert re.search(r"(?<!\\)[<\[*]", record.split("own words")[1]) is None  # no tag, link or emphasis of its own
    assert "\\[link\\](http://x) \\*bold\\*" in record
    assert "with no names; the others were not kept" in record


def test_moving_on_closes_the_round_and_keeps_its_step(make_run, room):
    run = at_scene(make_run)
    run.open_words()
    room.say(room.join().id, room.words.id, "I will not give you money.")
    room.show_line(room.words.id, 1, True)
    assert run.pick(1)
    assert room.words is None and [(s.number, s.text) for s in run.shared] == [(1, "I will not give you money.")]
    run.open_words()
    run.open_vote()  # opening the vote closes the round too
    assert room.words is None and run.phase == phases.VOTING and len(run.shared) == 1
