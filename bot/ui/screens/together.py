"""Two people, one household: pick the other person and a scenario you
have both finished, and see your last play-throughs side by side: where
you chose the same, where you chose differently, and how each ended. Then
a word on why agreeing on boundaries matters."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Label, Select, Static

from ...i18n import N_, _
from ...learning import compare, profiles
from ...wording import citation_label, ending_kind
from ..hanging import Hanging
from ..text import fill, join, line, rich
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar

HOW_IT_WORKS = N_("Two people in one home can each practise the same scenario on their own profile, without "
                "looking at each other's choices. Then come here together to see where you chose differently.")


class TogetherScreen(Screen):
    BINDINGS = [Binding("escape", "back", N_("Back"))]

    def __init__(self, other_id: int | None = None, scenario_id: str | None = None):
        """`other_id` and `scenario_id` come already picked when the comparison is
        offered from elsewhere (home, profiles, the debrief)."""
        super().__init__()
        app = self.app
        self.others = [p for p in profiles.all_profiles(app.store) if p.id != app.profile.id]
        self.scenario_id = scenario_id
        self.other_id = other_id

    def compose(self) -> ComposeResult:
        yield TopBar(_("Practise together"))
        with VerticalScroll(id="together", classes="page"):
            yield Static(Content(_("Two people, one household")).stylize("bold"), classes="page-title")
            yield Static(Content(_(HOW_IT_WORKS)), classes="para")
            with Horizontal(id="together-pick", classes="learning-row"):
                # once picked, a Select shows only its value: these say what the two boxes are
                yield Label(_("You and"), classes="pick-label")
                yield Select([(profiles.label(p), p.id) for p in self.others], prompt=_("Compare with…"),
                             id="other", disabled=not self.others)
                yield Label(_("in"), classes="pick-label")
                yield Select([], prompt=_("Scenario…"), id="scenario", disabled=True)
            yield Vertical(id="comparison")
        with Horizontal(classes="bar"):
            yield Button(_("Profiles"), id="profiles")
            yield Button(_("Back"), id="back", variant="primary")
        yield KeyBar()

    async def on_mount(self) -> None:
        if not self.others:
            await self.show([Static(Content(_("There is only one profile so far. Add a second person in Profiles, "
                                              "and ask them to play a scenario on their own.")), classes="para")])
        elif self.other_id is not None or len(self.others) == 1:
            self.query_one("#other", Select).value = self.other_id or self.others[0].id

    async def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        app = self.app
        other = self.other()
        if event.select.id == "other":
            picker = self.query_one("#scenario", Select)
            shared = [] if other is None else compare.shared_scenarios(app.store, app.library, app.profile.id,
                                                                         other.id)
            picker.set_options([(s.title, s.id) for s in shared])
            picker.disabled = not shared
            if not shared:
                await self.show([Static(Content(_("You have no finished scenario in common yet. Each of you "
                                                  "plays the same one to an ending, then come back.")),
                                        classes="para")])
            elif self.scenario_id in {s.id for s in shared}:
                picker.value = self.scenario_id
            elif len(shared) == 1:
                picker.value = shared[0].id
            return
        if other is not None and event.value is not Select.NULL:
            result = compare.compare(app.store, app.library, str(event.value), app.profile, other)
            await self.show(comparison_widgets(result, app.library.sources))

    def other(self):
        value = self.query_one("#other", Select).value
        return next((p for p in self.others if p.id == value), None)

    async def show(self, widgets) -> None:
        box = self.query_one("#comparison")
        await box.remove_children()
        await box.mount_all(widgets)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "profiles":
            from .profiles import ProfilesScreen

            self.app.push_screen(ProfilesScreen())
        else:
            self.action_back()

    def action_back(self) -> None:
        self.app.pop_screen()


def _ending(side: compare.Side) -> Content:
    if side.ending is None:
        return join(line(side.name).stylize("bold"), ": " + _("no ending"))
    return join(fill(_("{name} reached {ending}"), name=line(side.name).stylize("bold"), ending=line(side.ending.title)),
                (" " + ending_kind(side.ending.ending), "italic"))


def comparison_widgets(result: compare.Comparison, sources: dict) -> list[Static | Vertical]:
    first, second = result.first, result.second
    differences = result.differences
    out = [Static(Content("\n").join([_ending(first), _ending(second)]), classes="para"),
           Static(Content(compare.moments_summary(result)), classes="para")]
    if result.agreements:
        out.append(_moment(Content(_("Where you agreed")).stylize("bold"),
                           [join(line(compare.heard(moment.node)), ("  " + _("you both said:") + " ", "italic"),
                                 rich(moment.first.text))
                            for moment in result.agreements], id="agreed"))
    for moment in differences:
        heading = join(line(compare.heard(moment.node)).stylize("bold"),
                       ("  " + _("this is where a shared line matters most") if moment.pulled_apart else "", "italic"))
        out.append(_moment(heading, [join(line(name).stylize("bold"), ": ", rich(choice.text), (f"  {_lean(lean)}", "italic"))
                                     for name, choice, lean in ((first.name, moment.first, moment.first_leaning),
                                                                (second.name, moment.second, moment.second_leaning))]))
    for side in (first, second):
        only = result.only(side)
        if only:
            out.append(_moment(fill(_("Only {name} went on to:"), name=line(side.name)).stylize("bold"),
                               [join(line(compare.heard(node)), ": ", rich(choice.text)) for node, choice in only]))
    cited = "; ".join(citation_label(sources, c) for c in compare.WHY_AGREE_SOURCES if c.source in sources)
    out.append(Static(join((_("Why agreeing on boundaries matters") + "\n", "bold"), _(compare.WHY_AGREE),
                           ("\n\n" + _("Talk about it:") + " ", "bold"), _(compare.TALK_ABOUT),
                           ("\n\n" + _("Source: {sources}").format(sources=cited) if cited else "", "italic")),
                      id="why-agree", classes="para"))
    return out


def _moment(heading: Content, rows: list[Content], **attributes) -> Vertical:
    """A heading and its indented rows, each wrapping under its own text, not back to the edge."""
    return Vertical(Static(heading), *(Static(Hanging("  ", row)) for row in rows), classes="moment", **attributes)


def _lean(value: int) -> str:
    return _("(a helpful move)") if value > 0 else _("(a move that can backfire)") if value < 0 else ""


def offer(app, scenario_id: str | None = None, key: str = "w") -> Content | None:
    """The line that tells a household the comparison exists, where it applies:
    another profile has finished a scenario this one has (`scenario_id`, when given)."""
    if app.profile is None:
        return None
    offers = compare.together_offers(app.store, app.library, app.profile, scenario_id)
    if not offers:
        return None
    other, scenario = offers[0]
    return join((_("Practise together:") + " ", "bold"),
                fill(_("{name} has finished “{scenario}” too. Press {key} to see where you agreed and where you chose "
                       "differently."), name=line(profiles.label(other)), scenario=line(scenario.title), key=key))


def show_offer(box: Static, scenario_id: str | None = None, key: str = "w") -> None:
    """`box` shows the offer where it applies and is hidden where it does not."""
    shown = offer(box.app, scenario_id, key)
    box.display = shown is not None
    if shown is not None:
        box.update(shown)


def open_together(app, scenario_id: str | None = None) -> None:
    """The comparison with the first person `offer` named, on that scenario."""
    offers = compare.together_offers(app.store, app.library, app.profile, scenario_id)
    if offers:
        other, scenario = offers[0]
        app.push_screen(TogetherScreen(other.id, scenario.id))
    else:
        app.push_screen(TogetherScreen())
