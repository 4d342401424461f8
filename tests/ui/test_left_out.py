"""A scenario the checker rejects is left out of `list`, `paths` and the home
screen, and each says so in one line: which file, and `rehearse check` for
why (as text: a file name is never read as markup)."""

import shutil

import pytest

from bot.cli import main
from bot.content.library import Library

from applib import TEST_LIBRARY

BROKEN = "[b]broken.md"  # looks like markup: it must be shown as it is


@pytest.fixture
def library_dir(tmp_path):
    folder = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, folder)
    money = folder / "scenarios" / "money"
    text = (money / "loop.md").read_text()
    (money / BROKEN).write_text(text.replace("id: loop", "id: broken") + "\n- [Nowhere](#no-such-node)\n")
    (money / "twin.md").write_text(text)  # the same id as loop.md
    return folder


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["paths"], ["paths", "--json"]])
def test_list_and_paths_name_each_file_left_out(library_dir, capsys, command):
    main([*command, "--content", str(library_dir)])
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert lines == [f"rehearse: {library_dir}/scenarios/money/{name} has errors, so it is left out; "
                     f"`rehearse check --content {library_dir}` says why." for name in (BROKEN, "twin.md")]
    assert "broken" not in out  # still left out of the list itself


def test_a_library_with_nothing_left_out_says_nothing(capsys):
    assert main(["list", "--content", str(TEST_LIBRARY)]) == 0
    assert capsys.readouterr().err == ""


async def test_the_home_screen_says_which_files_were_left_out(make_app, library_dir):
    app = make_app(Library([library_dir]))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one("#left-out").render().plain
        money = f"{library_dir}/scenarios/money"
        assert notice == (f"2 scenario files have errors, so they are left out ({money}/{BROKEN}, {money}/twin.md); "
                          f"`rehearse check --content {library_dir}` says why.")
        options = app.screen.query_one("#scenarios")
        prompts = [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]
        assert any("Round and round" in p for p in prompts)  # the healthy scenario is still offered


async def test_the_home_screen_has_no_notice_when_nothing_is_left_out(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.screen.query("#left-out")
