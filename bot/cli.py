"""The `rehearse` command line. With no command it opens the app, so this
module stays light: each command's code is imported only when it runs."""

import argparse
import importlib
import sys

from .authoring.cli import add_authoring_commands
from .cli_support import UsageError, content_dirs
from .learning.cli import add_learning_commands
from .locations import UnusableFolder
from .text import clean, clean_line
from .workshop.cli import add_workshop_commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rehearse", description="Practise hard conversations, safely.")
    parser.add_argument("--content", action="append", metavar="DIR", default=[],
                        help="add a library folder (replaces the built-in one if DIR has course.md)")
    commands = parser.add_subparsers(dest="command")

    def command(name, handler: str, help_text):
        """`handler` is "module:function", imported only when that command runs."""
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--content", action="append", metavar="DIR", default=argparse.SUPPRESS,
                         help="add a library folder (replaces the built-in one if DIR has course.md)")
        sub.set_defaults(handler=handler)
        return sub

    sub = command("check", "bot.commands:cmd_check", "check scenarios and report every problem")
    sub.add_argument("paths", nargs="*", metavar="PATH", help="library folders or files (default: the built-in library)")
    sub.add_argument("--json", action="store_true", help="print one JSON object")

    sub = command("play", "bot.commands:cmd_play", "play a scenario: opens the app at its briefing; --plain for plain text, "
                  "--script for headless play")
    sub.add_argument("scenario", metavar="SCENARIO", help="a scenario id or a path to a scenario file")
    sub.add_argument("--script", help="choice numbers, e.g. 1,3,2")
    sub.add_argument("--json", action="store_true", help="print the result as JSON (with --script)")
    sub.add_argument("--plain", action="store_true", help="plain line-by-line text (also when output is not a terminal)")
    sub.add_argument("--lang", metavar="CODE", help="play the scenario's translation, e.g. es (English if it has none)")

    sub = command("list", "bot.commands:cmd_list", "list modules and scenarios in course order")
    sub.add_argument("--json", action="store_true", help="print one JSON object")

    sub = command("words", "bot.words.command:cmd_words", "the habits found in what you would say (own-words coaching)")
    sub.add_argument("text", metavar="TEXT", help="what you would say, in quotes (up to 1,000 characters)")
    sub.add_argument("--json", action="store_true", help="print one JSON object")
    sub.add_argument("--scenario", metavar="ID", help="with --node: also the offered option closest in meaning")
    sub.add_argument("--node", metavar="NODE", help="a node of that scenario")

    add_learning_commands(command)  # report, export, forget
    add_authoring_commands(command)  # paths, record, verify, graph, new
    add_workshop_commands(command)  # workshop, guide, serve
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # plain `rehearse` opens the app without building every command's parser first
    args = build_parser().parse_args(argv) if argv else None
    try:
        if args is None or args.command is None:
            from .ui.launch import run_app

            return run_app(content_dirs(args) if args else [])
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
        print(f"rehearse: something went wrong inside rehearse ({type(err).__name__}: {clean_line(str(err))}). "
              "Nothing you saved is lost; please report this.", file=sys.stderr)
        return 1


def entry() -> None:
    sys.exit(main())
