"""What the phones see of the workshop at each moment, as plain JSON-ready
data: the question, the briefing, the loved one's lines and the options, the
discussion prompt, the ending. Never a facilitator note; text is cleaned.
Words are in the language in use (languages.speaking for a phone's)."""

from ..content.model import Line, Narration, Note, Scenario, plain
from ..i18n import _
from ..text import clean, clean_line
from .phases import BRIEFING, CLOSING, DEBRIEF, DISCUSS, DONE, ENDING, OPENING


def slide(run, session=None, plan=None) -> dict:
    """`run` is a WorkshopRun; `session` the same step in the phone's
    language, and `plan` the plan's words in it (title, opening, closing);
    by default the workshop's own."""
    session, plan = session or run.session, plan or run
    phase, scenario = run.phase, session.scenario if session else None
    heading = clean_line(scenario.title) if scenario else clean_line(plan.title)
    if phase in (OPENING, CLOSING):
        return {"kind": "question", "heading": heading,
                "title": _("Opening question") if phase == OPENING else _("Closing question"),
                "text": clean(plan.opening if phase == OPENING else plan.closing)}
    if phase == DONE:
        return {"kind": "done", "heading": heading, "title": _("Thank you for taking part"),
                "text": _("The workshop has ended. You can close this page.")}
    if phase == BRIEFING:
        return {"kind": "briefing", "heading": heading, "title": _("The situation"),
                "text": briefing_text(scenario, run.emergency)}
    if phase == DEBRIEF:
        result = run.results[run.index]
        ending = scenario.node(result.ending).title if result.ending else _("no ending yet")
        outcome = outcome_title(result.outcome) if result.ending else _("The room stopped before an ending")
        return {"kind": "debrief", "heading": heading, "title": _("How the room did"),
                "text": _("{outcome}: {ending}. Talk about it with the room.").format(
                    outcome=outcome, ending=clean_line(ending))}
    shown = {"kind": "ending" if phase == ENDING else "scene", "heading": heading,
             "title": clean_line(session.node.title),
             "lines": spoken_lines(run.visible_blocks(session), run.emergency)}
    if phase == ENDING:
        shown["title"] = outcome_title(session.outcome)
    else:
        shown["options"] = run.options(session)
    discussion = run.discussion_in(session)
    if phase == DISCUSS and discussion is not None:
        shown["kind"], shown["text"] = "discuss", clean(discussion.text)
    return shown


def outcome_title(outcome: str | None) -> str:
    """"A good ending" and the like, in the language in use; "The end" for an unknown kind."""
    titles = {"success": _("A good ending"), "partial": _("Part of the way there"),
              "setback": _("A hard ending, and something to learn from")}
    return titles.get(outcome or "", _("The end"))


def ending_kind(outcome: str | None) -> str:
    """"good ending", "hard ending": what kind of ending a node is, in the language in use."""
    kinds = {"success": _("good ending"), "partial": _("partial ending"), "setback": _("hard ending")}
    return kinds.get(outcome or "", _("{kind} ending").format(kind=outcome))


def spoken_lines(blocks, emergency: str) -> list[dict]:
    """The scene for the phones: lines, narration, and safety callouts with the room's emergency number."""
    lines = []
    for block in blocks:
        if isinstance(block, Line):
            lines.append({"speaker": clean_line(block.speaker), "text": clean_line(plain(block.text))})
        elif isinstance(block, Narration):
            lines.append({"speaker": "", "text": clean_line(plain(block.text))})
        elif isinstance(block, Note) and block.kind == "safety":
            lines.append({"speaker": _("Safety"), "text": clean_line(f"{block.text} {emergency}"), "safety": True})
    return lines


def briefing_text(scenario: Scenario, emergency: str) -> str:
    """The briefing the room may see: no facilitator notes; safety callouts end with the emergency number."""
    parts = [plain(b.text) if not isinstance(b, Note) else
             f"{b.text}\n\n{emergency}" if b.kind == "safety" else b.text
             for b in scenario.briefing if not (isinstance(b, Note) and b.kind == "facilitator")]
    if parts and len(parts[0]) <= 60 and clean_line(parts[0]) == clean_line(scenario.title):
        parts = parts[1:]  # the `#` title repeats the heading
    return clean("\n\n".join(parts))
