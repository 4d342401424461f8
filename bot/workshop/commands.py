"""`rehearse workshop`, `rehearse guide` and `rehearse serve`: what each
command needs before anything opens, so every problem with the command
line is a plain message and exit 2. cli.py here registers them."""

import sys
from pathlib import Path

from ..cli_support import UsageError, content_dirs
from ..content.files import library_root_of
from ..content.library import Library
from ..content.scenario_parser import scenario_id_of
from ..locations import home
from ..text import clean_line
from ..content.workshop_plan import WorkshopPlan, is_plan_file, load_plans, read_plan
from ..i18n import LANGUAGES, language, normalise, use_language
from .network import AddressError, bind_address, listen


# -- finding what to run ------------------------------------------------------
def workshop_language(args) -> str:
    """`--lang` after the command, else the language already in use (the
    global --lang, the setting or the locale); set for this process."""
    raw = getattr(args, "command_lang", None)
    if raw is not None and normalise(raw) is None:
        raise UsageError(f"--lang {clean_line(raw)}: not a language rehearse speaks; use one of {', '.join(LANGUAGES)}")
    return use_language(raw or language())


def _plan_or_scenarios(targets: list[str], dirs: list[Path], lang: str | None = None):
    """(library, plan or None, [scenario ids]). Files add their library;
    the scenarios' and the plan's words are in `lang` where a translation has them."""
    extra = []
    for raw in targets:
        path = Path(raw)
        if raw.endswith(".md") or path.is_file():
            if not path.is_file():
                raise UsageError(f"{raw}: no such file")
            root = library_root_of(path.resolve().parent)
            if root is not None:
                extra.append(root)
    library = Library(dirs + extra, lang=lang)
    return (library, *_chosen(targets, library, lang))


def _chosen(targets: list[str], library: Library, lang: str | None) -> tuple[WorkshopPlan | None, list[str]]:
    """The plan or the scenario ids the targets name, in `library` (loaded in `lang`)."""
    plans = load_plans(library.content_dirs, library.scenarios, lang)
    chosen_plan: WorkshopPlan | None = None
    ids = []
    for raw in targets:
        path = Path(raw)
        if path.is_file() and is_plan_file(path):
            plan, problems = read_plan(path, library.scenarios, lang=lang)
            if plan is None:
                details = "\n".join(clean_line(str(d)) for d in problems[:10])
                raise UsageError(f"{raw} has errors; run `rehearse check {raw}`\n{details}")
            chosen_plan = plan
        elif path.is_file():
            scenario_id = scenario_id_of(path)
            if scenario_id not in library.scenarios:
                raise UsageError(f"{raw} has errors; run `rehearse check {raw}`")
            ids.append(scenario_id)
        elif raw in library.scenarios:
            ids.append(raw)
        elif raw in plans:
            chosen_plan = plans[raw]
        else:
            known = ", ".join(sorted(library.scenarios)[:8] + sorted(plans))
            raise UsageError(f"no scenario or plan `{clean_line(raw)}`; try `rehearse list` (e.g. {known})")
    if chosen_plan is not None and len(targets) > 1:
        raise UsageError("give one workshop plan, or scenarios, not both")
    return chosen_plan, ids


# -- rehearse workshop ---------------------------------------------------------
def cmd_workshop(args) -> int:
    from ..engine.catalog import Catalog
    from ..help import guess_region
    from ..help import load as load_helplines
    from .gate import Gate
    from .room import Room
    from .run import AgendaItem, WorkshopRun
    from .server import Limits, VoteServer
    from .site import JoinLimits

    lang = workshop_language(args)
    library, plan, ids = _plan_or_scenarios(args.targets, content_dirs(args), lang)
    if plan is not None:
        agenda = [AgendaItem(i.scenario, i.minutes) for i in plan.items]
        title, settings = plan.title, dict(opening=plan.opening, closing=plan.closing, notes=plan.notes)
        vote_seconds, discuss_minutes = plan.vote_seconds, plan.discuss_minutes
    else:
        agenda = [AgendaItem(i, library.scenarios[i].minutes) for i in ids]
        title, settings = ", ".join(library.scenarios[i].title for i in ids), {}
        vote_seconds = discuss_minutes = None
    sock = _listen(args)
    room = Room(cap=args.max_people)
    gate = Gate()
    limits = Limits(idle_seconds=args.idle_hours * 3600, joins=JoinLimits(per_address=args.max_per_address))
    server = VoteServer(room, gate, sock, limits)
    region = load_helplines().region(args.region or guess_region())
    phones = {other: Catalog(Library(library.content_dirs, lang=other)) for other in LANGUAGES if other != lang}
    # each phone reads the plan's title and questions in its own language, as it reads the scenarios
    phone_plans = {other: _chosen(args.targets, catalog.library, other)[0]
                   for other, catalog in phones.items()} if plan else {}
    run = WorkshopRun(Catalog(library), agenda, room, title=title, region=region, phone_catalogs=phones,
                      phone_plans=phone_plans, **settings)
    if args.lan is not None:
        print(f"rehearse: the vote page is on the room's network at {server.url} (bound to {server.host} only)")
    print("rehearse: your private facilitator notes (open on your own phone or laptop; never project or share "
          f"this link):\n  {server.facilitator_url}")
    _wait_for_enter()
    from .ui.app import WorkshopApp

    app = WorkshopApp(run, room, gate.code, server=server, export_dir=Path(args.export or home() / "exports"),
                      vote_seconds=args.vote_seconds or vote_seconds or 30,
                      discuss_minutes=args.discuss_minutes or discuss_minutes or 3)
    app.run()
    for path in app.saved:
        print(f"rehearse: saved the session record: {path}")
    return app.return_code or 0


def _wait_for_enter() -> None:
    """The projector screen covers the terminal: the facilitator copies the link first."""
    if sys.stdin.isatty():
        try:
            input("Press Enter to open the projector screen. ")
        except EOFError:
            pass


def _listen(args):
    """The bound socket, so a busy port or a wrong address is a message now."""
    try:
        host = bind_address(args.lan)
    except AddressError as err:
        raise UsageError(str(err)) from None
    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: not a port number")
    try:
        return listen(host, args.port)
    except OSError as err:
        raise UsageError(f"cannot listen on {host} port {args.port}: {err.strerror or err}") from None


# -- rehearse guide ----------------------------------------------------------------
def cmd_guide(args) -> int:
    from ..help import guess_region, load
    from ..locations import write_private
    from .guide import write

    library, plan, _ = _plan_or_scenarios([args.plan], content_dirs(args), workshop_language(args))
    if plan is None:
        raise UsageError(f"{clean_line(args.plan)} is a scenario; `rehearse guide` needs a workshop plan")
    text = write(plan, library, load(), args.region or guess_region(), args.format)
    if args.output:
        try:
            write_private(Path(args.output), text)
        except OSError as err:
            raise UsageError(f"cannot write {args.output}: {err.strerror or err}") from None
        print(f"rehearse: wrote the guide to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


# -- rehearse serve ------------------------------------------------------------------
def cmd_serve(args) -> int:
    from .serve import serve

    sock = _listen(args)
    return serve(sock, content_dirs(args), max_sessions=args.max_sessions, idle_seconds=args.idle_hours * 3600)
