"""sources/<id>.md -> Source: one `##` section per citable point."""

from pathlib import Path

from .blocks import DirectiveParagraph, read_paragraph
from .diagnostics import Report
from .document import load_document
from .frontmatter import report_unknown_keys
from .model import Narration, Section, Source
from .scenario_parser import read_heading

KEYS = ("title", "publisher", "year", "url")
# A translation (see `translation`) names the version of its original, and its
# headings keep the original's ids: `## Título <a id="original-id"></a>`.
TRANSLATION_KEYS = KEYS + ("translation-of",)


def parse_source(path: Path, file: str, report: Report, translation: bool = False) -> Source | None:
    doc = load_document(path, report)
    if doc is None:
        return None
    meta, lines = {}, {}
    if doc.front is not None:
        data, lines = doc.front.data, doc.front.key_lines
        report_unknown_keys(doc.front, TRANSLATION_KEYS if translation else KEYS, report)
        for key, value in data.items():
            if key not in KEYS:
                continue
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                report.error(lines.get(key, 1), "front-matter", f"`{key}` must be text")
            else:
                meta[key] = str(value).strip()
        if not meta.get("title"):
            report.error(lines.get("title", 1), "front-matter", "`title` is required and must be text")
    sections: dict[str, Section] = {}
    current = None
    paragraphs: list = []

    def close():
        if current is not None:
            title, section_id, line = current
            sections[section_id] = Section(section_id, title, tuple(paragraphs), line)

    for block in doc.blocks:
        if block.kind == "heading" and block.heading_level == 2:
            heading = read_heading(block, doc.inline, report, translation)
            if heading is None:
                continue
            close()
            title, section_id = heading
            if section_id in sections or (current and current[1] == section_id):
                report.error(block.line, "duplicate-id", f"two sections have the id `{section_id}`")
            current, paragraphs = (title, section_id, block.line), []
        elif block.kind == "heading" and block.heading_level == 1 and current is None:
            continue
        elif block.kind == "paragraph" and current is not None:
            result = read_paragraph(block, doc.inline, report)
            if isinstance(result, Narration):
                paragraphs.append(result.text)
            elif result is not None and not isinstance(result, DirectiveParagraph):
                paragraphs.append(result.text)
        elif block.kind != "paragraph":
            report.error(block.line, "structure", "a source holds `##` sections of plain paragraphs")
    close()
    return Source(path.stem, meta.get("title", path.stem), file, sections,
                  meta.get("publisher", ""), meta.get("year", ""), meta.get("url", ""), dict(lines))
