"""A play session whose every step is saved as it happens, so a quit, a
closed terminal or a killed process resumes at the same step. The app,
plain mode and the crash test all play through this one class."""

from ..content.model import Choice
from ..engine.session import Session, StaleSession
from .store import Playthrough, Step, Store


class TrackedPlay:
    def __init__(self, store: Store, profile_id: int, session: Session, playthrough_id: int,
                 own_words: list[str | None]):
        self.store = store
        self.profile_id = profile_id
        self.session = session
        self.playthrough_id = playthrough_id
        self.own_words = own_words  # what the learner typed before each step, if anything

    @classmethod
    def start(cls, store: Store, profile_id: int, session: Session) -> "TrackedPlay":
        session.restart()
        playthrough_id = store.begin(profile_id, session.scenario.id, session.state, session.skill_scores())
        return cls(store, profile_id, session, playthrough_id, [])

    @classmethod
    def resume(cls, store: Store, profile_id: int, session: Session, saved: Playthrough) -> "TrackedPlay | None":
        """Replay the saved steps; None (and the old play-through left) when the
        scenario has changed so much that they no longer fit."""
        steps = store.steps(saved.id)
        try:
            session.restore({"steps": [[s.node, s.choice] for s in steps], "node": saved.node})
        except StaleSession:
            store.leave(saved.id)
            return None
        return cls(store, profile_id, session, saved.id, [s.own_words for s in steps])

    @property
    def scenario_id(self) -> str:
        return self.session.scenario.id

    def choose(self, number: int, own_words: str | None = None) -> Choice:
        """Make the choice and save it in one transaction."""
        node_id = self.session.state
        choice = self.session.choose(number)
        index = self.session.steps[-1][1]
        step = Step(len(self.session.steps), node_id, index, self.session.state, own_words or None)
        try:
            self.store.record_step(self.playthrough_id, step, self.session.skill_scores(),
                                   self.session.ending, self.session.outcome)
        except BaseException:
            self.session.undo()
            raise
        self.own_words.append(step.own_words)
        return choice

    def undo(self) -> bool:
        number = len(self.session.steps)
        if not self.session.undo():
            return False
        self.store.take_back(self.playthrough_id, number, self.session.state, self.session.skill_scores())
        self.own_words.pop()
        return True

    def restart(self) -> None:
        """Start again from the top; the old play-through stays in the history."""
        self.restart_from(1)

    def restart_from(self, number: int) -> None:
        """A new play-through that keeps the steps before step `number`."""
        kept = [Step(i, node, index, "", words) for i, ((node, index), words)
                in enumerate(zip(self.session.steps, self.own_words), 1) if i < number]
        self.store.leave(self.playthrough_id)
        self.session.restore({"steps": [[s.node, s.choice] for s in kept]})
        path = self.session.path
        kept = [Step(s.number, s.node, s.choice, path[s.number], s.own_words) for s in kept]
        self.playthrough_id = self.store.begin(self.profile_id, self.scenario_id, self.session.state,
                                               self.session.skill_scores(), kept)
        self.own_words = [s.own_words for s in kept]
