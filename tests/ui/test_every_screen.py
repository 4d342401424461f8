"""The screens tests/ui/test_snapshots.py leaves out: the questions asked
in a box during a conversation, at 80x24 and 120x40; and what looking at
every screen showed up: the safe answer looks like the default, and a
journal note is not lost to Esc. (The self-paced
screens are in tests/learning/test_screen_snapshots.py, the projector in
tests/workshop/test_screen.py.) Update with `--snapshot-update -k NAME`,
then look at the SVGs before accepting them."""

import pytest
from textual.widgets import Button, TextArea

from bot.learning import journal
from bot.ui.screens.dialogs import Question
from bot.ui.screens.journal import EntryEditor

from .helpers import screen_text
from .test_snapshots import SIZES, conversation, own_words


async def restart_dialog(pilot):
    await conversation(pilot)
    await pilot.press("3", "r")
    await pilot.pause()


async def leave_dialog(pilot):
    await own_words(pilot)
    await pilot.press(*"I hear you, and I love you")
    await pilot.press("escape")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", [restart_dialog, leave_dialog], ids=lambda f: f.__name__)
def test_dialog(snap_compare, make_app, screen, size):
    assert snap_compare(make_app(), terminal_size=SIZES[size], run_before=screen)


async def test_the_safe_answer_looks_like_the_default_as_well_as_having_focus(make_app):
    """A filled button reads as "press me": in a question it is the answer that changes nothing."""
    async with make_app().run_test(size=(80, 24)) as pilot:
        await restart_dialog(pilot)
        yes, no = pilot.app.screen.query_one("#yes", Button), pilot.app.screen.query_one("#no", Button)
        assert pilot.app.focused is no and no.variant == "primary" and yes.variant == "default"


async def test_esc_in_a_journal_note_asks_before_the_words_are_thrown_away(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EntryEditor(None))
        await pilot.pause()
        assert "Ctrl+S to save, Esc to cancel" in screen_text(app)
        await pilot.press(*"Offer the ride", "escape")
        await pilot.pause()
        assert isinstance(app.screen, Question) and "Offer the ride" in screen_text(app)
        await pilot.press("enter")  # "Keep writing" has focus
        await pilot.pause()
        assert isinstance(app.screen, EntryEditor) and app.screen.query_one(TextArea).text == "Offer the ride"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, (EntryEditor, Question)) and journal.entries(store, app.profile.id) == []
        app.push_screen(EntryEditor(None))
        await pilot.pause()
        await pilot.press("escape")  # nothing written: nothing to ask
        await pilot.pause()
        assert not isinstance(app.screen, (EntryEditor, Question))
