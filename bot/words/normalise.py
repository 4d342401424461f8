"""From what someone typed to clauses of plain words: quotes of other people
left out, casual typing mended ("dont", "u", "becuase"), each word with its
dictionary form (lemma). The spellings and word lists come from the rules
file, so another language brings its own."""

from dataclasses import dataclass
from functools import lru_cache
import re
import unicodedata

import simplemma
from rapidfuzz import fuzz, process

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})
# words someone else said: "..." anywhere, '...' when the quote marks stand apart from words
_QUOTED = re.compile(r'"[^"]*"|(?<![\w])\'(?=\w).+?(?<=[\w.!?,])\'(?!\w)')
_TOKEN = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*|\d+(?:[.,]\d+)?|[.!?;:,]|\$|\n")
_BREAK = {".", "!", "?", ";", ":", "\n"}
FUZZ_MIN_LENGTH = 4
FUZZ_SCORE = 84
SHORT = 3  # words this short are pronouns and helpers: their own lemma


@dataclass(frozen=True)
class Clause:
    words: tuple  # normalised words as typed
    lemmas: tuple  # their dictionary forms ("#" for numbers)
    question: bool  # ended with a question mark
    starts: frozenset  # where a part starts: the first word and each after a comma
    word_set: frozenset = frozenset()
    lemma_set: frozenset = frozenset()


def unquote(text: str) -> str:
    """The speaker's own words: a line wholly in quotes keeps them, other
    people's quoted words go."""
    text = _plain(text).strip()
    if _wholly_quoted(text):
        return text[1:-1]
    return _QUOTED.sub(" , ", text)


def quotes_others(text: str) -> bool:
    """Whether `unquote` leaves some of these words out: then the danger
    check reads them all, because what someone else said ("she said
    'after'") can be the danger, though it is not the speaker's habit."""
    text = _plain(text).strip()
    return not _wholly_quoted(text) and _QUOTED.search(text) is not None


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


def _wholly_quoted(text: str) -> bool:
    return len(text) > 1 and text[0] == text[-1] and text[0] in "\"'" and text.count(text[0]) == 2


def supported(lang: str) -> bool:
    """Whether the lemmatiser has a dictionary for this language code."""
    try:
        simplemma.lemmatize("a", lang=lang)
    except (ValueError, KeyError, TypeError):
        return False
    return True


class Normaliser:
    """The casual-typing mender and lemmatiser for one rules file."""

    def __init__(self, lang: str, spelling: dict, suffixes: dict, phrases: dict, vocabulary: set):
        self.lang = lang
        self.spelling = spelling
        self.phrases = phrases  # two or three words -> the words meant ("your always" -> you are always)
        self.suffixes = sorted(suffixes.items(), key=lambda item: -len(item[0]))
        self.mend = lru_cache(maxsize=4096)(self._mend)
        self.lemma = lru_cache(maxsize=8192)(self._lemma)
        self.known = frozenset()
        self.know(vocabulary)

    def know(self, words: set) -> None:
        """Add the words the rules use: a typo close to one of them is mended to it."""
        self.known = self.known | frozenset(words)
        self.vocabulary = sorted(self.known)
        self.mend.cache_clear()

    def clauses(self, text: str, quoted: bool = False) -> list[Clause]:
        """The speaker's clauses; with `quoted`, other people's quoted words too."""
        found, words, starts = [], [], {0}
        source = _plain(text) if quoted else unquote(text)
        for token in _TOKEN.findall(source.lower()):
            if token == ",":
                starts.add(len(words))
            elif token in _BREAK:
                if words:
                    found.append(self._clause(words, token == "?", starts))
                words, starts = [], {0}
            else:
                words.extend(self.mend(token))
        if words:
            found.append(self._clause(words, False, starts))
        return found

    def _clause(self, words: list, question: bool, starts: set) -> Clause:
        for index in range(len(words) - 2, -1, -1):
            for size in (3, 2):
                meant = self.phrases.get(tuple(words[index:index + size]))
                if meant is not None:
                    words[index:index + size] = meant
                    starts = {s + len(meant) - size if s > index else s for s in starts}
                    break
        lemmas = tuple(self.lemma(w) for w in words)
        return Clause(tuple(words), lemmas, question, frozenset(s for s in starts if s < len(words)),
                      frozenset(words), frozenset(lemmas))

    def _mend(self, token: str) -> tuple:
        """One typed token as one or more plain words: "dont" -> do not."""
        if token in self.spelling:
            return self.spelling[token]
        if token[0].isdigit() or token == "$":
            return (token,)
        for suffix, words in self.suffixes:
            if token.endswith(suffix) and len(token) > len(suffix):
                return self._mend(token[: -len(suffix)]) + words
        if "'" in token:  # a possessive or a contraction we do not know: the word itself
            return self._mend(token.split("'")[0])
        return (self._typo(token),)

    def _typo(self, word: str) -> str:
        """A word the dictionary does not know, close to one the rules use, is that word."""
        if len(word) < FUZZ_MIN_LENGTH or word in self.known or simplemma.is_known(word, lang=self.lang):
            return word
        best = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZ_SCORE)
        return best[0] if best else word

    def _lemma(self, word: str) -> str:
        """The dictionary form; short words keep their own ("me" is not "i", "us" not "we")."""
        if word[0].isdigit() or word == "$":
            return "#"
        if len(word) <= SHORT:
            return word
        return simplemma.lemmatize(word, lang=self.lang).lower()
