"""The authoring commands of `rehearse`: paths, record, verify, graph, new.
cli.py here registers them; each returns an exit code (0 fine, 1 problems
found) or raises UsageError (exit 2)."""

import json
from pathlib import Path

from ..cli_support import UsageError, content_dirs, print_json, parse_script, warn_left_out
from ..content.checking import check
from ..content.files import scan_library
from ..content.library import Library, builtin_root, library_roots
from ..content.scenario_parser import is_valid_id
from ..engine.catalog import Catalog
from ..i18n import _, ngettext
from ..locations import write_new
from ..scenario_lookup import resolve_scenario
from ..text import clean, clean_line
from . import transcripts
from .diagram import FORMATS
from .paths import analyse, to_json, uncited_sections
from .paths_text import report_lines, summary_line, uncited_line
from .starter import default_title, starter_text
from .starter_library import module_entry, start_library


def cmd_paths(args) -> int:
    dirs = content_dirs(args)
    if args.scenario is None:
        library = Library(dirs)
        warn_left_out(library)
        return _paths_summary(library, args.json)
    compiled, library = resolve_scenario(args.scenario, dirs)
    report = analyse(compiled.scenario)
    report.uncited = uncited_sections(library.sources, [compiled.scenario, *library.scenarios.values()])
    if args.json:
        print_json(to_json(report))
    else:
        print("\n".join(report_lines(report)))
    return 0 if report.ok else 1


def _paths_summary(library: Library, as_json: bool) -> int:
    reports = [analyse(s) for s in library.in_order()]
    uncited = uncited_sections(library.sources, library.scenarios.values())
    if as_json:
        print_json({"ok": all(r.ok for r in reports), "complete": all(r.complete for r in reports),
                    "scenarios": [to_json(r) for r in reports], "uncited_sections": uncited})
    else:
        for report in reports:
            print(summary_line(report))
        if uncited:
            print(uncited_line(uncited))
    return 0 if all(r.ok for r in reports) else 1


def cmd_record(args) -> int:
    name = args.name
    if name is not None and not is_valid_id(name):
        raise UsageError(_("--name {name}: use lower-case letters, digits and -").format(name=repr(clean_line(name))))
    compiled, _library = resolve_scenario(args.scenario, content_dirs(args))
    script = parse_script(args.script) if args.script.strip() else []
    session, stopped = transcripts.play(compiled, script)
    try:
        if stopped:
            raise UsageError(stopped)
        data = transcripts.transcript(session, script)
    finally:
        session.close()
    root = transcripts.library_root(compiled.scenario)
    if root is None:
        raise UsageError(_("{scenario}: not inside a library (no course.md above it)").format(scenario=args.scenario))
    path = transcripts.transcript_path(root, compiled.scenario.id, name or data["ending"] or "unfinished")
    if path.exists() and not args.force and _saved_script(path) != script:
        raise UsageError(_("{path} holds another play-through; choose a --name, or --force to replace it").format(
            path=path))
    try:
        transcripts.save(path, data)
    except OSError as err:
        raise UsageError(cannot_write(path, err)) from None
    print(clean_line(_("approved {scenario} --script {script}: {ending} ({outcome}) -> {path}").format(
        scenario=compiled.scenario.id, script=",".join(map(str, script)), ending=data["ending"] or _("no ending yet"),
        outcome=data["outcome"] or "-", path=path)))
    return 0


def _saved_script(path: Path) -> list | None:
    """The script an approved transcript was recorded with (None if unreadable):
    recording the same script again approves it again."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("script") if isinstance(data, dict) else None


def cmd_verify(args) -> int:
    dirs = content_dirs(args)
    library = Library(dirs)
    catalog = Catalog(library)
    saved = transcripts.saved_transcripts([files.root for files in library_roots(dirs)])
    differing = 0
    for item in saved:
        scenario_id = item.data.get("scenario") if item.data else None
        if item.data is None:
            problem = item.problem
        elif scenario_id not in library.scenarios:
            problem = _("scenario `{scenario}` is not in the library (missing, or `rehearse check` finds "
                        "errors)").format(scenario=scenario_id)
        else:
            compiled = catalog.compiled(scenario_id)
            diff = transcripts.differences(item, transcripts.replay_lines(compiled, item.data["script"]),
                                           compiled.scenario.file)
            problem = "\n".join(diff)
        if not problem:
            print(_("ok").ljust(8), clean_line(item.label))
            continue
        differing += 1
        print(_("DIFFERS").ljust(8), f"{clean_line(item.label)}  ({clean_line(str(item.path))})")
        for line in problem.splitlines():
            print(clean(line))
    if not saved:
        print(_("no approved transcripts yet; save one with `rehearse record SCENARIO --script 1,2,1`"))
    else:
        print(_("{transcripts}: {match} match, {differ} differ").format(
            transcripts=ngettext("{n} transcript", "{n} transcripts", len(saved)).format(n=len(saved)),
            match=len(saved) - differing, differ=differing))
    return 1 if differing else 0


def cmd_graph(args) -> int:
    compiled, _library = resolve_scenario(args.scenario, content_dirs(args))
    print(FORMATS[args.format](compiled.scenario), end="")
    return 0


def cmd_new(args) -> int:
    module, _slash, scenario_id = args.name.partition("/")
    if not (is_valid_id(module) and is_valid_id(scenario_id)):
        raise UsageError(_("{name}: give MODULE/ID, each of lower-case letters, digits and -").format(
            name=repr(clean_line(args.name))))
    dirs = content_dirs(args, last_may_be_new=True)
    library = Library(dirs)
    root = dirs[-1] if dirs else builtin_root()
    path = root / "scenarios" / module / f"{scenario_id}.md"
    made = []
    try:
        if module not in _module_ids(library):
            if not (dirs and _starts_afresh(dirs, root)):
                raise UsageError(_no_module(module, dirs, library))
            made = start_library(root, module, path)
            library = Library(dirs)
        if scenario_id in library.scenarios:
            raise UsageError(_("the library already has a scenario `{scenario}` ({file})").format(
                scenario=scenario_id, file=library.scenarios[scenario_id].file))
        orders = [s.order or 0 for s in library.scenarios.values() if s.module == module]
        title = clean_line(args.title or "") or default_title(scenario_id)
        text = starter_text(scenario_id, module, title, library.course, library.sources, max(orders, default=0) + 1)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_new(path, text)
    except FileExistsError as err:
        raise UsageError(_("{path} already exists, and `new` never replaces a file: choose another id or "
                           "folder").format(path=err.filename)) from None
    except OSError as err:
        raise UsageError(cannot_write(err.filename or root, err)) from None
    result = check(dirs, only=[path])
    for made_path, what in made:
        print(clean_line(_("wrote {path} ({what})").format(path=made_path, what=_(what))))
    print(clean_line(_("wrote {path}: {errors}, {warnings}").format(
        path=path, errors=ngettext("{n} error", "{n} errors", len(result.errors)).format(n=len(result.errors)),
        warnings=ngettext("{n} warning", "{n} warnings", len(result.warnings)).format(n=len(result.warnings)))))
    for diagnostic in result.errors + result.warnings:
        print(clean_line(str(diagnostic)))
    content = "".join(f" --content {d}" for d in dirs)
    print(clean_line(_("next: edit it, then `{check}` and `{play}`").format(
        check=f"rehearse check {path}", play=f"rehearse play {scenario_id}{content}")))
    return 1 if result.errors else 0


def _module_ids(library: Library) -> list[str]:
    return [m.id for m in library.course.modules] if library.course else []


def _own_course(dirs: list[Path]) -> Path | None:
    """The course.md in use when a --content folder has one (the last such wins)."""
    return next((d / "course.md" for d in reversed(dirs) if (d / "course.md").is_file()), None)


def _starts_afresh(dirs: list[Path], root: Path) -> bool:
    """A new library is started only where it changes nothing: no --content
    folder has a course.md, and the folder written to holds no library files."""
    files = scan_library(root)
    return _own_course(dirs) is None and not (files.sources or files.scenarios)


def _no_module(module: str, dirs: list[Path], library: Library) -> str:
    """Why no scenario was written, and what to do: a course.md is the
    author's own file, so it is never edited for them."""
    listed = _("modules: {modules}").format(modules=", ".join(_module_ids(library)) or _("none"))
    course = _own_course(dirs)
    if course is not None:
        entry = "\n".join(module_entry(module))
        return (_("no module `{module}` in {course}; {modules}").format(module=module, course=course, modules=listed)
                + "\n" + _("to add it, put these lines under `modules:` in {course}, then run this command again:")
                .format(course=course) + "\n" + entry)
    return (_("no module `{module}` in the built-in course; {modules}").format(module=module, modules=listed) + "\n"
            + _("to start your own library with that module, give an empty or new folder: `{command}`").format(
                command=f"rehearse new {module}/ID --content my-library"))


def cannot_write(path, err: OSError) -> str:
    return _("cannot write {path}: {problem}").format(path=path, problem=err.strerror or err)
