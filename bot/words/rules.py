"""The rules file (`words/<lang>.yaml` in a library): per habit its kind,
patterns, exceptions and the coach's words, plus the word lists and casual
spellings the patterns rely on. Loaded with a safe YAML loader that refuses
aliases, and checked here: every problem is `path:line: code: message`."""

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from ..content.diagnostics import Diagnostic, Report
from ..content.frontmatter import _NoAliasLoader
from .normalise import Normaliser, supported
from .learned import load_learned
from .pattern import Pattern, PatternError, parse_pattern
from .spanish import adapt_rules

HELPS = ("i-statement", "understanding", "shares-responsibility", "offers-help", "boundary", "open-question")
TRAPS = ("label", "always-never", "blame", "threat", "lecture", "gives-in")
KINDS = {**dict.fromkeys(HELPS, "helps"), **dict.fromkeys(TRAPS, "trap")}
TOP_KEYS = ("language", "spelling", "phrases", "suffixes", "negation", "words", "danger", "habits")
DANGER_KEYS = ("says", "traps", "patterns", "unless")
TRAPS_SHOWN = {"named": True, "not named": False}  # a danger's `traps:`; not named unless a counselor says so
HABIT_KEYS = ("kind", "name", "says", "try", "patterns", "cue", "act", "unless", "negation")
MAX_BYTES = 1_000_000
# the codes `rehearse check` gives for a rules file (docs/own-words.md explains each)
CHECK_CODES = ("words-yaml", "words-shape", "unknown-habit", "bad-pattern", "missing-says", "words-learned")


@dataclass(frozen=True)
class Habit:
    code: str
    kind: str  # "helps" or "trap"
    name: str  # plain name for skills over time: "I-statements"
    says: str  # the coach's words when it is found
    try_next: str  # one kind thing to try
    patterns: tuple  # Pattern: any one finds the habit
    unless: tuple  # Pattern: in the same clause, it is not the habit
    mind_negation: bool  # a "not"/"never" just before a match cancels it
    cues: tuple = ()  # Pattern: with an act in the same clause, the habit ("one more drink and")
    acts: tuple = ()  # Pattern: with a cue in the same clause ("... i am telling your boss")


@dataclass(frozen=True)
class Danger:
    """Words that touch an emergency or a danger (an overdose, suicide,
    violence, children with someone using, stopping prescribed treatment).
    There safety comes before wording: the coach names no helping habit, so
    it never praises "I won't call an ambulance" as a calm limit, and says
    `says`. What may backfire is named under those words only where a
    counselor judged it no distraction (`traps: named`): a label matters in
    a talk about stopping methadone, not while someone may be overdosing."""
    name: str
    says: str
    patterns: tuple  # Pattern: any one, anywhere, negated or not
    names_traps: bool = False
    unless: tuple = ()  # Pattern: a match one of these overlaps does not count ("borracho, así que ahora no")


@dataclass(frozen=True)
class Rules:
    lang: str
    file: str
    habits: tuple
    negation: frozenset
    normaliser: Normaliser
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # readings of offered options, reused
    learned: object = None  # Learned: the weights beside the rules file, if it has them (learned.py)
    danger: tuple = ()  # Danger: checked before any habit; a rules file without `danger:` has none

    def habit(self, code: str) -> Habit | None:
        return next((h for h in self.habits if h.code == code), None)


def load_rules(path: Path, file: str | None = None) -> tuple[Rules | None, list[Diagnostic]]:
    """The rules (None when any error stops them being used) and every problem."""
    report = Report(file or str(path))
    try:
        raw = path.read_bytes()
    except OSError as err:
        report.error(1, "words-yaml", f"cannot read this file: {err.strerror or err}")
        return None, report.items
    if len(raw) > MAX_BYTES:
        report.error(1, "words-yaml", f"over {MAX_BYTES // 1000} kB; a rules file is much smaller")
        return None, report.items
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        report.error(raw.count(b"\n", 0, err.start) + 1, "words-yaml", "not UTF-8 text; save the file as UTF-8")
        return None, report.items
    rules = parse_rules(text, report, Path(path).stem)
    if report.has_errors:
        return None, report.items
    learned, problems = _learned_beside(Path(path), file, rules)
    return (rules if learned is None else replace(rules, learned=learned)), report.items + problems


def _learned_beside(path: Path, file: str | None, rules: Rules):
    """The learned weights kept beside a rules file (`en.learned.json` by
    `en.yaml`), if there are any; a damaged one is reported and left out."""
    weights = path.with_name(f"{path.stem}.learned.json")
    if not weights.is_file():
        return None, []
    name = str(Path(file).with_name(weights.name)) if file else str(weights)
    return load_learned(weights, [h.code for h in rules.habits], name, [d.name for d in rules.danger])


def parse_rules(text: str, report: Report, lang: str = "en") -> Rules | None:
    """Rules from the text of a rules file; problems go to `report`."""
    node = _compose(text, report)
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        report.error(node.start_mark.line + 1, "words-shape", "a rules file is a set of `key: value` lines")
        return None
    top = _mapping(node)
    for key, (line, _) in top.items():
        if key not in TOP_KEYS:
            report.error(line, "words-shape", f"unknown key `{key}`; known keys: {', '.join(TOP_KEYS)}")
    lang = _text(top.get("language"), report, "language") or lang
    if not supported(lang):
        report.error(top.get("language", (1,))[0], "words-shape",
                     f"no dictionary for the language `{lang}`; use a code such as `en` or `es`")
        return None
    spelling = {k: tuple(v.split()) for k, v in _text_map(top.get("spelling"), report, "spelling").items()}
    suffixes = {k: tuple(v.split()) for k, v in _text_map(top.get("suffixes"), report, "suffixes").items()}
    phrases = {}
    for typed, meant in _text_map(top.get("phrases"), report, "phrases").items():
        if len(typed.split()) in (2, 3):
            phrases[tuple(typed.split())] = list(meant.split())
        else:
            report.error(top["phrases"][0], "words-shape", f"phrases: `{typed}` is not two or three words")
    negation = frozenset(_word_list(top.get("negation"), report, "negation"))
    classes = {}
    if top.get("words") is not None:
        for name, (line, value) in _mapping_of(top["words"], report, "words").items():
            classes[name] = frozenset(_word_list((line, value), report, f"word list `{name}`"))
    vocabulary = set().union(*classes.values(), *spelling.values(), negation)
    normaliser = Normaliser(lang, spelling, suffixes, phrases, vocabulary)
    habits = []
    if "habits" not in top:
        report.error(1, "words-shape", "no `habits:`; the file lists the habits the coach looks for")
        return None
    for code, (line, value) in _mapping_of(top["habits"], report, "habits").items():
        habit = _habit(code, line, value, classes, normaliser, report)
        if habit is not None:
            habits.append(habit)
    dangers = tuple(_dangers(top.get("danger"), classes, normaliser, report))
    patterns = [p for h in habits for p in h.patterns + h.unless + h.cues + h.acts] + [p for d in dangers for p in d.patterns + d.unless]
    normaliser.know({w for p in patterns for e in p.elements for w in e.words if w.isalpha()})
    return adapt_rules(Rules(lang, report.file, tuple(habits), negation, normaliser, danger=dangers))


def _dangers(entry, classes, normaliser, report):
    """The `danger:` groups, each with the coach's words and its patterns."""
    if entry is None:
        return
    for name, (line, value) in _mapping_of(entry, report, "danger").items():
        fields = _mapping_of((line, value), report, f"danger `{name}`")
        for key, (key_line, _) in fields.items():
            if key not in DANGER_KEYS:
                report.error(key_line, "words-shape", f"unknown key `{key}` in danger `{name}`; known keys: {', '.join(DANGER_KEYS)}")
        says = _text(fields.get("says"), report, "says")
        if not says:
            report.error(fields.get("says", (line,))[0], "missing-says", f"danger `{name}` needs `says:`, what to do to be safe")
        patterns = _patterns(fields.get("patterns"), classes, normaliser.lemma, report, f"danger {name}")
        if not patterns:
            report.error(fields.get("patterns", (line,))[0], "bad-pattern", f"danger `{name}` needs `patterns:`")
        traps = _text(fields.get("traps"), report, "traps") or "not named"
        if traps not in TRAPS_SHOWN:
            report.error(fields["traps"][0], "words-shape", f"`traps:` in danger `{name}` is `named` or `not named`")
        unless = _patterns(fields.get("unless"), classes, normaliser.lemma, report, f"danger {name}")
        if says and patterns:
            yield Danger(name, says, patterns, TRAPS_SHOWN.get(traps, False), unless)


def _habit(code, line, value, classes, normaliser, report) -> Habit | None:
    if code not in KINDS:
        report.error(line, "unknown-habit", f"`{code}` is not a habit the coach knows; "
                     f"known: {', '.join(HELPS + TRAPS)}")
        return None
    fields = _mapping_of((line, value), report, f"habit `{code}`")
    for key, (key_line, _) in fields.items():
        if key not in HABIT_KEYS:
            report.error(key_line, "words-shape", f"unknown key `{key}` in `{code}`; known keys: {', '.join(HABIT_KEYS)}")
    kind = _text(fields.get("kind"), report, "kind")
    if kind is not None and kind != KINDS[code]:
        report.error(fields["kind"][0], "words-shape", f"`{code}` is a habit of kind `{KINDS[code]}`, not `{kind}`")
    texts = {}
    for key in ("name", "says", "try"):
        texts[key] = _text(fields.get(key), report, key)
        if not texts[key]:
            report.error(fields.get(key, (line,))[0], "missing-says",
                         f"`{code}` needs `{key}:` (the words the coach uses), kindly worded")
    lemma = normaliser.lemma
    patterns = _patterns(fields.get("patterns"), classes, lemma, report, code)
    if not patterns and "patterns" in fields:
        report.error(fields["patterns"][0], "bad-pattern", f"`{code}` has no usable pattern")
    elif "patterns" not in fields:
        report.error(line, "bad-pattern", f"`{code}` needs `patterns:`, a list of lines like `i feel <feeling>`")
    unless = _patterns(fields.get("unless"), classes, lemma, report, code)
    cues = _patterns(fields.get("cue"), classes, lemma, report, code)
    acts = _patterns(fields.get("act"), classes, lemma, report, code)
    if ("cue" in fields) != ("act" in fields):
        report.error(fields.get("cue", fields.get("act"))[0], "bad-pattern",
                     f"`{code}`: `cue:` and `act:` go together (a condition and what follows it)")
    negation = _text(fields.get("negation"), report, "negation") or "cancels"
    if negation not in ("cancels", "ignored"):
        report.error(fields["negation"][0], "words-shape", "`negation:` is `cancels` or `ignored`")
    if not all(texts.values()):
        return None
    return Habit(code, KINDS[code], texts["name"], texts["says"], texts["try"], patterns, unless, negation == "cancels",
                 cues, acts)


def _patterns(entry, classes, lemma, report, code) -> tuple:
    patterns: list[Pattern] = []
    for line, text in _list_of(entry, report, f"patterns of `{code}`"):
        try:
            patterns.append(parse_pattern(text, classes, lemma))
        except PatternError as err:
            report.error(line, "bad-pattern", f"`{code}`: {err}")
    return tuple(patterns)


def _compose(text: str, report: Report):
    """The YAML node tree (lines kept), after the safe loader has built every value once."""
    try:
        loader = _NoAliasLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                loader.construct_document(node)
        finally:
            loader.dispose()
        return node if node is not None else _empty(report)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        report.error((mark.line + 1) if mark else 1, "words-yaml", f"invalid YAML: {err.problem or err.context}")
    except yaml.YAMLError as err:
        report.error(1, "words-yaml", f"invalid YAML: {err}")
    except RecursionError:
        report.error(1, "words-yaml", "invalid YAML: nested too deeply")
    return None


def _empty(report: Report):
    report.error(1, "words-shape", "the file is empty; it lists `habits:` and their patterns")
    return None


# (line, node) pairs: each value keeps the line it was written on


def _mapping(node) -> dict:
    found = {}
    for key_node, value_node in node.value:
        found.setdefault(str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?",
                         (key_node.start_mark.line + 1, value_node))
    return found


def _mapping_of(entry, report, what) -> dict:
    line, node = entry
    if not isinstance(node, yaml.MappingNode):
        report.error(line, "words-shape", f"{what} is a set of `name: value` lines")
        return {}
    return _mapping(node)


def _list_of(entry, report, what) -> list:
    if entry is None:
        return []
    line, node = entry
    if not isinstance(node, yaml.SequenceNode):
        report.error(line, "words-shape", f"{what}: a list, one `- item` a line")
        return []
    items = []
    for item in node.value:
        if isinstance(item, yaml.ScalarNode) and item.value.strip():
            items.append((item.start_mark.line + 1, item.value))
        else:
            report.error(item.start_mark.line + 1, "words-shape", f"{what}: each item is a line of text")
    return items


def _word_list(entry, report, what) -> list:
    words = []
    for line, text in _list_of(entry, report, what):
        if len(text.split()) != 1 or "'" in text:
            report.error(line, "words-shape", f"{what}: `{text}` is not one plain word (write contractions out)")
        else:
            words.append(text.lower())
    return words


def _text(entry, report, what) -> str | None:
    if entry is None:
        return None
    line, node = entry
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        report.error(line, "words-shape", f"`{what}` is a line of text")
        return None
    return str(node.value).strip()


def _text_map(entry, report, what) -> dict:
    if entry is None:
        return {}
    found = {}
    for key, (line, node) in _mapping_of(entry, report, what).items():
        value = _text((line, node), report, f"{what}: {key}")
        if value is not None:
            found[key.lower()] = value.lower()
    return found
