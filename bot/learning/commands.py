"""`rehearse report`, `rehearse export` and `rehearse forget`: the learner's
progress and data from the command line, with no screen (never imports a
UI). Files written are private (0600) in the data folder unless --output
says otherwise."""

import re
import sqlite3
import sys
import time
from pathlib import Path

from ..cli_support import UsageError, content_dirs
from ..locations import DATABASE_NAME, exports_dir, home, write_private
from ..progress.db import BackupFailed, NewerDatabase
from ..progress.store import Store
from ..text import clean_line
from .export import export_json, forget_everything, forget_profile
from .profiles import UnknownProfile, find, label
from .report import build_report, render

CONFIRM_WORD = "yes"


def _open(verify: bool = True) -> Store:
    try:
        store = Store.open(verify=verify)
    except (NewerDatabase, BackupFailed) as err:
        raise UsageError(clean_line(str(err))) from None
    if store.notice:  # the old file was damaged and moved aside: say so before anything else
        print(f"rehearse: {clean_line(store.notice)}", file=sys.stderr)
    return store


def _read_only(command):
    """Report and export only read: they skip the whole-file check at open
    (it grows with history) and meet damage as an error, reported plainly."""
    def run(args) -> int:
        store = _open(verify=False)
        try:
            return command(args, store)
        except sqlite3.DatabaseError:
            print("rehearse: your progress file looks damaged, so nothing was written. Open rehearse "
                  "once: it keeps the damaged file aside and starts a fresh one.", file=sys.stderr)
            return 1
        finally:
            store.close()
    return run


def _write(text: str, output: str | None, default_name: str) -> None:
    if output == "-":
        sys.stdout.write(text)
        return
    path = Path(output) if output else exports_dir() / default_name
    if path.is_dir():
        raise UsageError(f"--output {output}: that is a folder; give a file name")
    try:
        write_private(path, text)
    except OSError as err:
        raise UsageError(f"could not write {path}: {err.strerror}") from None
    print(f"Written to {path} (only you can read it).")


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


@_read_only
def cmd_report(args, store: Store) -> int:
    from ..content.library import Library

    profile = _find(store, args.profile)
    report = build_report(store, Library(content_dirs(args)), profile, with_journal=args.journal)
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
    if not database.exists():
        print("There is no saved progress to delete.")
        return 0
    if args.profile:
        store = _open()
        try:
            profile = _find(store, args.profile)
            question = (f"Delete the profile {label(profile)} and all of its progress, journal and review cards? "
                        "Backup copies of the progress file are deleted too.")
            if not _confirm(question, args.yes):
                print("Nothing was deleted.")
                return 1
            done = forget_profile(store, profile, database)
        finally:
            store.close()
    else:
        question = (f"Delete ALL saved progress for every profile, its backup copies, and the files saved in "
                    f"{exports_dir()}?")
        if not _confirm(question, args.yes):
            print("Nothing was deleted.")
            return 1
        done = forget_everything(database, exports_dir())
    for line in done.lines():
        print(clean_line(line))
    return 0


def _confirm(question: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    print(clean_line(question))
    print(f"Type {CONFIRM_WORD} to delete, anything else to keep it: ", end="", flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() == CONFIRM_WORD

