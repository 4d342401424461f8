"""Myth-or-fact review: cards the learner got wrong (or was not sure about)
in play come back in a short review until answered right twice in a row.

Which steps are cards, and which answer is right, is read from the model
with no markup of its own:
- a card is a node whose every choice starts with a verdict: "Myth",
  "Fact" or "Not sure" (as in content/scenarios/myths/myth-or-fact.md);
- the statement is the last quoted line spoken in that node;
- the right verdict is the one whose choice moves a skill the good way (or
  the other one, when a verdict moves a skill the wrong way). A card whose
  choices move no skill cannot be judged, and is left out of the review.
In a translation the verdicts are read from the original: a translation has
the same choices in the same order, in words this code need not know.
Missed cards are found by reading finished play-throughs once: a mark
(`review_checked`) remembers how far the reading got."""

import re
import time
from dataclasses import dataclass

from ..content.library import Library
from ..content.model import Choice, Line, Node, Note, Scenario, plain
from ..i18n import N_
from ..progress.store import Store
from .moves import leaning as choice_leaning

MYTH, FACT, NOT_SURE = N_("Myth"), N_("Fact"), N_("Not sure")  # kept in English; shown with _()
VERDICTS = (MYTH, FACT, NOT_SURE)
_VERDICT = re.compile(r"\s*(myth|fact|not sure)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“](.+?)[\"”]", re.DOTALL)
REVIEW_SIZE = 5  # cards in one short review
RIGHT_TIMES = 2  # right answers in a row before a card is done


@dataclass(frozen=True)
class Card:
    scenario: str
    node: str
    statement: str
    right: str  # MYTH or FACT
    verdicts: tuple[str, ...]  # as offered, in order
    explanation: Note | None  # the coach's words on the right answer

    @property
    def key(self) -> tuple[str, str]:
        return self.scenario, self.node


def verdict_of(choice: Choice) -> str | None:
    match = _VERDICT.match(plain(choice.text))
    return {"myth": MYTH, "fact": FACT, "not sure": NOT_SURE}[match.group(1).lower()] if match else None


def right_verdict(node: Node, course_skills: dict) -> str | None:
    leaning = {MYTH: 0, FACT: 0}
    for choice in node.choices:
        verdict = verdict_of(choice)
        if verdict in leaning:
            leaning[verdict] += choice_leaning(choice, course_skills)
    myth, fact = leaning[MYTH], leaning[FACT]
    if myth > 0 >= fact or fact < 0 <= myth:
        return MYTH
    if fact > 0 >= myth or myth < 0 <= fact:
        return FACT
    return None


def statement_of(node: Node) -> str:
    lines = [plain(b.text) for b in node.blocks if isinstance(b, Line)]
    for text in reversed(lines):
        quoted = _QUOTED.search(text)
        if quoted:
            return " ".join(quoted.group(1).split())
    return lines[-1] if lines else node.title


def cards_in(scenario: Scenario, course_skills: dict, original: Scenario | None = None) -> list[Card]:
    """The scenario's cards, in its own words; the verdicts read from `original` when it is a translation."""
    cards = []
    for node in scenario.nodes:
        judged = (original or scenario).node_map.get(node.id, node)
        verdicts = tuple(verdict_of(c) for c in judged.choices)
        if len(verdicts) < 2 or None in verdicts or not {MYTH, FACT} <= set(verdicts):
            continue
        right = right_verdict(judged, course_skills)
        if right is None:
            continue
        explanation = next((shown.feedback for shown, verdict in zip(node.choices, verdicts) if verdict == right),
                           None)
        cards.append(Card(scenario.id, node.id, statement_of(node), right, verdicts, explanation))
    return cards


def library_cards(library: Library) -> dict[tuple[str, str], Card]:
    skills = library.course.skills if library.course else {}
    originals = getattr(library.scenarios, "originals", library.scenarios)  # a translated library keeps them
    return {card.key: card for s in library.in_order() for card in cards_in(s, skills, originals.get(s.id))}


def read_plays(store: Store, library: Library, profile_id: int,
               cards: dict[tuple[str, str], Card] | None = None) -> None:
    """Note every card missed in play-throughs finished since the last reading."""
    cards = library_cards(library) if cards is None else cards
    scenarios = sorted({scenario for scenario, _ in cards})
    row = store.conn.execute("SELECT up_to FROM review_checked WHERE profile_id = ?", (profile_id,)).fetchone()
    since = row[0] if row else 0.0
    marks = ",".join("?" * len(scenarios))
    rows = store.conn.execute(
        "SELECT p.scenario, s.node, s.choice, s.at FROM playthroughs p "
        "JOIN steps s ON s.playthrough_id = p.id WHERE p.profile_id = ? AND p.state IN ('ended', 'left') "
        f"AND p.updated_at >= ? AND p.scenario IN ({marks})", (profile_id, since, *scenarios)).fetchall()
    latest = store.conn.execute("SELECT max(updated_at) FROM playthroughs WHERE profile_id = ? "
                                "AND state IN ('ended', 'left')", (profile_id,)).fetchone()[0]
    missed = []
    for scenario, node, choice, at in rows:
        card = cards.get((scenario, node))
        if card is not None and choice < len(card.verdicts) and card.verdicts[choice] != card.right:
            missed.append((profile_id, scenario, node, at))
    if not missed and (latest is None or latest <= since):
        return  # nothing new: no write, no wait for the disk
    with store.transaction() as db:
        db.executemany("INSERT INTO review_cards (profile_id, scenario, node, missed_at) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (profile_id, scenario, node) DO UPDATE SET "
                       "right_since = CASE WHEN excluded.missed_at > answered_at THEN 0 ELSE right_since END, "
                       "missed_at = max(missed_at, excluded.missed_at)", missed)
        if latest is not None:
            db.execute("INSERT INTO review_checked (profile_id, up_to) VALUES (?, ?) ON CONFLICT (profile_id) "
                       "DO UPDATE SET up_to = max(up_to, excluded.up_to)", (profile_id, latest))


def due(store: Store, library: Library, profile_id: int, limit: int | None = REVIEW_SIZE) -> list[Card]:
    """Cards to review now, the longest waiting first (plays read first)."""
    cards = library_cards(library)
    read_plays(store, library, profile_id, cards)
    rows = store.conn.execute("SELECT scenario, node FROM review_cards WHERE profile_id = ? AND right_since < ? "
                              "ORDER BY answered_at, missed_at", (profile_id, RIGHT_TIMES))
    waiting = [cards[key] for key in map(tuple, rows) if key in cards]
    return waiting if limit is None else waiting[:limit]


def answer(store: Store, profile_id: int, card: Card, verdict: str) -> bool:
    """Keep the answer; True when it was right."""
    right, now = verdict == card.right, time.time()
    with store.transaction() as db:
        if right:
            db.execute("UPDATE review_cards SET right_since = right_since + 1, answered_at = ? "
                       "WHERE profile_id = ? AND scenario = ? AND node = ?", (now, profile_id, *card.key))
        else:
            db.execute("UPDATE review_cards SET right_since = 0, answered_at = ?, missed_at = ? "
                       "WHERE profile_id = ? AND scenario = ? AND node = ?", (now, now, profile_id, *card.key))
    return right
