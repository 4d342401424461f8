"""A scenario named on the command line: an id from the library, or a path
to a scenario file (which brings its own library)."""

from pathlib import Path

from .cli_support import UsageError
from .content.files import ORIGINAL_LANGUAGE
from .content.library import Library, load_scenario_file
from .engine.catalog import Catalog
from .engine.machine import CompiledScenario
from .i18n import _
from .text import clean_line


def resolve_scenario(ref: str, dirs: list[Path], lang: str | None = None) -> tuple[CompiledScenario, Library]:
    """A scenario id from the library (in `lang` where it is translated), or a path to a scenario file."""
    path = Path(ref)
    if ref.endswith(".md") or path.is_file():
        if not path.is_file():
            raise UsageError(_("{path}: no such file").format(path=ref))
        library, scenario, errors = load_scenario_file(path)
        if scenario is None:
            details = "\n".join(clean_line(str(d)) for d in errors[:10])
            raise UsageError(_("{path} has errors; run `rehearse check {path}`").format(path=ref) + "\n" + details)
        if lang not in (None, ORIGINAL_LANGUAGE) and library.content_dirs:
            return _in_language(CompiledScenario(scenario), library.content_dirs, lang)
        return CompiledScenario(scenario), library
    library = Library(dirs, lang=lang)
    if ref not in library.scenarios:
        known = ", ".join(sorted(library.scenarios)[:12])
        raise UsageError(_("no scenario `{id}` in the library; try `rehearse list` (e.g. {known})").format(
            id=clean_line(ref), known=known))
    return Catalog(library).compiled(ref), library


def _in_language(original: CompiledScenario, dirs: list[Path], lang: str) -> tuple[CompiledScenario, Library]:
    """A library's own scenario file, played in `lang` as its id would be: the
    words of a sound translation, else the original (the library names it untranslated)."""
    library = Library(dirs, lang=lang)
    if original.scenario.id not in library.scenarios:  # the library left it out (a clash with another file)
        return original, library
    return Catalog(library).compiled(original.scenario.id), library
