"""`rehearse new MODULE/ID` in an empty folder: the course.md and the source
a counselor's first library starts from. The course declares exactly the
module asked for and the two skills the starter scenario moves (one good
up, one good down), and the source has the one section its coach notes
cite, so the new library passes `check` with no warning."""

import errno
import os
from pathlib import Path

from ..i18n import N_
from ..locations import write_new
from .starter import default_title, yaml_text

SKILLS = {"calm": ("Staying calm", "up"), "enabling": ("Enabling", "down")}
SOURCE_ID = "guide"


def course_text(module: str) -> str:
    skills = [f"  {skill}: {{label: {label}, good: {good}}}" for skill, (label, good) in SKILLS.items()]
    return "\n".join([
        "---",
        "title: My practice course",
        "modules:",
        *module_entry(module),
        "skills:",
        *skills,
        "---",
        "",
        "Welcome. Write here what learners read first: who this course is for, and",
        "that it is practice for hard conversations, not a crisis service.",
        "",
    ])


def module_entry(module: str) -> list[str]:
    """The lines that declare a module under `modules:` in course.md."""
    return [
        f"  - id: {yaml_text(module)}",
        f"    title: {yaml_text(default_title(module))}",
        "    summary: One sentence on what this module practises.",
    ]


def source_text() -> str:
    return "\n".join([
        "---",
        "title: A family guide",
        "publisher: Your counselling service",
        "year: 2024",
        "---",
        "",
        "## Stay calm",
        "",
        "Summarise one point of the guide you teach from, in your own words. Each",
        "section is one point a coach note can cite.",
        "",
    ])


def start_library(root: Path, module: str, scenario: Path) -> list[tuple[Path, str]]:
    """Write course.md and the source into an empty library folder (made if
    missing); each path written, with what it is. Nothing is written if any
    of them, or the scenario to come, exists already (FileExistsError). What each
    is is said in English (marked for the caller to translate with _())."""
    files = [(root / "course.md", course_text(module),
              N_("the course: one module and the two skills the starter moves")),
             (root / "sources" / f"{SOURCE_ID}.md", source_text(),
              N_("a source with the one section the starter's notes cite"))]
    for path in [f[0] for f in files] + [scenario]:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    (root / "sources").mkdir(mode=0o700, exist_ok=True)
    return [(write_new(path, text), what) for path, text, what in files]
