"""The `rehearse` command: check, list and play work without any screen; with
no command it opens the app."""

import argparse
import sys
from pathlib import Path

from .content.checker import check_scenario
from .content.diagnostics import Report
from .content.files import library_root_of
from .cli_support import UsageError, content_dirs, parse_script, print_json, resolve_scenario
from .content.checking import CheckResult, check, count_scenario
from .content.library import Library
from .content.scenario_parser import parse_scenario
from .content.workshop_plan import check_loose_plan, is_plan_file
from .engine.session import InvalidChoice, Session
from .text import clean, clean_line


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
            raise UsageError(f"{raw}: no such file or folder")
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
    root = library_root_of(path.resolve().parent)
    if root is None:
        if is_plan_file(path):
            return CheckResult(check_loose_plan(path, added))
        return _check_loose(path, added)
    if _inside(path, root / "scenarios"):
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
        print(f"{len(errors)} error{'s' * (len(errors) != 1)}, {len(warnings)} warning{'s' * (len(warnings) != 1)} "
              f"in {stats['scenarios']} scenario{'s' * (stats['scenarios'] != 1)} "
              f"({stats['nodes']} nodes, {stats['choices']} choices, {stats['endings']} endings)")
    return 1 if errors else 0


def play_script(session: Session, numbers: list[int]) -> None:
    for step, number in enumerate(numbers, 1):
        try:
            session.choose(number)
        except InvalidChoice as err:
            raise UsageError(f"step {step}: {err} (at node `{session.state}`)") from None


def play_result(session: Session) -> dict:
    return {
        "scenario": session.scenario.id,
        "path": list(session.path),
        "ending": session.ending,
        "outcome": session.outcome,
        "skills": session.skill_scores(),
    }


def cmd_play(args) -> int:
    compiled, library = resolve_scenario(args.scenario, content_dirs(args))
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
        print(f"ending: {session.ending or '-'} ({session.outcome or 'not reached'})")
        print("skills: " + ", ".join(f"{k} {v:+d}" for k, v in session.skill_scores().items()))
    return 0


def cmd_list(args) -> int:
    library = Library(content_dirs(args))
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
            print("   (no scenarios yet)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rehearse", description="Practise hard conversations, safely.")
    parser.add_argument("--content", action="append", metavar="DIR", default=[],
                        help="add a library folder (replaces the built-in one if DIR has course.md)")
    commands = parser.add_subparsers(dest="command")

    def command(name, handler, help_text):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--content", action="append", metavar="DIR", default=argparse.SUPPRESS,
                         help="add a library folder (replaces the built-in one if DIR has course.md)")
        sub.set_defaults(handler=handler)
        return sub

    sub = command("check", cmd_check, "check scenarios and report every problem")
    sub.add_argument("paths", nargs="*", metavar="PATH", help="library folders or files (default: the built-in library)")
    sub.add_argument("--json", action="store_true", help="print one JSON object")

    sub = command("play", cmd_play, "play a scenario: --script for headless play, otherwise plain text")
    sub.add_argument("scenario", metavar="SCENARIO", help="a scenario id or a path to a scenario file")
    sub.add_argument("--script", help="choice numbers, e.g. 1,3,2")
    sub.add_argument("--json", action="store_true", help="print the result as JSON (with --script)")
    sub.add_argument("--plain", action="store_true", help="plain line-by-line text (the default without --script)")

    sub = command("list", cmd_list, "list modules and scenarios in course order")
    sub.add_argument("--json", action="store_true", help="print one JSON object")

    from .learning.commands import add_learning_commands  # report, export, forget

    add_learning_commands(command)

    from .authoring.commands import add_authoring_commands  # paths, record, verify, graph, new

    add_authoring_commands(command)

    from .workshop.cli import add_commands as add_workshop_commands  # workshop, guide, serve

    add_workshop_commands(command)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from .ui.launch import run_app

            return run_app(content_dirs(args))
        return args.handler(args)
    except UsageError as err:
        print(f"rehearse: {clean(str(err))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # a bug of ours: say so plainly rather than dump a traceback on a user
        print(f"rehearse: something went wrong inside rehearse ({type(err).__name__}: {clean_line(str(err))}). "
              "Nothing you saved is lost; please report this.", file=sys.stderr)
        return 1


def entry() -> None:
    sys.exit(main())
