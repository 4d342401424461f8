"""Workshop plan files (`workshops/<id>.md` in a library): a title, the
scenarios in order with minutes for each, an opening and a closing question,
and notes for the facilitator in the body. Parsed and checked like
scenarios, with `path:line: code: message` for every problem; never imports
a UI. A plan in another language is a translation, `<library>/<lang>/workshops/`,
holding only the words (see `translation`)."""

from dataclasses import dataclass, field, replace
from pathlib import Path

from .blocks import read_prose
from .frontmatter import report_unknown_keys
from .diagnostics import Diagnostic, Report
from .document import load_document
from .drift import PLAN_KEYS, plan_drift
from .files import LibraryFiles, languages, library_root_of, markdown_files, scan_library, translation_files
from .library import Library, library_roots
from .scenario_parser import is_valid_id
from .translation import Kind, check_kind, read_translation

FOLDER = "workshops"
TEXT_KEYS = ("title", "opening", "closing")
INT_KEYS = ("minutes", "opening-minutes", "closing-minutes", "vote-seconds", "discuss-minutes")
KEYS = ("id", "scenarios") + TEXT_KEYS + INT_KEYS
TRANSLATION_KEYS = KEYS + ("translation-of",)  # a translation may leave out all but its words
DEFAULT_OPENING_MINUTES = 5
DEFAULT_CLOSING_MINUTES = 10
LIMITS = {"minutes": 600, "opening-minutes": 120, "closing-minutes": 120, "vote-seconds": 600,
          "discuss-minutes": 120}


@dataclass(frozen=True)
class PlanItem:
    scenario: str
    minutes: int
    line: int = field(compare=False)


@dataclass(frozen=True)
class WorkshopPlan:
    id: str
    title: str
    file: str
    items: tuple[PlanItem, ...]
    opening: str = ""
    closing: str = ""
    minutes: int | None = None
    opening_minutes: int = DEFAULT_OPENING_MINUTES
    closing_minutes: int = DEFAULT_CLOSING_MINUTES
    vote_seconds: int | None = None
    discuss_minutes: int | None = None
    notes: tuple = ()  # Narration and Note blocks from the body: for the facilitator only
    key_lines: dict = field(default_factory=dict, compare=False, hash=False)
    translated: bool = False  # the words are a translation's (set by PLANS.inherit), so no note is needed

    def planned_minutes(self) -> int:
        return (sum(item.minutes for item in self.items) + (self.opening_minutes if self.opening else 0)
                + (self.closing_minutes if self.closing else 0))


def parse_plan(path: Path, file: str, report: Report, translation: bool = False) -> WorkshopPlan | None:
    """A translation may leave out `scenarios` (then its agenda is empty
    until `PLANS.inherit` gives it the original's)."""
    doc = load_document(path, report)
    if doc is None or doc.front is None:
        return None
    data, lines = doc.front.data, doc.front.key_lines
    ok = report_unknown_keys(doc.front, TRANSLATION_KEYS if translation else KEYS, report)
    meta: dict = {}
    for key in TEXT_KEYS:
        value = data.get(key, "")
        if not isinstance(value, str) or (key == "title" and not value.strip()):
            report.error(lines.get(key, 1), "front-matter",
                         "`title` is required and must be text" if key == "title" else f"`{key}` must be text")
            ok = False
        else:
            meta[key] = " ".join(value.split())
    for key in INT_KEYS:
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= LIMITS[key]:
                report.error(lines[key], "front-matter", f"`{key}` must be a whole number from 1 to {LIMITS[key]}")
                ok = False
            else:
                meta[key.replace("-", "_")] = value
    plan_id = data.get("id", path.stem)
    if not isinstance(plan_id, str) or not is_valid_id(plan_id):
        report.error(lines.get("id", 1), "front-matter", f"bad id `{plan_id}`: use a-z, 0-9 and -")
        ok = False
    inherited = translation and "scenarios" not in data
    items = () if inherited else _items(data.get("scenarios"), lines.get("scenarios", 1),
                                        doc.front.entry_lines.get("scenarios"), report)
    notes = _notes(doc, report)
    if not ok or items is None:
        return None
    return WorkshopPlan(id=plan_id, file=file, items=items, notes=notes, key_lines=dict(lines), **meta)


def _items(value, line: int, item_lines, report: Report) -> tuple[PlanItem, ...] | None:
    if not isinstance(value, list) or not value:
        report.error(line, "front-matter", "`scenarios` is required: a list of `- id: SCENARIO` with `minutes: N`")
        return None
    items, ok = [], True
    for index, entry in enumerate(value):
        entry_line = item_lines[index] if isinstance(item_lines, list) and index < len(item_lines) else line
        if not isinstance(entry, dict) or set(entry) != {"id", "minutes"} or not isinstance(entry["id"], str):
            report.error(entry_line, "front-matter", f"scenario {index + 1} needs exactly `id` and `minutes`")
            ok = False
        elif isinstance(entry["minutes"], bool) or not isinstance(entry["minutes"], int) \
                or not 0 < entry["minutes"] <= 240:
            report.error(entry_line, "front-matter", f"scenario {index + 1}: `minutes` must be from 1 to 240")
            ok = False
        else:
            items.append(PlanItem(entry["id"], entry["minutes"], entry_line))
    return tuple(items) if ok else None


def _notes(doc, report: Report) -> tuple:
    """The body: paragraphs and notes for the facilitator's guide."""
    return read_prose(doc, report, "a plan's body holds paragraphs and notes only (the agenda is in the front matter)")


def check_plan(plan: WorkshopPlan, scenarios: dict, report: Report) -> None:
    """Every scenario named exists. (Parts that run over the planned minutes
    are pointed out in the guide, where the facilitator plans the time.)"""
    for item in plan.items:
        if item.scenario not in scenarios:
            known = ", ".join(sorted(scenarios)[:8])
            report.error(item.line, "unknown-name", f"no scenario `{item.scenario}` in the library (e.g. {known})")


def plan_files(libraries: list[LibraryFiles]) -> list[tuple[LibraryFiles, Path]]:
    found = []
    for files in libraries:
        if (files.root / FOLDER).is_dir():
            found += [(files, path) for path in markdown_files(files.root / FOLDER, files)]
    return found


def check_plans(libraries: list[LibraryFiles], scenario_ids, only: set | None) -> list[Diagnostic]:
    """The hook `rehearse check` calls: every plan file (or only those
    named) checked against the library's scenario ids, and every
    translation of a plan against its original."""
    known = dict.fromkeys(scenario_ids)
    diagnostics, seen, originals = [], {}, {}
    for files, path in plan_files(libraries):
        report, plan = Report(files.name(path)), None
        if only is None or path.resolve() in only:
            plan = parse_plan(path, report.file, report)
            if plan is not None:
                check_plan(plan, known, report)
                if plan.id in seen:
                    report.error(plan.key_lines.get("id", 1), "duplicate-id",
                                 f"plan id `{plan.id}` is also used by {seen[plan.id]}")
                seen.setdefault(plan.id, report.file)
        diagnostics += report.items
        originals.setdefault(plan.id if plan else plan_id_of(path), (path, report.file))
    for files in libraries:
        for lang in languages(files.root):
            diagnostics += check_kind(files, lang, PLANS, originals, only)
    return diagnostics


def plan_id_of(path: Path) -> str:
    """Just the id, from front matter (the file name when it names none)."""
    doc = load_document(path, Report(str(path)))
    value = doc.front.data.get("id", path.stem) if doc and doc.front else path.stem
    return value if isinstance(value, str) else path.stem


def load_plans(content_dirs: list[Path], scenarios: dict, lang: str | None = None) -> dict[str, WorkshopPlan]:
    """The plans a workshop can run: those without errors, by id, in
    `lang`'s words wherever a sound translation exists."""
    plans: dict[str, WorkshopPlan] = {}
    libraries = library_roots(content_dirs)
    for files, path in plan_files(libraries):
        plan = read_plan(path, scenarios, files.name(path))[0]
        if plan is not None:
            plans.setdefault(plan.id, plan)
    return translate_plans(plans, libraries, lang)


def read_plan(path: Path, scenarios: dict, file: str | None = None,
              lang: str | None = None) -> tuple[WorkshopPlan | None, list[Diagnostic]]:
    """The plan (None if it has errors) and every diagnostic about it; in
    `lang`'s words when its own library has a sound translation of it."""
    report = Report(file or str(path))
    plan = parse_plan(path, report.file, report)
    if plan is not None:
        check_plan(plan, scenarios, report)
    if plan is None or report.has_errors:
        return None, report.items
    root = library_root_of(path.resolve().parent) if lang else None
    if root is not None:
        plan = translate_plans({plan.id: plan}, [scan_library(root)], lang)[plan.id]
    return plan, report.items


def translate_plans(plans: dict[str, WorkshopPlan], libraries: list[LibraryFiles],
                    lang: str | None) -> dict[str, WorkshopPlan]:
    """`plans` with the words of `lang` wherever its libraries hold a sound
    translation; a translation with errors leaves its plan in the original words."""
    translated = dict(plans)
    for files in libraries if lang else ():
        for path in translation_files(files, lang, FOLDER):
            plan, _ = read_translation(path, Report(files.name(path)), plans.get, PLANS)
            if plan is not None:
                translated[plan.id] = plan
    return translated


_INHERITED = ("items", *(key.replace("-", "_") for key in PLAN_KEYS))  # a translation's agenda and timings
PLANS = Kind(FOLDER, "plan", parse_plan, plan_drift,
             lambda ours, theirs: replace(ours, translated=True,
                                          **{name: getattr(theirs, name) for name in _INHERITED}))


def is_plan_file(path: Path) -> bool:
    """A file in a `workshops` folder, or one whose front matter lists
    scenarios and names no module (so `rehearse check` can tell a plan
    shared on its own from a scenario)."""
    if path.parent.name == FOLDER:
        return True
    doc = load_document(path, Report(str(path)))
    return bool(doc and doc.front and "scenarios" in doc.front.data and "module" not in doc.front.data)


def check_loose_plan(path: Path, content_dirs: list[Path]) -> list[Diagnostic]:
    """A plan file in no library, checked against the built-in scenarios
    (and any --content folders)."""
    return read_plan(path, Library(content_dirs).scenarios)[1]
