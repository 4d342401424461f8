"""The help page's note on where to get naloxone in the shown region: under
the region's help lines, whole at 80x24, in the reader's language, and gone
for a region that has none."""

from bot.help import load
from bot.ui.screens.regions import NaloxoneNote


async def test_each_regions_naloxone_note_is_shown_whole_under_its_lines_at_80x24(make_app):
    app = make_app(profile=("Sam", "US"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        page, note = app.screen.query_one("#help"), app.screen.query_one(NaloxoneNote)
        for region in app.helplines.regions:
            app.screen.query_one("#region").value = region.id
            await pilot.pause()
            if region.naloxone is None:
                assert not note.display, region.id
                continue
            assert note.display and note.render().plain == region.naloxone.text, region.id
            assert note.region.y > app.screen.query_one("#lines").region.y  # under the lines, not above them
            page.scroll_to_widget(note, animate=False)
            await pilot.pause()
            visible = page.content_region
            assert visible.y <= note.region.y and note.region.bottom <= visible.bottom, region.id
            assert note.region.right <= 80 and note.region.height >= 2, region.id  # wrapped, not cut at the edge
            page.scroll_home(animate=False)
            await pilot.pause()


async def test_the_note_follows_the_language_of_the_help_page(make_app):
    app = make_app(profile=("Sam", "MX"))
    app.helplines = load().in_language("es")  # what a Spanish library gives the app (see app.helplines)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        shown = app.screen.query_one(NaloxoneNote).render().plain
        assert shown.startswith("En México es difícil conseguir naloxona") and "Prevencasa" in shown
