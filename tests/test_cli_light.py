"""`rehearse` with no command opens the app, so the command line must not
load every tool's code first: each command's code loads only when it runs."""

import argparse
import importlib

from bot.authoring.diagram import FORMATS as DIAGRAM_FORMATS
from bot.cli import build_parser
from bot.learning.report import FORMATS as REPORT_FORMATS

from helpers import modules_after

HEAVY = ("bot.commands", "bot.learning.commands", "bot.authoring.commands", "bot.workshop.commands",
         "bot.content.checking", "bot.content.scenario_parser", "bot.scenario_lookup",
         "markdown_it", "yaml", "transitions")


def test_parsing_the_command_line_loads_no_command_code():
    loaded = modules_after(["bot.cli"], "sys.modules['bot.cli'].build_parser().parse_args([])")
    assert not [m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY]
    assert "bot.cli" in loaded  # the check itself ran


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_names_a_function_that_exists():
    commands = _subcommands()
    assert len(commands) == 15  # ... and `words` (issue 13)
    for name, sub in commands.items():
        module, function = sub.get_default("handler").split(":")
        assert callable(getattr(importlib.import_module(module), function)), name


def _format_choices(command: str) -> tuple[str, ...]:
    return next(a.choices for a in _subcommands()[command]._actions if a.dest == "format")


def test_graph_and_report_offer_exactly_the_formats_they_can_write():
    assert sorted(_format_choices("graph")) == sorted(DIAGRAM_FORMATS)
    assert sorted(_format_choices("report")) == sorted(REPORT_FORMATS)


def test_plain_rehearse_opens_the_app_without_building_the_parser(monkeypatch):
    import bot.cli
    from bot.ui import launch

    opened = []

    def no_parser():
        raise AssertionError("built the parser")

    monkeypatch.setattr(bot.cli, "build_parser", no_parser)
    monkeypatch.setattr(launch, "run_app", lambda folders: opened.append(folders) or 0)
    assert bot.cli.main([]) == 0
    assert opened == [[]]
