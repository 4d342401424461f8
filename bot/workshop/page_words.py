"""The words of the phone pages and the facilitator's page, in the
language in use (languages.speaking): filled into the HTML by the server,
and handed to the page's script as JSON in a data attribute, so every
word comes from the same gettext catalogue as the projector's. Plural
forms go as "one" and "other" (both of our languages plural that way)."""

import json

from ..i18n import _, language, ngettext


def _forms(forms) -> dict:
    """`forms(n)` is an ngettext call (literal, so Babel finds it)."""
    return {"one": forms(1), "other": forms(2)}


def switch() -> dict:
    """The language switch every page carries: English · Español."""
    lang = language()
    return {"lang": lang, "switch_label": _("Language"),
            "en_current": "true" if lang == "en" else "false", "es_current": "true" if lang == "es" else "false"}


def join_page() -> dict:
    return {**switch(), "page_title": _("Join the workshop"),
            "intro": _("Type the code shown on the big screen. You do not need an account or your name."),
            "code_label": _("Code from the screen"),
            "nickname_label": _("Nickname (optional; only your phone shows it)"),
            "join": _("Join"), "anonymous": _("Your votes are anonymous. Nothing here goes beyond this room.")}


def join_errors() -> dict:
    """What the join page says when it cannot let someone in."""
    return {"wrong_code": _("That code is not right. Check the screen and try again."),
            "too_many_wrong": _("Too many wrong codes from this network. Wait a minute, then try again."),
            "busy": _("Many people are joining from this network at once. Wait a few seconds, then press Join "
                      "again."),
            "full": _("Sorry, there is no room for more people. Ask the facilitator.")}


def vote_page() -> dict:
    return {**switch(), "page_title": _("Workshop vote"), "connecting": _("Connecting…"),
            "ballot_title": _("What would you say?"),
            "ballot_hint": _("Tap one. You can change your vote until it closes."),
            "words_hint": _("Say it in your own words. No name goes with it: only the facilitator sees it, unless "
                            "they share it on the screen."),
            "your_words": _("Your words"), "send": _("Send"),
            "sent": _("Sent — only the facilitator sees it unless they share it."),
            "result_title": _("How the room voted"),
            "footer": _("Your vote and your words are anonymous. Practice, not medical advice and not a crisis "
                        "service: in danger, call your emergency number."),
            "words": json.dumps(vote_script(), ensure_ascii=False)}


def vote_script() -> dict:
    """The words vote.js puts together; {name} placeholders filled in there (as text)."""
    return {
        "lang": language(),  # asked for with the room's state, so it comes in the page's language
        "joined_as": _("You joined as {name}."), "joined_nameless": _("You joined without a name."),
        "characters": _("{n} of 1000 characters"),
        "lines_done": _("You have sent {n} lines, the most for this round. Thank you."),
        "more_lines": _forms(lambda n: ngettext("You can send {n} more line in this round.",
                                                "You can send {n} more lines in this round.", n)),
        "up_to_lines": _forms(lambda n: ngettext("You can send up to {n} line in this round.",
                                                 "You can send up to {n} lines in this round.", n)),
        "votes": _forms(lambda n: ngettext("{n} vote", "{n} votes", n)),
        "rooms_choice": _("(the room's choice)"), "yours": _("(yours)"), "your_vote": _("your vote"),
        "voted_count": _("{voters} of {people} have voted."),
        "you_voted": _("You voted {n}. You can change it until the vote closes."),
        "vote_now": _("Vote now: which would you say?"),
        "closed": _("The vote has closed."), "closing": _("The vote is closing…"),
        "type_below": _("What would you say? Type it below."),
        "talk": _("Talk it over with the room."),
        "watch": _("Watch the big screen. The next vote will appear here."),
        "closes_in": _("Closes in {n} s"),
        "vote_failed": _("That vote did not go through."), "line_failed": _("That line did not go through."),
        "errors": {
            "closed": _("This vote has closed."),
            "wrong-round": _("This round is not open now."),
            "too-long": _("A line can be at most 1000 characters."),
            "empty": _("Type what you would say first."),
            "enough": _("You have sent the most lines there can be in this round."),
            "slow-down": _("Too many at once; wait a moment."),
        },
    }


def facilitator_page() -> dict:
    """The facilitator's private page, in the workshop's language."""
    script = {
        "helps": _("Helps · {label}: {says}"), "traps": _("May backfire · {label}: {says}"),
        "no_habits": _("No habits found."), "try": _("Try: {text}"),
        "hide": _("Hide from screen"), "show": _("Show on screen"),
        "no_round": _("No round is open."),
        "press_w": _("Press w on the projector to ask the room at this step."),
        "open_later": _("You can open one at a step of a scenario, before its vote (w on the projector)."),
        "lines": _forms(lambda n: ngettext("{n} line", "{n} lines", n)),
        "open": _("Open: {lines} so far, {shown} on the screen. Phones send up to {limit} lines each, with no "
                  "name. Only the lines you show go on the projector. When the round closes (w or Space), the "
                  "lines on the screen are kept in the session record; the others are forgotten."),
        "no_notes": _("No facilitator notes for this moment."), "no_plan": _("This workshop has no plan notes."),
        "stopped": _("The workshop is not answering. It may have stopped."),
    }
    return {"lang": language(), "page_title": _("Facilitator notes"),
            "private": _("Facilitator notes: for your eyes only. Keep this page off the projector."),
            "connecting": _("Connecting…"), "words_title": _("What would you say?"),
            "for_now": _("For this moment"), "plan_notes": _("The plan's notes"),
            "words": json.dumps(script, ensure_ascii=False)}
