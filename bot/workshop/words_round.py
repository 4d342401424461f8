"""A "What would you say?" round, without any server or screen: each phone
sends a few lines in its own words, each read for its habits (bot.words)
as it arrives. A line keeps no trace of who sent it; the facilitator puts
chosen ones on the projector, and only those outlive the round."""

from dataclasses import dataclass, field

from ..text import clean_line
from ..words import Reading, habit_label, read
from .votes import VoteRefused

LINE_LIMIT = 1000  # characters, as `rehearse words` takes
LINES_PER_PHONE = 3  # a few tries each, and a room of 200 still sends at most 600


@dataclass
class SentLine:
    """One line from the room: its text (cleaned) and what the analyser found; no sender."""

    id: int
    reading: Reading
    shown: bool = False

    @property
    def text(self) -> str:
        return self.reading.text

    def habits(self) -> dict:
        """JSON-ready: what helped, what may backfire, and one thing to try."""
        def notes(found) -> list[dict]:
            return [{"code": n.code, "label": habit_label(n.code), "says": n.says} for n in found]

        return {"helps": notes(self.reading.helps), "traps": notes(self.reading.traps),
                "try": self.reading.safety or self.reading.try_next or ""}


@dataclass
class WordsRound:
    id: int
    lines: list[SentLine] = field(default_factory=list)
    sent_by: dict[str, int] = field(default_factory=dict)  # participant -> how many lines, never which

    def add(self, participant: str, text) -> SentLine:
        if not isinstance(text, str):
            raise VoteRefused("bad-text", "send the line as text")
        if len(text) > LINE_LIMIT:
            raise VoteRefused("too-long", f"a line can be at most {LINE_LIMIT} characters")
        text = clean_line(text)
        if not text:
            raise VoteRefused("empty", "type what you would say first")
        if self.sent_by.get(participant, 0) >= LINES_PER_PHONE:
            raise VoteRefused("enough", f"you have sent {LINES_PER_PHONE} lines in this round, the most there can be")
        self.sent_by[participant] = self.sent_by.get(participant, 0) + 1
        line = SentLine(len(self.lines) + 1, read(text))
        self.lines.append(line)
        return line

    def line(self, line_id) -> SentLine:
        if isinstance(line_id, bool) or not isinstance(line_id, int) or not 1 <= line_id <= len(self.lines):
            raise VoteRefused("unknown-line", "no such line in this round")
        return self.lines[line_id - 1]

    @property
    def shown(self) -> list[SentLine]:
        return [line for line in self.lines if line.shown]

    def private_view(self) -> dict:
        """For the facilitator's private page only: every line with its habits."""
        return {"round": self.id, "limit": LINES_PER_PHONE,
                "lines": [{"id": line.id, "text": line.text, "shown": line.shown, **line.habits()}
                          for line in self.lines]}
