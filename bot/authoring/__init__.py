"""Tools for people who write scenarios: every path explored, approved
transcripts, diagrams and a starter file. Never imports a UI."""
