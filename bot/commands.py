"""`rehearse check`, `rehearse play` and `rehearse list`: the commands that
work without any screen. bot/cli.py registers them."""

import sys
from pathlib import Path

from .content.checker import check_scenario
from .content.diagnostics import Report
from .content.files import library_root_of, original_of_translation
from .cli_support import UsageError, content_dirs, parse_script, print_json, warn_left_out
from .content.checking import CheckResult, check, count_scenario
from .content.library import Library
from .content.scenario_parser import parse_scenario, scenario_id_of
from .content.translation import SCENARIOS
from .content.files import is_language, languages
from .content.workshop_plan import check_loose_plan, is_plan_file
from .engine.session import InvalidChoice, Session
from .i18n import _, language, ngettext
from .scenario_lookup import resolve_scenario
from .text import clean_line


def cmd_check(args) -> int:
    added = content_dirs(args)
    folders: list[Path] = []
    files: list[Path] = []
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir():
            folders.append(path)
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(_("{path}: no such file or folder").format(path=raw))
    result = CheckResult()
    for path in files:
        _merge(result, _check_file(path, added))
    if folders or not files:
        _merge(result, check(added + folders))
    return _report_check(result, args.json)


def _merge(result: CheckResult, part: CheckResult) -> None:
    result.diagnostics.extend(part.diagnostics)
    for key, value in part.stats.items():
        result.stats[key] += value


def _check_file(path: Path, added: list[Path]) -> CheckResult:
    """One file, checked against the library it belongs to."""
    from .words.check import check_rules_file, is_rules_file

    if is_rules_file(path):  # the own-words coach's rules: a file of their own
        return CheckResult(check_rules_file(path))
    root = library_root_of(path.resolve().parent)
    if root is None:
        if is_plan_file(path):
            return CheckResult(check_loose_plan(path, added))
        return _check_loose(path, added)
    scenario_folders = [root / "scenarios", *(root / lang / "scenarios" for lang in languages(root))]
    if any(_inside(path, folder) for folder in scenario_folders):
        return check(added + [root], only=[path])
    return check(added + [root])


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def _check_loose(path: Path, added: list[Path]) -> CheckResult:
    """A scenario file in no library: checked against the built-in course."""
    library = Library(added)
    result = CheckResult()
    report = Report(str(path))
    scenario = parse_scenario(path, report.file, report)
    if scenario is not None:
        check_scenario(scenario, library.course, library.sources, report)
        count_scenario(result.stats, scenario)
    result.diagnostics.extend(report.items)
    return result


def _report_check(result: CheckResult, as_json: bool) -> int:
    errors, warnings = result.errors, result.warnings
    if as_json:
        print_json({
            "ok": not errors,
            "errors": [d.as_json() for d in errors],
            "warnings": [d.as_json() for d in warnings],
            "stats": result.stats,
        })
    else:
        for diagnostic in errors + warnings:
            print(clean_line(str(diagnostic)))
        stats = result.stats
        print(_("{errors}, {warnings} in {scenarios} ({nodes} nodes, {choices} choices, {endings} endings)").format(
            errors=ngettext("{n} error", "{n} errors", len(errors)).format(n=len(errors)),
            warnings=ngettext("{n} warning", "{n} warnings", len(warnings)).format(n=len(warnings)),
            scenarios=ngettext("{n} scenario", "{n} scenarios", stats["scenarios"]).format(n=stats["scenarios"]),
            nodes=stats["nodes"], choices=stats["choices"], endings=stats["endings"]))
    return 1 if errors else 0


def play_script(session: Session, numbers: list[int]) -> None:
    for step, number in enumerate(numbers, 1):
        try:
            session.choose(number)
        except InvalidChoice as err:
            raise UsageError(_("step {step}: {problem} (at node `{node}`)").format(
                step=step, problem=err, node=session.state)) from None


def play_result(session: Session) -> dict:
    return {
        "scenario": session.scenario.id,
        "path": list(session.path),
        "ending": session.ending,
        "outcome": session.outcome,
        "skills": session.skill_scores(),
    }


def cmd_play(args) -> int:
    lang = _language(args)
    _refuse_a_translation(args.scenario)
    compiled, library = resolve_scenario(args.scenario, content_dirs(args), lang)
    if compiled.scenario.id in library.untranslated:
        print("rehearse: " + _("{scenario} has no `{lang}` translation yet, so it plays in English.").format(
            scenario=clean_line(compiled.scenario.id), lang=lang), file=sys.stderr)
    if args.script is None and not args.plain and _can_open_app(compiled.scenario.id, library):
        from .ui.launch import run_app

        return run_app(content_dirs(args), compiled.scenario.id, library, lang=language())  # chosen at start
    session = Session(compiled)
    if args.script is None:
        from .plain import play_plain

        return play_plain(session, library)
    numbers = parse_script(args.script) if args.script.strip() else []
    play_script(session, numbers)
    if args.json:
        print_json(play_result(session))
    else:
        for node_id in session.path:
            print(clean_line(node_id))
        print(_("ending: {ending} ({outcome})").format(ending=session.ending or "-",
                                                        outcome=session.outcome or _("not reached")))
        print(_("skills: {scores}").format(scores=", ".join(f"{k} {v:+d}" for k, v in session.skill_scores().items())))
    return 0


def _refuse_a_translation(raw: str) -> None:
    """A scenario's translation holds only its words: it plays as its original,
    in the translation's language (as `rehearse guide` says of a plan's)."""
    path = Path(raw)
    found = original_of_translation(path, SCENARIOS.folder, scenario_id_of) if path.is_file() else None
    if found is not None:
        lang, original = found
        raise UsageError(_("{path} is the `{lang}` translation of a scenario: give its original, {original}, "
                           "with --lang {lang}").format(path=clean_line(raw), lang=lang,
                                                        original=clean_line(str(original))))


def _language(args) -> str | None:
    """--lang: a two-letter code such as es (en is the course as written); without
    it, the language of the interface (rehearse --lang, the setting, the locale)."""
    lang = args.lang
    if lang is not None and not is_language(lang):
        raise UsageError(_("--lang {code}: use a two-letter language code, such as es").format(code=clean_line(lang)))
    return lang or language()


def _can_open_app(scenario_id: str, library: Library) -> bool:
    """The app needs a terminal on both ends; piped output gets plain text. A
    scenario file outside any library is not in the app's library: plain too."""
    return sys.stdin.isatty() and sys.stdout.isatty() and scenario_id in library.scenarios


def cmd_list(args) -> int:
    library = Library(content_dirs(args), lang=language())
    warn_left_out(library)
    modules = library.modules()
    if args.json:
        print_json({
            "course": library.course.title if library.course else "",
            "modules": [
                {"id": m.id, "title": m.title, "summary": m.summary,
                 "scenarios": [{"id": s.id, "title": s.title, "minutes": s.minutes,
                                "persona": s.persona, "learner": s.learner, "file": s.file} for s in members]}
                for m, members in modules
            ],
        })
        return 0
    if library.course:
        print(clean_line(library.course.title))
    for number, (module, members) in enumerate(modules, 1):
        print(f"\n{number}. {clean_line(module.title)}  [{module.id}]")
        for scenario in members:
            minutes = f" ({scenario.minutes} min)" if scenario.minutes else ""
            print(f"   {scenario.id:<24} {clean_line(scenario.title)}{minutes}")
        if not members:
            print("   " + _("(no scenarios yet)"))
    return 0
