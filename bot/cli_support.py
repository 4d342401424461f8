"""What every `rehearse` subcommand shares: the usage error that exits 2,
the --content folders, JSON output and scripts. Light on purpose: the app's
start-up imports it."""

import json
from pathlib import Path



class UsageError(Exception):
    """Bad arguments: exit 2 with the message."""


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=True, indent=None))


def content_dirs(args) -> list[Path]:
    dirs = [Path(d) for d in getattr(args, "content", None) or []]
    for folder in dirs:
        if not folder.is_dir():
            raise UsageError(f"--content {folder}: no such folder")
    return dirs


def parse_script(script: str) -> list[int]:
    numbers = []
    for step, raw in enumerate(script.split(","), 1):
        raw = raw.strip()
        if not (raw.isascii() and raw.isdigit()):
            raise UsageError(f"step {step}: {raw!r} is not a choice number")
        numbers.append(int(raw))
    return numbers
