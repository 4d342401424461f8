"""`rehearse words "TEXT"`: the habits found in one utterance, as the
own-words panel would name them; with --scenario and --node, also the
offered option closest in meaning."""

import sys
from pathlib import Path

from ..cli_support import UsageError, content_dirs, print_json
from ..i18n import _, language
from ..text import clean_line
from . import builtin_rules, closest, read, rules_path
from .rules import load_rules

MAX_CHARS = 1000


def cmd_words(args) -> int:
    text = args.text
    if not text.strip():
        raise UsageError(_('TEXT is empty; put what you would say in quotes, e.g. rehearse words "I feel scared"'))
    if len(text) > MAX_CHARS:
        raise UsageError(_("TEXT is {count} characters; the coach reads up to {most} at a time").format(
            count=f"{len(text):,}", most=f"{MAX_CHARS:,}"))
    dirs = content_dirs(args)
    lang = args.lang or language()
    rules = _rules(dirs, lang)
    options = _options(dirs, args.scenario, args.node, lang)
    reading = read(text, rules=rules)
    number = closest(text, options, rules=rules) if options else None
    near = {"number": number, "label": options[number - 1]} if number else None
    if args.json:
        print_json({"text": text, "codes": list(reading.codes),
                    "notes": [{"code": n.code, "says": n.says} for n in reading.notes], "closest": near,
                    "safety": reading.safety})
        return 0
    if reading.safety:
        print(_("Safety first: {words}").format(words=clean_line(reading.safety)))
    elif not reading.notes:
        print(_("No habits found."))
    kinds = {"helps": _("helps"), "trap": _("trap")}
    width = max(len(word) for word in kinds.values())
    for note in reading.notes:
        print(f"{kinds['helps' if note.kind == 'helps' else 'trap']:<{width}}  {note.code}: {clean_line(note.says)}")
    if reading.try_next:
        print(_("Try next: {words}").format(words=clean_line(reading.try_next)))
    if options:
        print(_("Closest option: {number}. {label}").format(number=near["number"], label=clean_line(near["label"]))
              if near else _("Closest option: none is close"))
    return 0


def _rules(dirs: list[Path], lang: str):
    """The last --content folder's own rules file, else the built-in one; a
    file with errors is named on stderr and the one before it used."""
    for folder in reversed(dirs):
        path = rules_path(folder, lang)
        if path.is_file():
            rules, problems = load_rules(path)
            if rules is not None:
                return rules
            print("rehearse: " + _("{path} has errors (run `rehearse check`); using the built-in rules").format(
                path=clean_line(str(path))), file=sys.stderr)
    rules = builtin_rules(lang)
    if rules is None:
        raise UsageError(_("no own-words rules for the language `{lang}`; try --lang en or --lang es").format(
            lang=clean_line(lang)))
    return rules


def _options(dirs: list[Path], scenario_id: str | None, node_id: str | None, lang: str) -> list[str]:
    """The labels of every option at that node (conditions aside), or []."""
    if scenario_id is None and node_id is None:
        return []
    if scenario_id is None or node_id is None:
        raise UsageError(_("--scenario and --node go together: the options offered at one node of one scenario"))
    from ..content.library import Library
    from ..content.model import plain

    library = Library(dirs, lang=lang)
    scenario = library.scenarios.get(scenario_id)
    if scenario is None:
        raise UsageError(_("no scenario `{name}` in the library; try `rehearse list`").format(
            name=clean_line(scenario_id)))
    node = scenario.node_map.get(node_id)
    if node is None:
        raise UsageError(_("scenario `{scenario}` has no node `{node}`; its nodes: {nodes}").format(
            scenario=scenario_id, node=clean_line(node_id), nodes=", ".join(list(scenario.node_map)[:12])))
    if not node.choices:
        raise UsageError(_("node `{node}` offers no options (it is an ending)").format(node=node_id))
    return [plain(choice.text) for choice in node.choices]
