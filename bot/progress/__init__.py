"""Progress that lasts: a private SQLite file of profiles, play-throughs step
by step, endings found and settings. Never imports a UI."""
