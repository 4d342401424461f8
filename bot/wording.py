"""Words the app and plain mode share, so both say the same thing the same
kind way."""

OUTCOME_TITLES = {
    "success": "A good ending",
    "partial": "Part of the way there",
    "setback": "A hard ending, and something to learn from",
}

OUTCOME_SHORT = {"success": "good", "partial": "partial", "setback": "hard"}


def could_end(outcomes) -> str:
    """("success", "setback") -> "a good or hard ending"."""
    kinds = [OUTCOME_SHORT.get(o, o) for o in outcomes]
    if not kinds:
        return "no ending"
    listed = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " or " + kinds[-1]
    return f"a {listed} ending"

# warnings that bring the private safety check before a scenario starts
SAFETY_CHECK_WARNINGS = frozenset({"anger", "violence", "overdose"})

SAFETY_QUESTION = "Is anyone in danger right now?"
SAFETY_PRIVACY = "Your answer is not saved anywhere."

WHAT_THIS_IS = (
    "This is a place to practise the hardest conversations with someone you love "
    "who has a problem with alcohol or drugs.",
    "It is educational practice. It is not medical advice, and it is not a crisis service. "
    "If anyone is in danger, call your emergency number.",
    "Everything you type stays on this computer.",
)


# how a skill has moved (SkillHistory.trend): said kindly, and only about the same scenario tried again
TRENDS = {
    "better": "better than your last try at the same scenario",
    "steady": "the same as your last try at the same scenario",
    "worse": "not as good as your last try at the same scenario; ups and downs are normal while you try new things",
    "new": "try a scenario again to see how this skill grows",
}


def direction(good: str) -> str:
    return "higher is better" if good == "up" else "lower is better"


def arrow(good: str) -> str:
    return "↑" if good == "up" else "↓"


def signed(value: int) -> str:
    return f"{value:+d}" if value else "0"


def needs_safety_check(warnings) -> bool:
    return any(w.lower() in SAFETY_CHECK_WARNINGS for w in warnings)


def skill_line(label: str, score: int, good: str, previous_best: int | None) -> str:
    best = "first time" if previous_best is None else f"previous best {signed(previous_best)}"
    return f"{label}: {signed(score)} ({direction(good)}; {best})"


def citation_label(sources: dict, citation) -> str:
    """"Source title, section title" for a citation, falling back to its ids."""
    source = sources.get(citation.source)
    if source is None:
        return str(citation)
    section = source.sections.get(citation.section)
    return f"{source.title}: {section.title}" if section else source.title


def _check_command(content_dirs) -> str:
    return "rehearse check" + "".join(f" --content {folder}" for folder in content_dirs)


def left_out_line(file: str, content_dirs=()) -> str:
    """One scenario file the checker rejected, for the command line."""
    return f"{file} has errors, so it is left out; `{_check_command(content_dirs)}` says why."


def left_out_notice(files: list[str], content_dirs=()) -> str:
    """All of them on one short line, for the home screen."""
    if len(files) == 1:
        return left_out_line(files[0], content_dirs)
    named = ", ".join(files[:2]) + (f" and {len(files) - 2} more" if len(files) > 2 else "")
    return f"{len(files)} scenario files have errors, so they are left out ({named}); " \
           f"`{_check_command(content_dirs)}` says why."
