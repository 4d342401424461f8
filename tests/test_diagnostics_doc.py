"""Every code in docs/diagnostics.md has a broken example that really
produces it, and a fix that really clears it."""

import re
import shutil

import pytest

from bot.content.diagnostics import CODES, WARNING_CODES
from helpers import REPO, TEST_LIBRARY, rehearse_json

DOC = (REPO / "docs" / "diagnostics.md").read_text(encoding="utf-8")
SECTIONS = re.split(r"^## `([a-z-]+)`$", DOC, flags=re.M)[1:]
EXAMPLES = {code: re.findall(r"^```(markdown[^\n]*)\n(.*?)^```$", body, flags=re.M | re.S)
            for code, body in zip(SECTIONS[::2], SECTIONS[1::2])}


def _check(tmp_path, info, text):
    if "translation" in info:  # the Spanish words of the test course's door.md, in a copy of that course
        root = tmp_path / "lib"
        shutil.copytree(TEST_LIBRARY, root, dirs_exist_ok=True)
        path = root / "es" / "scenarios" / "basics" / "door.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return rehearse_json("check", str(path), "--json")[1]
    path = tmp_path / "door.md"
    path.write_bytes(text.encode("latin-1" if "latin-1" in info else "utf-8"))
    _, report = rehearse_json("check", "--content", str(TEST_LIBRARY), str(path), "--json")
    return report


def test_every_code_is_documented():
    assert set(CODES) | set(WARNING_CODES) <= set(EXAMPLES)


@pytest.mark.parametrize("code", sorted(EXAMPLES))
def test_broken_example_produces_its_code_and_fix_clears_it(tmp_path, code):
    (broken_info, broken), (fixed_info, fixed) = EXAMPLES[code]
    report = _check(tmp_path, broken_info, broken)
    found = {d["code"] for d in report["errors"] + report["warnings"]}
    assert code in found, report
    report = _check(tmp_path, fixed_info, fixed)
    assert report["errors"] == [] and report["warnings"] == [], report
