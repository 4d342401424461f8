"""The workshop's logic, servers, guide and export never load
a UI toolkit: only bot/workshop/ui does."""

import pkgutil
import subprocess
import sys

import bot.workshop


def test_workshop_core_does_not_import_textual_or_rich():
    modules = [f"bot.workshop.{m.name}" for m in pkgutil.iter_modules(bot.workshop.__path__) if m.name != "ui"]
    code = ("import importlib, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert {"bot.workshop.votes", "bot.workshop.server", "bot.workshop.serve", "bot.workshop.guide"} <= set(modules)
