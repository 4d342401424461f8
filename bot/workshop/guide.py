"""The printable facilitator guide for a workshop plan: timings, each
scenario's briefing, its options and where they lead, the discussion
prompts, the facilitator notes, the cited source points, and the help
numbers to hand out."""

from ..content.library import Library
from ..content.model import Line, Narration, Note, Scenario, plain
from ..help import Helplines, Region, as_text, emergency_call
from ..i18n import _, language, ngettext
from ..wording import citation_label
from .doc import Doc
from ..content.workshop_plan import WorkshopPlan
from .slides import briefing_text, ending_kind


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def build(plan: WorkshopPlan, library: Library, helplines: Helplines, region_id: str | None) -> Doc:
    doc = Doc()
    doc.heading(1, _title(plan))
    scenarios = ngettext("{n} scenario", "{n} scenarios", len(plan.items)).format(n=len(plan.items))
    doc.para(_("{minutes} minutes, {scenarios}. For the facilitator's eyes: the notes here are never projected "
               "and never shown on phones. Start the session with: {command}").format(
        minutes=plan.planned_minutes(), scenarios=scenarios, command=_start_command(plan)))
    _before(doc, plan)
    _timings(doc, plan, library)
    if plan.opening:
        doc.heading(2, _("Opening question"))
        doc.quote(plan.opening)
    cited: dict = {}
    region = helplines.region(region_id)
    for number, item in enumerate(plan.items, 1):
        _scenario(doc, number, library.scenarios[item.scenario], item.minutes, cited, region)
    if plan.closing:
        doc.heading(2, _("Closing question"))
        doc.quote(plan.closing)
    _sources(doc, library, cited)
    doc.heading(2, _("Help numbers to hand out"))
    doc.para(_("Print this part for every table. This workshop is practice: not medical advice and not a crisis "
               "service."))
    doc.items(as_text(region, helplines))
    return doc


def _before(doc: Doc, plan: WorkshopPlan) -> None:
    doc.heading(2, _("Before you start"))
    for block in plan.notes:
        if isinstance(block, Note):
            doc.quote(block.text)
        else:
            doc.para(plain(block.text))
    doc.items([
        _("Put the laptop on the projector and run the command above. The screen shows a join code, the address "
          "and a QR code: participants join from any phone browser, with no account and no name. Each phone "
          "shows the workshop in its browser's language (English or Spanish), with a switch on the page."),
        _("Keys: Space moves on (scene, discussion, vote, tally, next step); 1-9 picks an option yourself; "
          "c closes the vote; t starts a countdown or a discussion timer; r runs the vote again; u takes back a "
          "step; n shows or hides your private notes; j shows the join code; e saves the session record."),
        _("The tally stays hidden while the vote is open, so the room does not follow the crowd."),
    ])


def _timings(doc: Doc, plan: WorkshopPlan, library: Library) -> None:
    doc.heading(2, _("Timings"))
    rows, start = [], 0
    parts = ([(_("Opening question"), plan.opening_minutes)] if plan.opening else []) + \
        [(library.scenarios[i.scenario].title, i.minutes) for i in plan.items] + \
        ([(_("Closing question"), plan.closing_minutes)] if plan.closing else [])
    for name, minutes in parts:
        rows.append([_clock(start), name, _("{n} min").format(n=minutes)])
        start += minutes
    rows.append([_clock(start), _("End"), ""])
    doc.table([_("Starts at"), _("Part"), _("Length")], rows)
    if plan.minutes and plan.planned_minutes() > plan.minutes:
        doc.para(_("The parts add up to {total} minutes, more than the {planned} planned.").format(
            total=plan.planned_minutes(), planned=plan.minutes))


def _scenario(doc: Doc, number: int, scenario: Scenario, minutes: int, cited: dict, region: Region) -> None:
    doc.heading(2, f"{number}. {scenario.title} (" + _("{n} min").format(n=minutes) + ")")
    facts = [f"{label}: {value}" for label, value in ((_("The loved one"), scenario.persona),
                                                       (_("The room plays"), scenario.learner),
                                                       (_("Setting"), scenario.setting)) if value]
    if scenario.warnings:
        facts.append(_("Content notes: {notes}. Say them before you start.").format(notes=", ".join(scenario.warnings)))
    doc.items(facts)
    doc.heading(3, _("Briefing (read aloud or show)"))
    for paragraph in briefing_text(scenario, emergency_call(region, language())).split("\n\n"):
        doc.para(paragraph)
    for note in scenario.briefing:
        if isinstance(note, Note) and note.kind == "facilitator":
            doc.quote(note.text, _("Facilitator note:"))
    doc.heading(3, _("Step by step"))
    for node in scenario.nodes:
        _node(doc, scenario, node, cited, region)


def _node(doc: Doc, scenario: Scenario, node, cited: dict, region: Region) -> None:
    ending = f" ({ending_kind(node.ending)})" if node.ending else ""
    doc.heading(4, f"{node.title}{ending}")
    said = [f"{b.speaker}: {plain(b.text)}" if isinstance(b, Line) else plain(b.text)
            for b in node.blocks if isinstance(b, (Line, Narration))]
    doc.items(said)
    for note in node.notes:
        _cite(note, cited)
        if note.kind == "discuss":
            doc.quote(note.text, _("Discussion prompt:"))
        elif note.kind == "facilitator":
            doc.quote(note.text, _("Facilitator note:"))
        elif note.kind == "safety":
            doc.quote(f"{note.text}\n\n{emergency_call(region, language())}", _("Safety:"))
        else:
            doc.quote(note.text, _("Coach:"))
    options = []
    for choice in node.choices:
        target = scenario.node(choice.target)
        leads = target.title
        if target.ending:
            leads += ", " + _("a {ending}").format(ending=ending_kind(target.ending))
        effects = f" [{', '.join(str(e) for e in choice.effects)}]" if choice.effects else ""
        condition = " (" + _("offered only sometimes") + ")" if choice.condition is not None else ""
        text = f"\"{plain(choice.text)}\" → {leads}{effects}{condition}"
        if choice.feedback is not None:
            _cite(choice.feedback, cited)
            text += "\n" + _("Coach:") + f" {choice.feedback.text}"
        options.append(text)
    doc.items(options, numbered=True)


def _cite(note: Note, cited: dict) -> None:
    for citation in note.citations:
        cited.setdefault((citation.source, citation.section), citation)


def _sources(doc: Doc, library: Library, cited: dict) -> None:
    if not cited:
        return
    doc.heading(2, _("The source points these scenarios cite"))
    for (source_id, section_id), citation in cited.items():
        source = library.sources.get(source_id)
        section = source.sections.get(section_id) if source else None
        doc.heading(4, citation_label(library.sources, citation))
        if section is not None:
            doc.para(section.text)


def write(plan: WorkshopPlan, library: Library, helplines: Helplines, region_id: str | None, fmt: str) -> str:
    doc = build(plan, library, helplines, region_id)
    return doc.html(_title(plan), language()) if fmt == "html" else doc.markdown()


def _title(plan: WorkshopPlan) -> str:
    return _("Facilitator guide: {title}").format(title=plan.title)


def _start_command(plan: WorkshopPlan) -> str:
    """The command that starts this workshop, in this guide's language."""
    return f"rehearse workshop {plan.id}" + (f" --lang {language()}" if language() != "en" else "")
