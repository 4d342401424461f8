"""Shared by the scripts that write a file the tests check is current
(train_words.py, probe_lines.py): write it, or with --check only say
whether the file on disk is what the script would write now."""

from pathlib import Path


def write_or_check(target: Path, text: str, check: bool, script: str, done: str) -> int:
    """0 when written or current; 1 when --check finds it out of date."""
    if check:
        current = target.is_file() and target.read_text(encoding="utf-8") == text
        print(f"{target.name}: " + ("current" if current else f"out of date; run scripts/{script}"))
        return 0 if current else 1
    target.write_text(text, encoding="utf-8")
    print(f"{target.name}: {done}")
    return 0
