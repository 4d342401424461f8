"""Problems found in content, each tied to a file and a line."""

from dataclasses import dataclass

CODES = (
    "front-matter",
    "duplicate-id",
    "unknown-target",
    "dead-end",
    "unreachable",
    "no-ending",
    "bad-directive",
    "unknown-name",
    "structure",
    "encoding",
    "translation-drift",
)

# Warnings: things an author usually wants to fix, which do not stop play.
WARNING_CODES = (
    "unused-skill",
    "no-source",
    "never-offered",
    "unreachable-ending",
    "translation-stale",
)


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int
    code: str
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        label = self.code if self.severity == "error" else f"warning: {self.code}"
        return f"{self.file}:{self.line}: {label}: {self.message}"

    def as_json(self) -> dict:
        return {"file": self.file, "line": self.line, "code": self.code, "message": self.message}


class Report:
    """Collects diagnostics for one file while it is parsed and checked."""

    def __init__(self, file: str):
        self.file = file
        self.items: list[Diagnostic] = []

    def error(self, line: int, code: str, message: str) -> None:
        self.items.append(Diagnostic(self.file, max(1, line), code, message))

    def warn(self, line: int, code: str, message: str) -> None:
        assert code in WARNING_CODES, f"undocumented warning code {code}"
        self.items.append(Diagnostic(self.file, max(1, line), code, message, "warning"))

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.items)
