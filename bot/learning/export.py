"""My data: everything the app keeps, as one JSON document, and forgetting
it. Forgetting a profile deletes its rows (the database cascades to
everything that hangs off it), then wipes the freed pages, the write-ahead
log and any backup copies, so the words are really gone from the disk.
Forgetting everything removes the whole progress file and its copies."""

import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import _, ngettext
from ..progress.copies import copies
from ..progress.schema import MIGRATIONS
from ..progress.store import Profile, Store
from .profiles import label

EXPORT_FORMAT = 1
# tables per profile and how each is reached
PER_PROFILE = (
    ("settings", "profile_id = ?"),
    ("playthroughs", "profile_id = ?"),
    ("steps", "playthrough_id IN (SELECT id FROM playthroughs WHERE profile_id = ?)"),
    ("endings_found", "profile_id = ?"),
    ("journal", "profile_id = ?"),
    ("review_cards", "profile_id = ?"),
)


def counted(table: str, n: int) -> str:
    """"3 play-throughs": a table's rows in words, when saying what was deleted."""
    words = {"settings": ngettext("{n} setting", "{n} settings", n),
             "playthroughs": ngettext("{n} play-through", "{n} play-throughs", n),
             "steps": ngettext("{n} step", "{n} steps", n),
             "endings_found": ngettext("{n} ending found", "{n} endings found", n),
             "journal": ngettext("{n} journal entry", "{n} journal entries", n),
             "review_cards": ngettext("{n} review card", "{n} review cards", n)}[table]
    return words.format(n=n)


def _rows(conn: sqlite3.Connection, table: str, where: str, profile_id: int) -> list[dict]:
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {where}", (profile_id,))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def export_data(store: Store, profiles: list[Profile] | None = None) -> dict:
    """Every row the app keeps for these profiles (all of them by default)."""
    conn = store.conn
    if profiles is None:
        profiles = [Profile(*row) for row in conn.execute("SELECT id, name, region FROM profiles ORDER BY id")]
    out = []
    for profile in profiles:
        row = _rows(conn, "profiles", "id = ?", profile.id)[0]
        for table, where in PER_PROFILE:
            row[table] = _rows(conn, table, where, profile.id)
        out.append(row)
    return {"format": EXPORT_FORMAT, "app": "rehearse", "schema_version": len(MIGRATIONS),
            "exported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "profiles": out}


def export_json(store: Store, profiles: list[Profile] | None = None) -> str:
    return json.dumps(export_data(store, profiles), ensure_ascii=False, indent=2) + "\n"


@dataclass
class Forgotten:
    """What was deleted, to tell the learner."""

    profiles: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # table -> rows
    files: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        who = ", ".join(self.profiles) or _("no profiles")
        out = [_("Deleted: {who}.").format(who=who)]
        rows = [counted(table, n) for table, n in self.counts.items() if n]
        if rows:
            out.append(_("With it: {rows}.").format(rows=", ".join(rows)))
        if self.files:
            out.append(_("Files removed: {files}.").format(files=", ".join(self.files)))
        return out


def counts_for(store: Store, profile_id: int) -> dict:
    return {table: store.conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", (profile_id,)).fetchone()[0]
            for table, where in PER_PROFILE}


def forget_profile(store: Store, profile: Profile, database: Path | None = None) -> Forgotten:
    """Delete one profile and everything of theirs; wipe the freed space and
    the backup copies (which would still hold their words)."""
    done = Forgotten([label(profile)], counts_for(store, profile.id))
    store.conn.execute("PRAGMA secure_delete = ON")
    with store.transaction() as db:
        db.execute("DELETE FROM profiles WHERE id = ?", (profile.id,))
    store.conn.execute("VACUUM")
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if database is not None:
        done.files = [path.name for path in copies(database) if _remove(path)]
    return done


def forget_everything(database: Path, exports: Path | None = None) -> Forgotten:
    """Remove the progress file, its side files, its copies and anything saved in the exports folder.
    The caller has closed every connection to it."""
    done = Forgotten()
    if database.exists():
        conn = sqlite3.connect(database)
        try:
            done.profiles = [label(Profile(*row)) for row in conn.execute("SELECT id, name, region FROM profiles")]
            for table, _where in PER_PROFILE:
                try:
                    done.counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                except sqlite3.Error:
                    continue  # a table an older file does not have yet
        except sqlite3.Error:
            pass  # not readable: it is removed all the same
        finally:
            conn.close()
    targets = [Path(f"{database}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")] + copies(database)
    if exports is not None and exports.is_dir():
        targets += sorted(p for p in exports.iterdir() if p.is_file())
    done.files = [path.name for path in targets if _remove(path)]
    return done


def _remove(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except FileNotFoundError:
        return False
