"""The room as the phones see it: who has joined (anonymous ids, an
optional nickname kept for the phone alone), who is here now, what the
projector shows, the vote in progress and any "What would you say?" round. No server and no screen here:
the server serves a Room and the facilitator's screen drives it, so tests
can drive it too."""

import itertools
import secrets
import time
from dataclasses import dataclass

from ..i18n import _
from ..text import clean_line
from .votes import Decision, Round, VoteRefused
from .words_round import LINES_PER_PHONE, SentLine, WordsRound

NICKNAME_LIMIT = 24
DEFAULT_CAP = 200
PRESENT_SECONDS = 10.0  # a phone without a live connection polls every 3 s; one silent this long has left


class RoomFull(Exception):
    """The participant cap is reached."""


@dataclass(frozen=True)
class Participant:
    id: str
    nickname: str


class Room:
    def __init__(self, cap: int = DEFAULT_CAP, clock=time.monotonic):
        self.cap = cap
        self.clock = clock
        self.participants: dict[str, Participant] = {}
        self.round: Round | None = None
        self.decision: Decision | None = None
        self.words: WordsRound | None = None
        self.slide: dict | None = None  # what the projector shows, in the workshop's language; None: waiting
        self.translated: dict[str, dict] = {}  # the same slide in the phones' other languages
        self.version = 0
        self.people = 0  # present() when the room last changed, so a change in it is news
        self.last_activity = clock()
        self._connections: dict[str, int] = {}  # live connections by participant
        self._heard: dict[str, float] = {}  # when each was last heard from without one
        self._listeners: list = []
        self._round_ids = itertools.count(1)

    # -- joining --------------------------------------------------------------
    def join(self, nickname: str = "", returning: str | None = None) -> Participant:
        """A new participant; or, for `returning` (one who joined before),
        the same one, with the new nickname if one is given."""
        nickname = clean_line(nickname)[:NICKNAME_LIMIT]
        if returning in self.participants:
            participant = Participant(returning, nickname or self.participants[returning].nickname)
        elif len(self.participants) >= self.cap:
            raise RoomFull(f"the room is full ({self.cap} people)")
        else:
            participant = Participant(secrets.token_hex(12), nickname)
        self.participants[participant.id] = participant
        self._heard[participant.id] = self.clock()
        self._changed()
        return participant

    def knows(self, participant_id: str) -> bool:
        return participant_id in self.participants

    # -- who is here --------------------------------------------------------------
    def arrive(self, participant_id: str) -> None:
        """A live connection opened."""
        self._connections[participant_id] = self._connections.get(participant_id, 0) + 1
        self.sweep()

    def leave(self, participant_id: str) -> None:
        """A live connection closed: the phone is here only while it polls (or has another)."""
        left = self._connections.pop(participant_id, 0) - 1
        if left > 0:
            self._connections[participant_id] = left
        self._heard[participant_id] = self.clock()
        self.sweep()

    def heard_from(self, participant_id: str) -> None:
        """A phone without a live connection asked for the room."""
        self._heard[participant_id] = self.clock()
        self.sweep()

    def present(self) -> int:
        """People here now: a live connection, a poll in the last
        PRESENT_SECONDS, or a ballot in this round (a vote cast still counts
        when its phone goes to sleep)."""
        now = self.clock()
        here = set(self._connections)
        here.update(p for p, heard in self._heard.items() if now - heard <= PRESENT_SECONDS)
        if self.round is not None:
            here.update(self.round.ballots)
        return len(here)

    def sweep(self) -> None:
        """Tell everyone when the number of people here has changed (the
        server calls this on a timer, as phones go quiet)."""
        if self.present() != self.people:
            self._changed()

    # -- what the projector shows --------------------------------------------
    def show(self, slide: dict, translated: dict[str, dict] | None = None) -> None:
        """`translated`: the slide in other languages, by code, for the phones that read them."""
        self.slide, self.translated = slide, translated or {}
        self._changed()

    def open_vote(self, options: int, seconds: float | None = None) -> Round:
        """A fresh round (any earlier ballot is void): phones show the options."""
        closes_at = self.clock() + seconds if seconds else None
        self.round = Round(next(self._round_ids), options, closes_at)
        self.decision = None
        self._changed()
        return self.round

    def start_countdown(self, seconds: float) -> None:
        if self.round is not None and self.round.is_open:
            self.round.closes_at = self.clock() + seconds
            self._changed()

    def close_vote(self) -> Decision | None:
        if self.round is None:
            return None
        if self.round.is_open:
            self.decision = self.round.close()
            self._changed()
        return self.decision

    def clear_vote(self) -> None:
        self.round, self.decision = None, None
        self._changed()

    def expired(self) -> bool:
        """An open vote whose countdown has run out (the caller closes it)."""
        round_ = self.round
        return bool(round_ and round_.is_open and round_.closes_at is not None and not round_.accepting(self.clock()))

    # -- voting ----------------------------------------------------------------
    def vote(self, participant_id: str, round_id, option, seq) -> bool:
        if participant_id not in self.participants:
            raise VoteRefused("not-joined", "join with the room's code first")
        if self.round is None or round_id != self.round.id:
            raise VoteRefused("wrong-round", "this is not the vote that is open now")
        changed = self.round.vote(participant_id, option, seq, self.clock())
        if changed:
            self._changed()
        return changed

    # -- "What would you say?" ------------------------------------------------------
    def open_words(self) -> WordsRound:
        """A fresh round: phones show a text box."""
        self.words = WordsRound(next(self._round_ids))
        self._changed()
        return self.words

    def close_words(self) -> list[SentLine]:
        """The lines on the screen when the round closes; every other line is forgotten now."""
        words, self.words = self.words, None
        if words is None:
            return []
        self._changed()
        return words.shown

    def say(self, participant_id: str, round_id, text) -> SentLine:
        if participant_id not in self.participants:
            raise VoteRefused("not-joined", "join with the room's code first")
        if self.words is None or round_id != self.words.id:
            raise VoteRefused("wrong-round", "this round is not open now")
        line = self.words.add(participant_id, text)
        self._changed()
        return line

    def show_line(self, round_id, line_id, shown: bool) -> None:
        """The facilitator's choice: this line on the projector, or off it again."""
        if self.words is None or round_id != self.words.id:
            raise VoteRefused("wrong-round", "this round is not open now")
        line = self.words.line(line_id)
        if line.shown != shown:
            line.shown = shown
            self._changed()

    def said_by(self, participant_id: str) -> int:
        return self.words.sent_by.get(participant_id, 0) if self.words else 0

    # -- reading ---------------------------------------------------------------
    def public_state(self, lang: str | None = None) -> dict:
        """What every phone may see: never a nickname, never a ballot, the
        tally only once the vote has closed, and of a words round only that
        it is open and how many lines have come (never a line). The slide is
        in `lang` where it was given in it; words made here (the vote's
        reason) are in the language in use (languages.speaking)."""
        slide = self.translated.get(lang or "", self.slide) or \
            {"kind": "waiting", "title": _("Waiting for the workshop to start")}
        state = {"v": self.version, "slide": slide, "people": self.people, "vote": None, "words": None}
        if self.words is not None:
            state["words"] = {"round": self.words.id, "sent": len(self.words.lines), "limit": LINES_PER_PHONE}
        round_ = self.round
        if round_ is not None:
            is_open = round_.accepting(self.clock())
            vote = {"round": round_.id, "open": is_open, "voters": round_.voters, "options": round_.options}
            if is_open and round_.closes_at is not None:
                vote["closes_in"] = round(max(0.0, round_.closes_at - self.clock()), 1)
            if self.decision is not None:
                vote.update(counts=list(self.decision.counts), choice=self.decision.choice,
                            reason=self.decision.reason)
            state["vote"] = vote
        return state

    def ballot_of(self, participant_id: str) -> int | None:
        return self.round.ballot_of(participant_id) if self.round else None

    # -- listening ---------------------------------------------------------------
    def subscribe(self, callback) -> None:
        self._listeners.append(callback)

    def touch(self) -> None:
        self.last_activity = self.clock()

    def _changed(self) -> None:
        self.version += 1
        self.people = self.present()
        self.touch()
        for callback in self._listeners:
            callback()
