"""The self-paced pages speak like the course: plain words (Flesch reading
ease of at least 60, measured as the course content is), person-first
language, and the same safety words. Every sentence a learner can read
is taken from the source of these modules (docstrings, SQL and markup
left out), so new wording is checked as soon as it is written."""

import ast
import re
from pathlib import Path

from test_course_content import MIN_READING_EASE, NOT_PERSON_FIRST, reading_ease

from bot import learning
from bot.ui import screens, widgets

MODULES = [Path(learning.__file__).parent / name for name in
           ("card.py", "compare.py", "report.py", "journal.py", "commands.py", "export.py")]
MODULES += [Path(screens.__file__).parent / name for name in
            ("course.py", "growth.py", "journal.py", "review.py", "card.py", "together.py", "profiles.py")]
MODULES += [Path(widgets.__file__).parent / "reflection.py"]
NOT_WORDS = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA)\b|[<>{}#=]|\.html|\.json")


def learner_sentences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    texts = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = "".join(v.value if isinstance(v, ast.Constant) else "it" for v in node.values)
            texts.append(parts)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            texts.append(node.value)
    return [t for t in texts if len(t.split()) >= 4 and not NOT_WORDS.search(t)]


def test_there_is_wording_to_check():
    assert sum(len(learner_sentences(path)) for path in MODULES) > 60


def test_plain_words():
    texts = [t for path in MODULES for t in learner_sentences(path)]
    assert reading_ease(texts) >= MIN_READING_EASE


def test_person_first_and_kind():
    for path in MODULES:
        for text in learner_sentences(path):
            assert not NOT_PERSON_FIRST.search(text), (path.name, text)
            assert not re.search(r"\b(wrong answer|failed|failure|bad)\b", text, re.I), (path.name, text)


def test_every_printed_page_says_what_this_is_not():
    from bot.learning.card import DISCLAIMER as CARD
    from bot.learning.report import DISCLAIMER as REPORT

    for words in (CARD, REPORT):
        assert "not medical advice" in words and "not a crisis service" in words
