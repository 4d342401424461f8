"""The workshop's logic, servers, guide and export never load
a UI toolkit: only bot/workshop/ui does."""

import bot.workshop
from helpers import package_modules, ui_modules_after


def test_workshop_core_does_not_import_textual_or_rich():
    modules = [m for m in package_modules(bot.workshop) if m != "bot.workshop.ui"]
    assert {"bot.workshop.votes", "bot.workshop.server", "bot.workshop.serve", "bot.workshop.guide"} <= set(modules)
    assert ui_modules_after(modules) == []
