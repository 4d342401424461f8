"""What the phones see of the workshop at each moment, as plain JSON-ready
data: the question, the briefing, the loved one's lines and the options, the
discussion prompt, the ending. Never a facilitator note; text is cleaned."""

from ..content.model import Line, Narration, Note, Scenario, plain
from ..text import clean, clean_line
from ..wording import OUTCOME_TITLES
from .phases import BRIEFING, CLOSING, DEBRIEF, DISCUSS, DONE, ENDING, OPENING


def slide(run) -> dict:
    """`run` is a WorkshopRun."""
    phase, scenario = run.phase, run.scenario
    heading = clean_line(scenario.title) if scenario else clean_line(run.title)
    if phase in (OPENING, CLOSING):
        return {"kind": "question", "heading": heading,
                "title": "Opening question" if phase == OPENING else "Closing question",
                "text": clean(run.opening if phase == OPENING else run.closing)}
    if phase == DONE:
        return {"kind": "done", "heading": heading, "title": "Thank you for taking part",
                "text": "The workshop has ended. You can close this page."}
    if phase == BRIEFING:
        return {"kind": "briefing", "heading": heading, "title": "The situation",
                "text": briefing_text(scenario, run.emergency)}
    if phase == DEBRIEF:
        result = run.results[run.index]
        ending = scenario.node(result.ending).title if result.ending else "no ending yet"
        return {"kind": "debrief", "heading": heading, "title": "How the room did",
                "text": f"{OUTCOME_TITLES.get(result.outcome, 'The room stopped before an ending')}: "
                        f"{clean_line(ending)}. Talk about it with the room."}
    shown = {"kind": "ending" if phase == ENDING else "scene", "heading": heading,
             "title": clean_line(run.session.node.title), "lines": spoken_lines(run.visible_blocks(), run.emergency)}
    if phase == ENDING:
        shown["title"] = OUTCOME_TITLES.get(run.session.outcome, "The end")
    else:
        shown["options"] = run.options()
    if phase == DISCUSS and run.discussion is not None:
        shown["kind"], shown["text"] = "discuss", clean(run.discussion.text)
    return shown


def spoken_lines(blocks, emergency: str) -> list[dict]:
    """The scene for the phones: lines, narration, and safety callouts with the room's emergency number."""
    lines = []
    for block in blocks:
        if isinstance(block, Line):
            lines.append({"speaker": clean_line(block.speaker), "text": clean_line(plain(block.text))})
        elif isinstance(block, Narration):
            lines.append({"speaker": "", "text": clean_line(plain(block.text))})
        elif isinstance(block, Note) and block.kind == "safety":
            lines.append({"speaker": "Safety", "text": clean_line(f"{block.text} {emergency}"), "safety": True})
    return lines


def briefing_text(scenario: Scenario, emergency: str) -> str:
    """The briefing the room may see: no facilitator notes; safety callouts end with the emergency number."""
    parts = [plain(b.text) if not isinstance(b, Note) else
             f"{b.text}\n\n{emergency}" if b.kind == "safety" else b.text
             for b in scenario.briefing if not (isinstance(b, Note) and b.kind == "facilitator")]
    if parts and len(parts[0]) <= 60 and clean_line(parts[0]) == clean_line(scenario.title):
        parts = parts[1:]  # the `#` title repeats the heading
    return clean("\n\n".join(parts))
