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

from ...learning import compare, profiles
from ...wording import OUTCOME_SHORT, citation_label
from ..text import join, line, rich
from ..widgets.keybar import KeyBar
from ..widgets.topbar import TopBar

HOW_IT_WORKS = ("Two people in one home can each practise the same scenario on their own profile, without "
                "looking at each other's choices. Then come here together to see where you chose differently.")


class TogetherScreen(Screen):
    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(self, other_id: int | None = None, scenario_id: str | None = None):
        """`other_id` and `scenario_id` come already picked when the comparison is
        offered from elsewhere (home, profiles, the debrief)."""
        super().__init__()
        app = self.app
        self.others = [p for p in profiles.all_profiles(app.store) if p.id != app.profile.id]
        self.scenario_id = scenario_id
        self.other_id = other_id

    def compose(self) -> ComposeResult:
        yield TopBar("Practise together")
        with VerticalScroll(id="together", classes="page"):
            yield Static(Content("Two people, one household").stylize("bold"), classes="page-title")
            yield Static(Content(HOW_IT_WORKS), classes="para")
            with Horizontal(id="together-pick", classes="learning-row"):
                # once picked, a Select shows only its value: these say what the two boxes are
                yield Label("You and", classes="pick-label")
                yield Select([(profiles.label(p), p.id) for p in self.others], prompt="Compare with…",
                             id="other", disabled=not self.others)
                yield Label("in", classes="pick-label")
                yield Select([], prompt="Scenario…", id="scenario", disabled=True)
            yield Vertical(id="comparison")
        with Horizontal(classes="bar"):
            yield Button("Profiles", id="profiles")
            yield Button("Back", id="back", variant="primary")
        yield KeyBar()

    async def on_mount(self) -> None:
        if not self.others:
            await self.show([Static(Content("There is only one profile so far. Add a second person in Profiles, "
                                            "and ask them to play a scenario on their own."), classes="para")])
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
                await self.show([Static(Content("You have no finished scenario in common yet. Each of you "
                                                "plays the same one to an ending, then come back."),
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
        return join(line(side.name).stylize("bold"), ": no ending")
    kind = OUTCOME_SHORT.get(side.ending.ending, side.ending.ending)
    return join(line(side.name).stylize("bold"), " reached ", line(side.ending.title), (f" ({kind} ending)", "italic"))


def comparison_widgets(result: compare.Comparison, sources: dict) -> list[Static]:
    first, second = result.first, result.second
    differences = result.differences
    out = [Static(Content("\n").join([_ending(first), _ending(second)]), classes="para"),
           Static(Content(compare.moments_summary(result)), classes="para")]
    if result.agreements:
        rows = [Content("Where you agreed").stylize("bold")]
        for moment in result.agreements:
            rows.append(join("  ", line(compare.heard(moment.node)), ("  you both said: ", "italic"),
                             rich(moment.first.text)))
        out.append(Static(Content("\n").join(rows), id="agreed", classes="moment"))
    for moment in differences:
        rows = [join(line(compare.heard(moment.node)).stylize("bold"),
                     ("  this is where a shared line matters most" if moment.pulled_apart else "", "italic"))]
        for name, choice, lean in ((first.name, moment.first, moment.first_leaning),
                                   (second.name, moment.second, moment.second_leaning)):
            rows.append(join("  ", line(name).stylize("bold"), ": ", rich(choice.text), (f"  {_lean(lean)}", "italic")))
        out.append(Static(Content("\n").join(rows), classes="moment"))
    for side in (first, second):
        only = result.only(side)
        if only:
            rows = [join("Only ", line(side.name), " went on to:").stylize("bold")]
            rows += [join("  ", line(compare.heard(node)), ": ", rich(choice.text)) for node, choice in only]
            out.append(Static(Content("\n").join(rows), classes="moment"))
    cited = "; ".join(citation_label(sources, c) for c in compare.WHY_AGREE_SOURCES if c.source in sources)
    out.append(Static(join(("Why agreeing on boundaries matters\n", "bold"), compare.WHY_AGREE,
                           ("\n\nTalk about it: ", "bold"), compare.TALK_ABOUT,
                           (f"\n\nSource: {cited}" if cited else "", "italic")), id="why-agree", classes="para"))
    return out


def _lean(value: int) -> str:
    return "(a helpful move)" if value > 0 else "(a move that can backfire)" if value < 0 else ""


def offer(app, scenario_id: str | None = None, key: str = "w") -> Content | None:
    """The line that tells a household the comparison exists, where it applies:
    another profile has finished a scenario this one has (`scenario_id`, when given)."""
    if app.profile is None:
        return None
    offers = compare.together_offers(app.store, app.library, app.profile, scenario_id)
    if not offers:
        return None
    other, scenario = offers[0]
    return join(("Practise together: ", "bold"), line(profiles.label(other)), " has finished “", line(scenario.title),
                f"” too. Press {key} to see where you agreed and where you chose differently.")


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
