"""The paths report as text an author reads in a terminal. Every piece of
content is cleaned of control characters (clean_line) before it is printed."""

from ..content.reach import STATE_BUDGET
from ..text import clean_line as safe
from ..wording import signed
from .paths import PathsReport, stopped_text


def _script(numbers: list[int]) -> str:
    return "--script " + ",".join(map(str, numbers)) if numbers else "(at the start)"


def _span(low: int, high: int) -> str:
    return signed(low) if low == high else f"{signed(low)}..{signed(high)}"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'s' * (count != 1)}"


def report_lines(report: PathsReport) -> list[str]:
    scenario = report.scenario
    lines = [f"{safe(scenario.id)}: {safe(scenario.title)}  ({safe(scenario.file)})"]
    if report.complete:
        lines.append(f"Explored every play-through: {_plural(report.states, 'state')}.")
    else:
        lines.append(f"INCOMPLETE: {stopped_text()}.")
    lines += _ending_lines(report)
    lines += _problem_lines(report)
    if report.uncited:
        lines += ["", uncited_line(report.uncited)]
    return lines


def uncited_line(uncited: list[str]) -> str:
    return f"Source sections no scenario cites ({len(uncited)}): " + safe(", ".join(uncited))


def _ending_lines(report: PathsReport) -> list[str]:
    reached = [e for e in report.endings if e.reached]
    lines = ["", f"Endings: {len(reached)} of {len(report.endings)} reached"]
    more = "" if report.complete else "at least "
    for ending in report.endings:
        head = f"  {safe(ending.id)} ({ending.outcome}, line {ending.line})"
        if not ending.reached:
            why = "no play-through can reach it" if ending.impossible else "not found before the exploration stopped"
            lines.append(f"{head}: NEVER REACHED ({why})")
            continue
        loops = ", more round a loop" if ending.loops else ""
        lines.append(f"{head}: {more}{_plural(ending.paths, 'play-through')}{loops}; "
                     f"shortest {_script(ending.script)}")
        if ending.skills:
            lines.append("      skills: " + safe(", ".join(f"{k} {_span(*v)}" for k, v in ending.skills.items())))
        lines.append("      practised: " + (safe(", ".join(ending.moved)) or "no skill"))
    still = [e.id for e in reached if e.outcome == "success" and e.without_skills]
    lines.append("Success endings reached without moving any skill: " + (safe(", ".join(still)) or "none"))
    return lines


def _problem_lines(report: PathsReport) -> list[str]:
    file = safe(report.scenario.file)
    lines = [""]
    proven = "" if report.complete else " (proven without the full exploration; there may be more)"
    lines.append(f"Choices never offered{proven}: {len(report.never_offered) or 'none'}")
    lines += [f"  {file}:{choice.line}: at `{safe(node)}`: the condition never holds"
              for node, choice in report.never_offered]
    lines.append(f"Stuck (not an ending, nothing on offer): {len(report.stuck) or 'none'}")
    lines += [f"  `{safe(node)}` after {_script(script)}" for node, script in report.stuck[:10]]
    lines.append(f"Traps (no success ending reachable any more; sometimes the lesson): {len(report.traps) or 'none'}")
    for trap in report.traps:
        if not trap.source:
            lines.append("  no success ending can be reached from the start")
            continue
        choice = safe(trap.choice)
        choice = choice if len(choice) <= 60 else choice[:59] + "…"
        lines.append(f"  {file}:{trap.line}: at `{safe(trap.source)}`, \"{choice}\" leads to `{safe(trap.node)}`; "
                     f"e.g. {_script(trap.script)}")
    return lines


def summary_line(report: PathsReport) -> str:
    reached = sum(e.reached for e in report.endings)
    problems = [] if report.complete else [f"INCOMPLETE: stopped at the budget of {STATE_BUDGET:,} states"]
    if report.unreached:
        problems.append("never reached: " + safe(", ".join(e.id for e in report.unreached)))
    if report.never_offered:
        problems.append(_plural(len(report.never_offered), "choice") + " never offered")
    if report.stuck:
        problems.append(_plural(len(report.stuck), "stuck state"))
    states = f"{report.states:,}{'' if report.complete else '+'} states"
    return (f"{safe(report.scenario.id):<24} {reached}/{len(report.endings)} endings  {states:<14} "
            f"{_plural(len(report.traps), 'trap'):<9} {'; '.join(problems) or 'ok'}")
