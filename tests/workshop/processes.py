"""Which processes a server started, read from Linux's /proc while they
run, so a test can check afterwards that none is left."""

from pathlib import Path

HAS_PROC = Path("/proc/self/task").is_dir()


def descendants(pid: int) -> set[int]:
    """pid's children, their children, and so on."""
    found: set[int] = set()
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found |= {child} | descendants(child)
    return found


def running(pid: int, marker: str) -> set[int]:
    """pid's descendants whose command line has `marker` in it (the apps a
    test started, not a browser another test left running)."""
    found = set()
    for child in descendants(pid):
        try:
            if marker in Path(f"/proc/{child}/cmdline").read_text(errors="replace"):
                found.add(child)
        except OSError:
            continue
    return found


def alive(pids: set[int]) -> set[int]:
    """Those still running (a zombie has ended; only its exit status is left)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            running.add(pid)
    return running
