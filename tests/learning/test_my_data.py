"""My data: `rehearse export` gives everything as JSON (0600); `rehearse
forget` asks first, deletes, says what it deleted, and leaves no copy of
the words behind (freed pages, the write-ahead log, backups)."""

import json
import os

from helpers import rehearse

from bot.learning import journal, profiles, review
from bot.learning.export import export_data
from bot.locations import database_path, exports_dir
from bot.progress.store import Store

from .playing import CARDS_ALL_WRONG, SMALL_COURSE, play

SECRET = "my brother's new address is 12 Larch Road"


def two_people(store, library):
    ann = profiles.create(store, "Ann", "UK")
    bob = profiles.create(store, "Bob", "US")
    store.set_setting(ann.id, "typing", "off")
    play(store, library, ann.id, "money", [1, 1])
    play(store, library, ann.id, "cards", CARDS_ALL_WRONG)
    play(store, library, bob.id, "late", [1])
    tracked = play(store, library, bob.id, "money", [1])
    store.conn.execute("UPDATE steps SET own_words = ? WHERE playthrough_id = ?", (SECRET, tracked.playthrough_id))
    journal.add(store, bob.id, journal.HARD, SECRET, "money")
    journal.add(store, ann.id, journal.WENT_WELL, "Ann's note.")
    return ann, bob


def test_export_holds_everything_for_every_profile(store, library):
    ann, bob = two_people(store, library)
    review.due(store, library, ann.id)
    data = export_data(store)
    assert data["app"] == "rehearse" and data["schema_version"] == 2
    by_name = {p["name"]: p for p in data["profiles"]}
    assert set(by_name) == {"Ann", "Bob"}
    assert by_name["Ann"]["region"] == "UK" and by_name["Ann"]["settings"][0]["key"] == "typing"
    assert len(by_name["Ann"]["playthroughs"]) == 2 and len(by_name["Ann"]["steps"]) == 7
    assert sorted(e["scenario"] for e in by_name["Ann"]["endings_found"]) == ["cards", "money"]
    assert len(by_name["Ann"]["review_cards"]) == 3
    assert by_name["Bob"]["journal"][0]["text"] == SECRET
    assert any(s["own_words"] == SECRET for s in by_name["Bob"]["steps"])


def test_rehearse_export_writes_private_json(store, library):
    two_people(store, library)
    store.close()
    result = rehearse("export")
    assert result.returncode == 0, result.stderr
    [path] = exports_dir().glob("rehearse-export-*.json")
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert {p["name"] for p in json.loads(path.read_text())["profiles"]} == {"Ann", "Bob"}
    result = rehearse("export", "--profile", "bob", "--output", "-")
    assert [p["name"] for p in json.loads(result.stdout)["profiles"]] == ["Bob"]


def test_forget_asks_first_and_keeps_everything_on_no(store, library):
    two_people(store, library)
    store.close()
    result = rehearse("forget", "--profile", "Bob", input="no\n")
    assert result.returncode == 1
    assert "Delete the profile Bob" in result.stdout and "Nothing was deleted." in result.stdout
    result = rehearse("forget", input="")  # end of input is a no
    assert "Nothing was deleted." in result.stdout
    reopened = Store.open()
    assert len(profiles.all_profiles(reopened)) == 2
    reopened.close()


def test_forgetting_one_profile_leaves_no_trace_of_their_words(store, library):
    ann, bob = two_people(store, library)
    store.close()
    (database_path().parent / f"{database_path().name}.v1-20260101-000000.bak").write_bytes(b"an old copy")
    result = rehearse("forget", "--profile", "Bob", input="yes\n")
    assert result.returncode == 0, result.stderr
    assert "Deleted: Bob." in result.stdout
    assert "With it: 2 play-throughs, 2 steps, 1 ending found, 1 journal entry." in result.stdout
    assert "Files removed: progress.sqlite3.v1-20260101-000000.bak." in result.stdout
    for path in database_path().parent.glob("progress.sqlite3*"):
        assert SECRET.encode() not in path.read_bytes(), path.name
    reopened = Store.open()
    assert [p.name for p in profiles.all_profiles(reopened)] == ["Ann"]
    assert reopened.profile().name == "Ann"  # Bob was in use; the app opens with Ann now
    assert [e.text for e in journal.entries(reopened, ann.id)] == ["Ann's note."]
    assert reopened.progress(ann.id)["money"].plays == 1
    reopened.close()


def test_forgetting_everything_removes_the_files(store, library):
    two_people(store, library)
    store.close()
    rehearse("report", "--content", str(SMALL_COURSE))
    assert list(exports_dir().iterdir())
    result = rehearse("forget", "--yes")
    assert result.returncode == 0, result.stderr
    assert "Deleted: Ann, Bob." in result.stdout and "progress.sqlite3" in result.stdout
    assert not database_path().exists() and not list(exports_dir().iterdir())
    assert rehearse("forget").stdout.strip() == "There is no saved progress to delete."
