"""The database layout, as numbered migrations. `PRAGMA user_version` says
how many have run; `application_id` marks the file as ours, so a stranger's
database at our path is recognised and moved aside, never altered."""

APPLICATION_ID = 0x52485253  # "RHRS"

V1 = (
    """CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        region TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL
    )""",
    """CREATE TABLE settings (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (profile_id, key)
    ) WITHOUT ROWID""",
    """CREATE TABLE playthroughs (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        scenario TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'playing' CHECK (state IN ('playing', 'ended', 'left')),
        node TEXT NOT NULL,
        skills TEXT NOT NULL DEFAULT '{}',
        ending TEXT,
        outcome TEXT,
        started_at REAL NOT NULL,
        updated_at REAL NOT NULL
    )""",
    "CREATE INDEX playthroughs_by_state ON playthroughs (profile_id, state, updated_at)",
    "CREATE INDEX playthroughs_by_scenario ON playthroughs (profile_id, scenario, state)",
    """CREATE TABLE steps (
        playthrough_id INTEGER NOT NULL REFERENCES playthroughs(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        node TEXT NOT NULL,
        choice INTEGER NOT NULL CHECK (choice >= 0),
        target TEXT NOT NULL,
        own_words TEXT,
        at REAL NOT NULL,
        PRIMARY KEY (playthrough_id, number)
    ) WITHOUT ROWID""",
    """CREATE TABLE endings_found (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        scenario TEXT NOT NULL,
        ending TEXT NOT NULL,
        outcome TEXT NOT NULL,
        found_at REAL NOT NULL,
        PRIMARY KEY (profile_id, scenario, ending)
    ) WITHOUT ROWID""",
    f"PRAGMA application_id = {APPLICATION_ID}",
)

# Self-paced learning: the profile in use, the reflection journal, myth-or-fact
# cards to review (with how far play-throughs have been read for them), and a
# count of play-throughs per scenario kept by triggers, so the course map and
# the report read a few rows however long the history grows.
V2 = (
    """CREATE TABLE profile_in_use (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE
    )""",
    """CREATE TABLE journal (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        playthrough_id INTEGER REFERENCES playthroughs(id) ON DELETE SET NULL,
        scenario TEXT NOT NULL DEFAULT '',
        prompt TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL
    )""",
    "CREATE INDEX journal_by_profile ON journal (profile_id, created_at)",
    """CREATE TABLE review_cards (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        scenario TEXT NOT NULL,
        node TEXT NOT NULL,
        missed_at REAL NOT NULL,
        right_since INTEGER NOT NULL DEFAULT 0,
        answered_at REAL NOT NULL DEFAULT 0,
        PRIMARY KEY (profile_id, scenario, node)
    ) WITHOUT ROWID""",
    """CREATE TABLE review_checked (
        profile_id INTEGER PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
        up_to REAL NOT NULL
    )""",
    """CREATE TABLE scenario_plays (
        profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        scenario TEXT NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (profile_id, scenario)
    ) WITHOUT ROWID""",
    """INSERT INTO scenario_plays (profile_id, scenario, plays)
        SELECT profile_id, scenario, count(*) FROM playthroughs GROUP BY profile_id, scenario""",
    """CREATE TRIGGER scenario_plays_counted AFTER INSERT ON playthroughs BEGIN
        INSERT INTO scenario_plays (profile_id, scenario, plays) VALUES (NEW.profile_id, NEW.scenario, 1)
        ON CONFLICT (profile_id, scenario) DO UPDATE SET plays = plays + 1;
    END""",
    """CREATE TRIGGER scenario_plays_uncounted AFTER DELETE ON playthroughs BEGIN
        UPDATE scenario_plays SET plays = plays - 1 WHERE profile_id = OLD.profile_id AND scenario = OLD.scenario;
    END""",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (V1, V2)
