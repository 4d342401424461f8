"""The rules file is data a counselor edits: every mistake in it gets a
`path:line: code: message` from `rehearse check`, the loader never crashes on
any text, and a library's own file replaces the built-in one."""

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from bot.content.diagnostics import Report
from bot.content.library import builtin_root
from bot.words import library_rules, read, rules_path
from bot.words.pattern import PatternError, parse_pattern
from bot.words.rules import CHECK_CODES, load_rules, parse_rules
from helpers import TEST_LIBRARY, rehearse_json

GOOD = """\
words:
  feeling: [scared, worried]
habits:
  i-statement:
    kind: helps
    name: I-statements
    says: You said how you feel.
    try: Say how it is for you.
    patterns:
      - "i am [so] <feeling>"
"""


def problems(text, tmp_path):
    path = tmp_path / "en.yaml"
    path.write_text(text, encoding="utf-8")
    rules, found = load_rules(path, "words/en.yaml")
    return rules, [(d.line, d.code) for d in found]


def test_a_good_file_loads_and_is_used(tmp_path):
    rules, found = problems(GOOD, tmp_path)
    assert found == [] and rules is not None
    assert read("I am so scared", rules=rules).codes == ("i-statement",)
    assert read("You always lie", rules=rules).codes == ()


@pytest.mark.parametrize("broken, line, code", [
    (GOOD.replace("  feeling: [scared, worried]", "  feeling: [scared, worried"), 3, "words-yaml"),
    (GOOD.replace("  i-statement:", "  i-statment:"), 4, "unknown-habit"),
    (GOOD.replace("i am [so] <feeling>", "i am [so <feeling>"), 10, "bad-pattern"),
    (GOOD.replace("i am [so] <feeling>", "i am <feelings>"), 10, "bad-pattern"),
    (GOOD.replace("i am [so] <feeling>", "[i] ..."), 10, "bad-pattern"),
    (GOOD.replace("i am [so] <feeling>", "i don't"), 10, "bad-pattern"),
    (GOOD.replace("i am [so] <feeling>", "i am [!so] <feeling>"), 10, "bad-pattern"),
    (GOOD.replace("i am [so] <feeling>", "i am !so!very"), 10, "bad-pattern"),
    (GOOD.replace("i am [so] <feeling>", "!i"), 10, "bad-pattern"),
    (GOOD.replace("    says: You said how you feel.\n", ""), 4, "missing-says"),
    (GOOD.replace("    says: You said how you feel.", "    says: ''"), 7, "missing-says"),
    (GOOD.replace("    kind: helps", "    kind: trap"), 5, "words-shape"),
    (GOOD.replace("    kind: helps", "    kinds: helps"), 5, "words-shape"),
    (GOOD + "extra: 1\n", 11, "words-shape"),
    ("- just\n- a list\n", 1, "words-shape"),
    ("", 1, "words-shape"),
    ("a: &x [1]\nb: *x\n", 2, "words-yaml"),
    ("a: !!python/object:os.system x\n", 1, "words-yaml"),
])
def test_each_mistake_is_reported_on_its_line(tmp_path, broken, line, code):
    rules, found = problems(broken, tmp_path)
    assert rules is None
    assert (line, code) in found, found
    assert {c for _, c in found} <= set(CHECK_CODES)


def test_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "en.yaml"
    path.write_bytes(GOOD.encode("utf-8") + b"# caf\xe9\n")
    assert [(d.line, d.code) for d in load_rules(path)[1]] == [(11, "words-yaml")]


def test_rehearse_check_reports_a_library_rules_file(tmp_path):
    library = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, library)
    (library / "words").mkdir()
    (library / "words" / "en.yaml").write_text(GOOD.replace("i-statement:", "i-statment:"), encoding="utf-8")
    (library / "words" / "english.yaml").write_text(GOOD, encoding="utf-8")
    result, report = rehearse_json("check", str(library), "--json")
    assert result.returncode == 1
    found = {(e["file"].split("/")[-1], e["line"], e["code"]) for e in report["errors"]}
    assert ("en.yaml", 4, "unknown-habit") in found
    assert ("english.yaml", 1, "words-shape") in found


def test_the_built_in_rules_are_clean():
    rules, found = load_rules(rules_path(builtin_root()))
    assert found == [] and rules is not None


def test_a_library_with_its_own_rules_replaces_the_built_in_ones(tmp_path):
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "en.yaml").write_text(GOOD, encoding="utf-8")
    rules = library_rules([tmp_path])
    assert [h.code for h in rules.habits] == ["i-statement"]
    (tmp_path / "words" / "en.yaml").write_text("habits: [", encoding="utf-8")
    assert len(library_rules([tmp_path]).habits) == 12  # a broken file: the built-in rules


@pytest.mark.parametrize("pattern", ["i [really|just] feel <feeling>", "^ what|how ?", "you ... always", "=took",
                                     "# <feeling>", "sorry i ~", "you should see !a|someone"])
def test_good_patterns_parse(pattern):
    parse_pattern(pattern, {"feeling": frozenset({"sad"})})


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_pattern_text_parses_or_says_why(text):
    try:
        parse_pattern(text, {"feeling": frozenset({"sad"})})
    except PatternError as err:
        assert str(err)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_rules_text_loads_or_reports(text):
    report = Report("en.yaml")
    parse_rules(text, report)
    assert all(d.line >= 1 and d.code in CHECK_CODES for d in report.items)


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                    max_leaves=20))
def test_any_yaml_shape_loads_or_reports(data):
    import yaml

    report = Report("en.yaml")
    parse_rules(yaml.safe_dump({"habits": data, "words": data}), report)
    assert all(d.code in CHECK_CODES for d in report.items)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_read_without_crashing(text):
    reading = read(text)
    assert reading.text == text and set(reading.codes) <= set(c.code for c in reading.notes)


def test_rehearse_check_of_one_rules_file_checks_it_alone(tmp_path):
    (tmp_path / "words").mkdir()
    path = tmp_path / "words" / "en.yaml"
    path.write_text(GOOD.replace("<feeling>", "<feelings>"), encoding="utf-8")
    result, report = rehearse_json("check", str(path), "--json")
    assert result.returncode == 1
    assert [(e["line"], e["code"]) for e in report["errors"]] == [(10, "bad-pattern"), (9, "bad-pattern")]  # and none left
    path.write_text(GOOD, encoding="utf-8")
    result, report = rehearse_json("check", str(path), "--json")
    assert result.returncode == 0 and report["errors"] == []


def test_a_language_without_a_dictionary_is_reported(tmp_path):
    rules, found = problems("language: xx\n" + GOOD, tmp_path)
    assert rules is None and found == [(1, "words-shape")]


def test_a_guard_word_matches_any_one_word_but_those_named():
    rules = parse_rules(GOOD.replace("i am [so] <feeling>", "you should see !a|someone|<feeling>"), Report("en.yaml"))
    assert read("You should see Ella's new haircut", rules=rules).codes == ("i-statement",)
    assert read("You should see a doctor", rules=rules).codes == ()
    assert read("You should see someone", rules=rules).codes == ()
    assert read("You should see", rules=rules).codes == ()  # the guarded place must hold a word


CUE_AND_ACT = GOOD.replace('''    patterns:
      - "i am [so] <feeling>"
''', '''    patterns:
      - "i am [so] <feeling>"
    cue:
      - "one more"
    act:
      - "i will tell your dad"
''')


def test_a_cue_and_an_act_in_one_clause_find_the_habit_together():
    rules = parse_rules(CUE_AND_ACT, Report("en.yaml"))
    assert read("one more lie and I will tell your dad", rules=rules).codes == ("i-statement",)
    assert read("I will tell your dad, one more time", rules=rules).codes == ("i-statement",)  # in either order
    assert read("one more episode and then bed", rules=rules).codes == ()  # a cue alone
    assert read("I will tell your dad you said hello", rules=rules).codes == ()  # an act alone
    assert read("one more lie. I will tell your dad", rules=rules).codes == ()  # not in one clause
    assert read("one more lie and I will not tell your dad", rules=rules).codes == ()  # the act negated
    assert read("One more! I will tell your dad", rules=rules).codes == ("i-statement",)  # a clause that is only a cue


@pytest.mark.parametrize("drop", ['    cue:\n      - "one more"\n', '    act:\n      - "i will tell your dad"\n'])
def test_a_cue_without_an_act_is_reported(tmp_path, drop):
    rules, found = problems(CUE_AND_ACT.replace(drop, ""), tmp_path)
    assert rules is None and found == [(11, "bad-pattern")]
