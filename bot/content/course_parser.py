"""course.md -> Course: modules in order, skills with their good direction."""

from pathlib import Path

from .blocks import read_prose
from .diagnostics import Report
from .document import load_document
from .frontmatter import report_unknown_keys
from .model import Course, Module, Skill
from .scenario_parser import is_valid_id

KEYS = ("title", "modules", "skills")


def parse_course(path: Path, file: str, report: Report) -> Course | None:
    doc = load_document(path, report)
    if doc is None or doc.front is None:
        return None
    data, lines = doc.front.data, doc.front.key_lines
    report_unknown_keys(doc.front, KEYS, report)
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        report.error(lines.get("title", 1), "front-matter", "`title` is required and must be text")
        title = "Course"
    entries = doc.front.entry_lines
    modules, module_lines = _modules(data.get("modules"), lines.get("modules", 1), entries.get("modules"), report)
    skills, skill_lines = _skills(data.get("skills"), lines.get("skills", 1), entries.get("skills"), report)
    welcome = read_prose(doc, report, "the welcome text holds headings, paragraphs and notes only", headings=True)
    return Course(title.strip(), modules, skills, welcome, file, module_lines, skill_lines)


def _modules(value, line: int, item_lines, report: Report):
    modules: list[Module] = []
    module_lines: dict[str, int] = {}
    if not isinstance(value, list) or not value:
        report.error(line, "front-matter", "`modules` must be a list of {id, title, summary}")
        return (), module_lines
    for index, entry in enumerate(value):
        entry_line = item_lines[index] if isinstance(item_lines, list) else line
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not isinstance(entry.get("title"), str):
            report.error(entry_line, "front-matter", f"module {index + 1} needs an `id` and a `title`")
            continue
        unknown = set(entry) - {"id", "title", "summary"}
        if unknown:
            report.error(entry_line, "front-matter", f"module `{entry['id']}` has unknown key(s): {', '.join(sorted(map(str, unknown)))}")
        if not is_valid_id(entry["id"]):
            report.error(entry_line, "front-matter", f"bad module id {entry['id']!r}: use lower-case letters, digits and -")
        if entry["id"] in module_lines:
            report.error(entry_line, "duplicate-id", f"module `{entry['id']}` is listed twice")
            continue
        summary = entry.get("summary", "")
        modules.append(Module(entry["id"], entry["title"].strip(), summary.strip() if isinstance(summary, str) else ""))
        module_lines[entry["id"]] = entry_line
    return tuple(modules), module_lines


def _skills(value, line: int, key_lines, report: Report):
    skills: dict[str, Skill] = {}
    skill_lines: dict[str, int] = {}
    if not isinstance(value, dict):
        report.error(line, "front-matter", "`skills` must map each skill id to {label, good: up|down}")
        return skills, skill_lines
    key_lines = key_lines if isinstance(key_lines, dict) else {}
    for skill_id, spec in value.items():
        skill_line = key_lines.get(str(skill_id), line)
        if not isinstance(skill_id, str) or not isinstance(spec, dict):
            report.error(skill_line, "front-matter", f"skill {skill_id!r} needs {{label: ..., good: up|down}}")
            continue
        label, good = spec.get("label"), spec.get("good")
        if not isinstance(label, str) or good not in ("up", "down") or set(spec) - {"label", "good"}:
            report.error(skill_line, "front-matter",
                         f"skill `{skill_id}` needs exactly a text `label` and `good: up` or `good: down`")
            continue
        skills[skill_id] = Skill(skill_id, label.strip(), good)
        skill_lines[skill_id] = skill_line
    return skills, skill_lines
