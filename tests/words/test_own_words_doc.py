"""docs/own-words.md tells the truth: its console example is what the
command prints, every check code is explained, and its example of
extending the rules works."""

import re

from bot.content.library import builtin_root
from bot.words import read, rules_path
from bot.words.rules import CHECK_CODES, load_rules
from helpers import REPO, rehearse

DOC = (REPO / "docs" / "own-words.md").read_text(encoding="utf-8")


def test_the_console_example_is_what_rehearse_prints():
    example = re.search(r"```console\n\$ rehearse words \"([^\"]+)\"\n(.*?)```", DOC, flags=re.S)
    assert rehearse("words", example.group(1)).stdout == example.group(2)


def test_every_check_code_is_explained():
    assert set(re.findall(r"^\| `([a-z-]+)` \|", DOC.split("## Check codes")[1], flags=re.M)) == set(CHECK_CODES)


def test_the_extension_example_teaches_the_coach_a_new_label(tmp_path):
    block = re.search(r"```yaml\n(.*?)```", DOC, flags=re.S).group(1)
    added = [line for line in block.splitlines() if "pill popper" in line]
    assert added
    (tmp_path / "words").mkdir()
    original = rules_path(builtin_root()).read_text(encoding="utf-8")
    extended = original.replace('      - "<label>"\n', '      - "<label>"\n' + "\n".join(added) + "\n", 1)
    path = tmp_path / "words" / "en.yaml"
    path.write_text(extended, encoding="utf-8")
    rules, problems = load_rules(path)
    assert problems == []
    assert "label" not in read("you pill popper").codes
    assert read("you pill popper", rules=rules).codes == ("label",)
