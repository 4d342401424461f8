"""What the learner's own typed words do, put into words for the debrief,
plain mode, skills over time, the report and the card. The reading itself
is bot.words's (local rules, no network); here it is counted across recent
replies and worded kindly. Typed words never leave the profile unless the
learner asks for them in a report or on a card."""

from dataclasses import dataclass

from ..i18n import N_, _, language, ngettext
from ..progress.store import Store
from ..words import HABITS, Reading, habit_label, read

RECENT_REPLIES = 10  # typed replies counted for skills over time
HELPED, BACKFIRE, TRY = N_("What helped"), N_("May backfire"), N_("One thing to try")  # shown with _()
SAFETY = N_("Safety first")


def what_words_do(reading: Reading, with_try: bool = True) -> list[tuple[str, str]]:
    """The "What your words do" rows as (heading, words): what helped, what
    may backfire, and (unless left out) one thing to try; where the words
    touch a danger, what keeps people safe first (always shown), then only
    what may backfire, where the group names it: nothing there is praised.
    The headings are the English keys (HELPED, BACKFIRE, TRY, SAFETY): show
    them with _()."""
    rows = [(SAFETY, reading.safety)] if reading.safety else []
    rows += [(HELPED, note.says) for note in reading.helps] + [(BACKFIRE, note.says) for note in reading.traps]
    if with_try and reading.try_next:
        rows.append((TRY, reading.try_next))
    return rows


def habits_in_short(reading: Reading) -> str:
    """The habits found, named briefly, for a line beside the words: "helped: I-statements;
    may backfire: Labels", after "Safety first" where the words touch a danger ("" when
    nothing was found)."""
    parts = [_(SAFETY)] if reading.safety else []
    for heading, notes in ((_("helped: {habits}"), reading.helps), (_("may backfire: {habits}"), reading.traps)):
        if notes:
            parts.append(heading.format(habits=", ".join(habit_label(note.code, language()) for note in notes)))
    return "; ".join(parts)


def typed_replies(count: int) -> str:
    """"1 typed reply", "3 typed replies"."""
    return ngettext("{count} typed reply", "{count} typed replies", count).format(count=count)


@dataclass(frozen=True)
class TypedReply:
    scenario: str
    text: str
    reading: Reading


@dataclass(frozen=True)
class HabitCount:
    code: str
    helps: bool
    count: int
    replies: int  # how many replies were read

    @property
    def line(self) -> str:
        """"I-statements in 7 of your last 10 replies"; a trap says fewer is kinder."""
        habit = habit_label(self.code, language())
        said = (_("{habit} in {count} of your last {replies} replies").format(habit=habit, count=self.count,
                                                                            replies=self.replies)
                if self.replies > 1 else _("{habit} in your one reply so far").format(habit=habit))
        return said if self.helps else _("{said} — fewer is kinder").format(said=said)


def recent_replies(store: Store, profile_id: int, limit: int = RECENT_REPLIES) -> list[TypedReply]:
    """The learner's latest typed replies across play-throughs, newest first.
    Trying again from a step copies the steps before it into the new
    play-through, stamped with its start; those words were typed only once,
    so the copies are not counted again."""
    rows = store.conn.execute(
        "SELECT p.scenario, s.own_words FROM steps s JOIN playthroughs p ON p.id = s.playthrough_id "
        "WHERE p.profile_id = ? AND trim(coalesce(s.own_words, '')) != '' AND s.at != p.started_at "
        "ORDER BY s.at DESC, p.id DESC, s.number DESC LIMIT ?", (profile_id, limit)).fetchall()
    return [TypedReply(scenario, text, read(text, language())) for scenario, text in rows]


def habit_counts(replies: list[TypedReply]) -> list[HabitCount]:
    """One count per habit found at least once (a habit never used is not
    a line: no score for what was never tried), helping habits first, each
    group in the rules file's order."""
    counts: dict[str, int] = {}
    helps: dict[str, bool] = {}
    for reply in replies:
        for note in reply.reading.notes:
            counts[note.code] = counts.get(note.code, 0) + 1
            helps[note.code] = note.kind == "helps"
    order = {code: number for number, code in enumerate(HABITS)}
    ordered = sorted(counts, key=lambda code: (not helps[code], order.get(code, len(order))))
    return [HabitCount(code, helps[code], counts[code], len(replies)) for code in ordered]
