"""The arguments of `rehearse` report, export and forget; their code is in
commands.py and loads only when one of them runs."""


def add_learning_commands(command) -> None:
    """Register the commands with build_parser's `command(name, handler, help)` helper."""
    sub = command("report", "bot.learning.commands:cmd_report", "write a progress report you can choose to share")
    sub.add_argument("--profile", metavar="NAME", help="whose report (default: the profile in use)")
    sub.add_argument("--format", choices=("md", "html"), default="md", help="md (default) or html")
    sub.add_argument("--journal", action="store_true", help="include your journal entries")
    sub.add_argument("--own-words", action="store_true",
                     help="include the words you typed yourself and the habits found in them")
    sub.add_argument("--output", metavar="PATH", help="where to write it (- for the screen)")

    sub = command("export", "bot.learning.commands:cmd_export", "save everything rehearse keeps about you, as JSON")
    sub.add_argument("--profile", metavar="NAME", help="only this profile (default: every profile)")
    sub.add_argument("--output", metavar="PATH", help="where to write it (- for the screen)")

    sub = command("forget", "bot.learning.commands:cmd_forget", "delete your saved progress, after asking you first")
    sub.add_argument("--profile", metavar="NAME", help="only this profile (default: everything)")
    sub.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
