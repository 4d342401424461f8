"""scripts/bench.py answers an unknown group with the list of groups, not a traceback."""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "scripts" / "bench.py"


def test_an_unknown_group_is_named_with_the_groups_there_are():
    done = subprocess.run([sys.executable, str(BENCH), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "no group '--help'" in done.stderr and "words" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
