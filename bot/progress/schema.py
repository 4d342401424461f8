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

MIGRATIONS: tuple[tuple[str, ...], ...] = (V1,)
