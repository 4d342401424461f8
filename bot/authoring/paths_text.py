"""The paths report as text an author reads in a terminal, in the interface's
language (the JSON stays English: it is for programs). Every piece of content
is cleaned of control characters (clean_line) before it is printed."""

from ..content.reach import STATE_BUDGET
from ..i18n import _, ngettext
from ..text import clean_line as safe
from ..wording import signed
from .paths import STOPPED, PathsReport, stopped_text


def _script(numbers: list[int]) -> str:
    return "--script " + ",".join(map(str, numbers)) if numbers else _("(at the start)")


def _span(low: int, high: int) -> str:
    return signed(low) if low == high else f"{signed(low)}..{signed(high)}"


def _count(count: int, forms: str, more: str = "") -> str:
    """"1 state", "1,306 states", "50,000+ states": `forms` is ngettext's choice for `count`, holding {n}."""
    return forms.format(n=f"{count:,}{more}")


def _or_none(count: int) -> str:
    return str(count) if count else _("none")


def report_lines(report: PathsReport) -> list[str]:
    scenario = report.scenario
    lines = [f"{safe(scenario.id)}: {safe(scenario.title)}  ({safe(scenario.file)})"]
    if report.complete:
        lines.append(_("Explored every play-through: {states}.").format(
            states=_count(report.states, ngettext("{n} state", "{n} states", report.states))))
    else:
        lines.append(_("INCOMPLETE: {why}.").format(why=stopped_text(_(STOPPED))))
    lines += _ending_lines(report)
    lines += _problem_lines(report)
    if report.uncited:
        lines += ["", uncited_line(report.uncited)]
    return lines


def uncited_line(uncited: list[str]) -> str:
    return _("Source sections no scenario cites ({count}):").format(count=len(uncited)) + " " + safe(", ".join(uncited))


def _ending_lines(report: PathsReport) -> list[str]:
    reached = [e for e in report.endings if e.reached]
    lines = ["", _("Endings: {reached} of {total} reached").format(reached=len(reached), total=len(report.endings))]
    for ending in report.endings:
        head = "  " + _("{ending} ({outcome}, line {line})").format(ending=safe(ending.id), outcome=ending.outcome,
                                                                    line=ending.line)
        if not ending.reached:
            why = _("no play-through can reach it") if ending.impossible else \
                _("not found before the exploration stopped")
            lines.append(_("{ending}: NEVER REACHED ({why})").format(ending=head, why=why))
            continue
        paths = _count(ending.paths, ngettext("{n} play-through", "{n} play-throughs", ending.paths))
        if not report.complete:
            paths = _("at least {paths}").format(paths=paths)
        if ending.loops:
            paths = _("{paths}, more round a loop").format(paths=paths)
        lines.append(_("{ending}: {paths}; shortest {script}").format(ending=head, paths=paths,
                                                                     script=_script(ending.script)))
        if ending.skills:
            spans = ", ".join(f"{k} {_span(*v)}" for k, v in ending.skills.items())
            lines.append("      " + _("skills:") + " " + safe(spans))
        lines.append("      " + _("practised:") + " " + (safe(", ".join(ending.moved)) or _("no skill")))
    still = [e.id for e in reached if e.outcome == "success" and e.without_skills]
    lines.append(_("Success endings reached without moving any skill:") + " " + (safe(", ".join(still)) or _("none")))
    return lines


def _problem_lines(report: PathsReport) -> list[str]:
    file = safe(report.scenario.file)
    lines = [""]
    never = _("Choices never offered: {count}") if report.complete else \
        _("Choices never offered (proven without the full exploration; there may be more): {count}")
    lines.append(never.format(count=_or_none(len(report.never_offered))))
    lines += ["  " + _("{where}: at `{node}`: the condition never holds").format(where=f"{file}:{choice.line}",
                                                                               node=safe(node))
              for node, choice in report.never_offered]
    lines.append(_("Stuck (not an ending, nothing on offer): {count}").format(count=_or_none(len(report.stuck))))
    lines += ["  " + _("`{node}` after {script}").format(node=safe(node), script=_script(script))
              for node, script in report.stuck[:10]]
    lines.append(_("Traps (no success ending reachable any more; sometimes the lesson): {count}").format(
        count=_or_none(len(report.traps))))
    for trap in report.traps:
        if not trap.source:
            lines.append("  " + _("no success ending can be reached from the start"))
            continue
        choice = safe(trap.choice)
        choice = choice if len(choice) <= 60 else choice[:59] + "…"
        lines.append("  " + _("{where}: at `{node}`, \"{choice}\" leads to `{target}`; e.g. {script}").format(
            where=f"{file}:{trap.line}", node=safe(trap.source), choice=choice, target=safe(trap.node),
            script=_script(trap.script)))
    return lines


def summary_line(report: PathsReport) -> str:
    reached = sum(e.reached for e in report.endings)
    problems = [] if report.complete else [_("INCOMPLETE: stopped at the budget of {budget} states").format(
        budget=f"{STATE_BUDGET:,}")]
    if report.unreached:
        problems.append(_("never reached:") + " " + safe(", ".join(e.id for e in report.unreached)))
    never, stuck, traps = len(report.never_offered), len(report.stuck), len(report.traps)
    if never:
        problems.append(_count(never, ngettext("{n} choice never offered", "{n} choices never offered", never)))
    if stuck:
        problems.append(_count(stuck, ngettext("{n} stuck state", "{n} stuck states", stuck)))
    states = _count(report.states, ngettext("{n} state", "{n} states", report.states), "" if report.complete else "+")
    endings = _("{reached}/{total} endings").format(reached=reached, total=len(report.endings))
    traps_found = _count(traps, ngettext("{n} trap", "{n} traps", traps))
    verdict = "; ".join(problems) or _("ok")
    return f"{safe(report.scenario.id):<24} {endings}  {states:<14} {traps_found:<9} {verdict}"
