"""A scenario as a diagram an author can paste into a Git host (Mermaid) or
render with Graphviz (DOT): endings coloured by outcome, the start marked,
conditional choices labelled with their condition. Mermaid comes from
transitions' own GraphMachine with graph_engine="mermaid", which needs no
Graphviz; DOT is plain text written here."""

import json

from ..content.expr import to_text
from ..content.model import Choice, Node, Scenario, plain
from ..text import clean_line

FILLS = {"success": "#c8e6c9", "partial": "#fff3b0", "setback": "#f8c8c8"}
LABEL_CHARS = 36  # an edge label longer than this is cut, so the diagram stays readable


def _short(text: str) -> str:
    text = clean_line(text)
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _condition(choice: Choice) -> str:
    if choice.condition is None:
        return ""
    text = to_text(choice.condition)
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    return "if " + text


def _node_label(node: Node) -> str:
    return f"{node.title} ({node.ending})" if node.ending else node.title


def _choice_label(number: int, choice: Choice) -> str:
    return f"{number}. {_short(plain(choice.text))}"


# -- Mermaid -------------------------------------------------------------------
_MERMAID_SAFE = str.maketrans({'"': "'", ":": "∶", ";": ",", "#": "＃", "%": "％", "{": "(", "}": ")",
                               "<": "‹", ">": "›", "\\": "/"})
_COMPARISONS = (("<=", "≤"), (">=", "≥"), ("!=", "≠"), ("==", "="))


def _mermaid_text(text: str) -> str:
    """Text Mermaid will not read as syntax: no quotes, colons, semicolons,
    comment or entity markers, braces or angle brackets."""
    for ascii_op, sign in _COMPARISONS:
        text = text.replace(ascii_op, sign)
    return clean_line(text).translate(_MERMAID_SAFE)


def mermaid(scenario: Scenario) -> str:
    from transitions import State
    from transitions.extensions import GraphMachine

    class LabelledState(State):
        def __init__(self, *args, label: str = "", **kwargs):
            super().__init__(*args, **kwargs)
            self.label = label

    class Diagram(GraphMachine):
        state_cls = LabelledState
        machine_attributes = {**GraphMachine.machine_attributes, "rankdir": "TB"}
        style_attributes = {**GraphMachine.style_attributes, "node": {
            **GraphMachine.style_attributes["node"],
            **{outcome: {"fillcolor": fill, "color": "black"} for outcome, fill in FILLS.items()},
        }}

    names = {node.id: f"n{number}" for number, node in enumerate(scenario.nodes)}
    transitions = []
    for node in scenario.nodes:
        for number, choice in enumerate(node.choices, 1):
            if choice.target not in names:
                continue
            transition = {"trigger": f"{names[node.id]}_{number}", "source": names[node.id],
                          "dest": names[choice.target], "label": _mermaid_text(_choice_label(number, choice))}
            if choice.condition is not None:
                transition["conditions"] = [_mermaid_text(_condition(choice))]
            transitions.append(transition)

    class Model:
        pass

    model = Model()
    # YAML front matter with a quoted title: a bare title could be read as YAML syntax
    title = "title: " + json.dumps(_mermaid_text(scenario.title), ensure_ascii=False)
    machine = Diagram(model=model, states=[{"name": names[n.id], "label": _mermaid_text(_node_label(n))}
                                           for n in scenario.nodes],
                      transitions=transitions, initial=names[scenario.start], auto_transitions=False,
                      graph_engine="mermaid", show_conditions=True, title=title)
    graph = machine.model_graphs[id(model)]
    graph.reset_styling()  # no "active" state: this is the scenario, not a play-through
    for node in scenario.endings:
        graph.set_node_style(names[node.id], node.ending)
    return model.get_graph().draw(None) + "\n"


# -- DOT -----------------------------------------------------------------------
def _dot(*lines: str) -> str:
    """A quoted DOT string; several lines are joined with DOT's own line break."""
    escaped = (clean_line(line).replace("\\", "\\\\").replace('"', '\\"') for line in lines)
    return '"' + "\\n".join(escaped) + '"'


def dot(scenario: Scenario) -> str:
    lines = [f"digraph {_dot(scenario.id)} {{",
             f"  label={_dot(scenario.title)};",
             "  labelloc=t;",
             "  rankdir=TB;",
             '  node [shape=box, style="rounded,filled", fillcolor=white, fontname="sans-serif"];',
             '  edge [fontname="sans-serif", fontsize=10];']
    for node in scenario.nodes:
        attrs = [f"label={_dot(_node_label(node))}"]
        if node.ending:
            attrs.append(f'fillcolor="{FILLS[node.ending]}"')
        if node.id == scenario.start:
            attrs.append("penwidth=2")
        lines.append(f"  {_dot(node.id)} [{', '.join(attrs)}];")
    for node in scenario.nodes:
        for number, choice in enumerate(node.choices, 1):
            label = _choice_label(number, choice)
            if choice.condition is None:
                attrs = f"label={_dot(label)}"
            else:
                attrs = f"label={_dot(label, _condition(choice))}, style=dashed"
            lines.append(f"  {_dot(node.id)} -> {_dot(choice.target)} [{attrs}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


FORMATS = {"mermaid": mermaid, "dot": dot}
