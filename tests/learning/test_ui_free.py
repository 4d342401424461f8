"""Report, export and forget never need a screen: importing every module
of bot/learning and running the three commands leaves textual and rich
out of sys.modules."""

import bot.learning
from helpers import package_modules, ui_modules_after

from .playing import SMALL_COURSE


def test_learning_modules_and_commands_do_not_import_textual_or_rich():
    modules = package_modules(bot.learning)
    commands = (
        "from bot.cli import main\n"
        "from bot.progress.store import Store\n"
        "store = Store.open(); store.create_profile('Ann', 'UK'); store.close()\n"
        f"assert main(['--content', {str(SMALL_COURSE)!r}, 'report', '--format', 'html', '--output', '-']) == 0\n"
        "assert main(['export', '--output', '-']) == 0\n"
        "assert main(['forget', '--yes']) == 0"
    )
    assert len(modules) >= 10
    assert ui_modules_after(modules, commands) == []
