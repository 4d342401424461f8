"""The `rehearse` command line. With no command it opens the app, so this
module stays light: each command's code is imported only when it runs."""

import argparse
import importlib
import os
import sys
from contextlib import contextmanager

from .authoring.cli import add_authoring_commands
from .cli_support import UsageError, content_dirs, unknown_language
from .i18n import N_, _, ngettext, normalise, resolve, use_language
from .learning.cli import add_learning_commands
from .locations import UnusableFolder
from .text import clean, clean_line
from .workshop.cli import add_workshop_commands


# argparse's own sentences that a command line of ours can show, spelled as argparse
# spells them (tests/test_cli_spanish.py checks each is still in argparse): marked here so
# they are in the cli catalogue, and found there through argparse_speaks().
ARGPARSE_WORDS = (
    N_("usage: "), N_("positional arguments"), N_("options"), N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"), N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"), N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"), N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


@contextmanager
def argparse_speaks():
    """argparse looks up its sentences ("usage:", "error:", "invalid choice", ...)
    when it says them, through the `_` and `ngettext` names it imported from
    gettext. While the command line is built and read, those two names are ours,
    so argparse speaks the interface's language (English passes through as it
    was); then they are put back. gettext itself, and all other code, is untouched."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _, ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rehearse", description=_("Practise hard conversations, safely."))
    parser.add_argument("--content", action="append", metavar="DIR", default=[], help=_content_help())
    parser.add_argument("--lang", metavar="CODE", dest="ui_lang",
                        help=_("the language of the app, its messages and the course, e.g. es "
                               "(default: your setting, else your system's language)"))
    commands = parser.add_subparsers(dest="command")

    def command(name, handler: str, help_text):
        """`handler` is "module:function", imported only when that command runs."""
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--content", action="append", metavar="DIR", default=argparse.SUPPRESS, help=_content_help())
        sub.set_defaults(handler=handler)
        return sub

    one_json = _("print one JSON object")
    sub = command("check", "bot.commands:cmd_check", _("check scenarios and report every problem"))
    sub.add_argument("paths", nargs="*", metavar="PATH",
                     help=_("library folders or files (default: the built-in library)"))
    sub.add_argument("--json", action="store_true", help=one_json)

    sub = command("play", "bot.commands:cmd_play", _("play a scenario: opens the app at its briefing; "
                                                     "--plain for plain text, --script for headless play"))
    sub.add_argument("scenario", metavar="SCENARIO", help=_("a scenario id or a path to a scenario file"))
    sub.add_argument("--script", help=_("choice numbers, e.g. 1,3,2"))
    sub.add_argument("--json", action="store_true", help=_("print the result as JSON (with --script)"))
    sub.add_argument("--plain", action="store_true",
                     help=_("plain line-by-line text (also when output is not a terminal)"))
    sub.add_argument("--lang", metavar="CODE",
                     help=_("play the scenario's translation, e.g. es (English if it has none)"))

    sub = command("list", "bot.commands:cmd_list", _("list modules and scenarios in course order"))
    sub.add_argument("--json", action="store_true", help=one_json)

    sub = command("words", "bot.words.command:cmd_words",
                  _("the habits found in what you would say (own-words coaching)"))
    sub.add_argument("text", metavar="TEXT", help=_("what you would say, in quotes (up to 1,000 characters)"))
    sub.add_argument("--json", action="store_true", help=one_json)
    sub.add_argument("--scenario", metavar="ID", help=_("with --node: also the offered option closest in meaning"))
    sub.add_argument("--node", metavar="NODE", help=_("a node of that scenario"))
    sub.add_argument("--lang", metavar="CODE",
                     help=_("read it by that language's rules, e.g. es (default: the app's language)"))

    add_learning_commands(command)  # report, export, forget
    add_authoring_commands(command)  # paths, record, verify, graph, new
    add_workshop_commands(command)  # workshop, guide, serve
    return parser


def _content_help() -> str:
    return _("add a library folder (replaces the built-in one if DIR has course.md)")


def lang_flag(argv: list[str]) -> str | None:
    """The --lang given anywhere on the line (the global one, or a command's own such
    as `play --lang`): read before the parser is built, so its help is in that language."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def choose_language(flag: str | None) -> str:
    """--lang, else the profile's setting, else the locale (see bot/i18n.py)."""
    from .locations import DATABASE_NAME, home
    from .progress.settings import saved_language

    setting = None if normalise(flag) else saved_language(home() / DATABASE_NAME)
    return use_language(resolve(flag, setting, os.environ))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    flag = lang_flag(argv)
    if argv:  # plain `rehearse` opens the app, which reads the setting from the store it opens
        choose_language(flag)
    # plain `rehearse` opens the app without building every command's parser first
    if argv:
        with argparse_speaks():
            args = build_parser().parse_args(argv)
    else:
        args = None
    try:
        if args is not None and args.ui_lang is not None and normalise(args.ui_lang) is None:
            raise UsageError("--lang " + unknown_language(args.ui_lang))
        if args is None or args.command is None:
            from .ui.launch import run_app

            return run_app(content_dirs(args), lang=flag) if args else run_app([])
        module, name = args.handler.split(":")
        return getattr(importlib.import_module(module), name)(args)
    except UsageError as err:
        print(f"rehearse: {clean(str(err))}", file=sys.stderr)
        return 2
    except UnusableFolder as err:  # the data folder: the message says what to do
        print(f"rehearse: {clean(str(err))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # a bug of ours: say so plainly rather than dump a traceback on a user
        print("rehearse: " + _("something went wrong inside rehearse ({kind}: {detail}). "
                               "Nothing you saved is lost; please report this.").format(
                                   kind=type(err).__name__, detail=clean_line(str(err))), file=sys.stderr)
        return 1


def entry() -> None:
    sys.exit(main())
