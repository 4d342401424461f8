"""The conversation card: one page to carry into the real conversation,
made from a finished play-through. The lines that went well (or, if none
did, good lines to try), the other boundaries to hold (a line is in one list
only), what the coach said at the
end, and the help numbers for the learner's region; the learner's own
typed words and the habits found in them only if the learner says so.
Printable as HTML; plain text for the screen and for plain mode."""

from dataclasses import dataclass

from ..content.library import Library
from ..content.model import Note, plain
from ..engine.session import Session
from ..help import Helplines, Region, safety_text
from ..i18n import N_, _, language
from ..wording import outcome_title
from ..words import read
from .moves import leaning, moves_up
from .own_words import habits_in_short
from .printable import esc, heading, page, paragraph

BOUNDARY_SKILL = "boundaries"  # the course skill whose good lines are boundaries to hold
MOST_LINES = 5
MOST_BOUNDARIES = 4
OWN_WORDS_HEADING = N_("In your own words")
DISCLAIMER = N_("This card is for practice. It is not medical advice and not a crisis service.")


@dataclass(frozen=True)
class ConversationCard:
    scenario_title: str
    persona: str
    outcome: str | None
    lines_went_well: tuple[str, ...]
    lines_to_try: tuple[str, ...]  # used when nothing went well this time
    boundaries: tuple[str, ...]
    remember: tuple[str, ...]  # the coach's words at the ending
    region: Region
    danger_steps: tuple[str, ...]
    own_words: tuple[tuple[str, str], ...] = ()  # (typed words, habits found) when the learner includes them

    @property
    def lines_heading(self) -> str:
        return _("Lines that went well") if self.lines_went_well else _("Lines to try next time")

    @property
    def lines(self) -> tuple[str, ...]:
        return self.lines_went_well or self.lines_to_try


def make_card(session: Session, library: Library, region: Region, helplines: Helplines,
              own_words: list | None = None) -> ConversationCard:
    """The card; `own_words` (what the learner typed at each step) only when they chose to include it."""
    scenario = session.scenario
    skills = library.course.skills if library.course else {}
    taken = [scenario.node(node).choices[index] for node, index in session.steps]
    went_well = _unique(plain(c.text) for c in taken if leaning(c, skills) > 0)
    not_taken = (c for node, _ in session.steps for c in session.scenario.node(node).choices if c not in taken)
    to_try = () if went_well else _unique(plain(c.text) for c in not_taken if leaning(c, skills) > 0)
    listed = (went_well or to_try)[:MOST_LINES]
    boundaries = _unique(plain(c.text) for n in scenario.nodes for c in n.choices  # each line in one list only
                         if moves_up(c, BOUNDARY_SKILL) and leaning(c, skills) > 0 and plain(c.text) not in listed)
    remember = tuple(safety_text(b.text, region) if b.kind == "safety" else b.text
                     for b in session.shown_blocks() if isinstance(b, Note) and b.kind in ("coach", "safety"))
    typed = tuple((words, habits_in_short(read(words, language())))
                  for words in own_words or () if words and words.strip())
    return ConversationCard(scenario.title, scenario.persona, session.outcome, went_well[:MOST_LINES],
                            to_try[:MOST_LINES], boundaries[:MOST_BOUNDARIES], remember, region,
                            helplines.danger_steps, typed)


def _unique(texts) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in texts if t.strip()))


def card_text(card: ConversationCard) -> str:
    """The card as plain text."""
    out = [_("Before the real conversation: {scenario}").format(scenario=card.scenario_title)]
    if card.persona:
        out.append(_("Practised with: {persona}").format(persona=card.persona))
    if card.outcome:
        out.append(_("This time: {outcome}").format(outcome=outcome_title(card.outcome, card.outcome)))
    out += ["", card.lines_heading + ":"] + [f"  - {line}" for line in card.lines or (_("(none yet)"),)]
    if card.boundaries:
        out += ["", _("Boundaries to hold") + ":"] + [f"  - {line}" for line in card.boundaries]
    if card.own_words:
        out += ["", _(OWN_WORDS_HEADING) + ":"] + [f"  - {words}" + (f" ({habits})" if habits else "")
                                                  for words, habits in card.own_words]
    if card.remember:
        out += ["", _("Remember") + ":"] + [f"  {text}" for text in card.remember]
    out += ["", danger_line(card), help_lines_heading(card) + ":"]
    out += [f"  - {line.name}: {line.contact} ({line.hours})" for line in card.region.lines]
    out += ["", _(DISCLAIMER)]
    return "\n".join(out) + "\n"


def card_html(card: ConversationCard) -> str:
    """The card as one printable page."""
    def items(lines) -> str:
        return "<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>"

    practised = _(" · practised with {persona}").format(persona=card.persona) if card.persona else ""
    body = [heading(1, _("Before the real conversation")) + f"<p class=\"muted\">{esc(card.scenario_title)}"
            f"{esc(practised)}</p>"]
    body.append(heading(2, card.lines_heading) + items(card.lines or (_("None yet."),)))
    if card.boundaries:
        body.append(heading(2, _("Boundaries to hold")) + items(card.boundaries))
    if card.own_words:
        body.append(heading(2, _(OWN_WORDS_HEADING)) + "<ul>" + "".join(
            f"<li>{esc(words)}" + (f" <span class=\"muted\">({esc(habits)})</span>" if habits else "") + "</li>"
            for words, habits in card.own_words) + "</ul>")
    if card.remember:
        body.append(heading(2, _("Remember")) + "".join(map(paragraph, card.remember)))
    lines = "".join(f"<tr><td>{esc(line.name)}</td><td>{esc(line.contact)}</td><td>{esc(line.hours)}</td></tr>"
                    for line in card.region.lines)
    body.append(f"<div class=\"box danger\"><strong>{esc(danger_line(card))}</strong>" + items(card.danger_steps)
                + "</div>")
    body.append(heading(2, help_lines_heading(card)) + f"<table>{lines}</table>")
    body.append(f"<footer>{esc(_(DISCLAIMER))}</footer>")
    return page(_("Conversation card: {scenario}").format(scenario=card.scenario_title), "\n".join(body))


def danger_line(card: ConversationCard) -> str:
    return _("If anyone is in danger now, call {number}.").format(number=card.region.emergency)


def help_lines_heading(card: ConversationCard) -> str:
    return _("Help lines ({region})").format(region=card.region.name)
