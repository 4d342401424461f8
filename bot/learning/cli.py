"""The arguments of `rehearse` report, export and forget; their code is in
commands.py and loads only when one of them runs."""

from ..cli_support import interface_language
from ..i18n import _


def add_learning_commands(command) -> None:
    """Register the commands with build_parser's `command(name, handler, help)` helper."""
    where = _("where to write it (- for the screen)")
    sub = command("report", "bot.learning.commands:cmd_report", _("write a progress report you can choose to share"))
    sub.add_argument("--profile", metavar="NAME", help=_("whose report (default: the profile in use)"))
    sub.add_argument("--format", choices=("md", "html"), default="md", help=_("md (default) or html"))
    sub.add_argument("--journal", action="store_true", help=_("include your journal entries"))
    sub.add_argument("--own-words", action="store_true",
                     help=_("include the words you typed yourself and the habits found in them"))
    sub.add_argument("--output", metavar="PATH", help=where)
    # read by the command line before any command runs (bot.cli.lang_flag): here so it may follow `report`
    sub.add_argument("--lang", metavar="CODE", type=interface_language,
                     help=_("the report's language, e.g. es (default: the app's)"))

    sub = command("export", "bot.learning.commands:cmd_export", _("save everything rehearse keeps about you, as JSON"))
    sub.add_argument("--profile", metavar="NAME", help=_("only this profile (default: every profile)"))
    sub.add_argument("--output", metavar="PATH", help=where)

    sub = command("forget", "bot.learning.commands:cmd_forget", _("delete your saved progress, after asking you first"))
    sub.add_argument("--profile", metavar="NAME", help=_("only this profile (default: everything)"))
    sub.add_argument("--yes", action="store_true", help=_("do not ask (for scripts)"))
