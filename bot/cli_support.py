"""What every `rehearse` subcommand shares: the usage error that exits 2,
the --content folders, JSON output, scripts, and finding a scenario."""

import json
from pathlib import Path

from .content.library import Library, load_scenario_file
from .engine.catalog import Catalog
from .engine.machine import CompiledScenario
from .text import clean_line


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


def resolve_scenario(ref: str, dirs: list[Path]) -> tuple[CompiledScenario, Library]:
    """A scenario id from the library, or a path to a scenario file."""
    path = Path(ref)
    if ref.endswith(".md") or path.is_file():
        if not path.is_file():
            raise UsageError(f"{ref}: no such file")
        library, scenario, errors = load_scenario_file(path)
        if scenario is None:
            details = "\n".join(clean_line(str(d)) for d in errors[:10])
            raise UsageError(f"{ref} has errors; run `rehearse check {ref}`\n{details}")
        return CompiledScenario(scenario), library
    library = Library(dirs)
    if ref not in library.scenarios:
        known = ", ".join(sorted(library.scenarios)[:12])
        raise UsageError(f"no scenario `{clean_line(ref)}` in the library; try `rehearse list` (e.g. {known})")
    return Catalog(library).compiled(ref), library


def parse_script(script: str) -> list[int]:
    numbers = []
    for step, raw in enumerate(script.split(","), 1):
        raw = raw.strip()
        if not (raw.isascii() and raw.isdigit()):
            raise UsageError(f"step {step}: {raw!r} is not a choice number")
        numbers.append(int(raw))
    return numbers
