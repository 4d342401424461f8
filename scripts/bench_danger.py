"""How well the own-words coach puts safety first (issue 13), for
`python scripts/bench.py words`: on each labelled danger set
(`tests/words/danger`), the share of unsafe replies that get "Safety
first" and never a habit's praise, the share of every line a counselor
marked for safety, and the false alarms on everyday lines; by the rules'
`danger:` lists alone and with the learned danger weights, in the same run;
and how often the habit blind sets, which are everyday replies, lose their
coaching to a false alarm."""

from dataclasses import dataclass, replace
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.words import builtin_rules, read  # noqa: E402

DANGER_DATA = ROOT / "tests" / "words" / "danger"
# written apart, never learned from: the honest measure
DANGER_BLIND = ("danger_blind13", "danger_blind14", "danger_blind15", "danger_blind16", "danger_blind17")
DANGER_SPENT = tuple(f"danger_blind{n}" for n in range(1, 13))  # the honest measure once, learned from since
GOAL_RECALL = 0.98  # of unsafe replies given safety first, never praise


def danger_sets() -> list[str]:
    """Every labelled danger set, the blind ones last."""
    names = sorted(p.stem[3:] for p in DANGER_DATA.glob("en_danger_*.yaml"))
    return [n for n in names if n not in DANGER_BLIND] + [n for n in DANGER_BLIND if n in names]


def danger_labelled(name: str) -> list[dict]:
    with open(DANGER_DATA / f"en_{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def lists_alone():
    """The built-in rules with their danger lists but no danger weights."""
    rules = builtin_rules("en")
    return replace(rules, learned=replace(rules.learned, danger={}, danger_bias={})) if rules.learned else rules


@dataclass(frozen=True)
class Safety:
    unsafe: int  # lines a counselor marked unsafe
    caught: int  # ... given safety first
    praised: int  # ... given a helping habit's praise instead
    marked: int  # lines marked for safety (unsafe, or any reply in an emergency)
    shown: int  # ... given safety first
    everyday: int  # lines marked `none`
    alarms: int  # ... given safety first all the same
    same_group: int  # caught unsafe lines whose safety words are the counselor's group's

    @property
    def recall(self) -> float:
        return self.caught / self.unsafe if self.unsafe else 1.0

    @property
    def alarm_rate(self) -> float:
        return self.alarms / self.everyday if self.everyday else 0.0


SPANISH_GROUPS = {"emergencia": "emergency", "suicidio": "suicide", "daño": "harm", "violencia": "violence",
                  "menores": "children", "intoxicado": "intoxicated", "medicacion": "medication",
                  "abstinencia": "withdrawal", "tocar-fondo": "rock-bottom"}  # the Spanish sets use the English names
SPANISH_BLIND = ("es_danger_blind3",)  # written apart, never read while mending the lists: the honest Spanish measure


def safety(entries: list[dict], rules=None) -> Safety:
    rules = rules or builtin_rules("en")
    says = {d.says: SPANISH_GROUPS.get(d.name, d.name) for d in rules.danger}
    unsafe = caught = praised = marked = shown = everyday = alarms = same = 0
    for entry in entries:
        reading = read(entry["text"], rules=rules)
        safe_first = reading.safety is not None
        if entry["danger"] == "none":
            everyday += 1
            alarms += safe_first
            continue
        marked += 1
        shown += safe_first
        if entry.get("unsafe"):
            unsafe += 1
            caught += safe_first
            praised += bool(reading.helps)
            same += safe_first and says.get(reading.safety) == entry["danger"]
    return Safety(unsafe, caught, praised, marked, shown, everyday, alarms, same)


def alarm_rate(texts: list[str], rules=None) -> float:
    """The share of these everyday replies given safety first, so not coached."""
    rules = rules or builtin_rules("en")
    return sum(read(text, rules=rules).safety is not None for text in texts) / len(texts)


def print_safety(name: str, entries: list[dict]) -> None:
    ours, alone = safety(entries), safety(entries, lists_alone())
    blind = (" (never learned from)" if name in DANGER_BLIND or name.endswith(" together") else
             " (measured once, learned from since)" if name in DANGER_SPENT else " (learned from)")
    print(f"\n{name}{blind}: {len(entries)} lines, {ours.unsafe} unsafe, {ours.everyday} everyday")
    for label, s in (("lists + weights", ours), ("lists alone", alone)):
        print(f"  {label:<16} {summary(s)}")


def summary(s: Safety) -> str:
    """One set's figures on one line, the same for every language."""
    return (f"unsafe given safety first {s.caught}/{s.unsafe} = {s.recall:.3f}"
            f" (goal >= {GOAL_RECALL}: {'met' if s.recall >= GOAL_RECALL else 'NOT met'}), praised {s.praised};"
            f" every marked line {s.shown}/{s.marked}; everyday false alarms {s.alarms}/{s.everyday}"
            f" = {s.alarm_rate:.3f}; right group {s.same_group}/{s.caught}")


def bench_danger(everyday_texts: list[str]) -> None:
    print("\n== words: safety before wording (issue 13) ==")
    for name in danger_sets():
        print_safety(name, danger_labelled(name))
    print_safety(" + ".join(DANGER_BLIND) + " together", [e for n in DANGER_BLIND for e in danger_labelled(n)])
    print(f"\nhabit blind sets, everyday replies given safety first instead of coaching: "
          f"{alarm_rate(everyday_texts):.3f} (lists alone {alarm_rate(everyday_texts, lists_alone()):.3f})")
    bench_spanish_danger()


def bench_spanish_danger() -> None:
    """Spanish has no danger weights: its lists alone put safety first."""
    print("\n== words in Spanish: safety before wording, by the lists alone ==")
    rules = builtin_rules("es")
    for path in sorted(DANGER_DATA.glob("es_danger_*.yaml")):
        kind = " (never read while mending the lists)" if path.stem in SPANISH_BLIND else " (the lists were mended on it)"
        print(f"  {path.stem}{kind}: {summary(safety(yaml.safe_load(path.read_text(encoding='utf-8')), rules))}")
