"""The review's key bar offers Myth, Fact and Not sure only while a card
waits for its answer: not before a card is there, not after it is answered."""

from bot.ui.screens.review import ReviewScreen
from bot.ui.widgets.keybar import KeyBar

from .playing import CARDS_ALL_WRONG, play


def offered(app) -> set[str]:
    return {description for _key, _shown, description in app.screen.query_one(KeyBar).keys()}


async def test_answer_keys_show_only_while_a_card_waits(make_app, store, library):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        play(store, library, app.profile.id, "cards", CARDS_ALL_WRONG)
        app.push_screen(ReviewScreen())
        await pilot.pause()
        assert {"Myth", "Fact", "Not sure"} <= offered(app)
        await pilot.press("m")
        await pilot.pause()
        assert not {"Myth", "Fact", "Not sure"} & offered(app)
        await pilot.press("m")  # answered already: nothing changes
        await pilot.pause()
        assert app.screen.answered and app.screen.position == 0
