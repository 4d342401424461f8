"""A play-through as plain lines, one per paragraph: the briefing, then at
each step what was shown, what was on offer, what was chosen, its feedback
and what it did to the skills; then the ending and the scores. Approved
transcripts store these lines, so a diff of two renderings reads like the
scenario itself. Built on bot.transcript.replay, which the debrief uses too."""

from ..content.model import Line, Narration, Note, Scenario, plain
from ..engine.session import Session
from ..text import clean_line
from ..transcript import replay
from ..wording import signed

NOTE_LABELS = {"coach": "Coach", "discuss": "Discuss", "facilitator": "Facilitator", "safety": "Safety"}


def block_lines(block) -> list[str]:
    if isinstance(block, Line):
        return [f"{block.speaker}: {plain(block.text)}"]
    if isinstance(block, Narration):
        return [f"({plain(block.text)})"]
    return note_lines(block)


def note_lines(note: Note, indent: str = "") -> list[str]:
    label = NOTE_LABELS.get(note.kind, note.kind.title())
    lines = [f"{indent}{label}: {plain(p)}" for p in note.paragraphs]
    if note.citations:
        lines.append(f"{indent}  [source: {', '.join(map(str, note.citations))}]")
    return lines


def heading_lines(scenario: Scenario) -> list[str]:
    lines = [f"# {scenario.title} [{scenario.id}]"]
    for label, value in (("Who", scenario.persona), ("You play", scenario.learner), ("Where", scenario.setting)):
        if value:
            lines.append(f"{label}: {value}")
    for block in scenario.briefing:
        lines += block_lines(block)
    return lines


def play_lines(session: Session) -> list[str]:
    """Everything shown from the start to where the session is now."""
    lines = heading_lines(session.scenario)
    for turn in replay(session):
        lines.append(f"## {turn.node.title} [{turn.node.id}]")
        for block in turn.blocks:
            lines += block_lines(block)
        if turn.chosen is None:
            break
        lines.append("Offered:")
        lines += [f"  {n}. {plain(c.text)}" for n, c in enumerate(turn.offered, 1)]
        number = next(n for n, c in enumerate(turn.offered, 1) if c is turn.chosen)
        lines.append(f"Chose {number}: {plain(turn.chosen.text)}")
        if turn.chosen.feedback is not None:
            lines += note_lines(turn.chosen.feedback, "  ")
        if turn.changes:
            lines.append("  Skills: " + ", ".join(f"{k} {signed(v)}" for k, v in turn.changes.items()))
    if session.ending:
        lines.append(f"End: {session.ending} ({session.outcome})")
    else:
        lines.append("End: not reached; choices on offer: " + str(len(session.offered())))
    lines.append("Scores: " + ", ".join(f"{k} {signed(v)}" for k, v in session.skill_scores().items()))
    return [_one_line(line) for line in lines]


def _one_line(line: str) -> str:
    """Keep the indent; one line, no control characters, so diffs line up."""
    text = line.lstrip(" ")
    return line[: len(line) - len(text)] + clean_line(text)
