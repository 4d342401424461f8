"""`rehearse report`, `rehearse export` and `rehearse forget`: the learner's
progress and data from the command line, with no screen (never imports a
UI). Files go to the data folder's exports unless --output says otherwise,
written as locations.write_private writes (new files 0600, nothing else
harmed)."""

import errno
import re
import sqlite3
import sys
import time
from pathlib import Path

from ..cli_support import UsageError, content_dirs
from ..locations import (DATABASE_NAME, UnusableFolder, exports_dir, home, is_private, save_export, unusable,
                         write_private)
from ..progress.copies import copies
from ..progress.db import CannotOpen, Unusable, reason
from ..progress.reading import OlderDatabase
from ..progress.store import Store
from ..text import clean_line
from .export import export_json, forget_everything, forget_profile
from .profiles import UnknownProfile, find, label
from .report import build_report, render

CONFIRM_WORD = "yes"


def _open(verify: bool = True) -> Store:
    try:
        store = Store.open(verify=verify)
    except CannotOpen as err:
        raise UsageError(clean_line(str(err))) from None
    if store.notice:  # the old file was damaged and moved aside: say so before anything else
        print(f"rehearse: {clean_line(store.notice)}", file=sys.stderr)
    return store


def _read_only(command):
    """Report and export only read: the file is opened read-only (a locked USB
    stick works) and without the whole-file check; damage met while reading is
    reported plainly, and nothing is written from a damaged file."""
    def run(args) -> int:
        path = home() / DATABASE_NAME
        store = _open_to_read(path)
        if store is None:
            return 1
        try:
            return command(args, store)
        except sqlite3.DatabaseError:
            print(f"rehearse: your progress file {clean_line(str(path))} looks damaged, so nothing was written. "
                  "It was left as it is: open rehearse once and it keeps the damaged file aside and starts a "
                  "fresh one.", file=sys.stderr)
            return 1
        finally:
            store.close()
    return run


def _open_to_read(path: Path) -> Store | None:
    """The store to read; None (after saying so) when the file was damaged and
    has been kept aside: an empty export must never pass for the learner's data."""
    try:
        return Store.read_only(path)
    except CannotOpen as err:
        raise UsageError(clean_line(str(err))) from None
    except OlderDatabase as err:
        why = str(err)
    except Unusable as err:
        why = f"your progress file {path} could not be read ({reason(err)}) and has to be kept aside"
    try:  # updating the file, or keeping a damaged one aside, is what opening it to write does
        store = _open(verify=False)
    except UnusableFolder as err:
        raise UnusableFolder(f"{why}, but {err}") from None
    if store.notice:
        store.close()
        print("rehearse: Nothing was written: the fresh file is empty. Keep the old file if you want to try "
              "to recover it.", file=sys.stderr)
        return None
    return store


def _write(text: str, output: str | None, default_name: str) -> None:
    if output == "-":
        sys.stdout.write(text)
        return
    if output:
        path = Path(output)
        try:
            write_private(path, text)
        except OSError as err:
            raise UsageError(f"could not write {path}: {err.strerror or err}") from None
    else:
        try:
            path = save_export(default_name, text)
        except UnusableFolder as err:
            if err.code == errno.EROFS:  # the message already says to give --output
                raise
            raise UnusableFolder(f"{err} Or give --output FILE to write it somewhere else.", err.code) from None
    print(f"Written to {path}" + (" (only you can read it)." if is_private(path) else "."))


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


@_read_only
def cmd_report(args, store: Store) -> int:
    from ..content.library import Library

    profile = _find(store, args.profile)
    report = build_report(store, Library(content_dirs(args)), profile, with_journal=args.journal,
                          with_own_words=args.own_words)
    slug = re.sub(r"[^a-z0-9]+", "-", profile.name.lower()).strip("-") or str(profile.id)
    name = f"report-{slug}-{_stamp()}.{args.format}"
    _write(render(report, args.format), args.output, name)
    return 0


@_read_only
def cmd_export(args, store: Store) -> int:
    profiles = [_find(store, args.profile)] if args.profile else None
    _write(export_json(store, profiles), args.output, f"rehearse-export-{_stamp()}.json")
    return 0


def _find(store: Store, name: str | None):
    try:
        return find(store, name)
    except UnknownProfile as err:
        raise UsageError(str(err)) from None


def cmd_forget(args) -> int:
    database = home() / DATABASE_NAME
    if database.is_dir():
        raise unusable(database, errno.EISDIR)
    if not database.exists() and not copies(database):
        print("There is no saved progress to delete.")
        return 0
    try:
        done = _forget_profile(args, database) if args.profile else _forget_everything(args, database)
    except OSError as err:  # a read-only or locked data folder
        raise unusable(Path(err.filename or database), err.errno, err.strerror) from None
    if done is None:
        print("Nothing was deleted.")
        return 1
    for line in done.lines():
        print(clean_line(line))
    return 0


def _forget_profile(args, database: Path):
    store = _open()
    try:
        profile = _find(store, args.profile)
        question = (f"Delete the profile {label(profile)} and all of its progress, journal and review cards? "
                    "Backup copies of the progress file are deleted too.")
        return forget_profile(store, profile, database) if _confirm(question, args.yes) else None
    finally:
        store.close()


def _forget_everything(args, database: Path):
    question = (f"Delete ALL saved progress for every profile, its backup copies, and the files saved in "
                f"{exports_dir()}?")
    return forget_everything(database, exports_dir()) if _confirm(question, args.yes) else None


def _confirm(question: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    print(clean_line(question))
    print(f"Type {CONFIRM_WORD} to delete, anything else to keep it: ", end="", flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() == CONFIRM_WORD

