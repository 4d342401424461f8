"""Approved transcripts: a play-through an author has read and approved,
saved beside the library as transcripts/<scenario-id>/<name>.json, and
replayed later so an edit that changes what a learner sees shows up as a
readable diff. A counselor's own library and the built-in course both use it."""

import difflib
import json
from dataclasses import dataclass
from pathlib import Path

from ..content.files import library_root_of
from ..content.model import Scenario
from ..engine.machine import CompiledScenario
from ..engine.session import InvalidChoice, Session
from ..locations import write_private
from .playtext import play_lines

FOLDER = "transcripts"
FORMAT = 1


def library_root(scenario: Scenario) -> Path | None:
    """The library a scenario file belongs to: the folder holding its scenarios/ folder."""
    for folder in scenario.path.resolve().parents:
        if folder.name == "scenarios":
            return folder.parent
    return library_root_of(scenario.path.resolve().parent)


def transcript_path(root: Path, scenario_id: str, name: str) -> Path:
    return root / FOLDER / scenario_id / f"{name}.json"


def play(compiled: CompiledScenario, script: list[int]) -> tuple[Session, str | None]:
    """Play as far as the script fits; the second item says where it stopped fitting."""
    session = Session(compiled)
    for step, number in enumerate(script, 1):
        try:
            session.choose(number)
        except InvalidChoice as err:
            return session, f"step {step}: {err} (at node `{session.state}`)"
    return session, None


def transcript(session: Session, script: list[int]) -> dict:
    return {
        "format": FORMAT,
        "scenario": session.scenario.id,
        "script": list(script),
        "path": list(session.path),
        "ending": session.ending,
        "outcome": session.outcome,
        "skills": session.skill_scores(),
        "lines": play_lines(session),
    }


def save(path: Path, data: dict) -> None:
    for folder in (path.parent.parent, path.parent):  # transcripts/ and transcripts/<scenario-id>/
        folder.mkdir(mode=0o700, exist_ok=True)
    write_private(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


@dataclass
class Saved:
    path: Path
    label: str  # "<scenario-id>/<name>"
    data: dict | None  # None when the file cannot be read as a transcript
    problem: str = ""


def saved_transcripts(roots: list[Path]) -> list[Saved]:
    found = []
    for root in roots:
        for path in sorted((root / FOLDER).glob("*/*.json")):
            label = f"{path.parent.name}/{path.stem}"
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if not (isinstance(data, dict) and data.get("format") == FORMAT
                        and isinstance(data.get("lines"), list) and isinstance(data.get("script"), list)
                        and all(isinstance(n, int) for n in data["script"])):
                    raise ValueError("not an approved transcript of this format")
            except (OSError, ValueError) as err:
                found.append(Saved(path, label, None, f"cannot read: {err}"))
                continue
            found.append(Saved(path, label, data))
    return found


def replay_lines(compiled: CompiledScenario, script: list[int]) -> list[str]:
    session, stopped = play(compiled, script)
    try:
        lines = play_lines(session)
    finally:
        session.close()
    return lines + ([f"Script stopped fitting: {stopped}"] if stopped else [])


def differences(saved: Saved, now: list[str], where: str) -> list[str]:
    """A unified diff, approved lines against what the content plays now."""
    return list(difflib.unified_diff([str(x) for x in saved.data["lines"]], now,
                                     fromfile=f"approved {saved.path}", tofile=f"now {where}", lineterm=""))
