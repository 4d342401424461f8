"""Every path the app writes to, in one place, and how it writes. `REHEARSE_HOME`
overrides the user's data folder (tests, a USB stick). Progress and typed
words are private: folders are 0700 and new files 0600 whatever the umask.
A file is written whole or not at all, and nothing already at a path that
we did not create is harmed (see `write_private`)."""

import errno
import os
import stat
import tempfile
from pathlib import Path

APP_NAME = "rehearse"
DATABASE_NAME = "progress.sqlite3"
ELSEWHERE = "or set REHEARSE_HOME to a folder you can write to"


class UnusableFolder(Exception):
    """The data folder (or the progress file in it) cannot be used; the message
    names the path and what to do. `code` is the errno behind it, if known."""

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        self.code = code


class RefusedTarget(OSError):
    """A path rehearse will not write to (a symbolic link)."""


def home() -> Path:
    """The data folder (not created here: nothing is written at import time)."""
    override = os.environ.get("REHEARSE_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def private_dir(path: Path) -> Path:
    """The folder, created 0700 if missing. An existing one is tightened to 0700
    where the file system allows (a USB stick's may not: that is no reason to stop)."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if stat.S_IMODE(path.stat().st_mode) != 0o700:
            os.chmod(path, 0o700)
    except OSError as err:
        if not path.is_dir():
            raise unusable(Path(err.filename or path), err.errno) from None
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


def save_export(name: str, text: str) -> Path:
    """A file in the exports folder; UnusableFolder (a plain message) if it cannot be saved there."""
    folder = exports_dir()
    try:
        return write_private(folder / name, text)
    except OSError as err:
        raise unusable(Path(err.filename or folder), err.errno, err.strerror) from None


def unusable(path: Path, code: int | None, detail: str = "") -> UnusableFolder:
    """A plain sentence for a data folder, or a progress file in it, that cannot
    be used, by what the operating system said (an errno code). A file that
    could not be created is named by its folder, which is what needs the change."""
    if code in (errno.EROFS, errno.EPERM, errno.EACCES, errno.ENOSPC) and not os.path.lexists(path):
        path = path.parent
    if code == errno.EISDIR:
        text = (f"{path} is a folder, but rehearse keeps your progress in a file of that name. Move or rename "
                f"that folder (rehearse leaves it alone), {ELSEWHERE}.")
    elif code in (errno.ENOTDIR, errno.EEXIST):
        text = f"{path} is a file, but rehearse needs a folder there. Move that file, {ELSEWHERE}."
    elif code == errno.EROFS:
        text = (f"{path} is on a read-only disk, so rehearse cannot save there. Make the disk writable (a USB "
                f"stick may have a lock switch), {ELSEWHERE}. `rehearse export --output FILE` and `rehearse "
                "report --output FILE` can still read your progress.")
    elif code == errno.EPERM:
        text = (f"{path} is locked against changes (most likely marked immutable: `lsattr -d` shows an i). "
                f"Unlock it with `chattr -i` (as root), {ELSEWHERE}.")
    elif code == errno.EACCES:
        text = (f"rehearse is not allowed to write in {path}. Give yourself write permission (`chmod u+rwx`), "
                f"{ELSEWHERE}.")
    elif code == errno.ENOSPC:
        text = f"the disk holding {path} is full. Free some space, {ELSEWHERE}."
    else:
        why = detail or (os.strerror(code) if code else "unknown error")
        text = f"rehearse cannot use {path} ({why}). Check that disk, {ELSEWHERE}."
    return UnusableFolder(text, code)


def make_private(path: Path) -> None:
    """Create the file if missing, and make it 0600 either way (our own files only)."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def write_private(path: Path, text: str) -> Path:
    """Write a whole file, the one way every export, report, guide, card and
    record is written.

    - A new file is made 0600.
    - A regular file is never written in place: the text goes to a temporary
      file in the same folder, is synced to disk, then renamed over the old
      one, so a kill leaves the old file whole and never half a file under
      its name. The old file's mode (and, where allowed, owner) is kept.
    - A device, pipe or socket (`--output /dev/stdout`, a FIFO) is written to
      as it is: no mode change, no rename.
    - A symbolic link is refused (RefusedTarget): writing through it would
      replace a file the user may not know it points to.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise RefusedTarget(errno.ELOOP, f"it is a symbolic link (to {os.readlink(path)}); rehearse does not "
                                         "write through links: give the file itself or a new name", str(path))
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "that is a folder; give a file name", str(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_as_it_is(path, text)
    else:
        _replace(path, text, info)
    return path


def write_new(path: Path, text: str) -> Path:
    """As `write_private`, for a file that must not exist yet (an author's new
    scenario): FileExistsError if anything is at `path`, never a replacement."""
    if os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, "already exists", str(path))
    _replace(path, text, None, exclusive=True)
    return path


def is_private(path: Path) -> bool:
    """A regular file only its owner can read (what `write_private` makes of a new file)."""
    info = os.stat(path)
    return stat.S_ISREG(info.st_mode) and not info.st_mode & 0o077


def _write_as_it_is(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def _replace(path: Path, text: str, old: os.stat_result | None, exclusive: bool = False) -> None:
    """Temporary file, synced, then renamed over `path` (or, `exclusive`, linked
    to it: that fails if anything appeared there meanwhile)."""
    folder = path.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            _take_mode(handle.fileno(), old)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            os.link(temporary, path)
            os.unlink(temporary)
        else:
            os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    sync_folder(folder)


def _take_mode(fd: int, old: os.stat_result | None) -> None:
    """0600 for a new file; the old file's mode and owner for a replacement."""
    if old is None:
        os.fchmod(fd, 0o600)
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)
        except OSError:
            pass  # not allowed (not root): the file becomes ours, with its old mode


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
