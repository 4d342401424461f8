"""Starting the app from the command line: open the progress file (or say
plainly why not), load the library, run, and close the file cleanly."""

import gc
import os
import sys
from pathlib import Path

from ..locations import library_cache_path
from ..progress.db import CannotOpen
from ..text import clean_line


def run_app(content_dirs: list[Path], scenario_id: str | None = None, library=None, lang: str | None = None) -> int:
    """Start-up builds long-lived objects, and scanning them for garbage only
    delays the first screen: collection is off until that screen is up, then
    quiet_gc collects between key presses. `scenario_id` opens that scenario's
    briefing (`rehearse play SCENARIO`); `library` is one already loaded to find it;
    `lang` is --lang, which beats the profile's language setting."""
    gc.disable()
    try:
        return _run(content_dirs, scenario_id, library, lang)
    finally:
        gc.enable()


def _run(content_dirs: list[Path], scenario_id: str | None, library, lang: str | None) -> int:
    from ..content.library import Library
    from ..i18n import resolve, use_language
    from ..progress.settings import Settings
    from ..progress.store import Store

    try:
        store = Store.open()
    except CannotOpen as err:
        print(f"rehearse: {clean_line(str(err))}", file=sys.stderr)
        return 1
    try:
        profile = store.profile()
        setting = Settings.load(store, profile.id).language if profile else None
        language = use_language(resolve(lang, setting, os.environ))
        if library is None:
            library = Library(content_dirs, cache_file=library_cache_path(), lang=language)
        from .app import RehearseApp

        app = RehearseApp(library, store, quiet_gc=True, scenario_id=scenario_id, library_cache=library_cache_path())
        app.run()
        return app.return_code or 0
    finally:
        store.close()
