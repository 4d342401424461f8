"""The reflection journal: a few words after a debrief, kept per profile,
to browse, edit and delete, and to put in the report only if the learner
asks. Entries are the learner's own words: cleaned of control characters
and never read as markup."""

import time
from dataclasses import dataclass

from ..i18n import N_, _
from ..progress.store import Store
from ..text import clean

TEXT_LIMIT = 2000

# kept in English in the journal (a key that does not change with the language); shown with prompt_text
NEXT_TIME = N_("What will you say next time?")
HARD = N_("What was hard?")
WENT_WELL = N_("What went well?")
PROMPTS = (NEXT_TIME, HARD, WENT_WELL)


@dataclass(frozen=True)
class Entry:
    id: int
    scenario: str  # "" when not about one scenario
    prompt: str
    text: str
    created_at: float
    updated_at: float


class EmptyEntry(ValueError):
    """Nothing to keep: the text is blank."""


def prompt_for(outcome: str | None) -> str:
    """The question to start with: what to try after a hard ending, what helped after a good one."""
    return {"success": WENT_WELL, "partial": NEXT_TIME, "setback": NEXT_TIME}.get(outcome or "", HARD)


def prompt_text(prompt: str) -> str:
    """A kept prompt in the learner's language (one kept before in other words stays as it was)."""
    return _(prompt) if prompt in PROMPTS else prompt


def tidy(text: str) -> str:
    cleaned = clean(text).strip()[:TEXT_LIMIT]
    if not cleaned:
        raise EmptyEntry("there is nothing to save yet")
    return cleaned


def add(store: Store, profile_id: int, prompt: str, text: str, scenario: str = "",
        playthrough_id: int | None = None) -> Entry:
    body, now = tidy(text), time.time()
    with store.transaction() as db:
        cursor = db.execute("INSERT INTO journal (profile_id, playthrough_id, scenario, prompt, text, created_at, "
                            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (profile_id, playthrough_id, scenario, clean(prompt), body, now, now))
    return Entry(cursor.lastrowid, scenario, clean(prompt), body, now, now)


def entries(store: Store, profile_id: int) -> list[Entry]:
    """Newest first."""
    rows = store.conn.execute("SELECT id, scenario, prompt, text, created_at, updated_at FROM journal "
                              "WHERE profile_id = ? ORDER BY created_at DESC, id DESC", (profile_id,))
    return [Entry(*row) for row in rows]


def edit(store: Store, profile_id: int, entry_id: int, text: str) -> None:
    body = tidy(text)
    with store.transaction() as db:
        db.execute("UPDATE journal SET text = ?, updated_at = ? WHERE id = ? AND profile_id = ?",
                   (body, time.time(), entry_id, profile_id))


def delete(store: Store, profile_id: int, entry_id: int) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM journal WHERE id = ? AND profile_id = ?", (entry_id, profile_id))
