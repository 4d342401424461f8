"""Help and crisis resources, one key (F1 or ?) from every screen: what to
do in an emergency, then the chosen region's help lines, most urgent first,
one short row each so they fit whole on an 80x24 screen; below them where to
get naloxone there, what each line is for, and how to use the app."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Label, Select, Static

from ...help import Region
from ...i18n import N_, _
from ..hanging import Hanging
from ..widgets.words import OPEN_KEY as WORDS_KEY, TITLE as WORDS_TITLE
from ..text import join, line, text
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar
from .regions import NaloxoneNote, RegionSelect


class HelpScreen(Screen):
    BINDINGS = [Binding("escape", "close", N_("Close"))]

    def __init__(self, usage: Content | None = None):
        """`usage`: how to use the app, shown under the help lines (the family app passes it)."""
        super().__init__()
        self.usage = usage
        self.shown_region = self.app.helplines.region(self.app.help_region)

    def compose(self) -> ComposeResult:
        helplines = self.app.helplines
        yield TopBar(_("Help lines"))
        with VerticalScroll(id="help", classes="page"):
            yield Vertical(id="danger")
            yield Static(id="lines-heading")
            yield Vertical(id="lines")
            yield NaloxoneNote(id="naloxone", classes="para")
            yield Static(id="lines-about", classes="para")
            if self.usage is not None:
                yield Static(self.usage, id="how-to", classes="para")
            yield Static(Content(_("About this app: it is practice, not medical advice and not a crisis service. "
                                   "These numbers were checked in {checked}. If a number does not work, "
                                   "call your emergency number.").format(checked=helplines.checked)),
                         id="help-about", classes="para")
        with Horizontal(id="help-bar", classes="bar"):
            yield Button(_("Back"), id="close", variant="primary")
            yield Label(_("Help lines for"), id="region-label")
            yield RegionSelect(helplines, self.shown_region.id, id="region")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show(self.shown_region)
        self.query_one("#close").focus()

    def show(self, region: Region) -> None:
        self.shown_region = region
        danger = self.query_one("#danger", Vertical)
        danger.remove_children()
        danger.mount_all([Static(line(danger_now(region.emergency)).stylize("bold"))]
                         + [Static(Hanging("• ", text(step))) for step in self.app.helplines.danger_steps])
        self.query_one("#lines-heading", Static).update(join((_("Help lines:") + " ", "bold"),
                                                             line(region.name).stylize("bold")))
        entries = region.by_urgency()
        box = self.query_one("#lines", Vertical)
        box.remove_children()
        box.mount_all(Static(Hanging("• ", join(line(e.name).stylize("bold"), ": ", line(e.contact).stylize("bold"),
                                                 (f" ({short_hours(e.hours)})", "italic"))), classes="help-line")
                      for e in entries)
        self.query_one(NaloxoneNote).show(region)
        about = [Content(_("What each line is for")).stylize("bold")]
        about += [join(line(e.name).stylize("bold"), ": ", line(e.about)) for e in entries]
        self.query_one("#lines-about", Static).update(Content("\n").join(about))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.show(self.app.helplines.region(str(event.value)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close()

    def action_close(self) -> None:
        self.app.pop_screen()


def danger_now(emergency: str) -> str:
    """The first line of help. A number and a description take different words in
    Spanish ("llama al 911", "llama a tu número local"), so each has its own sentence."""
    if emergency[:1].isdigit():
        return _("If anyone is in danger right now, call {number}.").format(number=emergency)
    return _("If anyone is in danger right now, call {service}.").format(service=emergency)


def short_hours(hours: str) -> str:
    """'24/7' for lines that always answer, so each line fits one row (the help
    lines' data says it in each language, as the catalogue does)."""
    return "24/7" if hours == _("24 hours, every day") else hours


def how_to_use(course) -> Content:
    """The keys and what the skill meters mean, under the help lines."""
    rows = [Content(_("How to use rehearse")).stylize("bold"),
            text(_("In a conversation: press 1-9 to say a line, u to undo it, r to start again, s to read the "
                   "source behind the coach's note, c to open the coach's whole note on a small screen, and Esc "
                   "to go back to the menu (your place is saved). While you type your own words, use Ctrl+Z, "
                   "Ctrl+R, Ctrl+O and Ctrl+T for the same.")),
            text(_("Your own words: turn on “{setting}” in Settings to type what you would say before the "
                   "options appear. Press {key} to open “{title}”: what helped, what may backfire and "
                   "one thing to try. The option closest to your words is marked, not chosen: the choice is yours."
                   ).format(setting=_("Own words first"), key=WORDS_KEY, title=_(WORDS_TITLE))),
            text(_("F1 or ? opens this page from every screen. Ctrl+Q quits.")),
            text(_("After each conversation the skills show what your choices practised, in small steps:"))]
    if course is not None:
        rows += [join("  ", line(skill.label).stylize("bold"), " ",
                      (_("(higher is better)") if skill.good == "up" else _("(lower is better)"), "italic"))
                 for skill in course.skills.values()]
    return Content("\n").join(rows)
