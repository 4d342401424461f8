"""The arguments of `rehearse` paths, record, verify, graph and new; their
code is in commands.py and loads only when one of them runs."""

from ..i18n import _


def add_authoring_commands(command) -> None:
    """Register the commands with build_parser's `command(name, handler, help)` helper."""
    scenario_help = _("a scenario id or a path to a scenario file")
    sub = command("paths", "bot.authoring.commands:cmd_paths",
                  _("explore every play-through: endings, shortest scripts, skill ranges, traps, coverage"))
    sub.add_argument("scenario", nargs="?", metavar="SCENARIO",
                     help=_("a scenario id or file (default: one line for each scenario in the library)"))
    sub.add_argument("--json", action="store_true", help=_("print one JSON object"))

    sub = command("record", "bot.authoring.commands:cmd_record", _("save an approved play-through beside the library"))
    sub.add_argument("scenario", metavar="SCENARIO", help=scenario_help)
    sub.add_argument("--script", required=True, help=_("choice numbers, e.g. 1,3,2"))
    sub.add_argument("--name", help=_("the transcript's name (default: the ending reached)"))
    sub.add_argument("--force", action="store_true", help=_("replace a saved transcript of another play-through"))

    command("verify", "bot.authoring.commands:cmd_verify",
            _("replay every approved transcript and show what now plays differently"))

    sub = command("graph", "bot.authoring.commands:cmd_graph", _("print a scenario as a Mermaid or Graphviz diagram"))
    sub.add_argument("scenario", metavar="SCENARIO", help=scenario_help)
    sub.add_argument("--format", choices=("dot", "mermaid"), default="mermaid", help=_("mermaid (default) or dot"))

    sub = command("new", "bot.authoring.commands:cmd_new", _("write a starter scenario that passes `check`"))
    sub.add_argument("name", metavar="MODULE/ID", help=_("e.g. money/car-keys"))
    sub.add_argument("--title", help=_("the scenario's title (default: from the id)"))
