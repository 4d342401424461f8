"""A workshop as the facilitator runs it, without a screen: the agenda,
the phases of a step, the room's choice or the facilitator's, undo, the
debrief, and what the phones may see (never a facilitator note)."""

import json

from bot.workshop import phases
from bot.workshop.notes import facilitator_view


def vote(room, choices):
    """Everyone in `choices` votes (one participant per entry)."""
    for option in choices:
        person = room.join()
        room.vote(person.id, room.round.id, option, 1)


def test_the_agenda_runs_from_opening_to_closing(make_run, room):
    run = make_run()
    assert run.phase == phases.OPENING and room.slide["title"] == "Opening question"
    run.next()
    assert run.phase == phases.BRIEFING and run.scenario.id == "door"
    run.next()
    assert run.phase == phases.SCENE and run.session.state == "door"
    run.next()
    assert run.phase == phases.DISCUSS and "small ask" in room.slide["text"]
    run.next()
    assert run.phase == phases.VOTING and room.round.options == 3
    vote(room, [1, 1, 2])
    run.next()
    assert run.phase == phases.TALLY and run.decision.choice == 1
    run.next()  # the room's choice
    assert run.session.state == "sponsor" and run.phase == phases.SCENE
    run.next()
    vote(room, [1])
    run.next()
    run.next()
    assert run.phase == phases.ENDING and run.session.ending == "ride"
    run.next()
    assert run.phase == phases.DEBRIEF and run.results[0].outcome == "success"
    run.next()
    assert run.phase == phases.BRIEFING and run.scenario.id == "phone"
    run.skip_scenario()
    assert run.phase == phases.CLOSING and room.slide["text"] == "What will you say next time?"
    run.next()
    assert run.phase == phases.DONE


def test_the_facilitator_can_override_and_it_is_recorded(make_run, room):
    run = make_run(with_plan=False)
    run.next()  # briefing -> scene
    run.next()  # scene -> discuss
    run.open_vote()
    vote(room, [3, 3, 1])
    run.close_vote()
    assert run.decision.choice == 3
    assert run.pick(2)
    record = run.records[-1]
    assert (record.counts, record.room_choice, record.chosen, record.overridden) == ((1, 0, 2), 3, 2, True)
    assert run.phase == phases.ENDING and run.session.ending == "gave"


def test_a_tie_goes_ahead_by_the_rule_and_a_revote_is_fresh(make_run, room):
    run = make_run(with_plan=False)
    run.next()
    run.open_vote()
    vote(room, [1, 2])
    run.close_vote()
    assert run.decision.tied == (1, 2) and run.decision.choice == 1
    first_round = room.round.id
    run.revote()
    assert run.phase == phases.VOTING and room.round.id != first_round and room.round.voters == 0


def test_no_vote_means_the_facilitator_picks(make_run, room):
    run = make_run(with_plan=False)
    run.next()
    run.open_vote()
    run.close_vote()
    run.next()  # nothing to go ahead with
    assert run.phase == phases.TALLY
    assert not run.pick(9)
    assert run.pick(1) and run.records[-1].room_choice is None


def test_picking_without_a_vote_and_undo(make_run, room):
    run = make_run(with_plan=False)
    run.next()
    assert run.pick(1)
    assert run.records[-1].counts is None and run.session.state == "sponsor"
    assert run.undo()
    assert run.session.state == "door" and run.records == [] and run.phase == phases.SCENE
    assert not run.undo()


def test_an_expired_countdown_closes_the_vote(make_run, room, clock):
    run = make_run()
    run.next(), run.next(), run.next(), run.next()
    assert run.phase == phases.VOTING and room.round.closes_at is None  # no countdown unless asked for
    run.countdown(20)
    assert room.round.closes_at == clock.now + 20
    vote(room, [2])
    clock.now += 21
    run.sync()
    assert run.phase == phases.TALLY and run.decision.counts == (0, 1, 0)


def test_phones_never_see_facilitator_notes(make_run, room):
    run = make_run()
    seen = []
    room.subscribe(lambda: seen.append(json.dumps(room.public_state())))
    while run.phase != phases.DONE:
        if run.phase == phases.VOTING:
            vote(room, [1])
        run.next()
    text = "\n".join(seen)
    assert "SECRET" not in text and "PLAN-NOTE" not in text
    assert "small ask" in text  # the discussion prompt is for everyone


def test_facilitator_notes_follow_the_room(make_run):
    run = make_run()
    view = facilitator_view(run)
    assert view["now"] == [] and any("PLAN-NOTE" in n for n in view["plan"])
    run.next()
    assert ["BRIEFING-SECRET" in n for n in facilitator_view(run)["now"]] == [True]
    run.next()
    assert ["FACILITATOR-SECRET" in n for n in facilitator_view(run)["now"]] == [True]
    assert any("PLAN-NOTE" in n for n in facilitator_view(run)["plan"])  # the plan's notes stay at hand
    assert all("SECRET" not in str(b) for b in run.visible_blocks())
