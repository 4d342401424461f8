"""Progress survives the schema upgrade: a database written by the first
schema version, full of play, opens with the current code and every row is
still there, a verified backup was made, and the new tables work. Closing
and reopening keeps everything the self-paced features wrote."""

import sqlite3

from bot.learning import journal, profiles, review
from bot.locations import database_path
from bot.progress.db import open_database
from bot.progress.schema import MIGRATIONS
from bot.progress.store import Store

from .playing import CARDS_ALL_WRONG, play

V1_TABLES = ("profiles", "settings", "playthroughs", "steps", "endings_found")


def dump(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall()) for table in V1_TABLES}
    finally:
        conn.close()


def write_first_version(library) -> dict:
    """A progress file as the first version of rehearse left it."""
    conn, _ = open_database(database_path(), migrations=MIGRATIONS[:1])
    old = Store(conn)
    first = old.create_profile("Ann", "UK")
    second = old.create_profile("Bob", "US")
    old.set_setting(first.id, "theme", "textual-light")
    play(old, library, first.id, "cards", CARDS_ALL_WRONG)
    play(old, library, first.id, "money", [1, 1])
    play(old, library, second.id, "money", [2])
    unfinished = play(old, library, second.id, "late", [])
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'journal'").fetchone()
    old.close()
    return {"first": first, "second": second, "unfinished": unfinished.playthrough_id}


def test_a_first_version_database_migrates_with_nothing_lost(library):
    made = write_first_version(library)
    before = dump(database_path())
    assert len(before["steps"]) == 8 and len(before["endings_found"]) == 3

    store = Store.open()
    try:
        assert store.notice is None
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 2
        assert dump(database_path()) == before
        backups = list(database_path().parent.glob("*.v1-*.bak"))
        assert len(backups) == 1 and dump(backups[0]) == before
        counted = dict(((p, s), n) for p, s, n in store.conn.execute("SELECT * FROM scenario_plays"))
        assert counted == {(made["first"].id, "cards"): 1, (made["first"].id, "money"): 1,
                           (made["second"].id, "money"): 1, (made["second"].id, "late"): 1}
        assert store.profile().name == "Ann"  # no choice made yet: the first profile
        assert store.latest_unfinished(made["second"].id).id == made["unfinished"]
        # the new tables work on the old data
        assert [c.node for c in review.due(store, library, made["first"].id)] == \
            ["first-card", "second-card", "fourth-card"]
        journal.add(store, made["first"].id, journal.HARD, "Saying no to him.", "money")
        profiles.use(store, made["second"].id)
    finally:
        store.close()

    reopened = Store.open()
    try:
        assert reopened.profile().name == "Bob"
        assert [e.text for e in journal.entries(reopened, made["first"].id)] == ["Saying no to him."]
        assert len(review.due(reopened, library, made["first"].id)) == 3
        assert reopened.settings(made["first"].id) == {"theme": "textual-light"}
    finally:
        reopened.close()
    assert list(database_path().parent.glob("*.bak")) == backups  # no second backup: nothing to migrate


def test_opening_twice_runs_each_migration_once(library):
    write_first_version(library)
    for _ in range(2):
        Store.open().close()
    conn = sqlite3.connect(database_path())
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"journal", "review_cards", "review_checked", "profile_in_use"} <= names
