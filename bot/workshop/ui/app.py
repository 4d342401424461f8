"""The workshop app on the facilitator's laptop: starts the vote server on
its own event loop, shows the projector screen in the high-contrast theme,
and stops the server (and itself, after hours idle) cleanly."""

from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.content import Content

from ...help import load as load_helplines
from ...i18n import N_, _, language
from ...ui.app import STYLES
from ...ui.themes import HIGH_CONTRAST
from ..export import save
from ..notes import facilitator_view
from ..room import Room
from ..run import WorkshopRun
from ..server import VoteServer

WORKSHOP_STYLES = Path(__file__).with_name("workshop.tcss")


def keys_help() -> Content:
    """The keys, for the help screen (F1), in the workshop's language."""
    return Content("\n").join([
        Content(_("Running the workshop")).stylize("bold"),
        Content(_("Space (or Enter) does whatever comes next: the scene, the discussion, open the vote, close it, go on "
                "with the room's choice. 1-9 goes on with that option yourself; v and c open and close the vote; t "
                "starts the countdown or a discussion timer; r runs the vote again; u takes back the last step; s "
                "skips to the next scenario; j shows or hides the join code; e saves the session record; q stops.")),
        Content(_("w opens a \"What would you say?\" round at this step: phones get a box for a line in their own "
                "words. The lines come to your private facilitator link, each with the habits found, never to this "
                "screen; there you choose which to show here, with no name, and hide them again. w (or Space) "
                "closes the round: the lines on the screen then are kept in the session record, the rest are "
                "forgotten.")),
    ])


class WorkshopApp(App):
    CSS_PATH = [STYLES / "base.tcss", STYLES / "pages.tcss", WORKSHOP_STYLES]
    TITLE = "rehearse workshop"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("f1", "help", N_("Help lines"), priority=True),
        Binding("ctrl+q", "stop", N_("Stop"), show=False, priority=True),
    ]

    def __init__(self, run: WorkshopRun, room: Room, code: str, *, server: VoteServer | None = None,
                 join_url: str = "", export_dir: Path, vote_seconds: int = 30, discuss_minutes: int = 3):
        """Without a server (tests), join_url is what the screen shows."""
        super().__init__()
        self.workshop, self.room, self.code, self.server = run, room, code, server
        self.join_url = join_url
        self.export_dir = export_dir
        self.vote_seconds, self.discuss_minutes = vote_seconds, discuss_minutes
        self.helplines = load_helplines().in_language(language())  # F1 in the projector's language
        self.profile = None  # no learner's profile on a shared laptop
        self.help_region = run.region.id  # the help screen shows the room's region
        self.saved: list[Path] = []  # record files written, printed in the terminal after exit
        self.unsaved_stop = False  # saving failed once at a stop: the next stop goes without it
        if server is not None:
            server.facilitator_view = lambda: facilitator_view(run)

    @property
    def join_address(self) -> str:
        """What people type: the address without the code."""
        return self.join_url.split("/j/")[0].removeprefix("http://")

    async def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.theme = HIGH_CONTRAST.name
        if self.server is not None:
            self.server.on_idle = self.stop_idle
            await self.server.start()
            self.join_url = self.server.join_url
        from .projector import ProjectorScreen

        await self.push_screen(ProjectorScreen())

    async def on_unmount(self) -> None:
        if self.server is not None:
            await self.server.stop()

    def stop_idle(self) -> None:
        hours = self.server.limits.idle_seconds / 3600 if self.server else 0
        self.save_record()
        stopped = _("the workshop stopped by itself after {hours} hours without activity.")
        self.exit(message="rehearse: " + stopped.format(hours=f"{hours:g}"))

    def action_help(self) -> None:
        from ...ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(keys_help()))

    def action_stop(self) -> None:
        self.ask_quit()

    def ask_quit(self) -> None:
        """Stopping is asked, with "Keep going" focused (Enter also means Next
        here), and the record is saved first, so a stop never loses it."""
        from ...ui.screens.dialogs import Question

        def answered(yes: bool | None) -> None:
            if yes and (self.save_record() or self.unsaved_stop):
                self.exit()
            elif yes:  # saving failed: say so, and let a second stop go without it
                self.unsaved_stop = True

        unsaved = _("The session record could not be saved; stop without it?") if self.unsaved_stop else \
            _("The session record is saved first.")
        self.push_screen(Question(_("Stop the workshop?"), _("Phones are disconnected and the join code stops "
                                                             "working.") + " " + unsaved,
                                  _("Stop"), _("Keep going"), danger=True), answered)

    def ask_export(self) -> None:
        from ...ui.screens.dialogs import Question

        def chosen(yes: bool | None) -> None:
            if yes and self.save_record():
                md_path, csv_path = self.saved[-2:]
                self.notify(_("Saved {first} and {second}. The folder is printed in the terminal when the workshop "
                              "ends.").format(first=md_path.name, second=csv_path.name),
                            title=_("Saved"), markup=False, timeout=10)

        # no folder on the projector: the room need not see the facilitator's own paths
        self.push_screen(Question(_("Save the session record?"), _(
            "Two files, Markdown and CSV: each step, its options, the vote counts and your own picks. Anonymous: no "
            "names and no one's own vote. Only you can read them. They go in the --export folder; it is saved again "
            "when you stop."), _("Save"), _("Not now")), chosen)

    def save_record(self) -> bool:
        """Both files into the export folder (the paths are kept for the
        terminal after exit); False, with a note on screen, when that fails."""
        try:
            self.saved += save(self.workshop, self.export_dir, len(self.room.participants))
        except OSError as err:
            self.notify(_("Could not save the session record: {reason}. Start the next workshop with --export DIR to "
                          "choose another folder.").format(reason=err.strerror or _("the folder is not writable")),
                        title=_("Not saved"), severity="error", markup=False, timeout=15)
            return False
        return True
