"""The machine-readable CLI, through the real entry point."""

import json

from helpers import TEST_LIBRARY, rehearse, rehearse_json


def test_check_builtin_library_json_shape():
    result, report = rehearse_json("check", "--json")
    assert set(report) == {"ok", "errors", "warnings", "stats"}
    assert set(report["stats"]) == {"scenarios", "nodes", "choices", "endings"}
    assert report["stats"]["scenarios"] >= 1
    assert result.returncode == (0 if report["ok"] else 1)


def test_check_human_output_is_one_line_per_problem_then_summary(tmp_path):
    bad = tmp_path / "x.md"
    bad.write_text("---\ntitle: X\nmodule: basics\n---\n\n## A\n\n- [go](#nowhere)\n- [b](#b)\n\n## B\n\n`end: success`\n")
    result = rehearse("check", "--content", str(TEST_LIBRARY), str(bad))
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 1
    assert lines[0] == f"{bad}:8: unknown-target: no node `nowhere` in this scenario"
    assert lines[-1].startswith("1 error, 0 warnings in 1 scenario")


def test_check_usage_errors_exit_2():
    assert rehearse("check", "no/such/file.md").returncode == 2
    assert rehearse("check", "--bogus").returncode == 2
    assert rehearse("--content", "no/such/dir", "list").returncode == 2


def test_play_script_json_exactly_as_specified():
    result, played = rehearse_json("--content", str(TEST_LIBRARY), "play", "door", "--script", "1", "--json")
    assert result.returncode == 0
    assert played == {"scenario": "door", "path": ["door", "drive"], "ending": "drive",
                      "outcome": "success", "skills": {"calm": 1, "enabling": 0}}
    assert list(played) == ["scenario", "path", "ending", "outcome", "skills"]


def test_play_content_option_after_the_command():
    result, played = rehearse_json("play", "door", "--content", str(TEST_LIBRARY), "--script", "2", "--json")
    assert played["outcome"] == "setback" and played["skills"] == {"calm": 0, "enabling": 1}


def test_play_script_that_runs_out_has_null_ending():
    _, played = rehearse_json("play", "door", "--content", str(TEST_LIBRARY), "--script", "", "--json")
    assert played["ending"] is None and played["outcome"] is None and played["path"] == ["door"]


def test_play_by_path_uses_the_library_above_it():
    path = TEST_LIBRARY / "scenarios" / "basics" / "door.md"
    _, played = rehearse_json("play", str(path), "--script", "2", "--json")
    assert played["path"] == ["door", "gave"]


def test_play_bad_step_exits_2_naming_the_step():
    result = rehearse("play", "door", "--content", str(TEST_LIBRARY), "--script", "1,1", "--json")
    assert result.returncode == 2
    assert "step 2" in result.stderr and result.stdout == ""
    result = rehearse("play", "door", "--content", str(TEST_LIBRARY), "--script", "3", "--json")
    assert result.returncode == 2 and "step 1" in result.stderr
    result = rehearse("play", "door", "--content", str(TEST_LIBRARY), "--script", "1,x")
    assert result.returncode == 2 and "step 2" in result.stderr


def test_play_unknown_scenario_exits_2():
    result = rehearse("play", "no-such-scenario", "--script", "1")
    assert result.returncode == 2 and "no scenario" in result.stderr


def test_list_json_in_course_order():
    result, listing = rehearse_json("list", "--json", "--content", str(TEST_LIBRARY))
    assert result.returncode == 0
    assert [m["id"] for m in listing["modules"]] == ["basics", "more"]
    assert [s["id"] for s in listing["modules"][0]["scenarios"]] == ["door"]


def test_builtin_list_follows_course_order():
    _, listing = rehearse_json("list", "--json")
    from bot.content.library import Library

    assert [m["id"] for m in listing["modules"]] == [m.id for m in Library().course.modules]


def test_content_dir_without_course_adds_to_builtin(tmp_path):
    extra = tmp_path / "extra"
    (extra / "scenarios" / "money").mkdir(parents=True)
    (extra / "scenarios" / "money" / "tiny.md").write_text(
        "---\ntitle: Tiny\nmodule: money\n---\n\n## A\n\n- [x](#b) `calm +1`\n  > ok `source: relapse#care-for-yourself`\n"
        "- [y](#b)\n  > ok `source: relapse#care-for-yourself`\n\n## B\n\n`end: success`\n"
    )
    _, listing = rehearse_json("list", "--json", "--content", str(extra))
    ids = [s["id"] for m in listing["modules"] for s in m["scenarios"]]
    assert "tiny" in ids and len(ids) > 1
    result, report = rehearse_json("check", str(extra), "--json")
    assert report["ok"], report["errors"]


def test_output_never_carries_control_characters(tmp_path):
    bad = tmp_path / "x.md"
    bad.write_text("---\ntitle: X\nmodule: basics\n---\n\n## A\n\n- [go](#a\x1b]52;c;SGVsbG8=\x07b)\n- [b](#b)\n\n## B\n\n`end: success`\n")
    result = rehearse("check", "--content", str(TEST_LIBRARY), str(bad))
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    result = rehearse("check", "--content", str(TEST_LIBRARY), str(bad), "--json")
    assert "\x1b" not in result.stdout
    json.loads(result.stdout)
