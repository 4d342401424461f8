"""Hypothesis: no text crashes the parser, and generated valid scenarios
round-trip through Markdown."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from bot.content.checker import check_scenario
from bot.content.diagnostics import CODES, Report
from bot.content.library import Library
from bot.content.model import Choice, Effect, Line, Narration, Node, Note, Citation, Scenario, Span
from bot.content.scenario_parser import parse_scenario
from bot.content.writer import write_scenario
from helpers import TEST_LIBRARY

FRONT = "---\ntitle: T\nmodule: basics\n---\n\n"
markdown_bits = st.sampled_from([
    "## A\n", "## B!\n", "### C\n", "# D\n", "- [x](#a)\n", "- [y](#b) `calm +1`\n", "- plain\n",
    "  > fb `source: guide#stay-calm`\n", "> note\n", "> [!SAFETY]\n", "> [!NOPE]\n", "`end: success`\n",
    "`end: maybe`\n", "`safety: child`\n", "`safety: nope`\n", "`if calm > 1`\n", "**Alex:** hi\n", "*narration*\n", "\n", "[", "]", "`", "*", "---\n",
    "1. one\n", "```\ncode\n```\n", "<b>x</b>\n", "> > deep\n", "\t- tab\n", "\x1b[31m", "\u202e", "é",
])


def _parse_text(tmp_path: Path, text: str):
    path = tmp_path / "s.md"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    report = Report("s.md")
    scenario = parse_scenario(path, "s.md", report)
    if scenario is not None:
        library = Library([TEST_LIBRARY])
        check_scenario(scenario, library.course, library.sources, report)
    for item in report.items:
        assert item.line >= 1
        assert item.code in CODES or item.severity == "warning"
    return scenario, report


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(tmp_path, text):
    _parse_text(tmp_path, text.replace("\x00", "") if text.count("\ud800") else text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(markdown_bits, max_size=40))
def test_arbitrary_markdown_never_crashes(tmp_path, bits):
    _parse_text(tmp_path, FRONT + "".join(bits))


words = st.text(alphabet=st.sampled_from("abcdefgh ijklmnop"), min_size=1, max_size=20).map(str.strip).filter(bool)


@st.composite
def scenarios(draw):
    """A valid scenario: a chain of nodes, each with 2-3 choices forward, ending in endings."""
    count = draw(st.integers(2, 8))
    ids = [f"n{i}" for i in range(count)]
    ending_ids = ["win", "lose"]
    nodes = []
    for i, node_id in enumerate(ids):
        targets = ids[i + 1:] + ending_ids
        # the first choices keep every node and both endings reachable
        forced = [ids[i + 1]] if i + 1 < count else ["win", "lose"]
        choices = tuple(
            Choice(
                text=(Span(draw(words)),),
                target=forced[k] if k < len(forced) else draw(st.sampled_from(targets)),
                line=0,
                effects=tuple(Effect(draw(st.sampled_from(["calm", "enabling"])), draw(st.sampled_from("+-")),
                                     draw(st.integers(1, 3)), 0) for _ in range(draw(st.integers(0, 2)))),
                feedback=Note("coach", ((Span(draw(words)),),), (Citation("guide", "stay-calm", 0),), 0),
            )
            for k in range(draw(st.integers(2, 3)))
        )
        blocks = (Line("Alex", (Span(draw(words)),), 0), Narration((Span(draw(words), "em"),), 0))
        nodes.append(Node(node_id, node_id.upper(), 0, blocks, choices))
    marked = draw(st.booleans())
    nodes.append(Node("win", "Win", 0, (), (), (), "success", ("child",) if marked else ()))
    nodes.append(Node("lose", "Lose", 0, (), (), (), "setback"))
    return Scenario(id="gen", title=draw(words), module="basics", path=Path("gen.md"), file="gen.md",
                    nodes=tuple(nodes), skills=("calm", "enabling"), minutes=draw(st.integers(1, 30)))


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(scenarios())
def test_generated_scenario_round_trips(tmp_path, scenario):
    text = write_scenario(scenario)
    parsed, report = _parse_text(tmp_path, text)
    errors = [d for d in report.items if d.severity == "error"]
    assert parsed is not None and not errors, errors
    assert write_scenario(parsed) == text
    assert [n.id for n in parsed.nodes] == [n.id for n in scenario.nodes]
    assert [n.safety_steps for n in parsed.nodes] == [n.safety_steps for n in scenario.nodes]
    for mine, theirs in zip(parsed.nodes, scenario.nodes):
        assert [(c.target, [(e.skill, e.op, e.value) for e in c.effects]) for c in mine.choices] == \
               [(c.target, [(e.skill, e.op, e.value) for e in c.effects]) for c in theirs.choices]
        assert mine.ending == theirs.ending
