"""Plain mode: a whole rehearsal as lines of text on stdin and stdout, for
screen readers and simple terminals. Same engine, same saved progress and
the same help lines as the app; every line printed is cleaned of control
characters first."""

import re
import shutil
import sys
import textwrap
from functools import cached_property

from .content.library import Library
from .content.model import Line, Narration, Note, plain
from .debrief import endings_found, review_skills, review_steps
from .engine.session import InvalidChoice, Session
from .help import as_text, emergency_call, guess_region
from .i18n import _, language, ngettext
from .learning.own_words import what_words_do
from .help import load as load_helplines
from .progress.db import CannotOpen
from .progress.settings import Settings
from .progress.store import Store
from .progress.tracked import TrackedPlay
from .text import clean, clean_line
from .words import closest, library_rules, read
from .wording import (SAFETY_PRIVACY, SAFETY_QUESTION, WHAT_THIS_IS, citation_label, could_end, ending_kind,
                      needs_safety_check, outcome_title, signed, skill_line)

YES, NO = {"y", "yes", "s", "si", "sí"}, {"n", "no"}  # the same keys in every language, and Spanish's "s" too


def commands() -> str:
    """The letters stay the same in every language; the words say them."""
    return _("a number to choose, u to undo, r to start again, h for help lines, q to quit")

COMMAND_WORDS = {"u", "undo", "r", "restart", "h", "help", "?", "q", "quit"}
# content is written for the app, where F1 opens the help lines; here it is `h`
F1_WORDS = ((re.compile(r"\b([Pp])ress F1\b"), lambda m: ("T" if m[1] == "P" else "t") + "ype h"),
            (re.compile(r"\(F1\)"), lambda m: "(type h)"),
            (re.compile(r"\bF1\b"), lambda m: "h"))


def for_plain_mode(text: str) -> str:
    """Content's "press F1" as it reads here: "type h"."""
    for pattern, words in F1_WORDS:
        text = pattern.sub(words, text)
    return text


def is_command(typed: str) -> bool:
    """At the own-words prompt, a choice number or a command ("u", "h US") is
    meant as one; a sentence that starts with one of those words ("u never
    listen", "help me understand") is the learner's own words."""
    lowered = typed.lower()
    if (typed.isascii() and typed.isdigit()) or lowered in COMMAND_WORDS:
        return True
    parts = lowered.split()
    regions = {region.id.lower() for region in load_helplines().regions}
    return len(parts) == 2 and parts[0] in ("h", "help", "?") and parts[1] in regions


class PlainPlay:
    def __init__(self, session: Session, library: Library, store: Store, stdin, stdout):
        self.session = session
        self.library = library
        self.store = store
        self.stdin = stdin
        self.stdout = stdout
        self.width = max(40, min(100, shutil.get_terminal_size((80, 24)).columns) - 1)
        self.profile = store.profile()
        self.own_words_first = False
        self.play: TrackedPlay | None = None

    @cached_property
    def rules(self):
        """The words coach's rules, loaded at the first typed reply: the library's
        own words/<lang>.yaml where it has one, as the app reads them, in the learner's language."""
        return library_rules(self.library.content_dirs, language())

    # -- output ---------------------------------------------------------------
    def say(self, text: str = "", prefix: str = "") -> None:
        text, prefix = clean(text), " ".join(clean(prefix).splitlines()).replace("\t", " ")
        if not text.strip():
            print(prefix.rstrip(), file=self.stdout)
            return
        for paragraph in text.split("\n\n"):
            wrapped = textwrap.fill(" ".join(paragraph.split()), self.width, initial_indent=prefix,
                                    subsequent_indent=" " * len(prefix))
            print(wrapped, file=self.stdout)

    def ask(self, prompt: str) -> str | None:
        """One line of input; None at the end of input."""
        print(clean_line(prompt), end=" ", file=self.stdout, flush=True)
        line = self.stdin.readline()
        if not line:
            print(file=self.stdout)
            return None
        return line.strip()

    def yes(self, prompt: str) -> bool | None:
        while True:
            answer = self.ask(prompt + " " + _("(y/n)"))
            if answer is None:
                return None
            if answer.lower() in YES:
                return True
            if answer.lower() in NO:
                return False
            if answer.lower() in ("h", "help", "?"):
                self.show_help(answer)

    def show_help(self, command: str = "h") -> None:
        helplines = load_helplines()
        parts = command.split()
        region = helplines.region(parts[1].upper() if len(parts) > 1 else self.profile.region)
        self.say()
        for line in as_text(region, helplines):
            self.say(line)
        others = ", ".join(r.id for r in helplines.regions)
        self.say(_("(Other regions: type h and one of {regions}.)").format(regions=others))
        self.say()

    def ask_region(self) -> bool:
        """The first time, as the app's welcome does: whose help lines to show.
        False at the end of input."""
        helplines = load_helplines().in_language(language())  # the regions' names as the reader says them
        guess = helplines.region(guess_region())
        self.say(_("Where do you live? We use this to show the right help lines."))
        for number, region in enumerate(helplines.regions, 1):
            self.say(region.name, f"  {number}. ")
        while True:
            answer = self.ask(_("Your region (1-{count}, or Enter for {guess}):").format(
                count=len(helplines.regions), guess=guess.name))
            if answer is None:
                return False
            if not answer:
                region = guess
            elif answer.isascii() and answer.isdigit() and 1 <= int(answer) <= len(helplines.regions):
                region = helplines.regions[int(answer) - 1]
            else:
                continue
            self.profile = self.store.create_profile("", region.id)
            self.say(_("Help lines for {region}. Type h at any point to see them.").format(region=region.name))
            self.say()
            return True

    # -- the rehearsal ------------------------------------------------------------
    def run(self) -> int:
        scenario = self.session.scenario
        for paragraph in WHAT_THIS_IS:
            self.say(_(paragraph))
        self.say()
        if self.profile is None and not self.ask_region():
            return 0
        self.own_words_first = Settings.load(self.store, self.profile.id).own_words
        self.say(scenario.title.upper())
        for label, value in ((_("Who"), scenario.persona), (_("You play"), scenario.learner),
                             (_("Where"), scenario.setting)):
            if value:
                self.say(value, f"{label}: ")
        if scenario.minutes:
            self.say(_("About {n} minutes.").format(n=scenario.minutes))
        for block in scenario.briefing:
            self.show_block(block)
        self.say(_("At any point: {commands}.").format(commands=commands()))
        if scenario.warnings:
            topics = ", ".join(_(w) for w in scenario.warnings)  # the warning words are the app's (briefing)
            go = self.yes(_("This one touches on: {topics}. Start it?").format(topics=topics))
            if not go:
                return 0
        if needs_safety_check(scenario.warnings):
            danger = self.yes(f"{_(SAFETY_QUESTION)} {_(SAFETY_PRIVACY)}")
            if danger is None:
                return 0
            if danger:
                self.show_help()
                return 0
        if not self.begin():
            return 0
        return self.loop()

    def begin(self) -> bool:
        saved = self.store.latest_unfinished(self.profile.id, self.session.scenario.id)
        if saved is not None and not self.store.steps(saved.id):
            self.play = TrackedPlay.resume(self.store, self.profile.id, self.session, saved)  # nothing to ask about
        elif saved is not None:
            steps = len(self.store.steps(saved.id))
            again = self.yes(ngettext("Last time you stopped after {n} step. Carry on from there?",
                                      "Last time you stopped after {n} steps. Carry on from there?", steps).format(n=steps))
            if again is None:
                return False
            if again:
                self.play = TrackedPlay.resume(self.store, self.profile.id, self.session, saved)
                if self.play is None:
                    self.say(_("This scenario has changed since then, so it starts from the top."))
        if self.play is None:
            self.play = TrackedPlay.start(self.store, self.profile.id, self.session)
        return True

    def loop(self) -> int:
        self.show_node()
        while True:
            if self.session.ending:
                self.show_debrief()
                again = self.yes(_("Try again from the top?"))
                if not again:
                    return 0
                self.play.restart()
                self.say(_("Starting again from the top."))
                self.show_node()
                continue
            choices = self.session.offered()
            self.say()
            self.say(_("What do you say?"))
            words = None
            if self.own_words_first:
                words = self.ask(_("In your own words first (or press Enter to skip):"))
                if words is None:
                    return 0
                if is_command(words):
                    if words.lower() in ("q", "quit"):
                        self.say(_("Saved. You can carry on next time."))
                        return 0
                    self.command(words, None)
                    continue
                if words:
                    self.show_what_words_do(words)
            for number, choice in enumerate(choices, 1):
                self.say(plain(choice.text), f"  {number}. ")
            nearest = closest(words, [plain(c.text) for c in choices], rules=self.rules) if words else None
            if nearest is not None:
                self.say(_("Closest to what you said: {words}. The choice is yours.").format(words=nearest))
            answer = self.ask(_("Your choice (1-{count}; u undo, r restart, h help, q quit):").format(count=len(choices)))
            if answer is None or answer.lower() in ("q", "quit"):
                self.say(_("Saved. You can carry on next time."))
                return 0
            self.command(answer, words)

    def show_what_words_do(self, words: str) -> None:
        """As the app's panel does, before the options: what helped, what may
        backfire, one thing to try."""
        reading = read(words, rules=self.rules)
        self.say(_("What your words do:") if reading.notes or reading.safety
                 else _("What your words do: nothing stood out either way."))
        for heading, says in what_words_do(reading):
            self.say(says, f"  {_(heading)}: ")

    def command(self, answer: str, words: str | None) -> None:
        lowered = answer.lower()
        if lowered in ("u", "undo"):
            self.say(_("Taken back.") if self.play.undo() else _("Nothing to take back yet."))
            self.show_node()
        elif lowered in ("r", "restart"):
            self.play.restart()
            self.say(_("Starting again from the top."))
            self.show_node()
        elif lowered.split()[:1] in (["h"], ["help"], ["?"]):
            self.show_help(lowered)
        elif answer.isascii() and answer.isdigit():
            try:
                choice = self.play.choose(int(answer), words)
            except InvalidChoice as err:
                self.say(str(err))
                return
            self.say(plain(choice.text), _("You:") + " ")
            if choice.feedback is not None:
                self.show_note(choice.feedback, _("Coach:") + " ")
            self.show_node()
        else:
            self.say(_("Sorry, I didn't follow that. Type {commands}.").format(commands=commands()))

    def show_node(self) -> None:
        self.say()
        for block in self.session.shown_blocks():
            self.show_block(block)

    def show_block(self, block) -> None:
        if isinstance(block, Line):
            self.say(for_plain_mode(plain(block.text)), f"{block.speaker}: ")
        elif isinstance(block, Narration):
            self.say(f"({for_plain_mode(plain(block.text))})")
        elif isinstance(block, Note) and block.kind == "safety":
            self.show_note(block, _("SAFETY:") + " ")
            region = load_helplines().region(self.profile.region)
            said = "type h" in for_plain_mode(block.text).lower()  # the note may already say so
            self.say(emergency_call(region) + ("" if said else " " + _("Type h for help lines.")))
        elif isinstance(block, Note) and block.kind in ("coach", "discuss"):
            self.show_note(block, _("Coach:") + " " if block.kind == "coach" else _("To think about:") + " ")

    def show_note(self, note: Note, prefix: str) -> None:
        self.say(for_plain_mode(note.text), prefix)
        for citation in note.citations:
            self.say("(" + _("Source: {sources}").format(sources=citation_label(self.library.sources, citation)) + ")")

    def show_debrief(self) -> None:
        scenario, session = self.session.scenario, self.session
        self.say()
        self.say(_("THE END: {outcome}").format(outcome=outcome_title(session.outcome, session.outcome or "")))
        course_skills = self.library.course.skills if self.library.course else {}
        self.say(_("Your path:"))
        for step in review_steps(session, self.play.own_words, self.rules if any(self.play.own_words) else None):
            changes = ", ".join(f"{course_skills[k].label if k in course_skills else k} {signed(v)}"
                                for k, v in step.changes.items()) or _("no skill change")
            self.say(f"{plain(step.chosen.text)} ({changes})", f"  {step.number}. ")
            if step.own_words:
                self.say(step.own_words, "     " + _("You wrote:") + " ")
            if step.reading is not None:
                for heading, says in what_words_do(step.reading, with_try=False):
                    self.say(says, f"       {_(heading)}: ")
            for road in step.others:
                self.say(f"{plain(road.choice.text)} -> {road.leads_to.title} "
                         + _("(could lead to {endings})").format(endings=could_end(road.could_end)),
                         "     " + _("Not taken:") + " ")
        earlier = self.store.ended_skills(self.profile.id, scenario.id, exclude=self.play.playthrough_id)
        self.say(_("Skills:"))
        for skill in review_skills(session, course_skills, earlier):
            self.say(skill_line(skill.label, skill.score, skill.good, skill.previous_best, skill.is_new_best), "  ")
        found = endings_found(scenario, self.store.endings_found(self.profile.id, scenario.id))
        self.say(_("Endings found: {found} of {total}.").format(found=sum(seen for _node, seen in found),
                                                                 total=len(found)))
        for node, seen in found:
            kind = ending_kind(node.ending)
            self.say(f"{node.title} {kind}" if seen else _("not found yet {kind}").format(kind=kind),
                     "  " + _("found:") + " " if seen else "  ")


def play_plain(session: Session, library: Library, stdin=None, stdout=None) -> int:
    try:
        store = Store.open()
    except CannotOpen as err:
        print(f"rehearse: {clean_line(str(err))}", file=sys.stderr)
        return 1
    if store.notice:
        print(clean_line(store.notice), file=stdout or sys.stdout)
    try:
        return PlainPlay(session, library, store, stdin or sys.stdin, stdout or sys.stdout).run()
    finally:
        session.close()
        store.close()
