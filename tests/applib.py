"""Where the app's test library lives (a small course of our own, so tests
and snapshots do not move when the built-in course is edited)."""

from pathlib import Path

TEST_LIBRARY = Path(__file__).parent / "data" / "library"
