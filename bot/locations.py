"""Every path the app writes to, in one place. `REHEARSE_HOME` overrides the
user's data folder (tests, a USB stick). Progress and typed words are
private: folders are 0700 and files 0600 whatever the umask."""

import os
from pathlib import Path

APP_NAME = "rehearse"
DATABASE_NAME = "progress.sqlite3"


def home() -> Path:
    """The data folder (not created here: nothing is written at import time)."""
    override = os.environ.get("REHEARSE_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def data_dir() -> Path:
    return private_dir(home())


def database_path() -> Path:
    return data_dir() / DATABASE_NAME


def library_cache_path() -> Path:
    """The parsed course, kept so the app starts without parsing Markdown."""
    return private_dir(data_dir() / "cache") / "library.json"


def exports_dir() -> Path:
    return private_dir(data_dir() / "exports")


def make_private(path: Path) -> None:
    """Create the file if missing, and make it 0600 either way."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def write_private(path: Path, text: str) -> Path:
    """Write a whole file that only its owner can read."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), 0o600)
        handle.write(text)
    return path
