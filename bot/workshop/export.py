"""The session record a facilitator keeps: each step, its options, the vote
counts and the facilitator's overrides, as Markdown to read and CSV to
count; and, in the Markdown, the room's own lines the facilitator shared on
the screen. Anonymous: no names, no nicknames, no one's own vote, and no
line that was not shared."""

import csv
import io
from datetime import datetime
from pathlib import Path

from ..i18n import _, ngettext
from ..locations import write_private
from ..text import clean_line
from ..wording import signed
from ..words import habit_label
from .run import SharedLine, StepRecord, WorkshopRun
from .slides import outcome_title

CSV_COLUMNS = ("part", "scenario", "step", "node", "option", "option_text", "votes", "room_choice", "taken",
               "overridden", "tie", "voters")


def _cell(text: str) -> str:
    return clean_line(text).replace("|", "\\|")


MARKDOWN_SPECIAL = "\\`*_[]<>|&~#!"


def _words(text: str) -> str:
    """A line a phone sent, as Markdown that shows it as typed: no link,
    image, HTML or formatting of its own (a previewer must fetch nothing)."""
    return "".join("\\" + c if c in MARKDOWN_SPECIAL else c for c in clean_line(text))


def shared_markdown(lines: list[SharedLine]) -> list[str]:
    rows = ["### " + _("In the room's own words"), "",
            _("Lines from phones that the facilitator shared on the screen, with no names; the others were not "
              "kept."), ""]
    for shared in lines:
        habits = ", ".join(habit_label(code) for code in shared.codes) or _("no habits found")
        step = _("Step {n}").format(n=shared.number)
        rows.append(f"- {step}, {_cell(shared.node_title)}: “{_words(shared.text)}” ({habits})")
    return rows + [""]


def step_markdown(record: StepRecord) -> list[str]:
    lines = ["### " + _("Step {n}").format(n=record.number) + f": {_cell(record.node_title)}", "",
             "| # | " + _("Option") + " | " + _("Votes") + " |", "|---|---|---|"]
    for number, option in enumerate(record.options, 1):
        votes = str(record.counts[number - 1]) if record.counts else "-"
        marks = [m for m, on in ((_("room's choice"), number == record.room_choice),
                                 (_("taken"), number == record.chosen)) if on]
        lines.append(f"| {number} | {_cell(option)} | {votes}{' (' + ', '.join(marks) + ')' if marks else ''} |")
    lines.append("")
    if record.counts is None:
        lines.append(_("No vote was taken; the facilitator went with option {n}.").format(n=record.chosen))
    elif record.overridden:
        lines.append(_("The facilitator went with option {n}; the room chose {room}.").format(
            n=record.chosen, room=record.room_choice))
    elif record.room_choice is None:
        lines.append(record.reason + " " + _("The facilitator went with option {n}.").format(n=record.chosen))
    else:
        lines.append(_("Went with the room's choice.") + " " + record.reason)
    return lines + [""]


def markdown(run: WorkshopRun, people: int, when: datetime) -> str:
    labels = _skill_labels(run)
    lines = ["# " + _("Workshop record: {title}").format(title=clean_line(run.title) or _("workshop")), "",
             f"{when:%Y-%m-%d %H:%M}. "
             + ngettext("{n} person joined.", "{n} people joined.", people).format(n=people) + " "
             + _("Anonymous: no names, no nicknames, no one's own vote."), ""]
    for part, item in enumerate(run.agenda):
        records = run.part_records(part)
        result = run.results.get(part)
        shared = [s for s in run.shared_lines() if s.part == part]
        if not records and result is None and not shared:
            continue
        scenario = run.catalog.library.scenarios[item.scenario]
        lines += [f"## {part + 1}. {_cell(scenario.title)}", ""]
        if result is not None and result.ending:
            lines.append(_("Ending: {outcome} ({title}).").format(
                outcome=outcome_title(result.outcome), title=clean_line(scenario.node(result.ending).title)))
        else:
            lines.append(_("The room stopped before an ending."))
        if result is not None and result.skills:
            lines.append(_("Skills: {skills}.").format(
                skills=", ".join(f"{labels.get(k, k)} {signed(v)}" for k, v in result.skills.items())))
        lines.append("")
        for record in records:
            lines += step_markdown(record)
        if shared:
            lines += shared_markdown(shared)
    return "\n".join(lines).rstrip() + "\n"


def csv_text(run: WorkshopRun) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in run.records:
        voters = sum(r.counts) if r.counts else ""
        for number, option in enumerate(r.options, 1):
            writer.writerow([r.part + 1, r.scenario, r.number, r.node_id, number, _spreadsheet_safe(option),
                             r.counts[number - 1] if r.counts else "", _yes(number == r.room_choice),
                             _yes(number == r.chosen), _yes(r.overridden and number == r.chosen),
                             _yes(number in r.tied), voters])
    return out.getvalue()


def _yes(value: bool) -> str:
    return "yes" if value else ""


def _spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet will not run as a formula."""
    text = clean_line(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _skill_labels(run: WorkshopRun) -> dict:
    course = run.catalog.library.course
    return {k: s.label for k, s in course.skills.items()} if course else {}


def save(run: WorkshopRun, folder: Path, people: int, when: datetime | None = None) -> tuple[Path, Path]:
    """Write both files (0600) into folder, creating it (0700) if missing."""
    when = when or datetime.now()
    folder = folder.expanduser()
    if not folder.is_dir():
        folder.mkdir(parents=True, mode=0o700)
    stem = f"workshop-{when:%Y%m%d-%H%M%S}"
    md_path = write_private(folder / f"{stem}.md", markdown(run, people, when))
    csv_path = write_private(folder / f"{stem}.csv", csv_text(run))
    return md_path, csv_path
