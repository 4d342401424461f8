"""The checked model: plain immutable data that the engine and every front
end read. Nothing here knows about Markdown or about screens."""

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .expr import Expr

OUTCOMES = ("success", "partial", "setback")
NOTE_KINDS = ("coach", "discuss", "facilitator", "safety")
# Safety steps a node can be marked with (`safety: child`): the child is made safe tonight.
SAFETY_STEPS = ("child",)


@dataclass(frozen=True)
class Span:
    """A run of text with one style: "" (plain), "em", "strong" or "code"."""

    text: str
    style: str = ""


Rich = tuple[Span, ...]


def plain(rich: Rich) -> str:
    return "".join(span.text for span in rich)


@dataclass(frozen=True)
class Citation:
    source: str
    section: str
    line: int

    def __str__(self) -> str:
        return f"{self.source}#{self.section}"


@dataclass(frozen=True)
class Effect:
    """A skill change: op is "+", "-" or "="."""

    skill: str
    op: str
    value: int
    line: int
    condition: Expr | None = None

    def apply(self, score: int) -> int:
        if self.op == "+":
            return score + self.value
        if self.op == "-":
            return score - self.value
        return self.value

    def __str__(self) -> str:
        return f"{self.skill} = {self.value}" if self.op == "=" else f"{self.skill} {self.op}{self.value}"


@dataclass(frozen=True)
class Line:
    """Something the loved one (or another character) says."""

    speaker: str
    text: Rich
    line: int
    condition: Expr | None = None


@dataclass(frozen=True)
class Narration:
    text: Rich
    line: int
    condition: Expr | None = None


@dataclass(frozen=True)
class Note:
    """A coach note or a callout; paragraphs are shown one after another."""

    kind: str
    paragraphs: tuple[Rich, ...]
    citations: tuple[Citation, ...]
    line: int
    condition: Expr | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(plain(p) for p in self.paragraphs)


Block = Line | Narration | Note


@dataclass(frozen=True)
class Choice:
    text: Rich
    target: str
    line: int
    effects: tuple[Effect, ...] = ()
    condition: Expr | None = None
    feedback: Note | None = None


@dataclass(frozen=True)
class Node:
    id: str
    title: str
    line: int
    blocks: tuple[Block, ...] = ()
    choices: tuple[Choice, ...] = ()
    effects: tuple[Effect, ...] = ()
    ending: str | None = None
    safety_steps: tuple[str, ...] = ()

    @property
    def notes(self) -> tuple[Note, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Note))


@dataclass(frozen=True)
class ScenarioCard:
    """What a list of scenarios shows, so the home screen needs no conversation loaded."""
    id: str
    title: str
    module: str
    order: int | None
    minutes: int | None
    ending_count: int


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    module: str
    path: Path
    file: str  # the name diagnostics use
    nodes: tuple[Node, ...]
    briefing: tuple[Block, ...] = ()
    persona: str = ""
    learner: str = ""
    setting: str = ""
    minutes: int | None = None
    order: int | None = None
    skills: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    key_lines: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def start(self) -> str:
        return self.nodes[0].id

    def node(self, node_id: str) -> Node:
        return self.node_map[node_id]

    @cached_property
    def node_map(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}

    @property
    def endings(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes if n.ending)

    @property
    def card(self) -> "ScenarioCard":
        return ScenarioCard(self.id, self.title, self.module, self.order, self.minutes, len(self.endings))

    def moved_skills(self) -> tuple[str, ...]:
        """Skills listed in front matter, then any others the scenario moves."""
        seen = dict.fromkeys(self.skills)
        for node in self.nodes:
            for effect in node.effects:
                seen.setdefault(effect.skill)
            for choice in node.choices:
                for effect in choice.effects:
                    seen.setdefault(effect.skill)
        return tuple(seen)


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    summary: str = ""


@dataclass(frozen=True)
class Skill:
    id: str
    label: str
    good: str  # "up" or "down"


@dataclass(frozen=True)
class Course:
    title: str
    modules: tuple[Module, ...]
    skills: dict
    welcome: tuple[Block, ...]
    file: str
    module_lines: dict = field(default_factory=dict, compare=False, hash=False)
    skill_lines: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    paragraphs: tuple[Rich, ...]
    line: int

    @property
    def text(self) -> str:
        return "\n\n".join(plain(p) for p in self.paragraphs)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    file: str
    sections: dict
    publisher: str = ""
    year: str = ""
    url: str = ""
    key_lines: dict = field(default_factory=dict, compare=False, hash=False)  # front matter key -> line
