"""YAML front matter through a safe loader that refuses aliases (so an alias
bomb costs nothing) and any tag that would build a Python object."""

from dataclasses import dataclass

import yaml
from yaml.events import AliasEvent


MAX_DEPTH = 16  # front matter is a flat list of keys; deep nesting is only ever an attack


class _NoAliasLoader(yaml.SafeLoader):
    depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in front matter",
                                              event.start_mark)
        if self.depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                              event.start_mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


@dataclass
class FrontMatter:
    data: dict
    key_lines: dict  # key -> 1-based line in the file
    entry_lines: dict  # key -> [line of each list item] or {sub-key: line}


def report_unknown_keys(front: "FrontMatter", known: tuple, report) -> bool:
    """Every key not in `known` is an error (almost always a typo); True if none."""
    unknown = [key for key in front.data if key not in known]
    for key in unknown:
        report.error(front.key_lines.get(key, 1), "front-matter",
                     f"unknown key `{key}`; known keys: {', '.join(known)}")
    return not unknown


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def parse_front_matter(text: str, first_line: int) -> FrontMatter:
    """Parse YAML that starts at file line `first_line` (1-based)."""
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return FrontMatter({}, {}, {})
        if not isinstance(node, yaml.MappingNode):
            raise FrontMatterError(first_line, "front matter must be a set of `key: value` lines")
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = first_line + (mark.line if mark else 0)
        raise FrontMatterError(line, f"invalid YAML: {err.problem or err.context}") from None
    except yaml.YAMLError as err:
        raise FrontMatterError(first_line, f"invalid YAML: {err}") from None
    except RecursionError:
        raise FrontMatterError(first_line, "invalid YAML: nested too deeply") from None
    finally:
        loader.dispose()
    if not all(isinstance(k, str) for k in data):
        raise FrontMatterError(first_line, "front matter keys must be words")
    key_lines, entry_lines = {}, {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        key_lines.setdefault(key, first_line + key_node.start_mark.line)
        if isinstance(value_node, yaml.SequenceNode):
            entry_lines[key] = [first_line + item.start_mark.line for item in value_node.value]
        elif isinstance(value_node, yaml.MappingNode):
            entry_lines[key] = {str(k.value): first_line + k.start_mark.line for k, _ in value_node.value}
    return FrontMatter(data, key_lines, entry_lines)
