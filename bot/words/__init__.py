"""Own words, coached (issue 13): the habits found in what a learner types,
read by rules a counselor can extend (`words/<lang>.yaml` in a library).
Local, deterministic and explainable; never imports a UI.

    read(text) -> Reading        closest(text, labels) -> int | None
    habit_label(code) -> str     HABITS: every code, in the rules' order
    warm()                       load rules and dictionary ahead of the first read
"""

from functools import lru_cache
from pathlib import Path

from ..content.library import builtin_root
from .analyse import Note, Reading, analyse
from .nearest import nearest
from .rules import HELPS, TRAPS, Rules, load_rules

HABITS = HELPS + TRAPS
FOLDER = "words"

__all__ = ["HABITS", "Note", "Reading", "Rules", "closest", "habit_label", "library_rules", "read", "warm"]


def rules_path(root: Path, lang: str = "en") -> Path:
    return root / FOLDER / f"{lang}.yaml"


@lru_cache(maxsize=4)
def builtin_rules(lang: str = "en") -> Rules | None:
    """The built-in library's rules for a language (None if it has none)."""
    path = rules_path(builtin_root(), lang)
    return load_rules(path, f"{FOLDER}/{lang}.yaml")[0] if path.is_file() else None


def library_rules(content_dirs: list[Path], lang: str = "en") -> Rules | None:
    """The rules a player uses: the last --content folder with its own
    words/<lang>.yaml replaces the built-in one whole (one without errors)."""
    for folder in reversed(content_dirs):
        path = rules_path(Path(folder), lang)
        if path.is_file():
            rules = load_rules(path)[0]
            if rules is not None:
                return rules
    return builtin_rules(lang)


def _rules(lang: str, rules: Rules | None) -> Rules | None:
    return rules if rules is not None else builtin_rules(lang) or builtin_rules("en")


def read(text: str, lang: str = "en", rules: Rules | None = None) -> Reading:
    """The habits found in one utterance, with the coach's words for each."""
    chosen = _rules(lang, rules)
    return analyse(text, chosen) if chosen is not None else Reading(text)


def closest(text: str, labels, lang: str = "en", rules: Rules | None = None) -> int | None:
    """The 1-based number of the offered option closest in meaning, or None
    when none is close enough to highlight."""
    chosen = _rules(lang, rules)
    return nearest(text, list(labels), chosen) if chosen is not None else None


def habit_label(code: str, lang: str = "en") -> str:
    """A plain name for a habit ("I-statements"), from the rules file."""
    chosen = _rules(lang, None)
    habit = chosen.habit(code) if chosen is not None else None
    return habit.name if habit is not None else code


def warm(lang: str = "en", rules: Rules | None = None) -> None:
    """Load the rules file and the lemmatiser's dictionary now: the first
    read() otherwise pays for both (over 0.1 s), which the learner would feel
    on the first reply. Call it off the key path (a worker thread at start-up);
    calling it again costs next to nothing."""
    read("I feel worried when you're out late, what do you think?", lang, rules)
    closest("I can drive you", ["I'll drive you there"], lang, rules)
