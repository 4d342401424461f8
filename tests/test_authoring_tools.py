"""The authoring tools through the real CLI: `paths`, `record`, `verify`,
`graph` and `new`, on small libraries copied to a temporary folder."""

import json
import re
import shutil
import stat

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from bot.cli import main
from helpers import TEST_LIBRARY, rehearse

HEAD = "---\ntitle: {title}\nmodule: basics\nskills: [calm, enabling]\n---\n\n"

FORK = HEAD.format(title="Fork") + """## Door

- [Calm.](#porch) `calm +1`
  > Kind. `source: guide#stay-calm`
- [Give in.](#porch) `enabling +1`
  > Soft. `source: guide#say-no-kindly`
- [Shout.](#lost) `calm -1`
  > Loud. `source: guide#stay-calm`

## Porch

- [Talk.](#good)
  > Good. `source: guide#stay-calm`
- [Hug.](#good) `if calm >= 1`
  > Warm. `source: guide#stay-calm`
- [Pay.](#bad)
  > Soft. `source: guide#say-no-kindly`

## Lost

- [Leave.](#bad)
  > Gone. `source: guide#stay-calm`
- [Sulk.](#bad)
  > Gone. `source: guide#stay-calm`

## Good

`end: success`

> Well held. `source: guide#stay-calm`

## Bad

`end: setback`

> Next time. `source: guide#say-no-kindly`
"""

# The only way to `hug` needs calm 2, and nothing raises calm past 1.
NEVER = HEAD.format(title="Never") + """## Door

- [Calm.](#porch) `calm +1`
  > Kind. `source: guide#stay-calm`
- [Give in.](#bad) `enabling +1`
  > Soft. `source: guide#say-no-kindly`

## Porch

- [Talk.](#good)
  > Good. `source: guide#stay-calm`
- [Hug.](#hug) `if calm >= 2`
  > Warm. `source: guide#stay-calm`

## Good

`end: success`

## Hug

`end: partial`

## Bad

`end: setback`
"""

# Arriving at `mid` by `b` leaves nothing on offer.
STUCK = HEAD.format(title="Stuck") + """## Door

- [a](#mid) `calm +1`
  > Kind. `source: guide#stay-calm`
- [b](#mid) `enabling +1`
  > Soft. `source: guide#say-no-kindly`

## Mid

- [x](#good) `if calm >= 1`
  > Good. `source: guide#stay-calm`

## Good

`end: success`
"""

# A loop that moves no skill: the same states come round again.
LOOP = HEAD.format(title="Loop") + """## Door

- [Wait.](#hall)
  > Kind. `source: guide#stay-calm`
- [Go.](#good) `calm +1`
  > Good. `source: guide#stay-calm`

## Hall

- [Back.](#door)
  > Back. `source: guide#stay-calm`
- [Go.](#good) `enabling +1`
  > Good. `source: guide#say-no-kindly`

## Good

`end: success`
"""

# A loop that raises a skill every time round has no last state.
ENDLESS = LOOP.replace("title: Loop", "title: Endless").replace("- [Back.](#door)", "- [Back.](#door) `calm +1`")


@pytest.fixture
def library(tmp_path):
    """A copy of the test library with the scenarios above in it."""
    root = tmp_path / "lib"
    shutil.copytree(TEST_LIBRARY, root)
    for name, text in (("fork", FORK), ("never", NEVER), ("stuck", STUCK), ("loop", LOOP), ("endless", ENDLESS)):
        (root / "scenarios" / "basics" / f"{name}.md").write_text(text, encoding="utf-8")
    return root


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args):
    code, out, _ = run(capsys, *args, "--json")
    return code, json.loads(out)


def played(capsys, library, scenario, script):
    code, result = run_json(capsys, "play", scenario, "--content", library, "--script", ",".join(map(str, script)))
    assert code == 0
    return result


# -- paths ---------------------------------------------------------------------
def test_paths_counts_every_play_through_and_gives_shortest_scripts(capsys, library):
    code, report = run_json(capsys, "paths", "fork", "--content", library)
    assert code == 0 and report["ok"] and report["complete"]
    endings = {e["id"]: e for e in report["endings"]}
    assert endings["good"]["paths"] == 3  # calm: talk or hug; give in: talk only
    assert endings["bad"]["paths"] == 4  # calm or give in, then pay; shout, then leave or sulk
    assert endings["good"]["script"] == [1, 1] and endings["bad"]["script"] == [1, 3]
    assert endings["good"]["skills"] == {"calm": [0, 1], "enabling": [0, 1]}
    assert endings["bad"]["skills"] == {"calm": [-1, 1], "enabling": [0, 1]}
    assert endings["good"]["moved"] == ["calm", "enabling"]
    assert not endings["good"]["without_skills"]
    assert report["unreached_endings"] == [] and report["never_offered"] == [] and report["stuck"] == []


def test_every_shortest_script_replays_to_its_ending(capsys, library):
    for scenario in ("fork", "loop", "stuck"):
        _, report = run_json(capsys, "paths", scenario, "--content", library)
        for ending in report["endings"]:
            assert played(capsys, library, scenario, ending["script"])["ending"] == ending["id"]


def test_paths_finds_the_trap_with_file_line_and_example(capsys, library):
    _, report = run_json(capsys, "paths", "fork", "--content", library)
    assert len(report["traps"]) == 1
    trap = report["traps"][0]
    assert (trap["from"], trap["node"], trap["choice"]) == ("door", "lost", "Shout.")
    assert trap["file"].endswith("scenarios/basics/fork.md") and trap["line"] == 13
    assert FORK.splitlines()[trap["line"] - 1].startswith("- [Shout.]")
    assert played(capsys, library, "fork", trap["script"])["path"][-1] == "lost"
    code, text, _ = run(capsys, "paths", "fork", "--content", library)
    assert re.search(r"fork\.md:13: at `door`, \"Shout\.\" leads to `lost`; e\.g\. --script 3", text)


def test_an_ending_no_play_through_reaches_fails_paths_and_warns_in_check(capsys, library):
    code, report = run_json(capsys, "paths", "never", "--content", library)
    assert code == 1 and not report["ok"]
    assert report["unreached_endings"] == ["hug"]
    hug = next(e for e in report["endings"] if e["id"] == "hug")
    assert hug["impossible"] and hug["script"] is None
    assert [c["text"] for c in report["never_offered"]] == ["Hug."]
    code, text, _ = run(capsys, "paths", "never", "--content", library)
    assert "hug (partial, line 25): NEVER REACHED (no play-through can reach it)" in text
    _, checked = run_json(capsys, "check", library / "scenarios" / "basics" / "never.md")
    assert {(w["code"], w["line"]) for w in checked["warnings"]} >= {("unreachable-ending", 25), ("never-offered", 18)}


def test_a_state_with_nothing_on_offer_is_reported_stuck(capsys, library):
    code, report = run_json(capsys, "paths", "stuck", "--content", library)
    assert code == 1
    assert report["stuck"] == [{"node": "mid", "script": [2]}]
    _, checked = run_json(capsys, "check", library / "scenarios" / "basics" / "stuck.md")
    assert checked["errors"] == []  # only exploring every state finds this


def test_a_loop_counts_once_and_is_flagged(capsys, library):
    _, report = run_json(capsys, "paths", "loop", "--content", library)
    assert report["complete"] and report["ok"]
    good = report["endings"][0]
    assert good["loops"] and good["script"] == [2]
    code, text, _ = run(capsys, "paths", "loop", "--content", library)
    assert "more round a loop" in text


def test_a_loop_that_keeps_raising_a_skill_is_bounded_and_says_so(capsys, library):
    code, report = run_json(capsys, "paths", "endless", "--content", library)
    assert code == 0 and report["ok"] and not report["complete"]
    assert report["endings"][0]["reached"] and report["never_offered"] == []
    _, text, _ = run(capsys, "paths", "endless", "--content", library)
    assert "at least" in text


def test_paths_coverage_reports_uncited_sections_and_skill_free_success(capsys, library):
    skill_free = HEAD.format(title="Free") + ("## Door\n\n- [Go.](#good)\n  > Kind. `source: guide#stay-calm`\n"
                                              "- [Pay.](#bad) `enabling +1`\n  > Soft. `source: guide#stay-calm`\n\n"
                                              "## Good\n\n`end: success`\n\n## Bad\n\n`end: setback`\n")
    only = library.parent / "only"
    shutil.copytree(library, only)
    for path in (only / "scenarios" / "basics").glob("*.md"):
        path.unlink()
    (only / "scenarios" / "basics" / "free.md").write_text(skill_free, encoding="utf-8")
    _, report = run_json(capsys, "paths", "free", "--content", only)
    assert report["endings"][0]["without_skills"] is True
    assert report["uncited_sections"] == ["guide#say-no-kindly"]
    _, text, _ = run(capsys, "paths", "free", "--content", only)
    assert "Success endings reached without moving any skill: good" in text
    assert "Source sections no scenario cites (1): guide#say-no-kindly" in text


def test_paths_without_a_scenario_summarises_the_library(capsys, library):
    code, text, _ = run(capsys, "paths", "--content", library)
    assert code == 1  # `never` and `stuck` have problems
    lines = {line.split()[0]: line for line in text.splitlines() if line.strip()}
    assert lines["fork"].endswith("ok") and "never reached: hug" in lines["never"]
    assert "1 stuck state" in lines["stuck"]
    code, summary = run_json(capsys, "paths", "--content", TEST_LIBRARY)
    assert code == 1 and not summary["ok"] and [s["scenario"] for s in summary["scenarios"]] == ["door"]
    assert summary["scenarios"][0]["never_offered"][0]["line"] == 24  # the fixture's deliberate one


# -- record and verify ---------------------------------------------------------
def test_record_then_verify_then_an_edit_shows_a_diff(capsys, library):
    code, out, _ = run(capsys, "record", "fork", "--script", "1,2", "--content", library)
    assert code == 0 and "good (success)" in out
    saved = library / "transcripts" / "fork" / "good.json"
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert (data["script"], data["path"], data["outcome"]) == ([1, 2], ["door", "porch", "good"], "success")
    assert data["skills"] == {"calm": 1, "enabling": 0}
    assert "Chose 2: Hug." in data["lines"] and "  Coach: Warm." in data["lines"]
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(saved.parent.stat().st_mode) == 0o700

    code, out, _ = run(capsys, "verify", "--content", library)
    assert code == 0 and "ok       fork/good" in out and "1 match, 0 differ" in out

    scenario = library / "scenarios" / "basics" / "fork.md"
    scenario.write_text(FORK.replace("> Warm. `source", "> Warm, and clear. `source"), encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--content", library)
    assert code == 1
    assert "DIFFERS  fork/good" in out
    assert "\n-  Coach: Warm.\n+  Coach: Warm, and clear.\n" in out
    assert "0 match, 1 differ" in out


def test_verify_shows_where_a_script_stops_fitting(capsys, library):
    run(capsys, "record", "fork", "--script", "1,3", "--content", library)
    scenario = library / "scenarios" / "basics" / "fork.md"
    scenario.write_text(FORK.replace("`if calm >= 1`", "`if calm >= 5`"), encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--content", library)
    assert code == 1
    assert "+Script stopped fitting: step 2: choice 3 is not on offer; pick 1 to 2 (at node `porch`)" in out
    assert "-End: bad (setback)" in out


def test_verify_reports_unreadable_transcripts_and_missing_scenarios(capsys, library):
    run(capsys, "record", "fork", "--script", "1,1", "--content", library)
    (library / "transcripts" / "fork" / "broken.json").write_text("{not json", encoding="utf-8")
    (library / "scenarios" / "basics" / "fork.md").unlink()
    code, out, _ = run(capsys, "verify", "--content", library)
    assert code == 1
    assert "DIFFERS  fork/broken" in out and "cannot read" in out
    assert "scenario `fork` is not in the library" in out


def test_verify_with_nothing_saved_says_how_to_start(capsys, library):
    code, out, _ = run(capsys, "verify", "--content", library)
    assert code == 0 and "rehearse record" in out


def test_record_refuses_a_bad_script_and_a_different_play_through_under_one_name(capsys, library):
    code, _, err = run(capsys, "record", "fork", "--script", "1,9", "--content", library)
    assert code == 2 and "step 2" in err
    assert run(capsys, "record", "fork", "--script", "1,1", "--content", library)[0] == 0
    assert run(capsys, "record", "fork", "--script", "1,1", "--content", library)[0] == 0  # approving again is fine
    code, _, err = run(capsys, "record", "fork", "--script", "2,1", "--content", library)
    assert code == 2 and "--name" in err
    assert run(capsys, "record", "fork", "--script", "2,1", "--name", "gave-in", "--content", library)[0] == 0
    assert run(capsys, "record", "fork", "--script", "2,1", "--force", "--content", library)[0] == 0
    assert json.loads((library / "transcripts" / "fork" / "good.json").read_text())["script"] == [2, 1]
    code, _, err = run(capsys, "record", "fork", "--script", "1", "--name", "Bad Name", "--content", library)
    assert code == 2
    (library / "transcripts" / "fork" / "good.json").write_text("{torn", encoding="utf-8")
    code, _, err = run(capsys, "record", "fork", "--script", "2,1", "--content", library)
    assert code == 2 and "--force" in err  # an unreadable transcript is never silently replaced


def test_record_an_unfinished_play_through(capsys, library):
    assert run(capsys, "record", "fork", "--script", "1", "--content", library)[0] == 0
    data = json.loads((library / "transcripts" / "fork" / "unfinished.json").read_text())
    assert data["ending"] is None and data["lines"][-2] == "End: not reached; choices on offer: 3"


# -- graph -----------------------------------------------------------------------
def test_mermaid_graph_colours_endings_and_marks_conditions(capsys, library):
    code, out, _ = run(capsys, "graph", "fork", "--content", library)
    assert code == 0
    lines = [line.strip() for line in out.splitlines()]
    assert lines[:3] == ["---", 'title: "Fork"', "---"] and "stateDiagram-v2" in lines
    states = [line for line in lines if line.startswith("state ")]
    assert states == ['state "Door" as n0', 'state "Porch" as n1', 'state "Lost" as n2',
                      'state "Good (success)" as n3', 'state "Bad (setback)" as n4']
    assert "Class n3 s_success" in lines and "Class n4 s_setback" in lines and "Class n0 s_default" in lines
    assert any(line.startswith("classDef s_success fill:") for line in lines)
    assert "n1 --> n3: 1. Talk. | 2. Hug. [if calm ≥ 1]" in lines
    assert "[*] --> n0" in lines


def test_mermaid_graph_keeps_content_from_being_read_as_syntax(capsys, library):
    hostile = ('---\ntitle: \'He said "no": then; # %% {x}\'\nmodule: basics\n---\n\n'
               '## Door: "now"; #1 {x} %% <b>\n\n'
               '- [Say "hi": ok; #2 %% {y} --> <i>](#end-here)\n  > Kind. `source: guide#stay-calm`\n\n'
               '## End here\n\n`end: success`\n')
    path = library / "scenarios" / "basics" / "hostile.md"
    path.write_text(hostile, encoding="utf-8")
    code, out, _ = run(capsys, "graph", path)
    assert code == 0
    for line in out.splitlines()[4:]:
        line = line.strip()
        if line.startswith("state "):
            assert re.fullmatch(r'state "[^"]*" as n\d+', line), line
        elif "-->" in line and not line.startswith("[*]"):
            assert re.fullmatch(r"n\d+ --> n\d+: [^:;#%{}<>\"]*", line), line


def test_dot_graph_is_plain_graphviz(capsys, library):
    code, out, _ = run(capsys, "graph", "fork", "--content", library, "--format", "dot")
    assert code == 0
    assert out.startswith('digraph "fork" {') and out.rstrip().endswith("}")
    assert '"door" [label="Door", penwidth=2];' in out
    assert '"good" [label="Good (success)", fillcolor="#c8e6c9"];' in out
    assert '"porch" -> "good" [label="2. Hug.\\nif calm >= 1", style=dashed];' in out
    for line in out.splitlines()[1:-1]:
        assert re.fullmatch(r'\s+(?:[^"]|"(?:[^"\\]|\\.)*")*;', line), line  # every string closed


# -- new -------------------------------------------------------------------------
def test_new_writes_a_starter_that_checks_clean_and_plays_to_every_ending(capsys, library):
    code, out, _ = run(capsys, "new", "basics/car-keys", "--content", library, "--title", "The car keys")
    assert code == 0 and "0 errors, 0 warnings" in out
    path = library / "scenarios" / "basics" / "car-keys.md"
    assert "title: The car keys" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    code, checked = run_json(capsys, "check", "--content", library, path)
    assert code == 0 and checked["errors"] == [] and checked["warnings"] == []
    code, report = run_json(capsys, "paths", "car-keys", "--content", library)
    assert code == 0 and {e["outcome"] for e in report["endings"]} == {"success", "partial", "setback"}


def test_new_in_a_folder_without_a_course_uses_the_built_in_course(capsys, tmp_path):
    code, out, _ = run(capsys, "new", "money/practice-run", "--content", tmp_path)
    assert code == 0, out
    path = tmp_path / "scenarios" / "money" / "practice-run.md"
    code, checked = run_json(capsys, "check", "--content", tmp_path, path)
    assert code == 0 and checked["warnings"] == []


def test_new_refuses_to_overwrite_and_rejects_bad_names(capsys, library):
    assert run(capsys, "new", "basics/car-keys", "--content", library)[0] == 0
    code, _, err = run(capsys, "new", "basics/car-keys", "--content", library)
    assert code == 2 and "already" in err
    assert run(capsys, "new", "basics/door", "--content", library)[0] == 2  # an id the library has
    assert run(capsys, "new", "nowhere/x", "--content", library)[0] == 2
    assert run(capsys, "new", "Basics/X", "--content", library)[0] == 2
    assert run(capsys, "new", "no-slash", "--content", library)[0] == 2


def _files(root):
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("folder", ["empty", "missing"])
def test_new_in_an_empty_or_missing_folder_starts_a_library_that_checks_clean(capsys, tmp_path, folder):
    root = tmp_path / "my-library"
    if folder == "empty":
        root.mkdir()
    code, out, err = run(capsys, "new", "practice/my-first", "--content", root)
    assert code == 0, err
    made = [root / "course.md", root / "sources" / "guide.md", root / "scenarios" / "practice" / "my-first.md"]
    assert sorted(_files(root)) == sorted(made)
    for path in made:  # each file made is named in what `new` printed
        assert f"wrote {path}" in out
    code, checked = run_json(capsys, "check", "--content", root)
    assert code == 0 and checked["errors"] == [] and checked["warnings"] == [], checked
    assert checked["stats"]["scenarios"] == 1
    code, listing = run_json(capsys, "list", "--content", root)
    assert [m["id"] for m in listing["modules"]] == ["practice"]  # its own course, not the built-in one
    code, report = run_json(capsys, "paths", "my-first", "--content", root)
    assert code == 0 and {e["outcome"] for e in report["endings"]} == {"success", "partial", "setback"}


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(module=st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True), scenario=st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True))
@example(module="yes", scenario="2024").via("read as a yes/no and a number if unquoted")
@example(module="null", scenario="---")
def test_new_starts_a_clean_library_for_any_valid_module_and_id(capsys, tmp_path_factory, module, scenario):
    """Ids such as `yes`, `null` or `2024` must stay text in the YAML written."""
    root = tmp_path_factory.mktemp("lib") / "new"
    code, out, err = run(capsys, "new", "--content", root, "--", f"{module}/{scenario}")  # `--`: an id may start with -
    assert code == 0, err + out
    code, checked = run_json(capsys, "check", "--content", root)
    assert checked["errors"] == [] and checked["warnings"] == [], checked


def test_new_never_edits_a_course_without_the_module(capsys, library):
    before = _files(library)
    code, _, err = run(capsys, "new", "practice/my-first", "--content", library)
    assert code == 2
    assert f"no module `practice` in {library / 'course.md'}" in err
    assert "  - id: practice\n    title: Practice\n" in err  # what to add, ready to paste
    assert _files(library) == before


def test_new_does_not_start_a_course_over_scenarios_that_join_the_built_in_one(capsys, tmp_path):
    assert run(capsys, "new", "money/practice-run", "--content", tmp_path)[0] == 0
    before = _files(tmp_path)
    code, _, err = run(capsys, "new", "practice/my-first", "--content", tmp_path)
    assert code == 2 and "no module `practice` in the built-in course" in err
    assert "--content my-library" in err
    assert _files(tmp_path) == before


def test_new_never_replaces_a_file_in_a_new_library(capsys, tmp_path):
    root = tmp_path / "lib"
    (root / "scenarios" / "practice").mkdir(parents=True)
    (root / "course.md").symlink_to(tmp_path / "elsewhere.md")  # a dangling link is not a course, but not ours
    code, _, err = run(capsys, "new", "practice/my-first", "--content", root)
    assert code == 2 and f"{root / 'course.md'} already exists" in err
    assert not (tmp_path / "elsewhere.md").exists() and _files(root) == {}


# -- no tracebacks ---------------------------------------------------------------------
@pytest.mark.parametrize("args", [
    ("paths", "no-such-scenario"),
    ("paths", "no/such/file.md"),
    ("record", "door", "--script", "x,1"),
    ("record", "door"),
    ("graph", "door", "--format", "svg"),
    ("new", "../../etc"),
    ("verify", "--content", "no/such/dir"),
])
def test_bad_input_is_a_message_never_a_traceback(args):
    result = rehearse(*args[:1], "--content", str(TEST_LIBRARY), *args[1:])
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_the_authoring_tools_never_import_a_ui():
    import bot.authoring
    from helpers import package_modules, ui_modules_after

    assert ui_modules_after(package_modules(bot.authoring)) == []
