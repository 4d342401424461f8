"""A room's vote on one step, without any server or screen: one ballot per
participant (changeable until the vote closes), a tally that stays hidden
while the vote is open, and the tie rule with the reason it gives."""

from dataclasses import dataclass, field

from ..i18n import _, ngettext


class VoteRefused(ValueError):
    """A vote that changes nothing; `reason` is a short machine-readable word."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Decision:
    """What the count says: the room's choice (None when the facilitator must
    pick), the tied options, and the reason in plain words (in the language
    in use when it is read: each phone reads it in its own)."""

    counts: tuple[int, ...]
    choice: int | None
    tied: tuple[int, ...]

    @property
    def voters(self) -> int:
        return sum(self.counts)

    @property
    def reason(self) -> str:
        if self.choice is None:
            return _("No votes were cast, so the facilitator picks.")
        if not self.tied:
            return _("Option {n} has the most votes.").format(n=self.choice)
        top = max(self.counts)
        return ngettext("Tie: options {options} have {n} vote each. Tie rule: the option listed first goes ahead "
                        "(option {first}), unless the facilitator picks another or runs the vote again.",
                        "Tie: options {options} have {n} votes each. Tie rule: the option listed first goes ahead "
                        "(option {first}), unless the facilitator picks another or runs the vote again.",
                        top).format(options=_listing(self.tied), n=top, first=self.choice)


def _listing(numbers) -> str:
    numbers = [str(n) for n in numbers]
    if len(numbers) == 1:
        return numbers[0]
    return _("{some} and {last}").format(some=", ".join(numbers[:-1]), last=numbers[-1])


def decide(counts: tuple[int, ...]) -> Decision:
    """Most votes wins. Tie rule: the first listed of the tied options goes
    ahead, so the rule is predictable and never random; the facilitator can
    pick another or run the vote again."""
    counts = tuple(counts)
    top = max(counts, default=0)
    if top == 0:
        return Decision(counts, None, ())
    leaders = tuple(n for n, count in enumerate(counts, 1) if count == top)
    return Decision(counts, leaders[0], leaders if len(leaders) > 1 else ())


@dataclass
class Round:
    """One vote. `seq` numbers each participant's ballots so a replayed
    request (same or older number) is refused instead of counted twice."""

    id: int
    options: int
    closes_at: float | None = None  # a countdown deadline (time.monotonic), or None
    is_open: bool = True
    ballots: dict = field(default_factory=dict)  # participant -> option (1-based)
    seqs: dict = field(default_factory=dict)  # participant -> last accepted seq

    def vote(self, participant: str, option: int, seq: int, now: float) -> bool:
        """Record or change a ballot; True when the tally changed."""
        if not self.accepting(now):
            raise VoteRefused("closed", "this vote has closed")
        if isinstance(option, bool) or not isinstance(option, int) or not 1 <= option <= self.options:
            raise VoteRefused("unknown-option", f"pick an option from 1 to {self.options}")
        if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
            raise VoteRefused("bad-seq", "seq must be a positive whole number")
        if seq <= self.seqs.get(participant, 0):
            raise VoteRefused("replayed", "this ballot was already received")
        self.seqs[participant] = seq
        changed = self.ballots.get(participant) != option
        self.ballots[participant] = option
        return changed

    def accepting(self, now: float) -> bool:
        return self.is_open and (self.closes_at is None or now < self.closes_at)

    def close(self) -> Decision:
        self.is_open = False
        return self.decision()

    @property
    def voters(self) -> int:
        return len(self.ballots)

    def counts(self) -> tuple[int, ...]:
        counts = [0] * self.options
        for option in self.ballots.values():
            counts[option - 1] += 1
        return tuple(counts)

    def decision(self) -> Decision:
        return decide(self.counts())

    def ballot_of(self, participant: str) -> int | None:
        return self.ballots.get(participant)
