"""Report, export and forget never need a screen: importing every module
of bot/learning and running the three commands leaves textual and rich
out of sys.modules."""

import pkgutil
import subprocess
import sys

import bot.learning

from .playing import SMALL_COURSE


def test_learning_modules_and_commands_do_not_import_textual_or_rich():
    modules = [f"bot.learning.{m.name}" for m in pkgutil.iter_modules(bot.learning.__path__)]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "from bot.cli import main\n"
        "from bot.progress.store import Store\n"
        "store = Store.open(); store.create_profile('Ann', 'UK'); store.close()\n"
        f"assert main(['--content', {str(SMALL_COURSE)!r}, 'report', '--format', 'html', '--output', '-']) == 0\n"
        "assert main(['export', '--output', '-']) == 0\n"
        "assert main(['forget', '--yes']) == 0\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print('LEAKED:' + ','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("LEAKED:")
    assert len(modules) >= 10
