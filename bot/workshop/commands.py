"""`rehearse workshop`, `rehearse guide` and `rehearse serve`: what each
command needs before anything opens, so every problem with the command
line is a plain message and exit 2. cli.py here registers them."""

import sys
from pathlib import Path

from ..cli_support import UsageError, content_dirs, unknown_language
from ..content.files import ORIGINAL_LANGUAGE, library_root_of, original_of_translation
from ..content.library import Library
from ..content.scenario_parser import scenario_id_of
from ..locations import home
from ..text import clean_line
from ..content.workshop_plan import PLANS, WorkshopPlan, is_plan_file, load_plans, plan_id_of, read_plan
from ..i18n import LANGUAGES, _, language, ngettext, normalise, use_language
from .network import AddressError, bind_address, listen


# -- finding what to run ------------------------------------------------------
def workshop_language(args) -> str:
    """`--lang` after the command, else the language already in use (the
    global --lang, the setting or the locale); set for this process."""
    raw = getattr(args, "command_lang", None)
    if raw is not None and normalise(raw) is None:
        raise UsageError("--lang " + unknown_language(raw))
    return use_language(raw or language())


def _plan_or_scenarios(targets: list[str], dirs: list[Path], lang: str | None = None):
    """(library, plan or None, [scenario ids]). Files add their library;
    the scenarios' and the plan's words are in `lang` where a translation has them."""
    extra = []
    for raw in targets:
        path = Path(raw)
        if raw.endswith(".md") or path.is_file():
            if not path.is_file():
                raise UsageError(_("{path}: no such file").format(path=clean_line(raw)))
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
            _refuse_a_translation(raw, path)
            plan, problems = read_plan(path, library.scenarios, lang=lang)
            if plan is None:
                details = "\n".join(clean_line(str(d)) for d in problems[:10])
                raise UsageError(_has_errors(raw) + "\n" + details)
            chosen_plan = plan
        elif path.is_file():
            scenario_id = scenario_id_of(path)
            if scenario_id not in library.scenarios:
                raise UsageError(_has_errors(raw))
            ids.append(scenario_id)
        elif raw in library.scenarios:
            ids.append(raw)
        elif raw in plans:
            chosen_plan = plans[raw]
        else:
            known = ", ".join(sorted(library.scenarios)[:8] + sorted(plans))
            raise UsageError(_("no scenario or plan `{name}`; try `rehearse list` (e.g. {known})").format(
                name=clean_line(raw), known=known))
    if chosen_plan is not None and len(targets) > 1:
        raise UsageError(_("give one workshop plan, or scenarios, not both"))
    return chosen_plan, ids


def _has_errors(raw: str) -> str:
    return _("{path} has errors; run `rehearse check {path}`").format(path=clean_line(raw))


def _refuse_a_translation(raw: str, path: Path) -> None:
    """A plan's translation names only its words: the workshop is its original's,
    in the translation's language."""
    found = original_of_translation(path, PLANS.folder, plan_id_of)
    if found is not None:
        lang, original = found
        raise UsageError(_("{path} is the `{lang}` translation of a plan: give its original, {original}, "
                           "with --lang {lang}").format(path=clean_line(raw), lang=lang,
                                                        original=clean_line(str(original))))


def _say_what_stays_in_english(plan: WorkshopPlan | None, scenario_ids: list[str], library: Library,
                               lang: str) -> None:
    """As `play` does for a scenario: a plan without a usable translation (none
    yet, or one with errors) runs in its original words, and so does each
    scenario on the agenda without one; a line for the plan, one naming the scenarios."""
    if plan is not None and lang != ORIGINAL_LANGUAGE and not plan.translated:
        print("rehearse: " + _("the plan {plan} has no usable `{lang}` translation (none yet, or one with errors: "
                               "see `rehearse check`), so its words are in English.").format(plan=plan.id, lang=lang),
              file=sys.stderr)
    english = [i for i in dict.fromkeys(scenario_ids) if i in library.untranslated]
    if english:
        said = ngettext("the scenario {scenarios} has no `{lang}` translation yet, so it stays in English.",
                        "the scenarios {scenarios} have no `{lang}` translation yet, so they stay in English.",
                        len(english))
        print("rehearse: " + said.format(scenarios=clean_line(", ".join(english)), lang=lang), file=sys.stderr)


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
    _say_what_stays_in_english(plan, [i.scenario for i in agenda], library, lang)
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
        print("rehearse: " + _("the vote page is on the room's network at {url} (bound to {host} only)").format(
            url=server.url, host=server.host))
    print("rehearse: " + _("your private facilitator notes (open on your own phone or laptop; never project or "
                           "share this link):") + f"\n  {server.facilitator_url}")
    _wait_for_enter()
    from .ui.app import WorkshopApp

    app = WorkshopApp(run, room, gate.code, server=server, export_dir=Path(args.export or home() / "exports"),
                      vote_seconds=args.vote_seconds or vote_seconds or 30,
                      discuss_minutes=args.discuss_minutes or discuss_minutes or 3)
    app.run()
    for path in app.saved:
        print("rehearse: " + _("saved the session record: {path}").format(path=path))
    return app.return_code or 0


def _wait_for_enter() -> None:
    """The projector screen covers the terminal: the facilitator copies the link first."""
    if sys.stdin.isatty():
        try:
            input(_("Press Enter to open the projector screen.") + " ")
        except EOFError:
            pass


def _listen(args):
    """The bound socket, so a busy port or a wrong address is a message now."""
    try:
        host = bind_address(args.lan)
    except AddressError as err:
        raise UsageError(str(err)) from None
    if not 0 <= args.port <= 65535:
        raise UsageError(_("--port {port}: not a port number").format(port=args.port))
    try:
        return listen(host, args.port)
    except OSError as err:
        raise UsageError(_("cannot listen on {host} port {port}: {reason}").format(
            host=host, port=args.port, reason=err.strerror or err)) from None


# -- rehearse guide ----------------------------------------------------------------
def cmd_guide(args) -> int:
    from ..help import guess_region, load
    from ..locations import write_private
    from .guide import write

    lang = workshop_language(args)
    library, plan, _ids = _plan_or_scenarios([args.plan], content_dirs(args), lang)
    if plan is None:
        raise UsageError(_("{name} is a scenario; `rehearse guide` needs a workshop plan").format(
            name=clean_line(args.plan)))
    _say_what_stays_in_english(plan, [i.scenario for i in plan.items], library, lang)
    text = write(plan, library, load(), args.region or guess_region(), args.format)
    if args.output:
        try:
            write_private(Path(args.output), text)
        except OSError as err:
            raise UsageError(_("cannot write {path}: {problem}").format(
                path=clean_line(args.output), problem=err.strerror or err)) from None
        print("rehearse: " + _("wrote the guide to {path}").format(path=clean_line(args.output)), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


# -- rehearse serve ------------------------------------------------------------------
def cmd_serve(args) -> int:
    from .serve import serve

    sock = _listen(args)
    return serve(sock, content_dirs(args), max_sessions=args.max_sessions, idle_seconds=args.idle_hours * 3600)
