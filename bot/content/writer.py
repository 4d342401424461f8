"""Model -> Markdown in the content format: the inverse of the parser, used to
generate scenarios (benchmarks, starters) and to prove the format round-trips."""

import yaml

from .expr import to_text
from .model import Choice, Effect, Line, Narration, Note, Rich, Scenario

_MARKS = {"em": "*", "strong": "**", "code": "`"}


def rich_markdown(rich: Rich) -> str:
    return "".join(f"{_MARKS.get(s.style, '')}{s.text}{_MARKS.get(s.style, '')}" for s in rich)


def _condition(expr) -> str:
    return f"`if {to_text(expr)}` " if expr is not None else ""


def _effects(effects: tuple[Effect, ...]) -> str:
    return "".join(f" `{effect}`" for effect in effects)


def _note(note: Note, indent: str = "") -> list[str]:
    lines = []
    if note.kind != "coach":
        lines.append(f"{indent}> [!{note.kind.upper()}]")
    citations = "".join(f" `source: {c}`" for c in note.citations)
    paragraphs = [rich_markdown(p) for p in note.paragraphs] or [""]
    paragraphs[0] = _condition(note.condition) + paragraphs[0]
    paragraphs[-1] += citations
    for number, paragraph in enumerate(paragraphs):
        if number:
            lines.append(f"{indent}>")
        lines.append(f"{indent}> {paragraph.strip()}")
    return lines


def _block(block) -> list[str]:
    if isinstance(block, Line):
        return [f"{_condition(block.condition)}**{block.speaker}:** {rich_markdown(block.text)}"]
    if isinstance(block, Narration):
        return [_condition(block.condition) + rich_markdown(block.text)]
    return _note(block)


def _choice(choice: Choice) -> list[str]:
    lines = [f"- [{rich_markdown(choice.text)}](#{choice.target}){_effects(choice.effects)}"
             + (f" `if {to_text(choice.condition)}`" if choice.condition is not None else "")]
    if choice.feedback is not None:
        lines += _note(choice.feedback, "  ")
    return lines


def write_scenario(scenario: Scenario) -> str:
    front = {"title": scenario.title, "module": scenario.module, "id": scenario.id}
    for key in ("persona", "learner", "setting", "minutes", "order"):
        value = getattr(scenario, key)
        if value not in ("", None):
            front[key] = value
    if scenario.skills:
        front["skills"] = list(scenario.skills)
    if scenario.warnings:
        front["warnings"] = list(scenario.warnings)
    parts = ["---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---"]
    parts += ["\n".join(_block(b)) for b in scenario.briefing]
    for node in scenario.nodes:
        parts.append(f"## {node.title}")
        parts += ["\n".join(_block(b)) for b in node.blocks]
        parts += [f"{_condition(e.condition)}`{e}`" for e in node.effects]
        parts += [f"`safety: {step}`" for step in node.safety_steps]
        if node.ending:
            parts.append(f"`end: {node.ending}`")
        if node.choices:
            parts.append("\n".join(line for c in node.choices for line in _choice(c)))
    return "\n\n".join(parts) + "\n"
