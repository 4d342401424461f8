"""The progress report a learner may choose to share with a counselor:
modules, scenarios, endings found, skills over time (drawn as charts in
HTML) and, only if the learner asks, their journal and their own typed
words with the habits found in them (the words may hold family details). Markdown or one
self-contained HTML page that prints cleanly. Reads the same bounded
summaries as the course map, so it costs the same for any history."""

import time
from dataclasses import dataclass

from ..content.library import Library
from ..progress.store import Profile, Store
from ..wording import OUTCOME_SHORT, TRENDS, direction, signed
from . import journal
from .own_words import HabitCount, TypedReply, habit_counts, habits_in_short, recent_replies, typed_replies
from .chart import sparkline_svg
from .course_map import CourseMap, course_map
from .printable import esc, md, md_block, page
from .profiles import label
from .skills import SkillHistory, skill_histories

PRIVATE_NOTE = ("This report was made on this computer by rehearse. It holds only what is shown here. "
                "You choose whether to share it, and with whom.")
DISCLAIMER = "rehearse is practice. It is not medical advice and not a crisis service."


@dataclass(frozen=True)
class Report:
    name: str
    made_at: float
    since: float
    course: CourseMap
    endings: dict  # scenario -> {ending id: outcome}
    skills: tuple[SkillHistory, ...]
    journal: tuple[journal.Entry, ...] | None  # None when not included
    scenario_titles: dict
    own_words: tuple[TypedReply, ...] | None = None  # newest first; None when not included

    @property
    def habits(self) -> list[HabitCount]:
        return habit_counts(list(self.own_words or ()))


def build_report(store: Store, library: Library, profile: Profile, with_journal: bool = False,
                 with_own_words: bool = False) -> Report:
    endings: dict = {}
    for scenario, ending, outcome in store.conn.execute(
            "SELECT scenario, ending, outcome FROM endings_found WHERE profile_id = ? ORDER BY found_at",
            (profile.id,)):
        endings.setdefault(scenario, {})[ending] = outcome
    since = store.conn.execute("SELECT created_at FROM profiles WHERE id = ?", (profile.id,)).fetchone()[0]
    return Report(label(profile), time.time(), since, course_map(store, library, profile.id), endings,
                  tuple(skill_histories(store, library.course, profile.id)),
                  tuple(journal.entries(store, profile.id)) if with_journal else None,
                  {s.id: s.title for s in library.scenarios.values()},
                  tuple(recent_replies(store, profile.id)) if with_own_words else None)


def _day(stamp: float) -> str:
    return time.strftime("%d %B %Y", time.localtime(stamp)).lstrip("0")


def _summary(report: Report) -> list[str]:
    modules = report.course.playable
    scenarios = [s for m in modules for s in m.scenarios]
    return [f"Modules completed: {sum(m.complete for m in modules)} of {len(modules)}",
            f"Scenarios completed (a good ending reached): {sum(s.completed for s in scenarios)} of {len(scenarios)}",
            f"Endings found: {sum(s.endings_found for s in scenarios)} of {sum(s.endings_total for s in scenarios)}",
            f"Times practised: {sum(s.plays for s in scenarios)}"]


def _ending_names(report: Report, status) -> list[str]:
    found = report.endings.get(status.scenario.id, {})
    return [f"{node.title} ({OUTCOME_SHORT.get(node.ending, node.ending)})"
            for node in status.scenario.endings if node.id in found]


def _module_status(module) -> str:
    if not module.scenarios:
        return "coming soon"
    return "completed" if module.complete else f"{module.completed_count} of {len(module.scenarios)} completed"


def _skill_line(history: SkillHistory) -> str:
    if not history.scores:
        return f"{history.label}: not practised yet ({direction(history.good)})"
    return (f"{history.label}: latest {signed(history.latest)}, best {signed(history.best)}, "
            f"{TRENDS[history.trend]}; {_attempts(len(history.scores))} ({direction(history.good)})")


def _attempts(count: int) -> str:
    return "1 attempt" if count == 1 else f"{count} attempts"


def _reply_about(report: Report, reply: TypedReply) -> str:
    """Where the words were typed and what they did: "Twenty dollars; helped: I-statements"."""
    return "; ".join(part for part in (report.scenario_titles.get(reply.scenario, ""), habits_in_short(reply.reading))
                     if part)


def _own_words_intro(report: Report) -> str:
    count = len(report.own_words)
    if not count:
        return "No typed replies yet."
    return f"The habits found in your last {typed_replies(count)}, and what you typed."


def to_markdown(report: Report) -> str:
    out = [f"# Progress report: {md(report.name)}", "",
           f"Made on {_day(report.made_at)}. Practising since {_day(report.since)}.", "", md(PRIVATE_NOTE), "",
           "## Summary", ""]
    out += [f"- {line}" for line in _summary(report)]
    for module in report.course.modules:
        out += ["", f"## {module.number}. {md(module.module.title)} ({_module_status(module)})", ""]
        if module.module.summary:
            out += [md(module.module.summary), ""]
        if not module.scenarios:
            out.append("No scenarios yet.")
        for s in module.scenarios:
            mark = "done; " if s.completed else ""
            out.append(f"- {md(s.scenario.title)}: {mark}{s.played}; endings found "
                       f"{s.endings_found} of {s.endings_total}")
            names = _ending_names(report, s)
            if names:
                out.append(f"  - Endings: {md('; '.join(names))}")
    out += ["", "## Skills over time", "", "Each skill across your most recent finished attempts, oldest first.", ""]
    for history in report.skills:
        scores = ", ".join(signed(v) for v in history.scores[-20:])
        out.append(f"- {md(_skill_line(history))}" + (f". Last scores: {scores}" if scores else ""))
    if report.journal is not None:
        out += ["", "## Journal", ""]
        if not report.journal:
            out.append("No entries yet.")
        for entry in report.journal:
            about = report.scenario_titles.get(entry.scenario, "")
            out += [f"### {_day(entry.created_at)}" + (f": {md(about)}" if about else ""), "",
                    f"*{md(entry.prompt)}*", "", md_block(entry.text), ""]
    if report.own_words is not None:
        out += ["", "## In your own words", "", md(_own_words_intro(report)), ""]
        out += [f"- {md(count.line)}" for count in report.habits]
        out += [""] if report.habits else []
        for reply in report.own_words:
            about = _reply_about(report, reply)
            out.append(f"- “{md(reply.text)}”" + (f" ({md(about)})" if about else ""))
    out += ["", "---", "", md(DISCLAIMER), ""]
    return "\n".join(out)


def to_html(report: Report) -> str:
    body = [f"<h1>Progress report: {esc(report.name)}</h1>",
            f"<p class=\"muted\">Made on {_day(report.made_at)}. Practising since {_day(report.since)}.</p>",
            f"<p>{esc(PRIVATE_NOTE)}</p>", "<h2>Summary</h2><ul>"]
    body += [f"<li>{esc(line)}</li>" for line in _summary(report)]
    body.append("</ul>")
    for module in report.course.modules:
        status = _module_status(module)
        done = f"<span class=\"done\">{status}</span>" if module.complete else status
        body.append(f"<h2>{module.number}. {esc(module.module.title)} <small class=\"muted\">({done})</small></h2>")
        if module.module.summary:
            body.append(f"<p class=\"muted\">{esc(module.module.summary)}</p>")
        if not module.scenarios:
            body.append("<p>No scenarios yet.</p>")
            continue
        rows = []
        for s in module.scenarios:
            mark = "<span class=\"done\">✓ done</span>" if s.completed else ("tried" if s.tried else "not tried yet")
            rows.append(f"<tr><td>{esc(s.scenario.title)}</td><td>{mark}</td><td>{s.plays}</td>"
                        f"<td>{s.endings_found} of {s.endings_total}<br><span class=\"muted\">"
                        f"{esc('; '.join(_ending_names(report, s)))}</span></td></tr>")
        body.append("<table class=\"progress\"><tr><th>Scenario</th><th>Status</th><th>Played</th><th>Endings found</th></tr>"
                    + "".join(rows) + "</table>")
    body.append("<h2>Skills over time</h2><p class=\"muted\">Each line is one skill across your most recent "
                "finished attempts, oldest on the left. The arrow shows the good direction; the dot marks your "
                "best; the dashed line is zero.</p>")
    for history in report.skills:
        body.append(f"<div class=\"skill\">{sparkline_svg(history)}<div><strong>{esc(history.label)}</strong><br>"
                    f"{esc(_skill_line(history).split(': ', 1)[1])}</div></div>")
    if report.journal is not None:
        body.append("<h2>Journal</h2>")
        if not report.journal:
            body.append("<p>No entries yet.</p>")
        for entry in report.journal:
            about = report.scenario_titles.get(entry.scenario, "")
            paragraphs = "".join(f"<p>{esc(part)}</p>" for part in entry.text.split("\n\n") if part.strip())
            body.append(f"<div class=\"entry\"><h3>{_day(entry.created_at)}"
                        + (f": {esc(about)}" if about else "") + f"</h3><p><em>{esc(entry.prompt)}</em></p>"
                        + paragraphs + "</div>")
    if report.own_words is not None:
        body.append(_own_words_html(report))
    body.append(f"<footer>{esc(DISCLAIMER)}</footer>")
    return page(f"Progress report: {report.name}", "\n".join(body))


def _own_words_html(report: Report) -> str:
    out = [f"<h2>In your own words</h2><p class=\"muted\">{esc(_own_words_intro(report))}</p>"]
    if report.habits:
        out.append("<ul>" + "".join(f"<li>{esc(count.line)}</li>" for count in report.habits) + "</ul>")
    replies = []
    for reply in report.own_words:
        about = _reply_about(report, reply)
        replies.append(f"<li>“{esc(reply.text)}”" + (f" <span class=\"muted\">({esc(about)})</span>" if about else "")
                       + "</li>")
    if replies:
        out.append("<ul>" + "".join(replies) + "</ul>")
    return "\n".join(out)


FORMATS = {"md": to_markdown, "html": to_html}


def render(report: Report, fmt: str) -> str:
    return FORMATS[fmt](report)
