"""What the facilitator's private page shows: where the room is, the
facilitator notes for this moment, the plan's own notes, and the lines of
an open "What would you say?" round with the habits found in each. Served only
behind the facilitator link (server.VoteServer), never on the projector or
a phone; plain text, cleaned, for the page to set with textContent."""

from ..content.model import Note, plain
from ..i18n import N_, _
from ..text import clean, clean_line
from .phases import BRIEFING, CLOSING, DEBRIEF, DISCUSS, DONE, ENDING, OPENING, SCENE, TALLY, VOTING

PHASE_NAMES = {OPENING: N_("Opening question"), BRIEFING: N_("Briefing"), SCENE: N_("Scene"),
               DISCUSS: N_("Discussion"), VOTING: N_("Vote open"), TALLY: N_("Vote closed"), ENDING: N_("Ending"),
               DEBRIEF: N_("Debrief"), CLOSING: N_("Closing question"), DONE: N_("Finished")}


def _text(block) -> str:
    return clean(block.text if isinstance(block, Note) else plain(block.text))


def facilitator_view(run) -> dict:
    """`run` is a WorkshopRun; the dict is JSON-ready."""
    where = [clean_line(run.title)]
    if run.scenario is not None:
        where = [clean_line(run.scenario.title),
                 _("scenario {n} of {total}").format(n=run.index + 1, total=len(run.agenda))]
        if run.phase in (SCENE, DISCUSS, VOTING, TALLY):
            where.append(_("step {n}").format(n=run.step_number) + f": {clean_line(run.session.node.title)}")
    return {"where": " · ".join(where), "phase": _(PHASE_NAMES[run.phase]) if run.phase in PHASE_NAMES else run.phase,
            "now": [_text(n) for n in run.notes_of_kind("facilitator")],
            "plan": [_text(n) for n in run.notes],
            "words": run.room.words.private_view() if run.room.words else None, "can_open_words": run.can_open_words}
