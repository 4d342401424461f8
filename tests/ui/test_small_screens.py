"""What people with small terminals see: nothing that matters is cut off at
80x24 or 60x20, wrapped lines keep their indent, switches say On or Off in
words, and a saved file is named readably."""

from pathlib import Path

import pytest

from textual.widgets import Switch

from bot.content.library import Library
from bot.progress.store import Step
from bot.ui import flow
from bot.ui.screens.card import CardScreen
from bot.ui.screens.journal import EntryEditor
from bot.ui.text import saved_at

from .helpers import play, screen_text


def rows(app) -> list[str]:
    width, height = app.size
    text = screen_text(app)
    return [text[row * (width + 1):(row + 1) * (width + 1)].rstrip("\n") for row in range(height)]


def rows_of(app, selector: str) -> list[str]:
    """The rows a widget takes on screen, cut to its columns."""
    region = app.screen.query_one(selector).region
    return [row[region.x:region.right] for row in rows(app)[region.y:region.bottom]]


async def test_home_at_80x24_shows_the_welcome_down_to_where_to_find_help(make_app):
    app = make_app(library=Library([]))  # the built-in course: its welcome is the long one
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = " ".join(" ".join(rows(app)).split())
        assert "If anyone is in danger right now, press F1 for help lines." in shown


async def test_home_at_60x20_shows_the_whole_continue_label(make_app, store):
    app = make_app()
    store.begin(store.profile().id, "lend", "sponsor", {}, [Step(1, "the-call", 0, "sponsor")])
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        shown = " ".join(" ".join(rows_of(app, "#carry-on")).split())
        assert "Continue where you left off: Twenty dollars (after 1 step)" in shown


async def test_wrapped_home_options_stay_under_their_title(make_app):
    app = make_app()
    async with app.run_test(size=(34, 30)) as pilot:
        await pilot.pause()
        listed = [row for row in rows_of(app, "#scenarios") if row.strip()]
        wrapped = [row for row in listed if "not tried yet" in row and "·" not in row]
        assert wrapped, listed  # the status wrapped onto a row of its own
        assert all(row.startswith("  ") for row in wrapped), listed


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_new_note_form_keeps_save_and_cancel_in_view(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(EntryEditor(None))
        await pilot.pause()
        dialog = app.screen.query_one(".journal-dialog").region
        for button in ("#save", "#cancel"):
            shown = app.screen.query_one(button).region
            assert shown.height == 3 and dialog.contains_region(shown), (button, shown, dialog)
        assert "Save" in screen_text(app) and "Cancel" in screen_text(app)


async def test_card_bullets_wrap_under_their_text(make_app):
    app = make_app()
    async with app.run_test(size=(30, 90)) as pilot:
        await pilot.pause()
        app.push_screen(CardScreen(play(app, "lend", [1, 1]).session))
        await pilot.pause()
        box = [row.strip("│┃") for row in rows_of(app, "#card-help")[1:-1]]
        first = next(i for i, row in enumerate(box) if "•" in row)
        text_column = box[first].index("•") + 2
        wrapped = [row for row in box[first:] if "•" not in row and row.strip()]
        assert wrapped, box  # some help line is too long for one row here
        assert all(row[:text_column].strip() == "" for row in wrapped), "\n".join(box)


async def test_a_saved_card_is_named_by_file_and_folder(make_app, rehearse_home):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(CardScreen(play(app, "lend", [1, 1]).session))
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        [saved] = (rehearse_home / "exports").iterdir()
        [toast] = app._notifications
        assert toast.message.startswith(f"{saved.name}\nin the folder ")


def test_saved_at_shows_the_home_folder_as_a_tilde(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert saved_at(tmp_path / "rehearse" / "exports" / "card.html") == "card.html\nin the folder ~/rehearse/exports"
    assert saved_at(Path("/srv/exports/card.html")) == "card.html\nin the folder /srv/exports"


async def test_settings_switches_say_on_or_off_in_words(make_app):
    app = make_app(typing=False, own_words=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        state = {ident: str(app.screen.query_one(f"#{ident}-state").render()) for ident in ("typing", "own_words")}
        assert state == {"typing": "Off", "own_words": "On"}
        app.screen.query_one("#typing", Switch).toggle()
        await pilot.pause()
        assert str(app.screen.query_one("#typing-state").render()) == "On"
        assert "On" in screen_text(app) and "Off" not in screen_text(app)


async def test_review_offers_no_answer_keys_when_nothing_is_waiting(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        bar = rows(app)[-1]
        assert "Nothing to review right now" in screen_text(app)
        assert "Myth" not in bar and "Fact" not in bar and "Not sure" not in bar, bar


async def test_wrapped_options_keep_the_number_column(make_app):
    app = make_app()
    async with app.run_test(size=(30, 40)) as pilot:
        flow.start(app, "lend")
        await pilot.pause()
        listed = [row for row in rows_of(app, "#choices") if row.strip()]
        numbered = [row for row in listed if row.lstrip()[:2] in ("1.", "2.", "3.")]
        wrapped = [row for row in listed if row not in numbered]
        assert wrapped, listed  # some option is too long for one row here
        column = numbered[0].index("1.") + 3
        assert all(row[:column].strip() == "" for row in wrapped), "\n".join(listed)


async def test_short_options_at_60x20_sit_on_the_key_bar_with_no_blank_row(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        flow.start(app, "lend")
        await pilot.pause()
        choices = app.screen.query_one("#choices")
        assert choices.max_scroll_y == 0 and choices.region.height == 3  # three one-line options, no more rows
        assert choices.region.bottom == app.screen.query_one("KeyBar").region.y
        assert rows_of(app, "#choices")[-1].strip().startswith("3. ")


@pytest.mark.parametrize("size, scenario, more", [((80, 24), "late", False), ((60, 20), "late", True),
                                                   ((80, 24), "lend", True)])
async def test_the_folded_coach_offers_more_only_when_there_is_more_to_read(make_app, size, scenario, more):
    """"late" opens with a one-line word from the coach (whole at 80 columns, cut at 60);
    "lend" has a source, which only the open coach shows."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        flow.start(app, scenario)
        await pilot.pause()
        folded = " ".join(rows_of(app, "#coach-brief"))
        assert ("c more" in folded) is more, folded
        if not more:
            assert "The coach says what it may do, and why." in folded


@pytest.mark.parametrize("size", [(100, 24), (160, 30)])
async def test_wide_but_short_screens_keep_the_coach_beside_the_whole_conversation(make_app, size):
    """A wide screen shows the coach whole down the side (no key to open it), and
    still the options whole, your last line and the reply, under a short height."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        flow.start(app, "lend")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        chat, coach = screen.query_one("#chat").region, screen.query_one("#coach").region
        assert coach.x >= chat.right and coach.height >= chat.height  # beside the chat, not under it
        said = " ".join(" ".join(rows_of(app, "#chat")).split())
        assert "You're using again, aren't you?" in said and "Unbelievable. Forget I asked." in said, said
        says = screen.query_one("#coach-says").region
        assert says == says.intersection(coach), (says, coach)  # the whole note in view
        advice = " ".join(" ".join(rows_of(app, "#coach-says")).split())
        assert advice == "Coach: Fear is fair. A charge usually brings a fight instead of an answer.", advice
        assert "c more" not in screen_text(app)
        choices = screen.query_one("#choices")
        assert choices.max_scroll_y == 0
        shown = " ".join(" ".join(rows_of(app, "#choices")).split())
        for n in range(len(screen.session.offered())):
            assert " ".join(choices.get_option_at_index(n).prompt.plain.split()) in shown, shown


async def test_own_words_at_60x20_what_they_do_folds_to_one_line_that_w_opens(make_app):
    app = make_app(own_words=True)
    async with app.run_test(size=(60, 20)) as pilot:
        flow.start(app, "lend")
        await pilot.pause()
        await pilot.press(*"I feel scared, you junkie", "enter")
        await pilot.pause()
        screen, panel = app.screen, app.screen.query_one("#words")
        assert panel.region.height == 1
        folded = rows_of(app, "#words")[0]
        assert "What your words do: helped: I-statements" in folded and folded.strip().endswith("w more")
        choices = screen.query_one("#choices")
        last = screen.query_one("#chat").children[-1]
        assert last.region == last.region.intersection(screen.query_one("#chat").region)  # the reply stays in view
        assert choices.region.height >= 3 and choices.region.bottom == screen.query_one("KeyBar").region.y
        await pilot.press("w")
        await pilot.pause()
        opened = " ".join(" ".join(rows_of(app, "#words")).split())
        assert "'Junkie' is a label" in opened and "w show less" in opened
        assert choices.option_count == 3 and choices.region.height >= 1  # the options are still there
        await pilot.press("w")
        await pilot.pause()
        assert panel.region.height == 1
        await pilot.press("1")  # the options still answer
        await pilot.pause()
        assert screen.session.state == "sponsor"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_own_words_what_they_do_keeps_the_options_whole(make_app, size):
    """Narrow, a long reading keeps to a few rows and says w opens the rest; wide, it is all there."""
    app = make_app(own_words=True)
    async with app.run_test(size=size) as pilot:
        flow.start(app, "lend")
        await pilot.pause()
        await pilot.press(*"I feel scared. You always lie, you junkie. You should stop. Every time you call", "enter")
        await pilot.pause()
        choices = app.screen.query_one("#choices")
        assert choices.max_scroll_y == 0
        shown = " ".join(" ".join(rows_of(app, "#choices")).split())
        for n in range(choices.option_count):
            assert " ".join(choices.get_option_at_index(n).prompt.plain.split()) in shown, shown
        assert (app.screen.query_one("#words").region.height <= 7) is (size == (80, 24))
        assert ("w more" in " ".join(rows_of(app, "#words"))) is (size == (80, 24))


async def test_own_words_opened_at_60x20_scrolls_to_its_last_row(make_app):
    """A long reading opened with w at 60x20 is taller than its room: it scrolls
    (with a scrollbar) to the last row, and the numbers still choose."""
    app = make_app(own_words=True)
    async with app.run_test(size=(60, 20)) as pilot:
        flow.start(app, "lend")
        await pilot.pause()
        await pilot.press(*"I feel scared. You always lie, you junkie. You should stop. Every time you call", "enter")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        panel = app.screen.query_one("#words")
        assert panel.max_scroll_y > 0 and panel.scrollbar_size_vertical == 1 and app.focused is panel
        await pilot.press("end")
        await pilot.pause()
        shown = " ".join(" ".join(row.strip("▊ ") for row in rows_of(app, "#words")).split())
        assert shown.endswith('One thing to try: Talk about what happened, not who they are: "when you drink" rather '
                              'than "a drunk".'), shown
        await pilot.press("w")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#choices")
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.session.state == "sponsor"
