"""Everything below the screen works without Textual or Rich: the progress
store, plain mode, help lines, the debrief and the paths. Checked in a fresh
interpreter, so nothing imported by other tests can hide a leak."""

import subprocess
import sys

import pytest

UI_FREE = ["bot.locations", "bot.progress.db", "bot.progress.store", "bot.progress.tracked", "bot.progress.settings",
           "bot.plain", "bot.help", "bot.debrief", "bot.transcript", "bot.wording"]


@pytest.mark.parametrize("module", UI_FREE)
def test_module_does_not_import_a_ui(module):
    code = (f"import sys, {module}; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')); "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
