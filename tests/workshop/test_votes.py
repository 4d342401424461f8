"""The vote logic on its own: one ballot per participant, changeable until
the vote closes, replays and strangers refused, the tally hidden while the
vote is open, and the tie rule with its reason."""

import pytest

from bot.workshop.room import Room, RoomFull
from bot.workshop.votes import Round, VoteRefused, decide


def test_most_votes_wins_and_says_why():
    decision = decide((1, 4, 2))
    assert decision.choice == 2 and decision.tied == ()
    assert decision.reason == "Option 2 has the most votes."
    assert decision.voters == 7


def test_tie_rule_takes_the_first_listed_of_the_tied_and_explains():
    decision = decide((3, 1, 3))
    assert decision.choice == 1 and decision.tied == (1, 3)
    assert "Tie: options 1 and 3 have 3 votes each" in decision.reason
    assert "listed first" in decision.reason and "facilitator" in decision.reason
    assert decide((2, 2, 2)).tied == (1, 2, 3)
    assert "options 1, 2 and 3" in decide((2, 2, 2)).reason


def test_no_votes_leaves_the_choice_to_the_facilitator():
    decision = decide((0, 0))
    assert decision.choice is None and "facilitator picks" in decision.reason


def test_one_ballot_each_changeable_until_close():
    vote = Round(1, 3)
    assert vote.vote("a", 1, 1, now=0)
    assert vote.vote("b", 2, 1, now=0)
    assert vote.vote("a", 3, 2, now=0)  # a changes their mind
    assert not vote.vote("a", 3, 3, now=0)  # the same again changes nothing
    assert vote.counts() == (0, 1, 1) and vote.voters == 2
    decision = vote.close()
    with pytest.raises(VoteRefused) as refused:
        vote.vote("a", 1, 4, now=0)
    assert refused.value.reason == "closed"
    assert vote.counts() == decision.counts == (0, 1, 1)


@pytest.mark.parametrize("option", [0, 4, -1, "1", 1.0, True, None, [1]])
def test_unknown_options_are_refused(option):
    vote = Round(1, 3)
    with pytest.raises(VoteRefused) as refused:
        vote.vote("a", option, 1, now=0)
    assert refused.value.reason == "unknown-option"
    assert vote.counts() == (0, 0, 0)


def test_replayed_and_bad_sequence_numbers_are_refused():
    vote = Round(1, 2)
    vote.vote("a", 1, 5, now=0)
    for seq, reason in ((5, "replayed"), (4, "replayed"), (0, "bad-seq"), ("6", "bad-seq"), (True, "bad-seq")):
        with pytest.raises(VoteRefused) as refused:
            vote.vote("a", 2, seq, now=0)
        assert refused.value.reason == reason
    assert vote.counts() == (1, 0)


def test_a_countdown_closes_the_vote_at_its_deadline():
    vote = Round(1, 2, closes_at=10.0)
    assert vote.vote("a", 1, 1, now=9.9)
    with pytest.raises(VoteRefused):
        vote.vote("b", 1, 1, now=10.0)
    assert vote.counts() == (1, 0)


def test_room_hides_the_tally_until_the_vote_closes(room, clock):
    people = [room.join() for _ in range(3)]
    room.show({"kind": "scene", "options": ["a", "b"]})
    vote = room.open_vote(2)
    for n, person in enumerate(people):
        room.vote(person.id, vote.id, 1 + (n == 2), 1)
    state = room.public_state()
    assert state["vote"] == {"round": vote.id, "open": True, "voters": 3, "options": 2}
    room.close_vote()
    state = room.public_state()
    assert state["vote"]["counts"] == [2, 1] and state["vote"]["choice"] == 1 and not state["vote"]["open"]


def test_room_never_shows_nicknames_or_ballots(room):
    person = room.join("NICKNAME-X")
    vote = room.open_vote(2)
    room.vote(person.id, vote.id, 2, 1)
    room.close_vote()
    text = repr(room.public_state())
    assert "NICKNAME-X" not in text and person.id not in text


def test_room_refuses_strangers_old_rounds_and_a_full_room(clock):
    room = Room(cap=2, clock=clock)
    a, _ = room.join(), room.join()
    with pytest.raises(RoomFull):
        room.join()
    first = room.open_vote(2)
    second = room.open_vote(3)
    for who, round_id, reason in (("stranger", second.id, "not-joined"), (a.id, first.id, "wrong-round")):
        with pytest.raises(VoteRefused) as refused:
            room.vote(who, round_id, 1, 1)
        assert refused.value.reason == reason
    assert second.counts() == (0, 0, 0) and first.counts() == (0, 0)


def test_room_countdown_expires_by_the_clock(room, clock):
    person = room.join()
    vote = room.open_vote(2, seconds=30)
    assert room.public_state()["vote"]["closes_in"] == 30.0
    clock.now += 29
    room.vote(person.id, vote.id, 1, 1)
    assert not room.expired()
    clock.now += 2
    assert room.expired()
    with pytest.raises(VoteRefused):
        room.vote(person.id, vote.id, 2, 2)
    assert room.close_vote().counts == (1, 0)


def test_nicknames_are_cleaned_and_short(room):
    person = room.join("\x1b[31mAnn\u202e" + "x" * 100)
    assert "\x1b" not in person.nickname and "\u202e" not in person.nickname
    assert "Ann" in person.nickname and len(person.nickname) <= 24
