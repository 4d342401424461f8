"""The key bar at the bottom of every screen: the keys that work there,
drawn as one line, and a click on a key presses it."""

from bot.ui.screens.course import CourseMapScreen
from bot.ui.screens.help import HelpScreen
from bot.ui.widgets.keybar import KeyBar


def _x_of(bar: KeyBar, label: str) -> int:
    return bar.render().plain.index(label)


async def test_home_shows_each_shown_key_once_in_order(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = app.screen.query_one(KeyBar).render().plain
        assert line == " c Continue  p Profile & settings  m Course map  o Profiles  q Quit  f1 Help "


async def test_clicking_a_key_presses_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        await pilot.click(KeyBar, offset=(_x_of(bar, "Course map"), 0))
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        await pilot.click(KeyBar, offset=(_x_of(app.screen.query_one(KeyBar), "Help"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_clicking_between_keys_does_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.click(KeyBar, offset=(79, 0))  # past the last key
        await pilot.pause()
        assert app.screen is screen


async def test_the_key_under_the_mouse_is_highlighted(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        hover = bar.get_component_rich_style("keybar--hover")
        at = _x_of(bar, "Quit")
        await pilot.hover(KeyBar, offset=(at, 0))
        await pilot.pause()
        text = bar.render()
        lit = {text.plain[span.start:span.end] for span in text.spans if span.style == hover}
        assert lit == {" q Quit "}
        await pilot.hover("#scenarios")
        await pilot.pause()
        text = bar.render()
        assert not [span for span in text.spans if span.style == hover]
