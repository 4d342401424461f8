"""A workshop as it happens, without any screen: the agenda (opening
question, scenarios in order, closing question), the room's one session per
scenario, the phase of each step (scene, discussion, vote, tally), and a
record of every step for the debrief and the export. Each change is
published to the Room, which is all the phones ever see."""

from dataclasses import dataclass, field

from ..content.model import Note, Scenario, plain
from ..engine.catalog import Catalog
from ..engine.session import Session, StaleSession
from ..help import Region, emergency_call
from ..help import load as load_helplines
from ..i18n import _, language
from ..text import clean_line
from .languages import speaking
from .phases import BRIEFING, CLOSING, DEBRIEF, DISCUSS, DONE, ENDING, OPENING, SCENE, TALLY, VOTING
from .room import Room
from .slides import slide
from .votes import Decision


@dataclass(frozen=True)
class AgendaItem:
    scenario: str
    minutes: int | None = None


@dataclass(frozen=True)
class StepRecord:
    """One step the room took: what was on offer, how the room voted (None
    when no vote was taken), and what the facilitator went with."""

    part: int  # the agenda item (a scenario may come twice)
    scenario: str
    number: int
    node_id: str
    node_title: str
    options: tuple[str, ...]
    counts: tuple[int, ...] | None
    room_choice: int | None
    chosen: int
    reason: str
    tied: tuple[int, ...] = ()

    @property
    def overridden(self) -> bool:
        return self.room_choice is not None and self.chosen != self.room_choice


@dataclass(frozen=True)
class SharedLine:
    """A line from the room that the facilitator put on the screen: kept
    for the record with its step and habits, and nothing about its sender."""

    part: int
    scenario: str
    number: int
    node_title: str
    text: str
    codes: tuple[str, ...]


@dataclass
class ScenarioResult:
    scenario: Scenario
    ending: str | None = None
    outcome: str | None = None
    skills: dict = field(default_factory=dict)


class WorkshopRun:
    def __init__(self, catalog: Catalog, agenda: list[AgendaItem], room: Room, *, title: str = "",
                 opening: str = "", closing: str = "", notes: tuple = (), region: Region | None = None,
                 phone_catalogs: dict[str, Catalog] | None = None, phone_plans: dict | None = None):
        """`catalog` is the library in the workshop's language; `phone_catalogs`
        the same library in other languages, by code, for phones that read them;
        `phone_plans` the plan in those languages (its title and questions)."""
        self.catalog, self.agenda, self.room = catalog, agenda, room
        self.phone_catalogs, self.phone_plans = phone_catalogs or {}, phone_plans or {}
        self.region = region or load_helplines().region(None)
        self.title, self.opening, self.closing, self.notes = title, opening, closing, notes
        self.index = -1
        self.session: Session | None = None
        self.phase = OPENING if opening else BRIEFING
        self.discuss_at = 0
        self.feedback: Note | None = None  # the coach's word on the room's last choice
        self.records: list[StepRecord] = []
        self.shared: list[SharedLine] = []  # from closed "What would you say?" rounds
        self.results: dict[int, ScenarioResult] = {}  # by agenda item
        if not opening:
            self._begin_scenario(0)
        self._publish()

    # -- reading --------------------------------------------------------------
    @property
    def emergency(self) -> str:
        """Said under every safety callout, on the projector and the phones, in the language in use."""
        return emergency_call(self.region, language())

    @property
    def scenario(self) -> Scenario | None:
        return self.session.scenario if self.session else None

    def visible_blocks(self, session: Session | None = None) -> list:
        """What the room sees of this node: lines, narration and the coach,
        never a facilitator note or a discussion prompt (those have their own place).
        `session`: the same step in another language (default: the workshop's)."""
        session = session or self.session
        if session is None:
            return []
        return [b for b in session.shown_blocks() if not (isinstance(b, Note) and b.kind in
                                                           ("facilitator", "discuss"))]

    def notes_of_kind(self, kind: str, session: Session | None = None) -> list[Note]:
        session = session or self.session
        if session is None:
            return []
        if self.phase == BRIEFING:
            blocks = session.scenario.briefing
        else:
            blocks = session.shown_blocks()
        return [b for b in blocks if isinstance(b, Note) and b.kind == kind]

    def discussion_in(self, session: Session | None = None) -> Note | None:
        notes = self.notes_of_kind("discuss", session)
        return notes[self.discuss_at] if self.phase == DISCUSS and self.discuss_at < len(notes) else None

    @property
    def discussion(self) -> Note | None:
        return self.discussion_in()

    def options(self, session: Session | None = None) -> list[str]:
        session = session or self.session
        return [clean_line(plain(c.text)) for c in session.offered()] if session else []

    @property
    def decision(self) -> Decision | None:
        return self.room.decision

    @property
    def step_number(self) -> int:
        return len(self.session.steps) + 1 if self.session else 0

    def part_records(self, part: int | None = None) -> list[StepRecord]:
        part = self.index if part is None else part
        return [r for r in self.records if r.part == part]

    def shared_lines(self) -> list[SharedLine]:
        """For the record: the lines shared in closed rounds, and those on the screen in an open one."""
        return self.shared + self._sharing(self.room.words.shown if self.room.words else [])

    @property
    def can_open_words(self) -> bool:
        return self.session is not None and not self.session.ending and self.phase in (SCENE, DISCUSS)

    # -- moving on ----------------------------------------------------------------
    def next(self) -> None:
        """The one key a facilitator presses most: whatever comes next."""
        if self.room.words is not None:  # Next closes the round first, as it closes a vote
            self.close_words()
            return
        phase = self.phase
        if phase == OPENING:
            self._begin_scenario(0)
        elif phase == BRIEFING:
            self.phase = self._scene_phase()
        elif phase == SCENE:
            self._after_scene()
        elif phase == DISCUSS:
            self.discuss_at += 1
            if self.discussion is None:
                self.open_vote()
                return
        elif phase == VOTING:
            self.close_vote()
            return
        elif phase == TALLY:
            if self.decision is not None and self.decision.choice is not None:
                self.pick(self.decision.choice)
            return
        elif phase == ENDING:
            self._finish_scenario()
            self.phase = DEBRIEF
        elif phase == DEBRIEF:
            if self.index + 1 < len(self.agenda):
                self._begin_scenario(self.index + 1)
            else:
                self._end_session()
                self.phase = CLOSING if self.closing else DONE
        elif phase == CLOSING:
            self.phase = DONE
        self._publish()

    def _after_scene(self) -> None:
        if self.notes_of_kind("discuss"):
            self.phase, self.discuss_at = DISCUSS, 0
        else:
            self.open_vote()

    def open_vote(self) -> None:
        """Phones show the options; the projector shows only how many voted."""
        if self.session is None or self.session.ending or self.phase not in (SCENE, DISCUSS, TALLY, VOTING):
            return
        self.close_words()
        self.room.open_vote(len(self.session.offered()))
        self.phase = VOTING
        self._publish()

    def open_words(self) -> bool:
        """A "What would you say?" round at this step, before its vote;
        False when no step is waiting for one."""
        if not self.can_open_words:
            return False
        self.room.open_words()
        return True

    def close_words(self) -> None:
        """The lines on the screen go into the record; the rest are gone."""
        self.shared += self._sharing(self.room.close_words())

    def _sharing(self, lines) -> list[SharedLine]:
        node = self.session.node
        return [SharedLine(self.index, self.scenario.id, self.step_number, clean_line(node.title), line.text,
                           line.reading.codes) for line in lines]

    def close_vote(self) -> None:
        if self.phase == VOTING:
            self.room.close_vote()
            self.phase = TALLY
            self._publish()

    def countdown(self, seconds: float) -> None:
        if self.phase == VOTING:
            self.room.start_countdown(seconds)

    def sync(self) -> None:
        """Called on a timer: a countdown that ran out closes the vote."""
        if self.phase == VOTING and (self.room.expired() or (self.room.round and not self.room.round.is_open)):
            self.close_vote()

    def pick(self, number: int) -> bool:
        """Go on with option `number` (the room's choice or another); False
        when that option is not on offer or no step is on the screen."""
        if self.session is None or self.phase not in (SCENE, DISCUSS, VOTING, TALLY):
            return False
        offered = self.session.offered()
        if not 1 <= number <= len(offered):
            return False
        self.close_words()
        if self.phase == VOTING:
            self.room.close_vote()
        decision = self.decision if self.room.round is not None else None
        node = self.session.node
        record = StepRecord(self.index, self.scenario.id, self.step_number, node.id, clean_line(node.title), tuple(self.options()),
                            decision.counts if decision else None, decision.choice if decision else None, number,
                            decision.reason if decision else _("No vote was taken."), decision.tied if decision else ())
        self.records.append(record)
        choice = self.session.choose(number)
        self.feedback = choice.feedback
        self.room.clear_vote()
        self.phase = ENDING if self.session.ending else SCENE
        self._publish()
        return True

    def revote(self) -> None:
        if self.phase == TALLY:
            self.open_vote()

    def undo(self) -> bool:
        """Take back the room's last step in this scenario."""
        if self.session is None or self.phase not in (SCENE, DISCUSS, VOTING, TALLY, ENDING) \
                or not self.session.steps:
            return False
        self.close_words()
        self.session.undo()
        self.records.pop()
        steps = self.session.steps
        self.feedback = self.session.node.choices[steps[-1][1]].feedback if steps else None
        self.room.clear_vote()
        self.phase = SCENE
        self._publish()
        return True

    def skip_scenario(self) -> None:
        """Move on to the next part of the agenda without finishing this one."""
        if self.session is None or self.phase in (DEBRIEF, CLOSING, DONE):
            return
        self.close_words()
        self.room.clear_vote()
        self._finish_scenario()
        self.phase = DEBRIEF
        self.next()

    # -- inside ------------------------------------------------------------------
    def _begin_scenario(self, index: int) -> None:
        if self.session is not None:
            self.session.close()
        self.index = index
        self.session = self.catalog.session(self.agenda[index].scenario)
        self.feedback = None
        self.room.clear_vote()
        self.phase = BRIEFING

    def _scene_phase(self) -> str:
        return ENDING if self.session.ending else SCENE

    def _finish_scenario(self) -> None:
        session = self.session
        self.results[self.index] = ScenarioResult(session.scenario, session.ending, session.outcome,
                                                  session.skill_scores())

    def _end_session(self) -> None:
        if self.session is not None:
            self.session.close()
        self.session = None

    def _publish(self) -> None:
        translated = {lang: self._slide_in(lang, catalog) for lang, catalog in self.phone_catalogs.items()}
        self.room.show(slide(self), translated)

    def _slide_in(self, lang: str, catalog: Catalog) -> dict:
        """The slide for phones in `lang`: the same step replayed in that
        language's scenario (a translation keeps every node and choice)."""
        mirror = None
        if self.session is not None:
            mirror = catalog.session(self.scenario.id)
            try:
                mirror.restore(self.session.to_dict())
            except StaleSession:  # cannot happen for a sound translation; then the workshop's words serve
                mirror.close()
                mirror = None
        try:
            with speaking(lang):
                return slide(self, mirror, self.phone_plans.get(lang))
        finally:
            if mirror is not None:
                mirror.close()
