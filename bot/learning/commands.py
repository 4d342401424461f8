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
from ..i18n import N_, _
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

CONFIRM_WORD = N_("yes")  # the English word is always taken too, so a script's answer works in any language


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
            print("rehearse: " + _("your progress file {path} looks damaged, so nothing was written. It was left "
                                   "as it is: open rehearse once and it keeps the damaged file aside and starts a "
                                   "fresh one.").format(path=clean_line(str(path))), file=sys.stderr)
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
        why = _("your progress file {path} could not be read ({why}) and has to be kept aside").format(
            path=path, why=reason(err))
    try:  # updating the file, or keeping a damaged one aside, is what opening it to write does
        store = _open(verify=False)
    except UnusableFolder as err:
        raise UnusableFolder(_("{why}, but {error}").format(why=why, error=err)) from None
    if store.notice:
        store.close()
        print("rehearse: " + _("Nothing was written: the fresh file is empty. Keep the old file if you want to "
                               "try to recover it."), file=sys.stderr)
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
            raise UsageError(_("could not write {path}: {error}").format(path=path, error=err.strerror or err)) \
                from None
    else:
        try:
            path = save_export(default_name, text)
        except UnusableFolder as err:
            if err.code == errno.EROFS:  # the message already says to give --output
                raise
            raise UnusableFolder(_("{error} Or give --output FILE to write it somewhere else.").format(error=err),
                                 err.code) from None
    print(_("Written to {path} (only you can read it).").format(path=path) if is_private(path)
          else _("Written to {path}.").format(path=path))


def _stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


@_read_only
def cmd_report(args, store: Store) -> int:
    from ..content.library import Library
    from ..i18n import language

    profile = _find(store, args.profile)
    report = build_report(store, Library(content_dirs(args), lang=language()), profile, with_journal=args.journal,
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
        print(_("There is no saved progress to delete."))
        return 0
    try:
        done = _forget_profile(args, database) if args.profile else _forget_everything(args, database)
    except OSError as err:  # a read-only or locked data folder
        raise unusable(Path(err.filename or database), err.errno, err.strerror) from None
    if done is None:
        print(_("Nothing was deleted."))
        return 1
    for line in done.lines():
        print(clean_line(line))
    return 0


def _forget_profile(args, database: Path):
    store = _open()
    try:
        profile = _find(store, args.profile)
        question = _("Delete the profile {name} and all of its progress, journal and review cards? Backup copies "
                     "of the progress file are deleted too.").format(name=label(profile))
        return forget_profile(store, profile, database) if _confirm(question, args.yes) else None
    finally:
        store.close()


def _forget_everything(args, database: Path):
    question = _("Delete ALL saved progress for every profile, its backup copies, and the files saved in "
                 "{folder}?").format(folder=exports_dir())
    return forget_everything(database, exports_dir()) if _confirm(question, args.yes) else None


def _confirm(question: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    print(clean_line(question))
    print(_("Type {word} to delete, anything else to keep it: ").format(word=_(CONFIRM_WORD)), end="", flush=True)
    answer = sys.stdin.readline()
    return answer.strip().lower() in {CONFIRM_WORD, _(CONFIRM_WORD)}

