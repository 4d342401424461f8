"""How easy a Spanish translation is to read: the Fernández Huerta reading
ease (Flesch's formula refitted for Spanish), 206.84 - 0.60 P - 1.02 F, where
P is syllables and F sentences per 100 words. 60 and above reads as plain,
everyday Spanish. Measured over what a learner hears and answers: the loved
one's lines, the choices and the coach's words, as English is with Flesch."""

import re

from ..content.model import Line, Note, Scenario, plain

MIN_SPANISH_READING_EASE = 60

_WORD = re.compile(r"[a-záéíóúüñ]+")
_VOWELS = re.compile(r"[aeiouáéíóúü]+y?(?![aeiouáéíóúü])|y$")
_OPEN = set("aeoáéóíú")  # two of these side by side are two syllables (hiatus); a plain i or u joins its neighbour


def syllables(word: str) -> int:
    """Spanish syllables: one per vowel group, plus one for each hiatus in it
    (`ciudad` 2, `día` 2, `leía` 3, `que` 1)."""
    count = 0
    for group in _VOWELS.findall(word.lower()):
        count += 1 + sum(1 for a, b in zip(group, group[1:]) if a in _OPEN and b in _OPEN)
    return max(1, count)


def fernandez_huerta(texts: list[str]) -> float:
    """Reading ease over all the texts together; each text is at least one sentence."""
    words = [w for text in texts for w in _WORD.findall(text.lower())]
    if not words:
        return 0.0
    sentences = sum(max(1, sum(1 for piece in re.split(r"[.!?…]+(?:\s|$)", text) if _WORD.search(piece.lower())))
                    for text in texts if _WORD.search(text.lower()))
    per_hundred = 100 / len(words)
    return 206.84 - 0.60 * sum(map(syllables, words)) * per_hundred - 1.02 * sentences * per_hundred


def heard_and_answered(scenario: Scenario) -> list[str]:
    """The loved one's lines, every choice, and every coach note and feedback."""
    texts: list[str] = []
    for node in scenario.nodes:
        texts += [plain(b.text) for b in node.blocks if isinstance(b, Line)]
        texts += [p for b in node.blocks if isinstance(b, Note) and b.kind == "coach" for p in b.text.split("\n\n")]
        for choice in node.choices:
            texts.append(plain(choice.text))
            if choice.feedback is not None:
                texts += choice.feedback.text.split("\n\n")
    return texts
