"""Quality and speed of the own-words coach (issue 13), for
`python scripts/bench.py words`: per-habit precision, recall and F1 and the
macro F1 on every labelled set (development, held-out and the first two
blind sets, which the rules were tuned on; the blind sets the learned weights
learned from after their one measure; and the newest blind sets, `BLIND`,
which no rule was ever tuned on and the weights never learned from),
beside a baseline of plain keyword regexes (about one per habit) and the
rules without their learned weights, scored in the same run; and the time
read() and closest() take per utterance."""

from dataclasses import replace
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from bot.content.library import Library  # noqa: E402
from bot.content.model import plain  # noqa: E402
from bot.words import HABITS, builtin_rules, closest, read  # noqa: E402
from bench_danger import bench_danger, lists_alone  # noqa: E402

DATA = ROOT / "tests" / "words" / "data"
SETS = ("dev", "heldout") + tuple(sorted((path.stem[3:] for path in DATA.glob("en_blind*.yaml")),
                                         key=lambda name: int(name[5:] or 1)))  # blind, blind2, blind3, ... in number order
TUNED = ("dev", "heldout", "blind", "blind2")  # the rules were tuned on these (each blind set too, once measured)
BLIND = ("blind31", "blind32", "blind33", "blind34")  # written apart, never read while writing rules, never learned from: the honest measure
GOAL_F1, GOAL_PRECISION, P95_MS = 0.90, 0.80, 5.0

# The honest baseline: the obvious keywords for each habit, one regex each.
BASELINE = {code: re.compile(pattern, re.I) for code, pattern in {
    "i-statement": r"\bi (feel|am|'m|get) (so |really )?(scared|worried|afraid|sad|hurt|angry|lonely|tired)\b|\bi feel\b",
    "understanding": r"\b(i understand|must be|sounds (really |so )?(hard|tough)|i can see|i get it|makes sense)\b",
    "shares-responsibility": r"\b(my fault|my part|together|i'm sorry|i am sorry|i should have)\b",
    "offers-help": r"\b(i can|i'll|i will|want me to) (drive|help|come|take|sit)\b",
    "boundary": r"\bi (won't|will not|am not going to|'m not going to|'m not|am not)\b",
    "open-question": r"\b(what|how)\b[^.!]*\?",
    "label": r"\b(addict|junkie|alcoholic|druggie|crackhead|drunk|user|clean|dirty)\b",
    "always-never": r"\byou (always|never)\b|\bevery time\b",
    "blame": r"\b(your fault|because of you|you ruined|you make me|look what you)\b",
    "threat": r"\b(or else|get out|kick you out|call the police|or i)\b",
    "lecture": r"\byou (should|need to|have to|must)\b|\bwhen i was your age\b",
    "gives-in": r"\b(here's|here is|fine|i'll pay|i'll give you|just this once)\b",
}.items()}


def present(name: str) -> bool:
    return (DATA / f"en_{name}.yaml").is_file()


def labelled(name: str) -> list[dict]:
    with open(DATA / f"en_{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def baseline_codes(text: str) -> set:
    return {code for code, regex in BASELINE.items() if regex.search(text)}


def scores(entries: list[dict], codes_of) -> dict:
    """Per code (precision, recall, f1, support), and "macro" the mean F1."""
    result = {}
    found = [(set(e["codes"]), set(codes_of(e["text"]))) for e in entries]
    for code in HABITS:
        tp = sum(1 for want, got in found if code in want and code in got)
        fp = sum(1 for want, got in found if code not in want and code in got)
        fn = sum(1 for want, got in found if code in want and code not in got)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[code] = (precision, recall, f1, tp + fn)
    result["macro"] = statistics.fmean(result[c][2] for c in HABITS)
    return result


def coach_codes(text: str) -> tuple:
    return read(text).codes


def print_scores(name: str, entries: list[dict], coach=coach_codes, baseline=baseline_codes) -> None:
    ours, base = scores(entries, coach), scores(entries, baseline)
    print(f"\n{name}: {len(entries)} utterances   coach P / R / F1        baseline P / R / F1")
    for code in HABITS:
        p, r, f, n = ours[code]
        bp, br, bf, _ = base[code]
        flag = "" if p >= GOAL_PRECISION else "   <- precision below goal"
        print(f"  {code:<22} n={n:<3} {p:5.2f} {r:5.2f} {f:5.2f}        {bp:5.2f} {br:5.2f} {bf:5.2f}{flag}")
    met = ours["macro"] >= GOAL_F1 and all(ours[c][0] >= GOAL_PRECISION for c in HABITS)
    print(f"  macro F1: coach {ours['macro']:.3f}, keyword baseline {base['macro']:.3f} "
          f"(goal >= {GOAL_F1}, every precision >= {GOAL_PRECISION}: {'met' if met else 'NOT met'})")


def rules_alone(entries: list[dict]) -> None:
    """The same set read by the rules without their learned weights, to
    show what the weights add (scripts/train_words.py; never trained on this set)."""
    rules = builtin_rules("en")
    if rules.learned is None:
        return
    alone = scores(entries, lambda text: read(text, rules=replace(rules, learned=None)).codes)
    print(f"  the rules alone, without the learned weights: macro F1 {alone['macro']:.3f}, lowest precision "
          f"{min(alone[c][0] for c in HABITS):.2f} ({min(HABITS, key=lambda c: alone[c][0])})")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def cold_reads(texts: list[str], lang: str = "en") -> list[list[float]]:
    """Three times (ms) of read() per text, its word caches emptied before each."""
    rules = builtin_rules(lang)
    found = []
    for text in texts:
        runs = []
        for _ in range(3):
            rules.normaliser.mend.cache_clear()
            rules.normaliser.lemma.cache_clear()
            start = time.perf_counter()
            read(text, lang)
            runs.append((time.perf_counter() - start) * 1000)
        found.append(runs)
    return found


def timings(texts: list[str]) -> None:
    """read() per utterance with its word caches emptied first (the worst
    case: every word new), best of 3 as in bench.py, and also each single
    run as it came (the machine is shared, so single runs are noisier)."""
    print(f"\n{first_use()}")
    runs = cold_reads(texts)
    best, single = [min(each) for each in runs], [ms for each in runs for ms in each]
    p95 = percentile(best, 0.95)
    print(f"read() per utterance, every word new: median {statistics.median(best):.2f} ms, p95 {p95:.2f} ms "
          f"(goal p95 < {P95_MS} ms: {'met' if p95 < P95_MS else 'NOT met'}); single runs p95 "
          f"{percentile(single, 0.95):.2f} ms")
    options = offered_labels()
    each = []
    for index, text in enumerate(texts):
        labels = options[index % len(options)]
        start = time.perf_counter()
        closest(text, labels)
        each.append((time.perf_counter() - start) * 1000)
    print(f"closest() against one real node's options ({statistics.fmean(map(len, options)):.1f} on average): "
          f"median {statistics.median(each):.2f} ms, p95 {percentile(each, 0.95):.2f} ms")


FIRST_USE = """
import time
started = time.perf_counter()
import bot.words
imported = time.perf_counter()
bot.words.warm()
warmed = time.perf_counter()
bot.words.read("I am scared you will get hurt")
print(f"first use in a fresh process: import {(imported - started) * 1000:.0f} ms, warm() "
      f"{(warmed - imported) * 1000:.0f} ms (rules file and dictionary loaded), then read() "
      f"{(time.perf_counter() - warmed) * 1000:.2f} ms")
"""


def first_use() -> str:
    """What the first reading costs a fresh process: the app calls warm()
    off the key path so the learner's first reply does not pay it."""
    done = subprocess.run([sys.executable, "-c", FIRST_USE], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout.strip() or f"first use: could not measure ({done.stderr.strip()[-200:]})"


def offered_labels() -> list[list[str]]:
    """The options of every node of the built-in library that offers some."""
    library = Library()
    return [[plain(c.text) for c in node.choices]
            for scenario in library.scenarios.values() for node in scenario.nodes if node.choices]


def bench_words() -> None:
    print("\n== words: the own-words coach (issue 13) ==")
    texts = []
    for name in SETS:
        entries = labelled(name)
        print_scores(name + (" (never tuned on)" if name in BLIND else " (tuned on)"), entries)
        if name in BLIND:
            rules_alone(entries)
        texts += [e["text"] for e in entries]
    honest = [e for name in BLIND for e in labelled(name) if present(name)]
    if honest:
        print_scores(" + ".join(BLIND) + " together (the honest measure, as shipped)", honest)
        wording = lists_alone()
        print_scores("the same, read for their wording (no learned danger weights)", honest,
                     coach=lambda text: read(text, rules=wording).codes)
    bench_danger([e["text"] for e in honest])
    timings(texts)
    bench_spanish()


# The Spanish rules (issue 14): their own labelled sets, baseline and timings.
SPANISH_SETS = {"dev": "es_dev.yaml", "heldout": "es_heldout.yaml"}  # the rules were tuned on dev only
SPANISH_BASELINE = {code: re.compile(pattern, re.I) for code, pattern in {
    "i-statement": r"\b(me siento|tengo miedo|me preocupa|me da miedo|estoy (preocupad|triste|cansad))",
    "understanding": r"\b(entiendo|debe ser|suena (muy )?(duro|difícil)|veo que|tiene sentido)",
    "shares-responsibility": r"\b(mi culpa|culpa mía|juntos|perdón|lo siento|debí)",
    "offers-help": r"\b(te (llevo|acompaño|ayudo)|puedo (llevarte|acompañarte|ayudarte)|quieres que te)",
    "boundary": r"\bno (te )?voy a\b",
    "open-question": r"\b(qué|cómo)\b[^.!]*\?",
    "label": r"\b(adict[oa]|drogadict[oa]|alcohólic[oa]|borrach[oa]|yonqui|vicios[oa]|limpi[oa]|suci[oa])\b",
    "always-never": r"\b(siempre|nunca|jamás|cada vez que)\b",
    "blame": r"\b(tu culpa|por tu culpa|me haces|mira lo que)",
    "threat": r"\b(o te vas|la policía|te corro|te vas a la calle|o si no)",
    "lecture": r"\b(deberías|tienes que|a tu edad)",
    "gives-in": r"\b(toma|ahí (te van|está)|te pago|solo por esta vez)\b",
}.items()}


def spanish_labelled(name: str) -> list[dict] | None:
    path = DATA / SPANISH_SETS[name]
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def spanish_codes(text: str) -> tuple:
    return read(text, lang="es").codes


def spanish_baseline_codes(text: str) -> set:
    return {code for code, regex in SPANISH_BASELINE.items() if regex.search(text)}


def bench_spanish() -> None:
    print("\n== words in Spanish: content/words/es.yaml (issue 14) ==")
    texts = []
    for name in SPANISH_SETS:
        entries = spanish_labelled(name)
        if entries is None:
            print(f"\n{name}: {SPANISH_SETS[name]} is not there yet; not scored")
            continue
        print_scores(name + ("" if name == "dev" else " (never tuned on)"), entries, spanish_codes,
                     spanish_baseline_codes)
        texts += [e["text"] for e in entries]
    best = [min(each) for each in cold_reads(texts, "es")]
    p95 = percentile(best, 0.95)
    print(f"\nread(lang='es') per utterance, every word new: median {statistics.median(best):.2f} ms, "
          f"p95 {p95:.2f} ms (goal p95 < {P95_MS} ms: {'met' if p95 < P95_MS else 'NOT met'})")


if __name__ == "__main__":
    bench_words()
