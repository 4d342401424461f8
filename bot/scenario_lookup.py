"""A scenario named on the command line: an id from the library, or a path
to a scenario file (which brings its own library)."""

from pathlib import Path

from .cli_support import UsageError
from .content.library import Library, load_scenario_file
from .engine.catalog import Catalog
from .engine.machine import CompiledScenario
from .text import clean_line


def resolve_scenario(ref: str, dirs: list[Path], lang: str | None = None) -> tuple[CompiledScenario, Library]:
    """A scenario id from the library (in `lang` where it is translated), or a path to a scenario file."""
    path = Path(ref)
    if ref.endswith(".md") or path.is_file():
        if not path.is_file():
            raise UsageError(f"{ref}: no such file")
        library, scenario, errors = load_scenario_file(path)
        if scenario is None:
            details = "\n".join(clean_line(str(d)) for d in errors[:10])
            raise UsageError(f"{ref} has errors; run `rehearse check {ref}`\n{details}")
        return CompiledScenario(scenario), library
    library = Library(dirs, lang=lang)
    if ref not in library.scenarios:
        known = ", ".join(sorted(library.scenarios)[:12])
        raise UsageError(f"no scenario `{clean_line(ref)}` in the library; try `rehearse list` (e.g. {known})")
    return Catalog(library).compiled(ref), library
