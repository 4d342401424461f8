"""What the projector shows, as Textual Content built from the run: the
loved one's lines, the options (with bars once the vote has closed), the
discussion prompt, the lines the facilitator shares from a "What would you
say?" round, the debrief. Text from content files or phones is never markup."""

from textual.content import Content

from ...content.model import Line, Narration, Note
from ...i18n import _, ngettext
from ...ui.text import join, line, paragraphs, rich, safety_note, text
from ...words import habit_label
from ...wording import arrow, signed
from .. import phases
from ..run import WorkshopRun
from ..slides import ending_kind, outcome_title

BAR_WIDTH = 30


def stage_lines(run: WorkshopRun) -> Content:
    """The scene: who says what, stage directions, and the coach."""
    parts = []
    for block in run.visible_blocks():
        if isinstance(block, Line):
            parts.append(join(line(block.speaker).stylize("bold"), ": ", rich(block.text)))
        elif isinstance(block, Narration):
            parts.append(rich(block.text, "italic"))
        elif isinstance(block, Note) and block.kind == "safety":
            parts.append(safety_note(block, run.emergency))
    return Content("\n\n").join(parts)


def last_spoken(run: WorkshopRun) -> Content:
    """The loved one's last line: what the room's own words answer."""
    spoken = [b for b in run.visible_blocks() if isinstance(b, Line)]
    return join(line(spoken[-1].speaker).stylize("bold"), ": ", rich(spoken[-1].text)) if spoken else Content("")


def shared_lines(run: WorkshopRun) -> Content:
    """The lines the facilitator chose, each with the habits found; no name, no number, nothing else."""
    shown = run.room.words.shown if run.room.words else []
    if not shown:
        return Content(_("Type what you would say on your phone. Only the facilitator sees it, unless they "
                         "share it here, with no name.")).stylize("italic")
    blocks = []
    for said in shown:
        rows = [join(("“", "bold"), line(said.text).stylize("bold"), ("”", "bold"))]
        rows += [join(("  ✓ ", "bold $success"), (habit_label(n.code), "bold"), ": ", line(n.says))
                 for n in said.reading.helps]
        rows += [join(("  ✗ ", "bold $warning"), (habit_label(n.code), "bold"), ": ", line(n.says))
                 for n in said.reading.traps]
        if not said.reading.notes:
            rows.append(Content("  " + _("No habits found.")).stylize("italic"))
        blocks.append(Content("\n").join(rows))
    return Content("\n\n").join(blocks)


def coach(run: WorkshopRun) -> Content:
    """The coach's word on the room's last choice, and the node's own coach note."""
    notes = ([run.feedback] if run.feedback is not None else []) + \
        [n for n in run.visible_blocks() if isinstance(n, Note) and n.kind == "coach"]
    return Content("\n\n").join(join((_("Coach:") + " ", "bold"), paragraphs(n.paragraphs)) for n in notes)


def options(run: WorkshopRun) -> Content:
    """Numbered options; once the vote closes, each with its bar and count."""
    texts = run.options()
    decision = run.decision if run.phase == phases.TALLY else None
    if decision is None:
        return Content("\n").join(join((f"{n}. ", "bold"), line(t)) for n, t in enumerate(texts, 1))
    total = max(1, decision.voters)
    top = max(decision.counts, default=0) or 1
    rows = []
    for n, (option, count) in enumerate(zip(texts, decision.counts), 1):
        chosen = n == decision.choice
        bar = "█" * round(BAR_WIDTH * count / top) or "▏"
        rows.append(join((f"{n}. ", "bold"), line(option).stylize("bold" if chosen else ""),
                         ("  ◀ " + _("the room's choice") if chosen else "", "bold $success")))
        votes = ngettext("{n} vote", "{n} votes", count).format(n=count)
        rows.append(Content.assemble(("   " + bar, "$success" if chosen else "$secondary"),
                                     (f"  {votes} · {round(100 * count / total)}%", "bold")))
    return Content("\n").join(rows)


def vote_status(run: WorkshopRun) -> Content:
    room = run.room
    people = room.people
    if room.words is not None:
        sent = len(room.words.lines)
        return Content.assemble((ngettext("{n} line", "{n} lines", sent).format(n=sent), "bold"), " ",
                                ngettext("sent.", "sent.", sent), " ",
                                (_("Only lines the facilitator chooses show here, with no names."), "italic"))
    if run.phase == phases.VOTING and room.round is not None:
        return Content.assemble((_("{voters} of {people}").format(voters=room.round.voters, people=people), "bold"),
                                " ", _("have voted."), " ",
                                (_("The count stays hidden until the vote closes."), "italic"))
    if run.phase == phases.TALLY and run.decision is not None:
        return Content(run.decision.reason)
    return Content.assemble((f"{people}", "bold"), " ", ngettext("person has joined.", "people have joined.", people))


def seconds_left(deadline: float | None, now: float) -> str:
    if deadline is None:
        return ""
    left = max(0, int(deadline - now + 0.999))
    return f"{left // 60}:{left % 60:02d}"


def debrief(run: WorkshopRun) -> Content:
    """The room's path, the ending, the other endings, and the skills."""
    result = run.results[run.index]
    scenario = result.scenario
    rows = []
    if result.ending:
        rows.append(join((outcome_title(result.outcome), "bold"), ": ", line(scenario.node(result.ending).title)))
    else:
        rows.append(Content(_("The room stopped before an ending.")).stylize("bold"))
    rows.append(Content(""))
    rows.append(Content(_("The room's path")).stylize("bold underline"))
    for record in run.part_records():
        voted = sum(record.counts or ())
        votes = ngettext("{n} of {total} vote", "{n} of {total} votes", voted).format(
            n=record.counts[record.chosen - 1], total=voted) if voted else _("your pick, no vote")
        pick = ("; " + _("the facilitator's pick, the room chose {n}").format(n=record.room_choice)
                if record.overridden else "")
        rows.append(join(f"{record.number}. ", line(record.node_title).stylize("bold"), ": ",
                         line(record.options[record.chosen - 1]), (f"  ({votes}{pick})", "italic")))
    rows.append(Content(""))
    rows.append(Content(_("Endings in this scenario")).stylize("bold underline"))
    for node in scenario.endings:
        reached = node.id == result.ending
        rows.append(join("  ✓ " if reached else "  · ", line(node.title).stylize("bold" if reached else ""),
                         ("  (" + ending_kind(node.ending) + ")", "italic"),
                         ("  " + _("the room's ending") if reached else "", "bold")))
    course = run.catalog.library.course
    skills = course.skills if course else {}
    if result.skills:
        rows.append(Content(""))
        rows.append(Content(_("Skills (the arrow shows the good way)")).stylize("bold underline"))
        for skill_id, score in result.skills.items():
            skill = skills.get(skill_id)
            rows.append(join(f"  {arrow(skill.good if skill else 'up')} ", line(skill.label if skill else skill_id),
                             (f"  {signed(score)}", "bold")))
    return Content("\n").join(rows)


def summary(run: WorkshopRun) -> Content:
    rows = []
    for part, item in enumerate(run.agenda):
        result = run.results.get(part)
        title = run.catalog.library.scenarios[item.scenario].title
        if result is None:
            outcome = _("not reached")
        elif result.ending:
            outcome = outcome_title(result.outcome)
        else:
            outcome = _("skipped before an ending")
        rows.append(join(f"{part + 1}. ", line(title).stylize("bold"), "  ", (outcome, "italic")))
    return Content("\n").join(rows)


def question(value: str) -> Content:
    return text(value).stylize("bold")
