"""The arguments of `rehearse workshop`, `rehearse guide` and `rehearse
serve`; their code is in commands.py and loads only when one of them runs."""

import argparse

from ..i18n import _

DEFAULT_PORT = 8765
SERVE_PORT = 8766


def add_workshop_commands(command) -> None:
    """Register the three commands with bot.cli's `command` helper."""
    sub = command("workshop", "bot.workshop.commands:cmd_workshop",
                  _("run a workshop: the projector screen and the room's votes from phones"))
    sub.add_argument("targets", nargs="+", metavar="SCENARIO",
                     help=_("scenario ids or files, in order; or one workshop plan (id or file)"))
    _network_arguments(sub, DEFAULT_PORT)
    sub.add_argument("--max-people", type=_positive, default=200, help=_("participant cap (default 200)"))
    sub.add_argument("--max-per-address", type=_positive, default=60,
                     help=_("people who may join from one network address, as behind one router (default 60)"))
    sub.add_argument("--export", metavar="DIR",
                     help=_("folder for the session record (default: your data folder)"))
    sub.add_argument("--vote-seconds", type=_positive, help=_("countdown length for t (default: the plan's, or 30)"))
    sub.add_argument("--discuss-minutes", type=_positive,
                     help=_("discussion timer for t (default: the plan's, or 3)"))
    sub.add_argument("--region", help=_("whose emergency number safety notes give, e.g. US, UK "
                                        "(default: from your locale)"))
    _language_argument(sub, _("the projector's and the record's language, e.g. es "
                              "(phones follow their own browser)"))

    sub = command("guide", "bot.workshop.commands:cmd_guide",
                  _("write a printable facilitator guide for a workshop plan"))
    sub.add_argument("plan", metavar="PLAN", help=_("a workshop plan id or file"))
    sub.add_argument("--format", choices=("md", "html"), default="md", help=_("md (default) or html"))
    sub.add_argument("--output", "-o", metavar="FILE", help=_("write to FILE instead of the screen"))
    sub.add_argument("--region", help=_("whose help numbers to print, e.g. US, UK (default: from your locale)"))
    _language_argument(sub, _("the guide's language, e.g. es"))

    sub = command("serve", "bot.workshop.commands:cmd_serve",
                  _("serve the app to participants' browsers (a computer lab or shared machine)"))
    _network_arguments(sub, SERVE_PORT)
    sub.add_argument("--max-sessions", type=_positive, default=40, help=_("browser sessions at once (default 40)"))


def _network_arguments(sub, port: int) -> None:
    sub.add_argument("--lan", nargs="?", const="", metavar="ADDRESS",
                     help=_("serve the room's network on this machine's LAN address (or ADDRESS); "
                            "default: this machine only"))
    sub.add_argument("--port", type=int, default=port,
                     help=_("port (default {port}; the next free one if busy)").format(port=port))
    sub.add_argument("--idle-hours", type=float, default=3.0,
                     help=_("stop after this long without activity (default 3)"))


def _language_argument(sub, help: str) -> None:
    """`--lang` after the command; its own dest, so a global `rehearse --lang` before it is not undone."""
    sub.add_argument("--lang", dest="command_lang", metavar="CODE", help=help)


def _positive(raw: str) -> int:
    if not raw.isdigit() or not 0 < int(raw) <= 100_000:
        raise argparse.ArgumentTypeError(_("{value} is not a positive whole number").format(value=repr(raw)))
    return int(raw)
