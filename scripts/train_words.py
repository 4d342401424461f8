"""Learn the own-words coach's weights (bot/words/learned.py) from the
labelled lines, and write them beside the rules:

    python scripts/train_words.py            # writes content/words/en.learned.json
    python scripts/train_words.py --check    # exit 1 if that file is not what training gives now

Run it after changing the labelled sets or the rules file (the words the
rules know change how typos are mended, so the terms change too). It is
plain logistic regression, one habit at a time, by stochastic gradient
descent with a fixed seed: the same lines always give the same file. The
danger weights are learned the same way, from the labelled danger lines in
`tests/words/danger` and from every habit line (a danger there when a group
of the rules' `danger:` has words in it): one weighing for "touches any
danger" and one per group, which only chooses whose words to say. The
newest blind sets are never trained on: they are the honest measure."""

import argparse
import hashlib
import math
import multiprocessing
import os
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from bot.words import builtin_rules, rules_path  # noqa: E402
from bot.words.analyse import listed, with_quotes  # noqa: E402
from bot.words.learned import Learned, rules_only, dumps, terms, vector  # noqa: E402
from bot.content.library import builtin_root  # noqa: E402
from generated_file import write_or_check  # noqa: E402

DATA = ROOT / "tests" / "words" / "data"
DANGER_DATA = ROOT / "tests" / "words" / "danger"
NEVER = {"en_blind31.yaml", "en_blind32.yaml", "en_blind33.yaml", "en_blind34.yaml",
         "es_heldout.yaml",  # never learned from
         "en_danger_blind13.yaml", "en_danger_blind14.yaml", "en_danger_blind15.yaml", "en_danger_blind16.yaml",
         "en_danger_blind17.yaml", "es_danger_blind1.yaml", "es_danger_blind2.yaml",
         "es_danger_blind3.yaml"}
# By leaving out one file at a time among those the rules were never tuned on
# (blind3 to blind6, train i, j and k), learning from all the others and
# scoring the file left out: among the pairs within 0.002 of the best mean
# macro F1 (0.908), the one whose lowest precision is highest (0.84) (README,
# "Training lines for the learned weights"). Checked again when the terms
# learned who acts (blind5, 6, 9 and 10 left out in turn): still the best pair.
ADDS, KEEPS = 0.7, 0.3
# The danger weights: leaving three danger files out at a time (four folds
# over the first twelve), learning from the rest, and reading blind11 and blind12
# (everyday replies) with the weights of the first fold: of alpha 1e-5, 3e-6
# and 1e-6 and the alerts from 0.1 to 0.7, the most unsafe replies given
# safety first (0.926) while blind11 and blind12 lose at most 0.015 of their
# macro F1 to false alarms (0.974 to 0.959): a coach that tells every family
# "safety first" coaches nobody. Weighting the everyday danger lines three
# times did no better (README in tests/words/danger). With sets o to r the
# same rule would raise the alert to 0.35, and with every set to 0.5; it stays
# at 0.25, because a missed danger is worse than a missed "well done" (the
# same README). Then the most likely group's own weighing came to make up
# 0.3 of the chance (SENSE_SHARE), a second opinion: four folds over the
# training files, the blind sets never read: at the same unsafe replies
# caught (0.96), everyday replies alarmed went from 6.4% to 4.9% and
# near-misses from 0.228 to 0.203 (shares 0.6 to 0.8 did within 0.002 of
# each other), with the alert at 0.28 (README there, "A second opinion").
ALERT, SENSE_SHARE, DANGER_ALPHA = 0.28, 0.7, 1e-6
# From a chance of 0.7 up, a sensed danger's words stand alone, as a list's
# do; below it the coach still names what may backfire beneath them. Four
# folds over the training files: 86% of the sensed safety words shown on
# everyday replies are below 0.7, and 14% of the unsafe replies sensed; on
# the spent blind sets (habit blind21-26, danger blind13-16) 89% and 7%
# (README in tests/words/danger, "Sure enough to stand alone").
STANDS_ALONE = 0.7
ALPHA, EPOCHS, SEED = 3e-6, 30, 20261206  # alpha chosen the same way: 1e-4 gave 0.874, 3e-5 0.889, 3e-6 0.905 (six files)
MIN_LINES = 2  # a term in only one labelled line teaches nothing general
GROUP_SMALLEST = 1.0  # the danger groups' weights only choose whose words to say: the largest do that, in a fifth less file
SMALLEST = 0.3  # smaller weights are left out of the file: they hardly move a chance (0.3 scores as 0.1 did, in 40% less file)


def training_files(lang: str = "en") -> list[Path]:
    return sorted(p for p in DATA.glob(f"{lang}_*.yaml") if p.name not in NEVER)


def danger_files(lang: str = "en") -> list[Path]:
    return sorted(p for p in DANGER_DATA.glob(f"{lang}_*.yaml") if p.name not in NEVER)


def fingerprint(files: list[Path], rules_file: Path) -> str:
    digest = hashlib.sha256()
    for path in [*files, rules_file]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return "sha256:" + digest.hexdigest()[:12]


def train(lines: list[dict], normaliser, codes, trained_on: str, danger_lines=(), dangers=()) -> Learned:
    """Habit weights from `lines` (text, codes); danger weights from them and
    `danger_lines` (text, danger: a group or none), the habit lines' danger
    being the group of `dangers` (the rules') whose words appear in them.
    The danger weights read each line as the danger check does: with other
    people's quoted words, which the habits leave out."""
    clauses = [normaliser.clauses(line["text"]) for line in lines]
    found = [terms(c) for c in clauses]
    whole = [with_quotes(normaliser, line["text"], c) for line, c in zip(lines, clauses)]
    danger_found = [terms(normaliser.clauses(line["text"], quoted=True)) for line in danger_lines]
    idf = _idf(found + danger_found)
    vectors = [vector(f, idf) for f in found]
    sense_vectors = []
    jobs = {("habit", code): (False, [code in (line.get("codes") or []) for line in lines], ALPHA, SMALLEST)
            for code in codes}
    if danger_lines:
        groups = [d.name for d in dangers]
        found_in = [listed(w, dangers) for w in whole]
        named = [d.name if d else None for d in found_in] + [line["danger"] for line in danger_lines]
        sense_vectors = [v if w is c else vector(terms(w), idf) for v, w, c in zip(vectors, whole, clauses)]
        sense_vectors += [vector(f, idf) for f in danger_found]
        jobs[("sense", "")] = (True, [name not in (None, "none") for name in named], DANGER_ALPHA, SMALLEST)
        jobs.update({("danger", group): (True, [name == group for name in named], DANGER_ALPHA, GROUP_SMALLEST)
                     for group in groups})
    learned = dict(zip(jobs, _each(vectors, sense_vectors, list(jobs.values()))))
    weights = {code: learned[("habit", code)][0] for code in codes}
    bias = {code: learned[("habit", code)][1] for code in codes}
    if not danger_lines:
        return Learned(idf, weights, bias, ADDS, KEEPS, trained_on)
    danger = {d.name: learned[("danger", d.name)][0] for d in dangers}
    danger_bias = {d.name: learned[("danger", d.name)][1] for d in dangers}
    sense, sense_bias = learned[("sense", "")]
    return Learned(idf, weights, bias, ADDS, KEEPS, trained_on, danger, danger_bias, ALERT, sense, sense_bias, SENSE_SHARE,
                   STANDS_ALONE)


_SHARED = {}  # the vectors, for worker processes forked from this one


def _each(vectors, sense_vectors, jobs: list) -> list:
    """Each job's (weights, bias), learned on the habit lines alone or on
    every line as the danger check reads it; in parallel where the system
    can fork, and the same either way."""
    _SHARED.update(vectors=vectors, sense_vectors=sense_vectors)
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return [_job(job) for job in jobs]
    with context.Pool(min(len(jobs), os.cpu_count() or 1)) as pool:
        return pool.map(_job, jobs)


def _job(job):
    every, labels, alpha, smallest = job
    vectors = _SHARED["sense_vectors"] if every else _SHARED["vectors"]
    weights, bias = _logistic(vectors, labels, alpha)
    return {term: w for term, w in weights.items() if abs(w) >= smallest}, bias


def _idf(found: list) -> dict:
    count = len(found)
    seen = {}
    for terms_here in found:
        for term in terms_here:
            seen[term] = seen.get(term, 0) + 1
    return {t: math.log((1 + count) / (1 + n)) + 1 for t, n in seen.items() if n >= MIN_LINES}


def _logistic(vectors, labels, alpha=ALPHA):
    """Weights for one habit: log loss with an L2 penalty, each class
    weighted by how rare it is, learning rate 1 / (alpha (t0 + t)) as in
    Bottou's SGD; the weights are kept as w * scale so the penalty costs one
    multiplication a step."""
    positives = sum(labels) or 1
    negatives = (len(labels) - sum(labels)) or 1
    weight_of = {True: len(labels) / (2 * positives), False: len(labels) / (2 * negatives)}
    w, scale, b = {}, 1.0, 0.0
    t0 = 1.0 / (alpha * _initial_eta(alpha))
    order = list(range(len(vectors)))
    shuffle = random.Random(SEED)
    t = 0
    for _ in range(EPOCHS):
        shuffle.shuffle(order)
        for i in order:
            eta = 1.0 / (alpha * (t0 + t))
            x, y = vectors[i], 1.0 if labels[i] else -1.0
            margin = scale * sum(w.get(term, 0.0) * v for term, v in x.items()) + b
            gradient = -y / (1.0 + math.exp(y * margin)) if y * margin < 30 else 0.0
            gradient *= weight_of[labels[i]]
            scale *= 1.0 - eta * alpha
            if gradient:
                step = eta * gradient / scale
                for term, v in x.items():
                    w[term] = w.get(term, 0.0) - step * v
                b -= eta * gradient * 0.01  # the bias learns slowly, as in scikit-learn's SGD
            t += 1
    return {term: value * scale for term, value in w.items()}, b


def _initial_eta(alpha: float) -> float:
    """Bottou's heuristic for the first step (as scikit-learn's "optimal"
    schedule): a typical weight's size over the loss's slope there."""
    typical = math.sqrt(1.0 / math.sqrt(alpha))
    return typical / max(1.0, 1.0 / (1.0 + math.exp(-typical)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en")
    parser.add_argument("--check", action="store_true", help="only say whether the shipped file is current")
    args = parser.parse_args(argv)
    rules = builtin_rules(args.lang)
    files, dangers = training_files(args.lang), danger_files(args.lang)
    lines, danger_lines = labelled(files), labelled(dangers)
    weighed = [h.code for h in rules.habits if not rules_only(h)]  # a label's words are the rules' alone
    text = dumps(train(lines, rules.normaliser, weighed, fingerprint(files + dangers, rules_path(builtin_root(), args.lang)),
                       danger_lines, rules.danger))
    target = builtin_root() / "words" / f"{args.lang}.learned.json"
    return write_or_check(target, text, args.check, "train_words.py",
                          f"learned from {len(lines)} labelled lines in {len(files)} files and "
                          f"{len(danger_lines)} danger lines in {len(dangers)}")


def labelled(files: list[Path]) -> list[dict]:
    return [line for path in files for line in yaml.safe_load(path.read_text(encoding="utf-8"))]


if __name__ == "__main__":
    sys.exit(main())
