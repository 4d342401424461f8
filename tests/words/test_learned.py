"""The coach's learned weights (bot/words/learned.py, scripts/train_words.py):
a damaged weights file is a clear `path:line: code: message`, never a
traceback; training is deterministic; the shipped file is the one training
gives from today's labelled lines and rules; and the weights change what
the coach finds in the two ways they are for."""

import importlib.util
import json
from pathlib import Path
import shutil
import sys

from hypothesis import given, settings, strategies as st
import pytest

from bot.words import HABITS, builtin_rules, read
from bot.words.learned import dumps, load_learned, terms
from helpers import TEST_LIBRARY, rehearse_json

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "content" / "words" / "en.learned.json"


def script(name: str):
    """One of scripts/*.py, loaded as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # so what it hands to worker processes can be found by name
    spec.loader.exec_module(module)
    return module


def write(tmp_path, data) -> Path:
    path = tmp_path / "en.learned.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


GOOD = {"format": 3, "trained_on": "sha256:0", "adds": 0.5, "keeps": 0.1, "alert": 0.6,
        "idf": {"fine": 1.5, "doze": 2.0}, "bias": {"gives-in": -1.0}, "weights": {"gives-in": {"fine": 2.0}},
        "danger_bias": {"emergency": -1.0}, "danger": {"emergency": {"doze": 3.0}},
        "sense_bias": -1.0, "sense": {"doze": 3.0}}
GROUPS = ("emergency", "suicide")


@pytest.mark.parametrize("change, words", [
    (lambda d: "{not json", "cannot read"),
    (lambda d: {**d, "format": 9}, "format 3"),
    (lambda d: [1, 2], "format 3"),
    (lambda d: {**d, "adds": 2}, "from 0 to 1"),
    (lambda d: {**d, "alert": -0.5}, "from 0 to 1"),
    (lambda d: {**d, "sense_share": 1.5}, "from 0 to 1"),
    (lambda d: {**d, "sense_share": "most"}, "must be numbers"),
    (lambda d: {**d, "stands_alone": 1.2}, "from 0 to 1"),
    (lambda d: {**d, "stands_alone": None}, "must be numbers"),
    (lambda d: {**d, "danger": {"emergency": {"doze": "lots"}}}, "must be numbers"),
    (lambda d: {**d, "danger": {"floods": {"doze": 1}}, "danger_bias": {"floods": 0}}, "unknown danger group 'floods'"),
    (lambda d: {**d, "danger_bias": {}}, "no bias for danger group 'emergency'"),
    (lambda d: {**d, "sense": {"doze": []}}, "must be numbers"),
    (lambda d: {**d, "sense_bias": "high"}, "must be numbers"),
    (lambda d: {**d, "idf": {"fine": "lots"}}, "must be numbers"),
    (lambda d: {**d, "weights": {"gives-in": {"fine": None}}}, "must be numbers"),
    (lambda d: {**d, "weights": {"shouting": {"fine": 1}}, "bias": {"shouting": 0}}, "unknown habit 'shouting'"),
    (lambda d: {**d, "bias": {}}, "no bias for habit 'gives-in'"),
])
def test_a_damaged_weights_file_is_named_with_what_to_do(tmp_path, change, words):
    learned, problems = load_learned(write(tmp_path, change(dict(GOOD))), HABITS, "words/en.learned.json", GROUPS)
    assert learned is None
    assert len(problems) == 1 and problems[0].code == "words-learned"
    assert str(problems[0]).startswith("words/en.learned.json:1: words-learned: ")
    assert words in problems[0].message


def test_a_good_weights_file_loads(tmp_path):
    learned, problems = load_learned(write(tmp_path, GOOD), HABITS, groups=GROUPS)
    assert problems == [] and learned.adds == 0.5 and learned.weights["gives-in"]["fine"] == 2.0
    assert learned.alert == 0.6 and learned.sensed({"doze": 1.0}).group == "emergency" and learned.sensed({"fine": 1.0}) is None


def test_the_most_likely_groups_own_weighing_is_a_second_opinion(tmp_path):
    """"nap" weighs for a danger in the one weighing for any danger but not
    in the group's own: alone it would alarm (0.88 over 0.6), and with the
    group making up half the chance it does not (0.58); "doze" weighs in both."""
    both = {**GOOD, "sense": {"doze": 3.0, "nap": 3.0}}
    alone, problems = load_learned(write(tmp_path, both), HABITS, groups=GROUPS)
    assert problems == [] and alone.sense_share == 1.0 and alone.sensed({"nap": 1.0}).group == "emergency"
    shared, problems = load_learned(write(tmp_path, {**both, "sense_share": 0.5}), HABITS, groups=GROUPS)
    assert problems == [] and shared.sense_share == 0.5
    assert shared.sensed({"nap": 1.0}) is None and shared.sensed({"doze": 1.0}).group == "emergency"


def test_a_danger_sensed_below_stands_alone_is_not_sure(tmp_path):
    """"doze" gives a danger a chance of 0.88: sure from 0.8, not from 0.9.
    A file from before `stands_alone` reads it as 0: every danger sensed is
    sure, as it was then."""
    old, problems = load_learned(write(tmp_path, GOOD), HABITS, groups=GROUPS)
    assert problems == [] and old.stands_alone == 0.0 and old.sensed({"doze": 1.0}).sure
    for level, sure in ((0.8, True), (0.9, False)):
        learned, problems = load_learned(write(tmp_path, {**GOOD, "stands_alone": level}), HABITS, groups=GROUPS)
        assert problems == [] and learned.sensed({"doze": 1.0}) == ("emergency", sure)


def test_a_format_2_file_still_loads_and_senses_no_danger(tmp_path):
    """Learned before the danger weights, with the same terms: the danger lists still work."""
    old = {k: v for k, v in GOOD.items() if k not in ("alert", "danger", "danger_bias", "sense", "sense_bias")}
    learned, problems = load_learned(write(tmp_path, {**old, "format": 2}), HABITS, groups=GROUPS)
    assert problems == [] and learned.danger == {} and learned.sensed({"doze": 1.0}) is None


@settings(max_examples=150, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.floats(allow_nan=True) | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
                    max_leaves=12))
def test_any_json_gives_weights_or_a_clear_problem(tmp_path_factory, data):
    path = write(tmp_path_factory.mktemp("w"), json.dumps(data))
    learned, problems = load_learned(path, HABITS, groups=GROUPS)
    assert (learned is None) == bool(problems)


def test_the_terms_say_who_acts_in_each_part_of_a_sentence():
    """The same word weighs differently in a condition set on them, in a
    part the speaker owns, and in a charge."""
    def found(text):
        return terms(builtin_rules("en").normaliser.clauses(text))
    assert {"i|stop", "if you|drink"} <= set(found("I'll stop buying it if you drink again"))
    assert "i|drink" in found("i drink too much as well") and "you|drink" in found("u drink too much")
    assert "-|money" in found("No money tonight.")


def test_training_is_deterministic():
    train = script("train_words")
    lines = [{"text": "fine, here's fifty", "codes": ["gives-in"]}, {"text": "I feel scared", "codes": ["i-statement"]},
             {"text": "what happened tonight?", "codes": ["open-question"]}, {"text": "pass the salt", "codes": []}] * 3
    rules = builtin_rules("en")
    danger = [{"text": "she won't wake, I'll let her doze", "danger": "emergency"},
              {"text": "long day, going to doze on the sofa", "danger": "none"}] * 3
    first, again = (dumps(train.train(lines, rules.normaliser, HABITS, "x", danger, rules.danger)) for _ in range(2))
    assert first == again and json.loads(first)["sense"] and set(json.loads(first)["danger"]) == {d.name for d in rules.danger}


def test_the_shipped_weights_were_learned_from_todays_lines_and_rules():
    """Change a labelled set or the rules file and this fails until
    `python scripts/train_words.py` is run (it never learns from the blind
    sets that are the honest measure)."""
    train = script("train_words")
    files, dangers = train.training_files("en"), train.danger_files("en")
    assert {f"en_{name}.yaml" for name in script("bench_words").BLIND}.isdisjoint(p.name for p in files)
    assert {f"en_{name}.yaml" for name in script("bench_danger").DANGER_BLIND}.isdisjoint(p.name for p in dangers)
    assert dangers, "the danger weights learn from tests/words/danger"
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert shipped["trained_on"] == train.fingerprint(files + dangers, ROOT / "content" / "words" / "en.yaml")


def test_the_weights_find_a_habit_no_rule_has_words_for():
    """A cover story no rule names: the weights know covering for someone."""
    text = "i already texted ur supervisor that u have the flu so dont worry about tmrw"
    assert "gives-in" in read(text).codes


def test_the_weights_drop_a_rule_match_the_whole_sentence_weighs_against():
    assert "threat" not in read("Pack your bags, we leave for the lake at 7!").codes


def test_rehearse_check_names_a_damaged_weights_file_beside_library_rules(tmp_path):
    library = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, library)
    (library / "words").mkdir()
    shutil.copy(ROOT / "content" / "words" / "en.yaml", library / "words" / "en.yaml")
    (library / "words" / "en.learned.json").write_text("{not json", encoding="utf-8")
    result, report = rehearse_json("check", str(library), "--json")
    assert result.returncode == 1
    assert {(e["file"].split("/")[-1], e["line"], e["code"]) for e in report["errors"]} == {
        ("en.learned.json", 1, "words-learned")}


def test_a_rule_exception_wins_over_the_weights():
    """The rules say "you make me so proud" is not blame; the weights may not add it back."""
    assert "blame" not in read("You make me so proud.").codes


def test_without_the_weights_the_rules_still_coach(tmp_path):
    from bot.words.rules import load_rules
    rules_file = tmp_path / "en.yaml"
    rules_file.write_text((ROOT / "content" / "words" / "en.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    rules, problems = load_rules(rules_file)
    assert problems == [] and rules.learned is None
    assert read("you always lie", rules=rules).codes == ("always-never",)


def test_the_probe_decisions_are_among_the_training_lines():
    """Change a probe test and this fails until `python scripts/probe_lines.py`
    (then scripts/train_words.py) is run: the weights learn the counselors'
    decisions on the probe sentences."""
    probes = script("probe_lines")
    assert probes.TARGET.read_text(encoding="utf-8") == probes.text_of_file()
