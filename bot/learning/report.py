"""The progress report a learner may choose to share with a counselor:
modules, scenarios, endings found, skills over time (drawn as charts in
HTML) and, only if the learner asks, their journal and their own typed
words with the habits found in them (the words may hold family details). Markdown or one
self-contained HTML page that prints cleanly. Reads the same bounded
summaries as the course map, so it costs the same for any history."""

import time
from dataclasses import dataclass

from ..content.library import Library
from ..i18n import N_, _, ngettext
from ..progress.store import Profile, Store
from ..wording import TRENDS, direction, outcome_short, signed
from . import journal
from .own_words import HabitCount, TypedReply, habit_counts, habits_in_short, recent_replies, typed_replies
from .chart import sparkline_svg
from .course_map import CourseMap, course_map
from .dates import long_date
from .printable import esc, heading, md, md_block, page, paragraph
from .profiles import label
from .skills import SkillHistory, skill_histories

PRIVATE_NOTE = N_("This report was made on this computer by rehearse. It holds only what is shown here. "
                "You choose whether to share it, and with whom.")
DISCLAIMER = N_("rehearse is practice. It is not medical advice and not a crisis service.")


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


def _summary(report: Report) -> list[str]:
    modules = report.course.playable
    scenarios = [s for m in modules for s in m.scenarios]
    return [_("Modules completed: {done} of {total}").format(done=sum(m.complete for m in modules),
                                                             total=len(modules)),
            _("Scenarios completed (a good ending reached): {done} of {total}").format(
                done=sum(s.completed for s in scenarios), total=len(scenarios)),
            _("Endings found: {found} of {total}").format(found=sum(s.endings_found for s in scenarios),
                                                          total=sum(s.endings_total for s in scenarios)),
            _("Times practised: {count}").format(count=sum(s.plays for s in scenarios))]


def _ending_names(report: Report, status) -> list[str]:
    found = report.endings.get(status.scenario.id, {})
    return [f"{node.title} ({outcome_short(node.ending)})"
            for node in status.scenario.endings if node.id in found]


def _module_status(module) -> str:
    if not module.scenarios:
        return _("coming soon")
    if module.complete:
        return _("completed")
    return _("{done} of {total} completed").format(done=module.completed_count, total=len(module.scenarios))


def _skill_line(history: SkillHistory) -> str:
    if not history.scores:
        return _("{skill}: not practised yet ({direction})").format(skill=history.label,
                                                                   direction=direction(history.good))
    return _("{skill}: latest {latest}, best {best}, {trend}; {attempts} ({direction})").format(
        skill=history.label, latest=signed(history.latest), best=signed(history.best), trend=_(TRENDS[history.trend]),
        attempts=_attempts(len(history.scores)), direction=direction(history.good))


def _attempts(count: int) -> str:
    return ngettext("{count} attempt", "{count} attempts", count).format(count=count)


def _reply_about(report: Report, reply: TypedReply) -> str:
    """Where the words were typed and what they did: "Twenty dollars; helped: I-statements"."""
    return "; ".join(part for part in (report.scenario_titles.get(reply.scenario, ""), habits_in_short(reply.reading))
                     if part)


def _own_words_intro(report: Report) -> str:
    count = len(report.own_words)
    if not count:
        return _("No typed replies yet.")
    return _("The habits found in your last {replies}, and what you typed.").format(replies=typed_replies(count))


def _title(report: Report) -> str:
    return _("Progress report: {name}").format(name=report.name)


def _made(report: Report) -> str:
    return _("Made on {made}. Practising since {since}.").format(made=long_date(report.made_at),
                                                                 since=long_date(report.since))


def _scenario_line(s) -> str:
    line = _("{played}; endings found {found} of {total}").format(played=s.played, found=s.endings_found,
                                                                   total=s.endings_total)
    return _("done; {rest}").format(rest=line) if s.completed else line


def to_markdown(report: Report) -> str:
    out = ["# " + md(_title(report)), "", md(_made(report)), "", md(_(PRIVATE_NOTE)), "",
           "## " + _("Summary"), ""]
    out += [f"- {line}" for line in _summary(report)]
    for module in report.course.modules:
        out += ["", f"## {module.number}. {md(module.module.title)} ({_module_status(module)})", ""]
        if module.module.summary:
            out += [md(module.module.summary), ""]
        if not module.scenarios:
            out.append(_("No scenarios yet."))
        for s in module.scenarios:
            out.append(f"- {md(s.scenario.title)}: {_scenario_line(s)}")
            names = _ending_names(report, s)
            if names:
                out.append("  - " + _("Endings: {names}").format(names=md("; ".join(names))))
    out += ["", "## " + _("Skills over time"), "",
            _("Each skill across your most recent finished attempts, oldest first."), ""]
    for history in report.skills:
        scores = ", ".join(signed(v) for v in history.scores[-20:])
        out.append(f"- {md(_skill_line(history))}" + (_(". Last scores: {scores}").format(scores=scores)
                                                     if scores else ""))
    if report.journal is not None:
        out += ["", "## " + _("Journal"), ""]
        if not report.journal:
            out.append(_("No entries yet."))
        for entry in report.journal:
            about = report.scenario_titles.get(entry.scenario, "")
            out += [f"### {long_date(entry.created_at)}" + (f": {md(about)}" if about else ""), "",
                    f"*{md(journal.prompt_text(entry.prompt))}*", "", md_block(entry.text), ""]
    if report.own_words is not None:
        out += ["", "## " + _("In your own words"), "", md(_own_words_intro(report)), ""]
        out += [f"- {md(count.line)}" for count in report.habits]
        out += [""] if report.habits else []
        for reply in report.own_words:
            about = _reply_about(report, reply)
            out.append(f"- “{md(reply.text)}”" + (f" ({md(about)})" if about else ""))
    out += ["", "---", "", md(_(DISCLAIMER)), ""]
    return "\n".join(out)


def to_html(report: Report) -> str:
    body = [heading(1, _title(report)), f"<p class=\"muted\">{esc(_made(report))}</p>",
            paragraph(_(PRIVATE_NOTE)), heading(2, _("Summary")) + "<ul>"]
    body += [f"<li>{esc(line)}</li>" for line in _summary(report)]
    body.append("</ul>")
    for module in report.course.modules:
        status = esc(_module_status(module))
        done = f"<span class=\"done\">{status}</span>" if module.complete else status
        body.append(f"<h2>{module.number}. {esc(module.module.title)} <small class=\"muted\">({done})</small></h2>")
        if module.module.summary:
            body.append(f"<p class=\"muted\">{esc(module.module.summary)}</p>")
        if not module.scenarios:
            body.append(paragraph(_("No scenarios yet.")))
            continue
        rows = []
        for s in module.scenarios:
            mark = ("<span class=\"done\">✓ " + esc(_("done")) + "</span>" if s.completed
                    else esc(_("tried") if s.tried else _("not tried yet")))
            found = _("{found} of {total}").format(found=s.endings_found, total=s.endings_total)
            rows.append(f"<tr><td>{esc(s.scenario.title)}</td><td>{mark}</td><td>{s.plays}</td>"
                        f"<td>{esc(found)}<br><span class=\"muted\">"
                        f"{esc('; '.join(_ending_names(report, s)))}</span></td></tr>")
        heads = "".join(f"<th>{esc(head)}</th>" for head in (_("Scenario"), _("Status"), _("Played"),
                                                              _("Endings found")))
        body.append(f"<table class=\"progress\"><tr>{heads}</tr>" + "".join(rows) + "</table>")
    body.append(heading(2, _("Skills over time")) + "<p class=\"muted\">"
                + esc(_("Each line is one skill across your most recent finished attempts, oldest on the left. "
                        "The arrow shows the good direction; the dot marks your best; the dashed line is zero."))
                + "</p>")
    for history in report.skills:
        body.append(f"<div class=\"skill\">{sparkline_svg(history)}<div><strong>{esc(history.label)}</strong><br>"
                    f"{esc(_skill_line(history).split(': ', 1)[1])}</div></div>")
    if report.journal is not None:
        body.append(heading(2, _("Journal")))
        if not report.journal:
            body.append(paragraph(_("No entries yet.")))
        for entry in report.journal:
            about = report.scenario_titles.get(entry.scenario, "")
            paragraphs = "".join(paragraph(part) for part in entry.text.split("\n\n") if part.strip())
            body.append(f"<div class=\"entry\"><h3>{esc(long_date(entry.created_at))}"
                        + (f": {esc(about)}" if about else "")
                        + f"</h3><p><em>{esc(journal.prompt_text(entry.prompt))}</em></p>" + paragraphs + "</div>")
    if report.own_words is not None:
        body.append(_own_words_html(report))
    body.append(f"<footer>{esc(_(DISCLAIMER))}</footer>")
    return page(_title(report), "\n".join(body))


def _own_words_html(report: Report) -> str:
    out = [heading(2, _("In your own words")) + f"<p class=\"muted\">{esc(_own_words_intro(report))}</p>"]
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
