"""The progress store the app and plain mode share. Each change is one
transaction (BEGIN IMMEDIATE, so two windows queue instead of failing), so
a step is saved whole or not at all."""

import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..locations import database_path
from .db import open_database
from .reading import open_for_reading


@dataclass(frozen=True)
class Profile:
    id: int
    name: str
    region: str


@dataclass(frozen=True)
class Step:
    number: int  # 1-based
    node: str  # where the choice was made
    choice: int  # index in node.choices
    target: str
    own_words: str | None = None


@dataclass(frozen=True)
class Playthrough:
    id: int
    scenario: str
    state: str  # playing, ended or left
    node: str
    ending: str | None
    outcome: str | None
    skills: dict
    updated_at: float


@dataclass(frozen=True)
class ScenarioProgress:
    plays: int
    ended: int  # play-throughs that reached any ending ("completed" means a good one: see course_map)
    endings: int  # different endings found


class Store:
    def __init__(self, conn: sqlite3.Connection, notice: str | None = None):
        self.conn = conn
        self.notice = notice

    @classmethod
    def open(cls, path: Path | None = None, verify: bool = True) -> "Store":
        """`verify=False` only for read-only commands (see open_database)."""
        conn, notice = open_database(path or database_path(), verify=verify)
        return cls(conn, notice)

    @classmethod
    def read_only(cls, path: Path) -> "Store":
        """For commands that only read; nothing is created or changed (see open_for_reading)."""
        return cls(open_for_reading(path))

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def _transaction(self):
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    transaction = _transaction  # for the tables of bot/learning

    # -- profiles and settings ---------------------------------------------
    def profile(self) -> Profile | None:
        """The profile chosen last (see bot/learning/profiles.py), else the first."""
        row = self.conn.execute("SELECT id, name, region FROM profiles LEFT JOIN profile_in_use ON profile_id = id "
                                "ORDER BY profile_id IS NULL, id LIMIT 1").fetchone()
        return Profile(*row) if row else None

    def create_profile(self, name: str, region: str) -> Profile:
        with self._transaction() as db:
            cursor = db.execute("INSERT INTO profiles (name, region, created_at) VALUES (?, ?, ?)",
                                (name, region, time.time()))
        return Profile(cursor.lastrowid, name, region)

    def update_profile(self, profile_id: int, name: str, region: str) -> Profile:
        with self._transaction() as db:
            db.execute("UPDATE profiles SET name = ?, region = ? WHERE id = ?", (name, region, profile_id))
        return Profile(profile_id, name, region)

    def settings(self, profile_id: int) -> dict[str, str]:
        rows = self.conn.execute("SELECT key, value FROM settings WHERE profile_id = ?", (profile_id,))
        return dict(rows.fetchall())

    def set_setting(self, profile_id: int, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO settings (profile_id, key, value) VALUES (?, ?, ?) "
                       "ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value",
                       (profile_id, key, value))

    # -- play-throughs ----------------------------------------------------------
    def begin(self, profile_id: int, scenario: str, node: str, skills: dict, steps: list[Step] = ()) -> int:
        """A new play-through (any unfinished one of the same scenario is left),
        optionally starting with steps already taken."""
        now = time.time()
        with self._transaction() as db:
            db.execute("UPDATE playthroughs SET state = 'left', updated_at = ? "
                       "WHERE profile_id = ? AND scenario = ? AND state = 'playing'", (now, profile_id, scenario))
            cursor = db.execute("INSERT INTO playthroughs (profile_id, scenario, node, skills, started_at, updated_at) "
                                "VALUES (?, ?, ?, ?, ?, ?)", (profile_id, scenario, node, json.dumps(skills), now, now))
            playthrough_id = cursor.lastrowid
            db.executemany("INSERT INTO steps (playthrough_id, number, node, choice, target, own_words, at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(playthrough_id, s.number, s.node, s.choice, s.target, s.own_words, now) for s in steps])
        return playthrough_id

    def record_step(self, playthrough_id: int, step: Step, skills: dict,
                    ending: str | None = None, outcome: str | None = None) -> None:
        """One choice made: the step, where it led, the skills, and any ending found."""
        now = time.time()
        with self._transaction() as db:
            db.execute("INSERT INTO steps (playthrough_id, number, node, choice, target, own_words, at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (playthrough_id, step.number, step.node, step.choice, step.target, step.own_words, now))
            db.execute("UPDATE playthroughs SET node = ?, skills = ?, updated_at = ?, state = ?, ending = ?, "
                       "outcome = ? WHERE id = ?",
                       (step.target, json.dumps(skills), now, "ended" if ending else "playing", ending, outcome,
                        playthrough_id))
            if ending:
                db.execute("INSERT OR IGNORE INTO endings_found (profile_id, scenario, ending, outcome, found_at) "
                           "SELECT profile_id, scenario, ?, ?, ? FROM playthroughs WHERE id = ?",
                           (ending, outcome, now, playthrough_id))

    def take_back(self, playthrough_id: int, number: int, node: str, skills: dict) -> None:
        """Undo: forget step `number` (and any after it); the play-through is open again."""
        with self._transaction() as db:
            db.execute("DELETE FROM steps WHERE playthrough_id = ? AND number >= ?", (playthrough_id, number))
            db.execute("UPDATE playthroughs SET node = ?, skills = ?, updated_at = ?, state = 'playing', "
                       "ending = NULL, outcome = NULL WHERE id = ?",
                       (node, json.dumps(skills), time.time(), playthrough_id))

    def leave(self, playthrough_id: int) -> None:
        with self._transaction() as db:
            db.execute("UPDATE playthroughs SET state = 'left', updated_at = ? WHERE id = ? AND state = 'playing'",
                       (time.time(), playthrough_id))

    def playthrough(self, playthrough_id: int) -> Playthrough | None:
        return self._one("WHERE id = ?", (playthrough_id,))

    def latest_unfinished(self, profile_id: int, scenario: str | None = None) -> Playthrough | None:
        if scenario is None:
            return self._one("WHERE profile_id = ? AND state = 'playing' ORDER BY updated_at DESC, id DESC LIMIT 1",
                             (profile_id,))
        return self._one("WHERE profile_id = ? AND scenario = ? AND state = 'playing' "
                         "ORDER BY updated_at DESC, id DESC LIMIT 1", (profile_id, scenario))

    def _one(self, where: str, args: tuple) -> Playthrough | None:
        row = self.conn.execute("SELECT id, scenario, state, node, ending, outcome, skills, updated_at "
                                f"FROM playthroughs {where}", args).fetchone()
        if row is None:
            return None
        return Playthrough(*row[:6], json.loads(row[6]), row[7])

    def steps(self, playthrough_id: int) -> list[Step]:
        rows = self.conn.execute("SELECT number, node, choice, target, own_words FROM steps "
                                 "WHERE playthrough_id = ? ORDER BY number", (playthrough_id,))
        return [Step(*row) for row in rows]

    # -- summaries ----------------------------------------------------------------
    def progress(self, profile_id: int) -> dict[str, ScenarioProgress]:
        rows = self.conn.execute("SELECT scenario, count(*), sum(state = 'ended') FROM playthroughs "
                                 "WHERE profile_id = ? GROUP BY scenario", (profile_id,)).fetchall()
        found = dict(self.conn.execute("SELECT scenario, count(*) FROM endings_found WHERE profile_id = ? "
                                       "GROUP BY scenario", (profile_id,)).fetchall())
        return {scenario: ScenarioProgress(plays, ended or 0, found.get(scenario, 0)) for scenario, plays, ended in rows}

    def endings_found(self, profile_id: int, scenario: str) -> dict[str, str]:
        rows = self.conn.execute("SELECT ending, outcome FROM endings_found WHERE profile_id = ? AND scenario = ? "
                                 "ORDER BY found_at", (profile_id, scenario))
        return dict(rows.fetchall())

    def ended_skills(self, profile_id: int, scenario: str, exclude: int | None = None) -> list[dict]:
        """Final skills of every earlier play-through that reached an ending."""
        rows = self.conn.execute("SELECT skills FROM playthroughs WHERE profile_id = ? AND scenario = ? "
                                 "AND state = 'ended' AND id IS NOT ?", (profile_id, scenario, exclude))
        return [json.loads(row[0]) for row in rows]
