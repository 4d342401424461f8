"""Write the probe tests' counselor decisions as training lines for the
own-words coach's learned part (tests/words/data/en_train_probes.yaml):

    python scripts/probe_lines.py            # writes the file
    python scripts/probe_lines.py --check    # exit 1 if the file is not what the probes give now

The probe tests (tests/words/test_structures.py and test_read.py) hold hand-
made sentences the counselors decided on: new wordings of each habit and
near-misses that must stay quiet. Each becomes a labelled line: the rules'
own reading (without the learned weights), set right where a probe says
otherwise. Lines already in another labelled set are left out, so no line is
in two sets. The weights then learn those decisions, and the probe tests are
regression tests of them, not a measure of unseen wording (the blind sets are).
Run it after changing the probes, then scripts/train_words.py."""

import argparse
from dataclasses import replace
import inspect
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts"), str(ROOT / "tests"), str(ROOT / "tests" / "words")]

from bot.words import builtin_rules, read  # noqa: E402
from generated_file import write_or_check  # noqa: E402
import test_read  # noqa: E402
import test_structures  # noqa: E402

DATA = ROOT / "tests" / "words" / "data"
TARGET = DATA / "en_train_probes.yaml"
HEADER = """\
# Training lines for the coach's learned part: the counselors' decisions on the
# hand-made probe sentences of tests/words/test_structures.py and test_read.py,
# written by scripts/probe_lines.py (do not edit by hand; run it after changing
# the probes, then scripts/train_words.py). Each line carries the rules' own
# reading, set right where a probe says otherwise; the probe tests are therefore
# regression tests of these decisions, not a measure of unseen wording.
"""


def decisions() -> dict:
    """text -> codes, for every probe sentence."""
    bare = replace(builtin_rules("en"), learned=None, danger=())  # the wording alone: these lines teach the habits

    def rules_reading(text):
        return set(read(text, rules=bare).codes)
    lines = {}
    for text, code in test_structures.FOUND:
        lines[text] = rules_reading(text) | {code}
    for text, code in test_structures.NOT_FOUND:
        lines[text] = rules_reading(text) - {code}
    for text in test_structures.QUIET:
        lines[text] = set()
    for text, codes in test_structures.READINGS:
        lines[text] = set(codes)
    for text in _probe_texts(test_read):
        lines.setdefault(text, rules_reading(text))
    return lines


def _probe_texts(module):
    """The sentences of a test module's parametrized cases and of its literal codes("...") calls."""
    for _, function in inspect.getmembers(module, inspect.isfunction):
        for mark in getattr(function, "pytestmark", []):
            if mark.name == "parametrize":
                for case in mark.args[1]:
                    text = case[0] if isinstance(case, tuple) else case
                    if isinstance(text, str) and text.strip():
                        yield text
    yield from re.findall(r'codes\("([^"]+)"\)', inspect.getsource(module))


def normal(text: str) -> str:
    return " ".join(text.lower().split())


def text_of_file() -> str:
    elsewhere = {normal(entry["text"]) for path in sorted(DATA.glob("en_*.yaml")) if path != TARGET
                 for entry in yaml.safe_load(path.read_text(encoding="utf-8"))}
    lines = [{"text": text, "codes": sorted(codes)} for text, codes in decisions().items() if normal(text) not in elsewhere]
    return HEADER + yaml.safe_dump(lines, allow_unicode=True, sort_keys=False, width=200)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the file is current")
    args = parser.parse_args(argv)
    text = text_of_file()
    return write_or_check(TARGET, text, args.check, "probe_lines.py", f"{text.count('- text:')} probe sentences")


if __name__ == "__main__":
    sys.exit(main())
