"""Shared test helpers: running the real `rehearse` entry point, and
checking in a fresh interpreter that a layer loads no UI toolkit."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEST_LIBRARY = FIXTURES / "lib"


def rehearse(*args: str, timeout: float = 60, cwd: Path | None = None, input: str | None = None):
    """Run `python -m bot` as a user would run `rehearse`; returns CompletedProcess."""
    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True, text=True, timeout=timeout, cwd=cwd or REPO, env=env, input=input,
    )


def rehearse_json(*args: str, **kwargs):
    result = rehearse(*args, **kwargs)
    return result, json.loads(result.stdout)


def modules_after(modules: list[str], then: str = "") -> list[str]:
    """Import `modules` (then run `then`) in a fresh interpreter, so nothing
    imported by other tests can hide what it loads; return every module loaded."""
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"{then}\n"
        "print('LOADED:' + ','.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().rsplit("LOADED:", 1)[-1].split(",")


def ui_modules_after(modules: list[str], then: str = "") -> list[str]:
    """The UI modules (Textual, Rich) that importing `modules` loads."""
    return [m for m in modules_after(modules, then) if m.split(".")[0] in ("textual", "rich")]


def package_modules(package) -> list[str]:
    import pkgutil

    return [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]
