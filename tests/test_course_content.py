"""The built-in course meets the bar every scenario is written to: a full
briefing, enough branches and endings, feedback on every choice, a cited
source behind every coach note, every ending reachable, a clean `check`,
plain words, person-first language and nothing copied from the source texts.
Each rule is checked for each scenario, so a failure names the scenario."""

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from bot.authoring.paths import analyse
from bot.cli import main
from bot.content.checking import check
from bot.content.library import Library, builtin_root
from bot.content.model import Line, Note, plain
from helpers import REPO

LIBRARY = Library()
SCENARIOS = LIBRARY.in_order()
IDS = [s.id for s in SCENARIOS]
SOURCE_TEXTS = REPO.parent / "shared" / "sources"  # the original texts, beside the repo
SHARED_RUN = 8  # words in a row that may not match a source text
MIN_READING_EASE = 60
NOT_PERSON_FIRST = re.compile(r"\b(addicts?|alcoholics?|junkies?)\b", re.I)
SPOKEN_EXCEPTION = re.compile(r"\bjunkies?\b", re.I)  # a loved one may say it of themselves, in anger


def scenario_param():
    return pytest.mark.parametrize("scenario", SCENARIOS, ids=IDS)


def coach_notes(scenario):
    """Every coach note and every choice's feedback, wherever it sits."""
    notes = [b for b in scenario.briefing if isinstance(b, Note) and b.kind == "coach"]
    for node in scenario.nodes:
        notes += [n for n in node.notes if n.kind == "coach"]
        notes += [c.feedback for c in node.choices if c.feedback is not None]
    return notes


def all_notes(scenario):
    notes = [b for b in scenario.briefing if isinstance(b, Note)]
    for node in scenario.nodes:
        notes += list(node.notes) + [c.feedback for c in node.choices if c.feedback is not None]
    return notes


def blocks(scenario):
    yield from scenario.briefing
    for node in scenario.nodes:
        yield from node.blocks


# -- shape -------------------------------------------------------------------------
MIN_MODULES, MIN_SCENARIOS = 12, 32


def test_the_course_has_enough_modules_and_scenarios():
    assert len(LIBRARY.course.modules) >= MIN_MODULES
    assert len(SCENARIOS) >= MIN_SCENARIOS
    assert not LIBRARY.problems


def test_every_module_in_course_order_has_at_least_two_scenarios():
    thin = {module.id: len(members) for module, members in LIBRARY.modules() if len(members) < 2}
    assert not thin, f"modules with fewer than 2 scenarios: {thin}"


@scenario_param()
def test_front_matter_says_who_where_and_how_long(scenario):
    missing = [k for k in ("persona", "learner", "setting", "minutes") if not getattr(scenario, k)]
    assert not missing, f"{scenario.file}: front matter lacks {missing}"


@scenario_param()
def test_enough_nodes_and_endings(scenario):
    outcomes = [n.ending for n in scenario.endings]
    assert len(scenario.nodes) >= 8, f"{scenario.file}: {len(scenario.nodes)} nodes"
    assert len(outcomes) >= 3, f"{scenario.file}: {len(outcomes)} endings"
    assert "success" in outcomes and "setback" in outcomes, f"{scenario.file}: endings {outcomes}"


@scenario_param()
def test_every_step_offers_a_real_choice_and_most_offer_three(scenario):
    steps = [n for n in scenario.nodes if not n.ending]
    thin = [n.id for n in steps if len(n.choices) < 2]
    assert not thin, f"{scenario.file}: fewer than 2 choices at {thin}"
    with_three = sum(len(n.choices) >= 3 for n in steps)
    assert with_three * 2 > len(steps), f"{scenario.file}: only {with_three} of {len(steps)} steps offer 3 choices"


@scenario_param()
def test_every_choice_has_feedback(scenario):
    nodes = scenario.node_map
    silent = [(n.id, c.line) for n in scenario.nodes for c in n.choices
              if c.feedback is None and not any(note.kind == "coach" for note in nodes[c.target].notes)]
    assert not silent, f"{scenario.file}: choices with no feedback and no coach note where they lead: {silent}"


@scenario_param()
def test_every_coach_note_cites_a_source_that_exists(scenario):
    uncited = [note.line for note in coach_notes(scenario) if not note.citations]
    assert not uncited, f"{scenario.file}: coach notes without a citation at lines {uncited}"
    sources = LIBRARY.sources
    broken = [(str(c), c.line) for note in all_notes(scenario) for c in note.citations
              if c.source not in sources or c.section not in sources[c.source].sections]
    assert not broken, f"{scenario.file}: citations that do not resolve: {broken}"


@scenario_param()
def test_every_ending_is_reachable(scenario):
    report = analyse(scenario)
    assert not report.unreached, f"{scenario.file}: never reached: {[e.id for e in report.unreached]}"
    assert not report.stuck, f"{scenario.file}: nothing on offer at {report.stuck[:3]}"
    assert not report.never_offered


@lru_cache(maxsize=1)
def checked():
    return check([])


def test_check_on_the_built_in_library_is_clean():
    result = checked()
    assert result.errors == [] and result.warnings == [], [str(d) for d in result.diagnostics]
    assert result.stats["scenarios"] == len(SCENARIOS)


@scenario_param()
def test_check_is_clean_for_each_scenario(scenario):
    mine = [str(d) for d in checked().diagnostics if d.file == scenario.file]
    assert not mine, mine


# -- words ---------------------------------------------------------------------------
def normalise(text: str) -> list[str]:
    """Lower-case words with punctuation stripped (apostrophes join, other marks split)."""
    text = text.lower().replace("\u2019", "'").replace("'", "")
    return re.sub(r"[^\w]+|_", " ", text).split()


def runs(words: list[str], size: int = SHARED_RUN) -> set[tuple]:
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@lru_cache(maxsize=1)
def source_runs() -> set[tuple]:
    found: set[tuple] = set()
    for path in sorted(SOURCE_TEXTS.glob("*.txt")):
        found |= runs(normalise(path.read_text(encoding="utf-8")))
    return found


def learner_texts(scenario) -> list[str]:
    """Everything a learner reads, one paragraph at a time."""
    texts = [scenario.title, scenario.persona, scenario.learner, scenario.setting]
    for block in blocks(scenario):
        texts += [plain(p) for p in block.paragraphs] if isinstance(block, Note) else [plain(block.text)]
    for node in scenario.nodes:
        texts.append(node.title)
        for choice in node.choices:
            texts.append(plain(choice.text))
            if choice.feedback is not None:
                texts += [plain(p) for p in choice.feedback.paragraphs]
    return texts


def needs_sources():
    if not SOURCE_TEXTS.is_dir() or not any(SOURCE_TEXTS.glob("*.txt")):
        pytest.skip(f"the source texts are not beside the repo ({SOURCE_TEXTS}); nothing to compare against")


@scenario_param()
def test_no_eight_words_in_a_row_copied_from_a_source_text(scenario):
    needs_sources()
    copied = [" ".join(run) for text in learner_texts(scenario) for run in runs(normalise(text)) & source_runs()]
    assert not copied, f"{scenario.file}: shares runs of {SHARED_RUN} words with a source text: {copied[:5]}"


def test_no_eight_words_in_a_row_copied_in_the_source_summaries_or_course():
    needs_sources()
    root = builtin_root()
    copied = {}
    for path in [root / "course.md", *sorted((root / "sources").glob("*.md"))]:
        shared = [" ".join(run) for paragraph in path.read_text(encoding="utf-8").split("\n\n")
                  for run in runs(normalise(paragraph)) & source_runs()]
        if shared:
            copied[path.name] = shared[:5]
    assert not copied, copied


def syllables(word: str) -> int:
    """An estimate good enough for a reading score: vowel groups, less a silent ending."""
    word = word.lower()
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]+", word)))


def reading_ease(texts: list[str]) -> float:
    """Flesch reading ease over all the texts together; each text is at least one sentence."""
    words = [w for text in texts for w in re.findall(r"[a-z]+(?:'[a-z]+)*", text.lower().replace("\u2019", "'"))]
    sentences = sum(max(1, sum(1 for piece in re.split(r"[.!?]+(?:\s|$)", text) if re.search(r"[A-Za-z]", piece)))
                    for text in texts if re.search(r"[A-Za-z]", text))
    total = sum(syllables(w.replace("'", "")) for w in words)
    return 206.835 - 1.015 * len(words) / sentences - 84.6 * total / len(words)


def test_the_syllable_counter_and_reading_score_behave():
    words = ("cat", "table", "money", "recovery", "tired", "sponsor", "yes")
    assert [syllables(w) for w in words] == [1, 2, 2, 4, 1, 2, 1]
    assert reading_ease(["The cat sat on the mat."]) > 100
    assert reading_ease(["Institutional considerations necessitate comprehensive reevaluation."]) < 0


def dialogue_and_coach(scenario) -> list[str]:
    texts = [plain(b.text) for b in blocks(scenario) if isinstance(b, Line)]
    texts += [plain(c.text) for n in scenario.nodes for c in n.choices]
    texts += [plain(p) for note in coach_notes(scenario) for p in note.paragraphs]
    return texts


@scenario_param()
def test_plain_words_reading_ease_at_least_60(scenario):
    score = reading_ease(dialogue_and_coach(scenario))
    assert score >= MIN_READING_EASE, f"{scenario.file}: Flesch reading ease {score:.1f}"


@scenario_param()
def test_person_first_language(scenario):
    found = []
    for text in learner_texts(scenario):
        found += NOT_PERSON_FIRST.findall(text)
    spoken = [plain(b.text) for b in blocks(scenario) if isinstance(b, Line)]
    allowed = sum(len(SPOKEN_EXCEPTION.findall(text)) for text in spoken)
    words = [w.lower() for w in found]
    assert len(words) <= allowed and all(SPOKEN_EXCEPTION.fullmatch(w) for w in words), (
        f"{scenario.file}: {sorted(set(words))} outside a loved one's own spoken line")


def test_person_first_check_catches_narration_but_spares_a_spoken_line():
    assert NOT_PERSON_FIRST.search("*The addict leaves.*")
    assert SPOKEN_EXCEPTION.search("I'm a junkie, right?")
    assert not SPOKEN_EXCEPTION.search("You're an alcoholic.")


# -- safety ----------------------------------------------------------------------------
OPIOIDS = re.compile(r"\b(opioids?|heroin|fentanyl|oxycodone|oxy|painkillers?|pills?|methadone|buprenorphine)\b", re.I)
# what a family must learn wherever opioids appear (WRITING.md, "Opioids mean naloxone")
NALOXONE_TEACHING = {
    "keep naloxone": r"\bnaloxone\b",
    "where to get it": r"\bpharmac(y|ist|ies)\b",
    "the signs of an overdose": r"\bbreath",
    "someone who cannot be woken": r"\b(wake|woken|waking)\b",
    "never leave them alone": r"\balone\b",
    "tolerance drops after a break": r"\btolerance\b",
    "call the emergency number": r"\bemergency\b",
}
HARD_CODED_EMERGENCY = re.compile(r"\b(911|999|112|000|111)\b")


def learner_facing(scenario) -> str:
    """What a learner reads, without the facilitator's private notes."""
    texts = [scenario.title, scenario.persona, scenario.learner, scenario.setting]
    for block in blocks(scenario):
        if isinstance(block, Note):
            if block.kind != "facilitator":
                texts += [plain(p) for p in block.paragraphs]
        else:
            texts.append(plain(block.text))
    for node in scenario.nodes:
        for choice in node.choices:
            texts.append(plain(choice.text))
            if choice.feedback is not None:
                texts += [plain(p) for p in choice.feedback.paragraphs]
    return "\n".join(texts)


@scenario_param()
def test_every_story_with_opioids_teaches_naloxone_to_the_learner(scenario):
    text = learner_facing(scenario)
    if not OPIOIDS.search(text):
        return
    missing = [what for what, pattern in NALOXONE_TEACHING.items() if not re.search(pattern, text, re.I)]
    assert not missing, f"{scenario.file} mentions {OPIOIDS.search(text).group(0)!r} but never teaches: {missing}"


def test_the_naloxone_check_finds_what_is_missing():
    assert OPIOIDS.search("He was taking pills from a friend.")
    assert not OPIOIDS.search("She drinks wine most evenings.")
    assert not re.search(NALOXONE_TEACHING["tolerance drops after a break"], "Keep naloxone at home.")


@scenario_param()
def test_safety_callouts_leave_the_emergency_number_to_the_app(scenario):
    callouts = [note for note in all_notes(scenario) if note.kind == "safety"]
    hard_coded = [(note.line, m.group(0)) for note in callouts for m in [HARD_CODED_EMERGENCY.search(note.text)] if m]
    assert not hard_coded, f"{scenario.file}: callouts that hard-code a number (the app adds the learner's own): {hard_coded}"


def reaches_success_without(scenario, step: str) -> list[str]:
    """Success endings reachable from the start without passing a node marked
    `safety: STEP`. Conditions are ignored, so an empty answer is a proof."""
    nodes = scenario.node_map
    seen, todo, found = set(), [scenario.start], []
    while todo:
        node = nodes[todo.pop()]
        if node.id in seen or step in node.safety_steps:
            continue
        seen.add(node.id)
        if node.ending == "success":
            found.append(node.id)
        todo += [c.target for c in node.choices]
    return found


@pytest.mark.parametrize("scenario", [s for s in SCENARIOS if s.module == "children"],
                         ids=[s.id for s in SCENARIOS if s.module == "children"])
def test_no_success_in_the_children_module_without_making_the_child_safe(scenario):
    assert any(node.ending == "success" for node in scenario.nodes)
    unsafe = reaches_success_without(scenario, "child")
    assert not unsafe, f"{scenario.file}: success endings reached with no `safety: child` step: {unsafe}"


def test_the_child_safety_check_finds_a_path_that_skips_the_step():
    library = Library([REPO / "tests" / "data" / "library"])
    late = library.scenarios["late"]
    assert reaches_success_without(late, "child") == ["tomorrow"]


# -- what the course practises -----------------------------------------------------------------
# CRAFT's procedures and the skills families most need (issue 11), each practised by at
# least two scenarios; the pattern must appear in what the learner reads, so a scenario
# listed here really does practise it.
PRACTISED = {
    "understanding their use (functional analysis)": (r"\b(trigger|what (it|drinking|using) gives)", [
        "what-it-gives-her", "vape-and-weed"]),
    "rewarding sober time": (r"\bsober\b", ["sober-saturday", "after-the-standoff"]),
    "inviting into treatment at a window of opportunity": (r"\b(appointment|booked)\b", [
        "morning-after", "dads-fall"]),
    "overdose and naloxone": (r"\bnaloxone\b", ["naloxone-at-home", "fifty-dollars", "missed-appointments"]),
    "not now, tomorrow, to someone intoxicated": (r"\btomorrow\b", ["not-tonight", "where-were-you"]),
    "violence warning signs and a safety plan": (r"\b(safety plan|domestic)", ["not-tonight", "where-were-you"]),
    "supporting the path they choose": (r"\b(SMART|buprenorphine|medication)\b", [
        "medication-at-dinner", "smart-recovery"]),
    "teenagers: watchful care without spying": (r"\b(16|sixteen)\b", ["counterfeit-pill", "vape-and-weed"]),
    "talking with children": (r"\b(not your fault|didn't cause)", ["grandma-why", "what-to-tell-sam"]),
    "firm and peaceful (civil resistance principles)": (r"civil-resistance", [
        "no-more-cover", "not-alone-anymore", "after-the-standoff"]),
}
WHO_IS_IN_THE_STORIES = {
    "a teenager": ("persona", r"\b1[3-7]-year-old\b", "counterfeit-pill"),
    "a loved one on medication": ("persona", r"buprenorphine|methadone", "medication-at-dinner"),
    "a loved one in SMART Recovery": ("persona", r"SMART Recovery", "smart-recovery"),
    "a grandparent raising a grandchild": ("learner", r"grandparent", "grandma-why"),
    "an adult child of a drinking parent": ("learner", r"adult (child|daughter|son)", "dads-fall"),
}


@pytest.mark.parametrize("practice", PRACTISED, ids=list(PRACTISED))
def test_each_skill_families_need_is_practised_by_two_scenarios(practice):
    pattern, ids = PRACTISED[practice]
    assert len(ids) >= 2
    missing = [i for i in ids if i not in LIBRARY.scenarios]
    assert not missing, f"{practice}: no scenario {missing}"
    for scenario_id in ids:
        scenario = LIBRARY.scenarios[scenario_id]
        cited = " ".join(str(c) for note in all_notes(scenario) for c in note.citations)
        assert re.search(pattern, learner_facing(scenario) + " " + cited, re.I), \
            f"{scenario.file} is listed for {practice!r} but never says {pattern!r}"


@pytest.mark.parametrize("who", WHO_IS_IN_THE_STORIES, ids=list(WHO_IS_IN_THE_STORIES))
def test_the_stories_widen_who_is_in_them(who):
    field_name, pattern, scenario_id = WHO_IS_IN_THE_STORIES[who]
    scenario = LIBRARY.scenarios[scenario_id]
    assert re.search(pattern, getattr(scenario, field_name), re.I), f"{scenario.file}: {field_name} is not {who}"


def test_the_built_in_workshop_plans_use_the_new_modules():
    from bot.content.workshop_plan import load_plans

    plans = load_plans([builtin_root()], LIBRARY.scenarios)
    assert {"sixty-minutes", "ninety-minutes", "firm-and-kind", "children-first"} <= set(plans)
    used = {LIBRARY.scenarios[item.scenario].module for plan in plans.values() for item in plan.items}
    new = {"staying-safe", "understanding", "inviting", "many-paths", "firm-and-peaceful", "talking-with-children"}
    assert new <= used, f"modules no plan uses: {new - used}"


# -- approved transcripts ----------------------------------------------------------------
def transcripts() -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for path in sorted((builtin_root() / "transcripts").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found.setdefault(data["scenario"], []).append(data)
    return found


@scenario_param()
def test_each_scenario_has_an_approved_success_transcript(scenario):
    outcomes = [t["outcome"] for t in transcripts().get(scenario.id, [])]
    assert "success" in outcomes, f"{scenario.id}: no approved transcript reaching a success ending"


def test_every_approved_transcript_still_plays_as_approved(capsys):
    code = main(["verify"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "0 differ" in out


def test_sources_dir_is_where_the_tests_look():
    assert isinstance(SOURCE_TEXTS, Path) and SOURCE_TEXTS.name == "sources"
