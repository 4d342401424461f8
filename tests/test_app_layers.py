"""Everything below the screen works without Textual or Rich: the progress
store, plain mode, help lines, the debrief and the paths. Checked in a fresh
interpreter, so nothing imported by other tests can hide a leak."""

import pytest

from helpers import ui_modules_after

UI_FREE = ["bot.locations", "bot.progress.db", "bot.progress.store", "bot.progress.tracked", "bot.progress.settings",
           "bot.plain", "bot.help", "bot.debrief", "bot.transcript", "bot.wording"]


@pytest.mark.parametrize("module", UI_FREE)
def test_module_does_not_import_a_ui(module):
    assert ui_modules_after([module]) == []
