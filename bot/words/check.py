"""The hooks `rehearse check` calls: every rules file (`words/<lang>.yaml`)
of the libraries checked, or one named on the command line, each problem as
`path:line: code: message`."""

import re
from pathlib import Path

from ..content.diagnostics import Diagnostic
from .rules import load_rules

FOLDER = "words"
_LANG = re.compile(r"[a-z]{2,3}")


def is_rules_file(path: Path) -> bool:
    return path.suffix in (".yaml", ".yml") and path.parent.name == FOLDER


def check_rules_file(path: Path, file: str | None = None) -> list[Diagnostic]:
    if path.suffix != ".yaml" or not _LANG.fullmatch(path.stem):
        return [Diagnostic(file or str(path), 1, "words-shape",
                           "name a rules file by its language, like `en.yaml` or `es.yaml`")]
    return load_rules(path, file)[1]


def check_word_rules(libraries, only: set | None = None) -> list[Diagnostic]:
    diagnostics = []
    for files in libraries:
        folder = files.root / FOLDER
        if folder.is_dir():
            for path in sorted(p for p in folder.iterdir() if is_rules_file(p)):
                if only is None or path.resolve() in only:
                    diagnostics += check_rules_file(path, files.name(path))
    return diagnostics
