"""Shared test helpers: running the real `rehearse` entry point."""

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
