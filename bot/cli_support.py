"""What every `rehearse` subcommand shares: the usage error that exits 2,
the --content folders, JSON output and scripts. Light on purpose: the app's
start-up imports it."""

import json
import sys
from pathlib import Path

from .i18n import _, normalise


class UsageError(Exception):
    """Bad arguments: exit 2 with the message."""


def unknown_language(code: str) -> str:
    """A language the interface does not speak: the ones it does, by name."""
    from .text import clean_line

    return _("{code}: choose en (English) or es (Spanish)").format(code=clean_line(code))


def interface_language(code: str) -> str:
    """The type of a command's --lang that names the interface's language (report's):
    anything else makes argparse exit 2 naming the languages there are."""
    if normalise(code) is None:
        import argparse

        raise argparse.ArgumentTypeError(unknown_language(code))
    return code


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=True, indent=None))


def content_dirs(args, last_may_be_new: bool = False) -> list[Path]:
    """The --content folders, each of which must exist; with last_may_be_new
    the last one may not exist yet (`rehearse new` starts a library there)."""
    dirs = [Path(d) for d in getattr(args, "content", None) or []]
    for index, folder in enumerate(dirs):
        if last_may_be_new and index == len(dirs) - 1 and not folder.exists():
            continue
        if not folder.is_dir():
            raise UsageError(_("--content {folder}: no such folder").format(folder=folder))
    return dirs


def warn_left_out(library) -> None:
    """Scenario files the checker rejected are in no list: one line each on
    stderr says so, rather than letting them vanish without a word."""
    from .text import clean_line
    from .wording import left_out_line

    for file in library.left_out():
        print(f"rehearse: {clean_line(left_out_line(file, library.content_dirs))}", file=sys.stderr)


def parse_script(script: str) -> list[int]:
    numbers = []
    for step, raw in enumerate(script.split(","), 1):
        raw = raw.strip()
        if not (raw.isascii() and raw.isdigit()):
            raise UsageError(_("step {step}: {text} is not a choice number").format(step=step, text=repr(raw)))
        numbers.append(int(raw))
    return numbers
