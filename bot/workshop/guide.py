"""The printable facilitator guide for a workshop plan: timings, each
scenario's briefing, its options and where they lead, the discussion
prompts, the facilitator notes, the cited source points, and the help
numbers to hand out."""

from ..content.library import Library
from ..content.model import Line, Narration, Note, Scenario, plain
from ..help import Helplines, Region, as_text, emergency_call, safety_text
from ..wording import OUTCOME_SHORT, citation_label
from .doc import Doc
from ..content.workshop_plan import WorkshopPlan
from .slides import briefing_text


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def build(plan: WorkshopPlan, library: Library, helplines: Helplines, region_id: str | None) -> Doc:
    doc = Doc()
    doc.heading(1, f"Facilitator guide: {plan.title}")
    doc.para(f"{plan.planned_minutes()} minutes, {len(plan.items)} scenario{'s' * (len(plan.items) != 1)}. "
             f"For the facilitator's eyes: the notes here are never projected and never shown on phones. "
             f"Start the session with: rehearse workshop {plan.id}")
    _before(doc, plan)
    _timings(doc, plan, library)
    if plan.opening:
        doc.heading(2, "Opening question")
        doc.quote(plan.opening)
    cited: dict = {}
    region = helplines.region(region_id)
    for number, item in enumerate(plan.items, 1):
        _scenario(doc, number, library.scenarios[item.scenario], item.minutes, cited, region)
    if plan.closing:
        doc.heading(2, "Closing question")
        doc.quote(plan.closing)
    _sources(doc, library, cited)
    doc.heading(2, "Help numbers to hand out")
    doc.para("Print this part for every table. This workshop is practice: not medical advice and not a crisis "
             "service.")
    doc.items(as_text(region, helplines))
    return doc


def _before(doc: Doc, plan: WorkshopPlan) -> None:
    doc.heading(2, "Before you start")
    for block in plan.notes:
        if isinstance(block, Note):
            doc.quote(block.text)
        else:
            doc.para(plain(block.text))
    doc.items([
        "Put the laptop on the projector and run the command above. The screen shows a join code, the address "
        "and a QR code: participants join from any phone browser, with no account and no name.",
        "Keys: Space moves on (scene, discussion, vote, tally, next step); 1-9 picks an option yourself; "
        "c closes the vote; t starts a countdown or a discussion timer; r runs the vote again; u takes back a "
        "step; n shows or hides your private notes; j shows the join code; e saves the session record.",
        "The tally stays hidden while the vote is open, so the room does not follow the crowd.",
    ])


def _timings(doc: Doc, plan: WorkshopPlan, library: Library) -> None:
    doc.heading(2, "Timings")
    rows, start = [], 0
    parts = ([("Opening question", plan.opening_minutes)] if plan.opening else []) + \
        [(library.scenarios[i.scenario].title, i.minutes) for i in plan.items] + \
        ([("Closing question", plan.closing_minutes)] if plan.closing else [])
    for name, minutes in parts:
        rows.append([_clock(start), name, f"{minutes} min"])
        start += minutes
    rows.append([_clock(start), "End", ""])
    doc.table(["Starts at", "Part", "Length"], rows)
    if plan.minutes and plan.planned_minutes() > plan.minutes:
        doc.para(f"The parts add up to {plan.planned_minutes()} minutes, more than the {plan.minutes} planned.")


def _scenario(doc: Doc, number: int, scenario: Scenario, minutes: int, cited: dict, region: Region) -> None:
    doc.heading(2, f"{number}. {scenario.title} ({minutes} min)")
    facts = [f"{label}: {value}" for label, value in (("The loved one", scenario.persona),
                                                       ("The room plays", scenario.learner),
                                                       ("Setting", scenario.setting)) if value]
    if scenario.warnings:
        facts.append("Content notes: " + ", ".join(scenario.warnings) + ". Say them before you start.")
    doc.items(facts)
    doc.heading(3, "Briefing (read aloud or show)")
    for paragraph in briefing_text(scenario, emergency_call(region)).split("\n\n"):
        doc.para(paragraph)
    for note in scenario.briefing:
        if isinstance(note, Note) and note.kind == "facilitator":
            doc.quote(note.text, "Facilitator note:")
    doc.heading(3, "Step by step")
    for node in scenario.nodes:
        _node(doc, scenario, node, cited, region)


def _node(doc: Doc, scenario: Scenario, node, cited: dict, region: Region) -> None:
    ending = f" ({OUTCOME_SHORT.get(node.ending, node.ending)} ending)" if node.ending else ""
    doc.heading(4, f"{node.title}{ending}")
    said = [f"{b.speaker}: {plain(b.text)}" if isinstance(b, Line) else plain(b.text)
            for b in node.blocks if isinstance(b, (Line, Narration))]
    doc.items(said)
    for note in node.notes:
        _cite(note, cited)
        if note.kind == "discuss":
            doc.quote(note.text, "Discussion prompt:")
        elif note.kind == "facilitator":
            doc.quote(note.text, "Facilitator note:")
        elif note.kind == "safety":
            doc.quote(safety_text(note.text, region), "Safety:")
        else:
            doc.quote(note.text, "Coach:")
    options = []
    for choice in node.choices:
        target = scenario.node(choice.target)
        leads = f"{target.title}" + (f", a {OUTCOME_SHORT.get(target.ending, target.ending)} ending"
                                     if target.ending else "")
        effects = f" [{', '.join(str(e) for e in choice.effects)}]" if choice.effects else ""
        condition = " (offered only sometimes)" if choice.condition is not None else ""
        text = f"\"{plain(choice.text)}\" → {leads}{effects}{condition}"
        if choice.feedback is not None:
            _cite(choice.feedback, cited)
            text += f"\nCoach: {choice.feedback.text}"
        options.append(text)
    doc.items(options, numbered=True)


def _cite(note: Note, cited: dict) -> None:
    for citation in note.citations:
        cited.setdefault((citation.source, citation.section), citation)


def _sources(doc: Doc, library: Library, cited: dict) -> None:
    if not cited:
        return
    doc.heading(2, "The source points these scenarios cite")
    for (source_id, section_id), citation in cited.items():
        source = library.sources.get(source_id)
        section = source.sections.get(section_id) if source else None
        doc.heading(4, citation_label(library.sources, citation))
        if section is not None:
            doc.para(section.text)


def write(plan: WorkshopPlan, library: Library, helplines: Helplines, region_id: str | None, fmt: str) -> str:
    doc = build(plan, library, helplines, region_id)
    return doc.html(f"Facilitator guide: {plan.title}") if fmt == "html" else doc.markdown()
