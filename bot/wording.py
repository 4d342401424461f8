"""Words the app and plain mode share, so both say the same thing the same
kind way. Sentences are translated when they are said; the constants are
marked with N_() and shown with _()."""

from .i18n import N_, _, ngettext

OUTCOME_TITLES = {
    "success": N_("A good ending"),
    "partial": N_("Part of the way there"),
    "setback": N_("A hard ending, and something to learn from"),
}

OUTCOME_SHORT = {"success": N_("good"), "partial": N_("partial"), "setback": N_("hard")}


def outcome_title(outcome: str | None, default: str = "") -> str:
    """"A good ending", in the learner's language."""
    return _(OUTCOME_TITLES[outcome]) if outcome in OUTCOME_TITLES else default


def outcome_short(outcome: str) -> str:
    """"good", in the learner's language (an unknown outcome as it is)."""
    return _(OUTCOME_SHORT[outcome]) if outcome in OUTCOME_SHORT else outcome


def ending_kind(outcome: str) -> str:
    """"(good ending)"."""
    return _("({kind} ending)").format(kind=outcome_short(outcome))


def could_end(outcomes) -> str:
    """("success", "setback") -> "a good or hard ending"."""
    kinds = [outcome_short(o) for o in outcomes]
    if not kinds:
        return _("no ending")
    listed = kinds[0] if len(kinds) == 1 else _("{some} or {last}").format(some=", ".join(kinds[:-1]), last=kinds[-1])
    return _("a {kinds} ending").format(kinds=listed)

# warnings that bring the private safety check before a scenario starts
SAFETY_CHECK_WARNINGS = frozenset({"anger", "violence", "overdose"})

SAFETY_QUESTION = N_("Is anyone in danger right now?")
SAFETY_PRIVACY = N_("Your answer is not saved anywhere.")

WHAT_THIS_IS = (
    N_("This is a place to practise the hardest conversations with someone you love "
       "who has a problem with alcohol or drugs."),
    N_("It is educational practice. It is not medical advice, and it is not a crisis service. "
       "If anyone is in danger, call your emergency number."),
    N_("Everything you type stays on this computer."),
)


# how a skill has moved (SkillHistory.trend): said kindly, and only about the same scenario tried again
TRENDS = {
    "better": N_("better than your last try at the same scenario"),
    "steady": N_("the same as your last try at the same scenario"),
    "worse": N_("not as good as your last try at the same scenario; ups and downs are normal while you try new "
                "things"),
    "new": N_("try a scenario again to see how this skill grows"),
}


def direction(good: str) -> str:
    return _("higher is better") if good == "up" else _("lower is better")


def arrow(good: str) -> str:
    return "↑" if good == "up" else "↓"


def signed(value: int) -> str:
    return f"{value:+d}" if value else "0"


def needs_safety_check(warnings) -> bool:
    return any(w.lower() in SAFETY_CHECK_WARNINGS for w in warnings)


def against_best(previous_best: int | None, is_new_best: bool, good: str) -> tuple[str, str]:
    """How a score stands against your best before, as (the news, the rest): "first time",
    "a new best" + ": lower than your +1 before", or "your previous best +2". Said the
    good way, so a lower new best never reads as a drop; the app and plain mode both say it."""
    if previous_best is None:
        return "", _("first time")
    best = signed(previous_best)
    if is_new_best:
        rest = _(": higher than your {best} before") if good == "up" else _(": lower than your {best} before")
        return _("a new best"), rest.format(best=best)
    return "", _("your previous best {best}").format(best=best)


def skill_line(label: str, score: int, good: str, previous_best: int | None, is_new_best: bool) -> str:
    return _("{skill}: {score} ({direction}; {best})").format(
        skill=label, score=signed(score), direction=direction(good),
        best="".join(against_best(previous_best, is_new_best, good)))


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
    return _("{file} has errors, so it is left out; `{command}` says why.").format(
        file=file, command=_check_command(content_dirs))


def left_out_notice(files: list[str], content_dirs=()) -> str:
    """All of them on one short line, for the home screen."""
    if len(files) == 1:
        return left_out_line(files[0], content_dirs)
    named = ", ".join(files[:2])
    if len(files) > 2:
        named = _("{named} and {count} more").format(named=named, count=len(files) - 2)
    return ngettext("{count} scenario file has errors, so it is left out ({named}); `{command}` says why.",
                    "{count} scenario files have errors, so they are left out ({named}); `{command}` says why.",
                    len(files)).format(count=len(files), named=named, command=_check_command(content_dirs))
