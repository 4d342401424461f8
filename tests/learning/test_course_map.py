"""The course map: what each module teaches, how far the learner has come,
the one next step, and when a module or the course is complete."""

from bot.learning import profiles
from bot.learning.course_map import course_map

from .playing import CARDS_ALL_RIGHT, CARDS_ALL_WRONG, play


def test_a_new_learner_starts_with_the_first_scenario(store, library):
    me = profiles.create(store, "Ann", "UK")
    course = course_map(store, library, me.id)
    assert [m.module.title for m in course.modules] == ["Facts first", "Hard talks", "Later"]
    facts = course.modules[0]
    assert facts.module.summary == "What is true and what is a myth."
    assert facts.skills == ("Staying calm", "Enabling")
    assert (facts.tried_count, facts.completed_count, facts.endings_total) == (0, 0, 2)
    module, scenario = course.next_step
    assert (module.module.id, scenario.scenario.id) == ("facts", "cards")
    assert course.playable == course.modules[:2]  # "Later" has no scenarios yet
    assert not course.complete


def test_only_a_good_ending_completes_a_scenario(store, library):
    me = profiles.create(store, "Ann", "UK")
    play(store, library, me.id, "cards", CARDS_ALL_WRONG)  # a setback
    course = course_map(store, library, me.id)
    cards = course.modules[0].scenarios[0]
    assert (cards.plays, cards.endings_found, cards.completed) == (1, 1, False)
    assert course.next_step[1].scenario.id == "cards"

    play(store, library, me.id, "cards", CARDS_ALL_RIGHT)
    course = course_map(store, library, me.id)
    assert course.modules[0].complete
    assert course.modules[0].endings_found == 2
    assert course.next_step[1].scenario.id == "money"
    assert course.module_of("money").module.id == "talks"


def test_the_next_step_skips_what_is_done_and_the_course_completes(store, library):
    me = profiles.create(store, "Ann", "UK")
    play(store, library, me.id, "late", [1])  # done out of order
    assert course_map(store, library, me.id).next_step[1].scenario.id == "cards"
    play(store, library, me.id, "cards", CARDS_ALL_RIGHT)
    assert course_map(store, library, me.id).next_step[1].scenario.id == "money"
    play(store, library, me.id, "money", [1, 1])
    course = course_map(store, library, me.id)
    assert course.next_step is None and course.complete


def test_progress_belongs_to_its_profile(store, library):
    ann = profiles.create(store, "Ann", "UK")
    bob = profiles.create(store, "Bob", "UK")
    play(store, library, ann.id, "cards", CARDS_ALL_RIGHT)
    assert course_map(store, library, ann.id).modules[0].complete
    assert course_map(store, library, bob.id).modules[0].tried_count == 0


def test_play_counts_follow_every_new_and_deleted_play_through(store, library):
    ann = profiles.create(store, "Ann", "UK")
    tracked = play(store, library, ann.id, "money", [1])
    tracked.restart()  # a new play-through; the old one stays in the history
    play(store, library, ann.id, "late", [1])
    counted = {s.scenario.id: s.plays for m in course_map(store, library, ann.id).modules for s in m.scenarios}
    assert counted == {"cards": 0, "money": 2, "late": 1}
    assert counted["money"] == store.progress(ann.id)["money"].plays
    with store.transaction() as db:
        db.execute("DELETE FROM playthroughs WHERE id = ?", (tracked.playthrough_id,))
    assert course_map(store, library, ann.id).module_of("money").scenarios[0].plays == 1
