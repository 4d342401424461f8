"""The coach's pattern language: a line of words a counselor can read.

    i [really|just] feel <feeling>      words in order; [..] may be left out
    give|lend you ... <money>           a|b: either word; ... up to three words
    ^ what|how                          ^: only at the start of a clause
    #                                   any number ("50", "$50")
    *                                   any one word
    ~                                   any number of words; last in an
                                        exception: the rest of the clause
    =took                               exactly this form, not "take"
    ... ?                               a last `?`: the clause asks (ends with "?")
    !a|an                               any one word but these (a guard:
                                        "you should see !a|someone")

A word written in its dictionary form (lemma) matches every form of it,
so `give` matches "gave" and "giving"; any other form matches only itself
(`being` is not "are"), and so does a word of three letters or fewer
(`me` is not "i"). <name> is any word of the rules file's word list
`name`. `^` matches at a clause's start or just after a comma. Parsed and checked here; nothing in a pattern is ever run as
code or handed to a regex engine."""

from dataclasses import dataclass
import re

GAP = 3  # the most words `...` skips
MAX_CLAUSE = 1000  # `~` skips any number: no clause is longer than a whole utterance
MAX_ELEMENTS = 16
_WORD = re.compile(r"[a-z\u00c0-\u024f][a-z\u00c0-\u024f-]*|#|\$")
_CLASS = re.compile(r"<([a-z][a-z0-9-]*)>")


class PatternError(ValueError):
    """A pattern that cannot be read; the message says why, for `rehearse check`."""


@dataclass(frozen=True)
class Element:
    words: frozenset  # accepted words as typed; empty for a gap or any word
    lemmas: frozenset = frozenset()  # accepted dictionary forms: any form of these
    optional: bool = False
    gap: int = 0  # `...`: skip 0..GAP words; `~`: any number
    anything: bool = False  # `*`: exactly one word
    but: bool = False  # `!a|b`: exactly one word, not one of these


@dataclass(frozen=True)
class Pattern:
    text: str
    elements: tuple
    anchored: bool  # `^`: starts at a clause's first word
    question: bool  # a last `?`: only in a clause that ends with a question mark
    required: tuple = ()  # the elements that must match somewhere: a quick test first

    def spans(self, clause):
        """(start, end) of every place the pattern matches in one clause."""
        if self.question and not clause.question:
            return
        if not all(e.words & clause.word_set or e.lemmas & clause.lemma_set for e in self.required):
            return
        words, lemmas = clause.words, clause.lemmas
        starts = sorted(clause.starts) if self.anchored else range(len(words))
        to_the_end = self.elements[-1].gap == MAX_CLAUSE
        for start in starts:
            end = _match(self.elements, 0, words, lemmas, start)
            if end is not None:
                yield start, len(words) if to_the_end else end

    def mentions(self, words: set) -> bool:
        return any(e.words & words for e in self.elements if not e.but)


def _match(elements, index, words, lemmas, at):
    """The end of a match of elements[index:] at word `at`, or None (shortest first)."""
    if index == len(elements):
        return at
    element = elements[index]
    if element.gap:
        for skip in range(element.gap + 1):
            if at + skip > len(words):
                break
            end = _match(elements, index + 1, words, lemmas, at + skip)
            if end is not None:
                return end
        return None
    if at < len(words) and (element.anything or element.but != (words[at] in element.words or lemmas[at] in element.lemmas)):
        end = _match(elements, index + 1, words, lemmas, at + 1)
        if end is not None:
            return end
    if element.optional:
        return _match(elements, index + 1, words, lemmas, at)
    return None


def parse_pattern(text, classes: dict, lemma=lambda word: word) -> Pattern:
    """A checked Pattern from one line, or PatternError saying what is wrong."""
    if not isinstance(text, str):
        raise PatternError("a pattern is a line of words in quotes")
    parts = text.lower().split()
    anchored = bool(parts) and parts[0] == "^"
    parts = parts[1:] if anchored else parts
    question = bool(parts) and parts[-1] == "?"
    parts = parts[:-1] if question else parts
    if not parts:
        raise PatternError("empty pattern")
    if len(parts) > MAX_ELEMENTS:
        raise PatternError(f"more than {MAX_ELEMENTS} words; split it into shorter patterns")
    elements = tuple(_element(part, classes, lemma) for part in parts)
    if not any(e.words for e in elements if not (e.optional or e.but)):
        raise PatternError("needs at least one word that must be there (not only [..], !.., * or ...)")
    if elements[0].gap or elements[-1].gap == GAP:
        raise PatternError("`...` belongs between two words; `~` may end a pattern but not start one")
    required = tuple(e for e in elements if e.words and not (e.optional or e.but))
    return Pattern(text, elements, anchored, question, required)


def _element(part: str, classes: dict, lemma) -> Element:
    if part in ("...", "~"):
        return Element(frozenset(), gap=GAP if part == "..." else MAX_CLAUSE)
    if part == "*":
        return Element(frozenset(), anything=True)
    if part in ("^", "?"):
        raise PatternError(f"`{part}` only goes at the very {'start' if part == '^' else 'end'} of a pattern")
    optional = part.startswith("[") and part.endswith("]")
    if optional:
        part = part[1:-1]
    but = part.startswith("!")
    if but:
        part = part[1:]
    if "[" in part or "]" in part:
        raise PatternError(f"`{part}`: optional words go in one pair of brackets, like [really|just]")
    if "!" in part or (but and optional):
        raise PatternError(f"`{part}`: `!` goes once, before the words a place must not hold, like !a|someone")
    words, lemmas = set(), set()
    for choice in part.split("|"):
        named = _CLASS.fullmatch(choice)
        if named:
            if named.group(1) not in classes:
                raise PatternError(f"<{named.group(1)}>: there is no word list `{named.group(1)}` in `words:`")
            words |= classes[named.group(1)]
            lemmas |= {w for w in classes[named.group(1)] if lemma(w) == w}
        elif "'" in choice:
            raise PatternError(f"`{choice}`: write contractions out (`do not`, `i am`): the coach reads them so")
        elif choice.startswith("=") and _WORD.fullmatch(choice[1:]):
            words.add(choice[1:])
        elif _WORD.fullmatch(choice):
            words.add(choice)
            if lemma(choice) == choice or choice == "#":
                lemmas.add(choice)
        else:
            raise PatternError(f"`{choice or part}` is not a word, <list>, #, * or ...")
    return Element(frozenset(words), frozenset(lemmas), optional=optional, but=but)
