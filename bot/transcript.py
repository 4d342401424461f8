"""Replaying a session's steps on a scratch session, so the chat history,
the debrief and plain mode see each step exactly as it was: what was shown,
what was on offer, what was chosen and what it did to the skills."""

from dataclasses import dataclass

from .content.model import Choice, Node
from .engine.session import Session


@dataclass(frozen=True)
class Turn:
    number: int  # 1-based; the last turn is where the session is now
    node: Node
    blocks: tuple  # what was shown there (conditions applied)
    offered: tuple[Choice, ...]
    chosen: Choice | None  # None for the turn the session is on now
    own_words: str | None
    skills_before: dict
    skills_after: dict

    @property
    def changes(self) -> dict:
        before = self.skills_before
        return {k: v - before.get(k, 0) for k, v in self.skills_after.items() if v != before.get(k, 0)}


def replay(session: Session, own_words: list | None = None) -> list[Turn]:
    own_words = own_words or []
    scratch = Session(session.compiled)
    turns = []
    try:
        for number, (_, index) in enumerate(session.steps, 1):
            node, offered, before = scratch.node, tuple(scratch.offered()), scratch.skill_scores()
            blocks = tuple(scratch.shown_blocks())
            chosen = node.choices[index]
            scratch.choose(next(n for n, c in enumerate(offered, 1) if c is chosen))
            words = own_words[number - 1] if number <= len(own_words) else None
            turns.append(Turn(number, node, blocks, offered, chosen, words, before, scratch.skill_scores()))
        scores = scratch.skill_scores()
        turns.append(Turn(len(turns) + 1, scratch.node, tuple(scratch.shown_blocks()), tuple(scratch.offered()),
                          None, None, scores, scores))
    finally:
        scratch.close()
    return turns
