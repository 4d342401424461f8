"""The content and engine layers never import a UI toolkit: importing all of
them in a fresh interpreter leaves textual and rich out of sys.modules."""

import pkgutil
import subprocess
import sys

import bot.content
import bot.engine


def _modules(package) -> list[str]:
    return [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]


def test_content_and_engine_do_not_import_textual_or_rich():
    modules = _modules(bot.content) + _modules(bot.engine) + ["bot.cli", "bot.text"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "from bot.engine.catalog import Catalog\n"
        "from bot.content.library import Library\n"
        "session = Catalog(Library()).session(next(iter(Library().scenarios)))\n"
        "session.choose(1)\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
    assert len(modules) > 10
