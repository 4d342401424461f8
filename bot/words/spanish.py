"""What Spanish typing needs beyond the shared reader. Accents are often left
out ("estas cansado", "dificil", "ayudaria", "ninos"): a word the dictionary
does not know gets its accent (or ñ) back before it is lemmatised, and each
word of a Spanish pattern also matches its spellings with an accent more or
less, so `dificil` finds "difícil" and `estás` finds "estas". "¿" and "¡"
open a new part of a clause, like a comma. Casual spellings ("q", "xq",
"tb", "pa") and voseo ("contame", "sos") are in the rules file's
`spelling:`; the lemmatiser already knows voseo verbs ("tenés", "sabés")
and verbs with clitics after them ("perdóname", "decírmelo")."""

from dataclasses import replace
import unicodedata

import simplemma

from .normalise import FUZZ_MIN_LENGTH, Normaliser

LANG = "es"
_MARKS = {"\u0301", "\u0308"}  # acute accent and diaeresis; ñ keeps its tilde
_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "n": "ñ"}


def fold(word: str) -> str:
    """The word without acute accents or diaeresis ("está" -> esta)."""
    parts = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in _MARKS))


def spellings(word: str) -> set:
    """The word as typed with or without its accent: itself, folded, and the
    folded word with one accent or ñ put in."""
    bare = fold(word)
    return {word, bare} | {bare[:i] + _ACCENTED[c] + bare[i + 1:] for i, c in enumerate(bare) if c in _ACCENTED}


def known(word: str) -> bool:
    return simplemma.is_known(word, lang=LANG)


class SpanishNormaliser(Normaliser):
    """The shared reader, with accents put back where typing left them out."""

    def know(self, words: set) -> None:
        super().know({fold(w) for w in words} | set(words))

    def clauses(self, text: str, quoted: bool = False):
        return super().clauses(text.replace("¿", " , ").replace("¡", " , "), quoted)

    def _typo(self, word: str) -> str:
        if len(word) >= FUZZ_MIN_LENGTH and not known(word):
            restored = next((w for w in sorted(spellings(word)) if w != word and known(w)), None)
            if restored is not None:
                return restored
            if simplemma.lemmatize(word, lang=self.lang) != word:  # a verb with clitics ("contarme"), not a typo
                return word
        return super()._typo(word)


def adapt_rules(rules):
    """Spanish rules read with the Spanish reader, each pattern word matching
    its spellings with and without an accent; other languages as they are."""
    if rules.lang != LANG:
        return rules
    old = rules.normaliser
    normaliser = SpanishNormaliser(old.lang, old.spelling, dict(old.suffixes), old.phrases, set(old.known))
    habits = tuple(replace(h, patterns=_widened(h.patterns, normaliser), unless=_widened(h.unless, normaliser),
                           cues=_widened(h.cues, normaliser), acts=_widened(h.acts, normaliser))
                   for h in rules.habits)
    negation = frozenset(w for word in rules.negation for w in spellings(word))
    danger = tuple(replace(d, patterns=_widened(d.patterns, normaliser), unless=_widened(d.unless, normaliser))
                   for d in rules.danger)
    return replace(rules, habits=habits, negation=negation, normaliser=normaliser, danger=danger)


def _widened(patterns, normaliser) -> tuple:
    result = []
    for pattern in patterns:
        elements = {id(e): _widened_element(e, normaliser) for e in pattern.elements}
        result.append(replace(pattern, elements=tuple(elements[id(e)] for e in pattern.elements),
                              required=tuple(elements[id(e)] for e in pattern.required)))
    return tuple(result)


def _widened_element(element, normaliser):
    """Every spelling of each word; a spelling that is a dictionary form matches all its forms."""
    words = {s for w in element.words if w.isalpha() for s in spellings(w)} | element.words
    lemmas = set(element.lemmas) | {s for s in words if known(s) and normaliser.lemma(s) == s}
    return replace(element, words=frozenset(words), lemmas=frozenset(lemmas))
