"""Content is text, never markup: every field of a hostile library (and a
hostile profile name and own words) shows literally on every screen, with
control characters removed, and does nothing: no link, no action, no escape
sequence from content reaches the terminal."""

import pytest
from textual.widgets import OptionList, Static

from bot.content.library import Library
from bot.ui import flow
from bot.ui.screens.conversation import ConversationScreen
from bot.ui.screens.debrief import DebriefScreen

from hostile import FORBIDDEN, MARKUP, PAYLOAD, write_library

from .helpers import play, screen_segments


@pytest.fixture(scope="module")
def hostile_library(tmp_path_factory):
    return Library([write_library(tmp_path_factory.mktemp("hostile") / "library")])


def texts(app) -> list[str]:
    """Everything the screen holds as text: statics, options, button labels, inputs."""
    found = [w.render().plain for w in app.screen.query(Static)]
    for options in app.screen.query(OptionList):
        for i in range(options.option_count):
            prompt = options.get_option_at_index(i).prompt
            found.append(prompt if isinstance(prompt, str) else prompt.plain)
    found += [str(w.value) for w in app.screen.query("Input")]
    return found


def check_screen(app, must_show: list[str]) -> None:
    """Each field shows its markup literally, right after its own label word."""
    shown = "\n".join(texts(app))
    literal = " ".join(MARKUP)
    for needle in must_show:
        expected = needle + ("" if needle.endswith("/") else " ") + literal
        assert expected in shown, needle
    leaking = [text for text in texts(app) if {c for c in text if c in FORBIDDEN}]
    assert not leaking, leaking
    for segment in screen_segments(app):
        assert not {c for c in segment.text if c in FORBIDDEN}, repr(segment.text)
        style = segment.style
        if style is not None:
            assert not style.link, style.link
            assert "@click" not in (style.meta or {}) or "app.quit" not in str(style.meta.get("@click"))


async def click_on(pilot, word: str) -> bool:
    """Click where `word` is drawn, if it is on screen."""
    lines = "".join(s.text for s in screen_segments(pilot.app)).split("\n")
    for y, line in enumerate(lines):
        x = line.find(word)
        if x >= 0:
            await pilot.click(offset=(x + 1, y))
            await pilot.pause()
            return True
    return False


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_screen_shows_hostile_content_as_text(make_app, store, hostile_library, size):
    app = make_app(library=hostile_library, profile=("Name " + PAYLOAD, "US"), own_words=True)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        check_screen(app, ["Course", "Welcome", "Module", "Title", "Name"])

        flow.open_briefing(app, "hostile")
        await pilot.pause()
        check_screen(app, ["Title", "Persona", "Learner", "Setting", "Briefing", "anger"])

        await pilot.press("enter")  # the safety check, naming the warnings
        await pilot.pause()
        check_screen(app, ["anger"])
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        check_screen(app, ["Narration", "Sam", "Line", "Coach note", "Safety", "Discuss", "Calm", "Enabling"])
        screen = app.screen
        screen.pending_words = "Own words " + PAYLOAD  # as if typed (escape sequences cannot be typed)
        screen.after_reveal()
        await pilot.pause()
        check_screen(app, ["Choice one", "Choice two"])
        assert not await click_on(pilot, "QUIT") or app.return_code is None
        await pilot.press("1")
        await pilot.pause()
        check_screen(app, ["Choice one", "Own words", "Feedback one", "Middle line"])
        assert app.store.steps(screen.play.playthrough_id)[0].own_words.startswith("Own words [bold red]")
        await pilot.press("enter", "s")  # skip own words this time, then open the source
        await pilot.pause()
        check_screen(app, ["Source", "Publisher", "https://evil.example/", "More text"])
        assert not await click_on(pilot, "LINK") or app.return_code is None
        await pilot.press("escape", "1")
        await pilot.pause()
        check_screen(app, ["Good ending narration", "Ending note"])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        check_screen(app, ["Good ending narration", "Ending note", "Choice one", "Feedback one", "Own words",
                           "Choice two", "Calm", "Enabling", "Finish well"])
        assert not await click_on(pilot, "QUIT") or app.return_code is None
        await pilot.press("escape", "p")
        await pilot.pause()
        check_screen(app, ["Name"])
        assert app.return_code is None and app.is_running


async def test_the_debrief_copy_holds_no_control_characters(make_app, hostile_library, rehearse_home):
    app = make_app(library=hostile_library, profile=("Name " + PAYLOAD, "US"))
    tracked = play(app, "hostile", [1, 1])
    tracked.own_words[0] = "Own " + PAYLOAD
    async with app.run_test(size=(80, 24)) as pilot:
        flow.debrief(app, tracked)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
    [copy] = (rehearse_home / "exports").iterdir()
    text = copy.read_text()
    assert "[@click=app.quit]QUIT[/]" in text and not {c for c in text if c in FORBIDDEN - {"\t"}}
