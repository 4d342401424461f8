"""Two people, one household: each plays the same scenario on their own
profile, then this lays their last finished play-throughs side by side:
where they said the same thing, where they chose differently (and which
way each choice leaned), and how each conversation ended. The point is the
conversation it starts: a loved one soon learns which of two people will
give way, so agreeing on boundaries matters."""

from dataclasses import dataclass

from ..content.library import Library
from ..content.model import Choice, Citation, Line, Node, Scenario, plain
from ..i18n import N_, _
from ..progress.store import Profile, Store
from .moves import leaning
from .profiles import all_profiles, label

WHY_AGREE = N_("When one of you holds a line and the other gives way, your loved one soon learns which of you to ask. "
             "Agree on your boundaries together, say them the same way, and back each other up. The guide says "
             "recovery goes better when the whole family changes, not only the person in treatment.")
WHY_AGREE_SOURCES = (Citation("relapse", "family-recovery", 0), Citation("relapse", "accountability", 0))
TALK_ABOUT = N_("Pick one line you will both hold, and agree on the words you will both use.")
HEARD_LIMIT = 60  # characters of the loved one's line that name a moment


def heard(node: Node) -> str:
    """A moment named by what the learner saw there: the loved one's first line,
    shortened (a node's title is the author's name for it, never shown in play)."""
    said = next((plain(b.text) for b in node.blocks if isinstance(b, Line)), "")
    said = " ".join(said.split())
    if not said:
        return node.title
    if len(said) > HEARD_LIMIT:
        said = said[:HEARD_LIMIT].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
    return f"“{said}”"


def when(node: Node) -> str:
    """A moment as the learner saw it: "when Alex said “…”" (the node's title
    only where no one speaks there)."""
    speaker = next((b.speaker for b in node.blocks if isinstance(b, Line)), "")
    if speaker:
        return _("when {speaker} said {words}").format(speaker=speaker, words=heard(node))
    return _("at {moment}").format(moment=heard(node))


def moments_summary(comparison: "Comparison") -> str:
    """Where you chose the same words and where you chose differently, in plain
    sentences that name the moment when there is one."""
    agreed, apart = comparison.agreements, comparison.differences
    if not comparison.moments:
        return _("Your conversations went different ways from the start, so no moment came up for both of you.")
    if not apart or not agreed:
        one, both, every = _EVERY_MOMENT[not apart]
        count = len(comparison.moments)
        if count == 1:
            return _(one).format(moment=when(comparison.moments[0].node))
        return _(both) if count == 2 else _(every).format(count=count)
    return f"{_agreed_times(agreed)} {_apart_times(apart)}"


# all the same (True) or all different: (at one moment, at both, at every one of {count})
_EVERY_MOMENT = {
    True: (N_("You both chose the same words at the one moment you both reached: {moment}."),
           N_("You both chose the same words at both moments you both reached; each is below."),
           N_("You both chose the same words at all {count} moments you both reached; each is below.")),
    False: (N_("You chose differently at the one moment you both reached: {moment}."),
            N_("You chose differently at both moments you both reached; each is below."),
            N_("You chose differently at all {count} moments you both reached; each is below.")),
}


def _agreed_times(moments: tuple["Moment", ...]) -> str:
    if len(moments) == 1:
        return _("You both chose the same words once: {moment}.").format(moment=when(moments[0].node))
    return _("You both chose the same words {count} times; each is below.").format(count=len(moments))


def _apart_times(moments: tuple["Moment", ...]) -> str:
    if len(moments) == 1:
        return _("You chose differently once: {moment}.").format(moment=when(moments[0].node))
    return _("You chose differently {count} times; each is below.").format(count=len(moments))


@dataclass(frozen=True)
class Moment:
    """A point both reached, and what each of them said there."""

    node: Node
    first: Choice
    second: Choice
    first_leaning: int
    second_leaning: int

    @property
    def same(self) -> bool:
        return self.first is self.second

    @property
    def pulled_apart(self) -> bool:
        """One of them leaned the good way here and the other did not."""
        return not self.same and (self.first_leaning > 0) != (self.second_leaning > 0)


@dataclass(frozen=True)
class Side:
    name: str
    path: tuple[tuple[Node, Choice], ...]
    ending: Node | None
    skills: dict


@dataclass(frozen=True)
class Comparison:
    scenario: Scenario
    first: Side
    second: Side
    moments: tuple[Moment, ...]  # in the order the first person met them

    @property
    def differences(self) -> tuple[Moment, ...]:
        return tuple(m for m in self.moments if not m.same)

    @property
    def agreements(self) -> tuple[Moment, ...]:
        return tuple(m for m in self.moments if m.same)

    def only(self, side: Side) -> tuple[tuple[Node, Choice], ...]:
        """Steps one of them took where the other never went."""
        other = self.second if side is self.first else self.first
        reached = {node.id for node, _ in other.path}
        return tuple((node, choice) for node, choice in side.path if node.id not in reached)


class NothingToCompare(LookupError):
    """One of the two has not finished this scenario yet."""


def last_finished(store: Store, profile_id: int, scenario_id: str) -> int | None:
    row = store.conn.execute("SELECT id FROM playthroughs WHERE profile_id = ? AND scenario = ? AND state = 'ended' "
                             "ORDER BY updated_at DESC, id DESC LIMIT 1", (profile_id, scenario_id)).fetchone()
    return row[0] if row else None


def shared_scenarios(store: Store, library: Library, first: int, second: int) -> list[Scenario]:
    """Scenarios both profiles have finished at least once, in course order."""
    rows = store.conn.execute("SELECT scenario FROM playthroughs WHERE profile_id = ? AND state = 'ended' "
                              "INTERSECT SELECT scenario FROM playthroughs WHERE profile_id = ? AND state = 'ended'",
                              (first, second))
    both = {row[0] for row in rows}
    return [s for s in library.in_order() if s.id in both]


def _side(store: Store, scenario: Scenario, profile: Profile) -> Side:
    playthrough_id = last_finished(store, profile.id, scenario.id)
    if playthrough_id is None:
        raise NothingToCompare(_("{name} has not finished “{scenario}” yet").format(name=label(profile),
                                                                                  scenario=scenario.title))
    path = []
    for step in store.steps(playthrough_id):
        node = scenario.node_map.get(step.node)
        if node is None or step.choice >= len(node.choices):
            continue  # the scenario has changed since; keep what still fits
        path.append((node, node.choices[step.choice]))
    saved = store.playthrough(playthrough_id)
    return Side(label(profile), tuple(path), scenario.node_map.get(saved.ending or ""), saved.skills)


def compare(store: Store, library: Library, scenario_id: str, first: Profile, second: Profile) -> Comparison:
    scenario = library.scenarios[scenario_id]
    one, two = _side(store, scenario, first), _side(store, scenario, second)
    skills = library.course.skills if library.course else {}
    theirs = {node.id: choice for node, choice in two.path}
    moments = tuple(Moment(node, choice, theirs[node.id], leaning(choice, skills), leaning(theirs[node.id], skills))
                    for node, choice in one.path if node.id in theirs)
    return Comparison(scenario, one, two, moments)


def together_offers(store: Store, library: Library, profile: Profile,
                    scenario_id: str | None = None) -> list[tuple[Profile, Scenario]]:
    """Who else on this device has finished a scenario this profile finished too
    (only `scenario_id`, when given), with the first such scenario: where the
    app offers the comparison, so a second person learns it exists."""
    offers = []
    for other in all_profiles(store):
        if other.id == profile.id:
            continue
        shared = [s for s in shared_scenarios(store, library, profile.id, other.id)
                  if scenario_id is None or s.id == scenario_id]
        if shared:
            offers.append((other, shared[0]))
    return offers
