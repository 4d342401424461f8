"""The content and engine layers never import a UI toolkit: importing all of
them in a fresh interpreter, and playing a step, leaves textual and rich out
of sys.modules."""

import bot.content
import bot.engine
from helpers import package_modules, ui_modules_after


def test_content_and_engine_do_not_import_textual_or_rich():
    commands = ["bot.cli", "bot.cli_support", "bot.commands", "bot.scenario_lookup", "bot.text"]
    modules = package_modules(bot.content) + package_modules(bot.engine) + commands
    play = (
        "from bot.engine.catalog import Catalog\n"
        "from bot.content.library import Library\n"
        "session = Catalog(Library()).session(next(iter(Library().scenarios)))\n"
        "session.choose(1)"
    )
    assert len(modules) > 10
    assert ui_modules_after(modules, play) == []
