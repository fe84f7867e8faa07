"""Train the ML stage's classifier heads on training/dataset.jsonl (needs the extra gesta[ml]).

    python tools/train_classifiers.py [--out src/gesta/models/ml_heads] [--folds 5]
                                      [--tune-layers 2 | --tune-layers 0 --hidden 128]
                                      [--tune-on GOLD|training|none] [--retune]

Reproducible: fixed seeds, one thread. Steps:
1. encode every training sentence with the configured encoder: by default (``--tune-layers
   2``) up to the layers that are fine-tuned (``encoder_tuning.py``); with ``--tune-layers 0``
   the whole (frozen) encoder, cached on disk;
2. cross-validate with folds that hold out whole templates (``group``): fine-tune the top
   layers with one linear head per label set on four folds and predict the fifth (or fit MLP
   heads on frozen embeddings); report accuracy and macro-F1, keep the out-of-fold probabilities;
3. tune the combination thresholds: by default for the best type accuracy ``gesta evaluate``
   reports on the samples gold (news-like records written for the project; never the
   development or held-back gold), with the final heads; or (``--tune-on training``) on the
   out-of-fold predictions and the pattern coder's events on the training sentences;
4. train on all the data and write ``<name>.npz`` + ``meta.json`` (+ ``encoder_layers.npz``).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")  # one core: the machine is shared, and results stay exact

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from gesta.ml.cache import EmbeddingCache
from gesta.ml.classifier import Prediction, SentenceClassifier
from gesta.ml.config import MLConfig
from gesta.ml.encoder import load_encoder
from gesta.ml.heads import HEAD_NAMES, NONE_LABEL, Heads, LinearHead, load_heads, packaged_heads_dir
from gesta.ml.tuned_layers import LAYERS_FILE, TunedLayers, save_layers, tuned_layers_of

sys.path.insert(0, str(REPO / "tools"))
from encoder_tuning import TuningOptions, base_states, fine_tune, label_set
from encoder_tuning import embed as tuning_embed

log = logging.getLogger("train_classifiers")
SEED = 20240611
DATASET = REPO / "training" / "dataset.jsonl"
# news-like records written for the project: the patterns code them about as well as they code news,
# which the training sentences (written to be hard) do not
SAMPLES_GOLD = REPO / "src" / "gesta" / "data" / "eval" / "samples-gold.jsonl"


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def targets(rows: list[dict[str, Any]], head: str) -> tuple[np.ndarray, list[str]]:
    """Row indices a head trains on and their labels."""
    if head == "event":
        return np.arange(len(rows)), ["yes" if r["event"] else "no" for r in rows]
    if head in ("cameo_root", "plover"):
        keep = [i for i, r in enumerate(rows) if r["event"]]
        return np.array(keep), [r[head] or NONE_LABEL for r in (rows[i] for i in keep)]
    return np.arange(len(rows)), [r[head] or NONE_LABEL for r in rows]


TRAINING = {"l2": 1e-4, "steps": 400, "lr": 0.01, "members": 3}


def fit(x: np.ndarray, labels: Sequence[str], hidden: int = 0) -> LinearHead:
    """``TRAINING["members"]`` heads trained from different seeds, merged into one head whose
    logits are their mean (hidden layers side by side, output weights divided by the count).
    One member trained with the old settings (learning rate 0.03, 300 steps) cross-validated
    between 0.687 and 0.728 (CAMEO root) depending on the seed alone."""
    members = [fit_one(x, labels, hidden, seed=SEED + i) for i in range(max(1, TRAINING["members"]))]
    if len(members) == 1 or not hidden:
        return members[0] if len(members) == 1 else _mean_linear(members)
    return LinearHead(members[0].labels, np.concatenate([m.weights for m in members]) / len(members),
                      np.mean([m.bias for m in members], axis=0),
                      np.concatenate([m.hidden for m in members], axis=1),  # type: ignore[misc]
                      np.concatenate([m.hidden_bias for m in members]))  # type: ignore[misc]


def _mean_linear(members: list[LinearHead]) -> LinearHead:
    return LinearHead(members[0].labels, np.mean([m.weights for m in members], axis=0), np.mean([m.bias for m in members], axis=0))


def fit_one(x: np.ndarray, labels: Sequence[str], hidden: int = 0, seed: int = SEED) -> LinearHead:
    """Softmax regression (or a one-hidden-layer MLP) with Adam, full batch, fixed seed."""
    l2, steps, lr = TRAINING["l2"], int(TRAINING["steps"]), TRAINING["lr"]
    classes = sorted(set(labels))
    y = np.eye(len(classes), dtype=np.float32)[[classes.index(v) for v in labels]]
    rng = np.random.default_rng(seed)
    params = _init(rng, x.shape[1], hidden, len(classes))
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for step in range(1, steps + 1):
        grads = _gradients(params, x, y, l2)
        for p, g, (m, v) in zip(params, grads, moments):
            m *= 0.9
            m += 0.1 * g
            v *= 0.999
            v += 0.001 * g * g
            p -= lr * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    if hidden:
        return LinearHead(tuple(classes), params[2], params[3], params[0], params[1])
    return LinearHead(tuple(classes), params[0], params[1])


def _init(rng: np.random.Generator, dim: int, hidden: int, k: int) -> list[np.ndarray]:
    if not hidden:
        return [np.zeros((dim, k), np.float32), np.zeros(k, np.float32)]
    return [rng.normal(0, np.sqrt(2 / dim), (dim, hidden)).astype(np.float32), np.zeros(hidden, np.float32),
            rng.normal(0, np.sqrt(1 / hidden), (hidden, k)).astype(np.float32), np.zeros(k, np.float32)]


def _gradients(params: list[np.ndarray], x: np.ndarray, y: np.ndarray, l2: float) -> list[np.ndarray]:
    n = len(x)
    if len(params) == 2:
        p = _softmax(x @ params[0] + params[1])
        d = (p - y) / n
        return [x.T @ d + l2 * params[0], d.sum(0)]
    h_pre = x @ params[0] + params[1]
    h = np.maximum(h_pre, 0)
    d = (_softmax(h @ params[2] + params[3]) - y) / n
    dh = (d @ params[2].T) * (h_pre > 0)
    return [x.T @ dh + l2 * params[0], dh.sum(0), h.T @ d + l2 * params[2], d.sum(0)]


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def folds_by_group(groups: Sequence[str], k: int) -> np.ndarray:
    """Fold number per row; every group (a template, or one hand-written sentence) in one fold."""
    unique = sorted(set(groups))
    order = np.random.default_rng(SEED).permutation(len(unique))
    fold_of = {unique[j]: i % k for i, j in enumerate(order)}
    return np.array([fold_of[g] for g in groups])


def cross_validate(x: np.ndarray, labels: list[str], folds: np.ndarray, hidden: int) -> tuple[dict[str, float], np.ndarray, list[str]]:
    classes = sorted(set(labels))
    oof = np.zeros((len(labels), len(classes)))
    for fold in sorted(set(folds)):
        train, test = folds != fold, folds == fold
        head = fit(x[train], [l for l, t in zip(labels, train) if t], hidden)
        probs = head.probabilities(x[test])
        for column, label in enumerate(head.labels):
            oof[np.where(test)[0], classes.index(label)] = probs[:, column]
    predicted = [classes[i] for i in oof.argmax(1)]
    return scores(labels, predicted) | {"per_class": per_class(labels, predicted)}, oof, classes


def per_class(gold: list[str], predicted: list[str]) -> dict[str, dict[str, Any]]:
    """Per gold label: count, recall, F1 and the three labels it is most often mistaken for."""
    report = {}
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        n = sum(g == label for g in gold)
        wrong = Counter(p for g, p in zip(gold, predicted) if g == label != p).most_common(3)
        report[label] = {"n": n, "recall": round(tp / n, 3), "f1": round(2 * tp / (tp + fp + n), 3) if tp else 0.0,
                         "confused_with": dict(wrong)}
    return report


def scores(gold: list[str], predicted: list[str]) -> dict[str, float]:
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
    f1s = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return {"accuracy": round(accuracy, 4), "macro_f1": round(sum(f1s) / len(f1s), 4), "n": len(gold)}


def code_table(rows: list[dict[str, Any]]) -> dict[str, str]:
    """(root, PLOVER type) -> CAMEO code: the root's generic code when it has that type, else
    the shortest (then most frequent) code of that pair in the training data."""
    from gesta.codes import load_codebook

    codebook = load_codebook()
    counts: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        if row["cameo"]:
            counts[(row["cameo_root"], row["plover"] or NONE_LABEL, row["cameo"])] += 1
    table: dict[str, str] = {}
    for (root, plover, code), _ in sorted(counts.items(), key=lambda kv: (len(kv[0][2]), -kv[1], kv[0][2])):
        generic = codebook.plover_for(root + "0")
        if (generic.type if generic else NONE_LABEL) == plover:
            table[f"{root}/{plover}"] = root + "0"
        table.setdefault(f"{root}/{plover}", code)
    return table


def embed_rows(rows: list[dict[str, Any]], config: MLConfig) -> tuple[np.ndarray, str]:
    encoder = load_encoder(config)
    cache = EmbeddingCache(encoder.name, size=len(rows) + 1, disk=True)
    started = time.perf_counter()
    x = cache.embed([r["text"] for r in rows], encoder.encode)
    log.info("embedded %d sentences in %.1fs (%d from cache)", len(rows), time.perf_counter() - started, cache.hits)
    return x, encoder.name


def out_of_fold_predictions(rows: list[dict[str, Any]], oof: dict[str, tuple[np.ndarray, list[str]]]) -> dict[str, Prediction]:
    """Predictions as the stage would see them, from out-of-fold probabilities (all rows)."""
    found = {}
    for i, row in enumerate(rows):
        def table(head: str, row: int = i) -> dict[str, float]:
            probs, classes = oof[head]
            return dict(zip(classes, (float(p) for p in probs[row])))

        acled, sub = table("acled_event"), table("acled_sub_event")
        best_type, best_sub = max(acled, key=acled.__getitem__), max(sub, key=sub.__getitem__)
        found[row["text"]] = Prediction(table("event").get("yes", 0.0), table("cameo_root"), table("plover"),
                                        None if best_type == NONE_LABEL else best_type,
                                        None if best_sub == NONE_LABEL else best_sub)
    return found


@dataclasses.dataclass(frozen=True)
class Scorer:
    """What :func:`tune` maximises: ``trial(thresholds, with_events)`` gives the weighted number
    of items right (only items whose pattern events exist, or not, as ``with_events`` says;
    all when None)."""

    trial: Callable[[dict[str, Any], bool | None], float]
    weights: list[float]
    metric: str

    def accuracy(self, thresholds: dict[str, Any]) -> float:
        return round(self.trial(thresholds, None) / sum(self.weights), 4)


class _OneOpinion:
    """Stands in for the classifier while tuning: every sentence gets the row's prediction."""

    def __init__(self) -> None:
        self.current: Prediction | None = None

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        assert self.current is not None
        return [self.current for _ in texts]


def pattern_articles(rows: list[dict[str, Any]]) -> list[Any]:
    """Every training sentence coded by the pattern coder alone (events kept to reset from)."""
    import gesta

    pipeline = gesta.load()
    started = time.perf_counter()
    articles = [pipeline(row["text"], article_id=row["id"]) for row in rows]
    log.info("pattern coder on %d training sentences: %.1fs", len(rows), time.perf_counter() - started)
    return articles


def training_scorer(rows: list[dict[str, Any]], predictions: dict[str, Prediction], codes: dict[str, str]) -> Scorer:
    """Main-event PLOVER accuracy on the training sentences, from out-of-fold predictions. No-event
    sentences are weighted so that they count as much as event sentences in total (news has far
    more of them than the training data)."""
    from gesta.ml.combine import Rules
    from gesta.ml.stage import plover_types

    articles = pattern_articles(rows)
    saved = [[dataclasses.replace(e) for e in a.events] for a in articles]
    trial, weights = _scorer(rows, articles, saved, predictions,
                             Rules(codes=codes, specificity=_specificity(), types=plover_types()))
    return Scorer(trial, weights, "main-event PLOVER type accuracy on the training sentences (out-of-fold "
                                  "predictions; no-event sentences weighted to half of the total)")


def gold_scorer(path: Path, classifier: Any, codes: dict[str, str], pipeline: Any = None) -> Scorer:
    """The type accuracy ``gesta evaluate`` reports on a gold file (records the heads never saw),
    for given thresholds; the pattern ``pipeline`` (default: ``gesta.load()``) runs once, the
    classify stage per trial."""
    import gesta
    from gesta.evaluation.gold import read_gold
    from gesta.evaluation.score import (
        EvaluationReport,
        legacy_actor_codes,
        modernise_codes,
        score_record,
    )
    from gesta.ml.combine import Rules
    from gesta.ml.stage import ClassifyStage, plover_types

    pipeline = pipeline or gesta.load()
    codebook = pipeline.context.codebook
    legacy = legacy_actor_codes()
    records = [modernise_codes(r, legacy) for r in read_gold(path, codebook.modern_plover)]
    articles = [pipeline(r.text, published=r.published, article_id=r.id) for r in records]
    saved = [[dataclasses.replace(e) for e in a.events] for a in articles]
    base = Rules(codes=codes, specificity=_specificity(), types=plover_types())

    def trial(values: dict[str, Any], with_events: bool | None) -> float:
        stage = ClassifyStage(classifier, base.with_thresholds(values))
        report = EvaluationReport()
        for record, article, events in zip(records, articles, saved, strict=True):
            if with_events is not None and bool(events) != with_events:
                continue
            article.events = [dataclasses.replace(e) for e in events]
            score_record(report, record, stage(article), codebook)
        return float(report.type_correct)

    return Scorer(trial, [1.0] * len(records), f"type accuracy of gesta evaluate on {_shown(path)}")


def tune(scorer: Scorer) -> tuple[dict[str, Any], dict[str, Any]]:
    """Thresholds maximising ``scorer`` (from :func:`training_scorer` or :func:`gold_scorer`).
    For every event gate, the review thresholds are tuned on sentences with pattern events and
    ``propose_root`` on the others (ties: the higher, more cautious thresholds); the vote (which
    head picks the answer, see :mod:`gesta.ml.combine`) is chosen the same way."""
    from gesta.ml.combine import VOTES

    best: tuple[float, int, float, dict[str, Any]] | None = None
    by_vote: dict[str, float] = {}
    for rank, vote in enumerate(VOTES):  # ties: the earlier (simpler) vote
        for gate in (0.5, 0.6, 0.7, 0.8, 0.9):
            review = max(((scorer.trial({"vote": vote, "event": gate, **dict(zip(REVIEW, t))}, True), t)
                          for t in REVIEW_GRID), key=lambda st: (st[0], sum(st[1])))
            propose = max(((scorer.trial({"vote": vote, "event": gate, "propose_root": r}, False), (r,))
                           for r in PROPOSE_GRID), key=lambda st: (st[0], sum(st[1])))
            total = review[0] + propose[0]
            chosen = {"vote": vote, "event": gate, **dict(zip(REVIEW, review[1])), "propose_root": propose[1][0]}
            by_vote[vote] = max(by_vote.get(vote, 0.0), total)
            if best is None or (total, -rank, gate) >= (best[0], -best[1], best[2]):
                best = (total, rank, gate, chosen)
    assert best is not None
    chosen = best[3]
    off: dict[str, Any] = {"event": 1.01, "confirm": 1.01, "correct_vague": 1.01, "correct_specific": 1.01, "propose_root": 1.01}
    report = {"metric": scorer.metric, "patterns_only": scorer.accuracy(off), "combined": scorer.accuracy(chosen),
              "combined_by_vote": {v: round(t / sum(scorer.weights), 4) for v, t in by_vote.items()}}
    log.info("tuned thresholds %s: %s %.3f -> %.3f", chosen, report["metric"], report["patterns_only"], report["combined"])
    return chosen, report


REVIEW = ("confirm", "correct_vague", "correct_specific")
# a vague pattern event never needs more confidence to be corrected than a specific one
REVIEW_GRID = [t for t in itertools.product((0.2, 0.3, 0.5), (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01), (0.8, 0.9, 0.95, 1.01))
               if t[1] <= t[2]]
PROPOSE_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)


def _specificity() -> dict[str, int]:
    from gesta.ml.stage import pattern_specificity
    from gesta.registry import StageContext
    from gesta.settings import Settings

    return pattern_specificity(StageContext(Settings()))


def _scorer(rows: list[dict[str, Any]], articles: list[Any], saved: list[list[Any]],
            predictions: dict[str, Prediction], base: Any) -> tuple[Callable[[dict[str, Any], bool | None], float], list[float]]:
    from gesta.codes import load_codebook
    from gesta.evaluation.score import ranked_events
    from gesta.ml.stage import ClassifyStage

    codebook = load_codebook()
    opinion = _OneOpinion()
    n_events = sum(1 for r in rows if r["event"])
    weights = [1.0 if r["event"] else n_events / max(1, len(rows) - n_events) for r in rows]

    def plover(event: Any) -> str | None:
        found = codebook.plover_for(event.cameo)
        return found.type if found else None

    def trial(values: dict[str, Any], with_events: bool | None) -> float:
        stage = ClassifyStage(opinion, base.with_thresholds(values))  # type: ignore[arg-type]
        correct = 0.0
        for row, article, events, weight in zip(rows, articles, saved, weights, strict=True):
            if with_events is not None and bool(events) != with_events:
                continue
            article.events = [dataclasses.replace(e) for e in events]
            opinion.current = predictions[row["text"]]
            stage(article)
            main = next((t for t in map(plover, ranked_events(article)) if t), None)
            correct += weight * (main == row["plover"] if row["plover"] else main is None)
        return correct

    return trial, weights


HeadsResult = tuple[dict[str, dict[str, Any]], dict[str, tuple[np.ndarray, list[str]]], dict[str, LinearHead], str, dict[str, Any]]


def frozen_heads(rows: list[dict[str, Any]], folds: np.ndarray, config: MLConfig, hidden: int) -> HeadsResult:
    """MLP heads on the stock encoder's embeddings: CV scores, out-of-fold probabilities, heads."""
    x, encoder_name = embed_rows(rows, config)
    cv: dict[str, dict[str, Any]] = {}
    oof: dict[str, tuple[np.ndarray, list[str]]] = {}
    heads: dict[str, LinearHead] = {}
    for name in HEAD_NAMES:
        index, labels = targets(rows, name)
        cv[name], probs, classes = cross_validate(x[index], labels, folds[index], hidden)
        full = np.zeros((len(rows), len(classes)))
        full[index] = probs
        oof[name] = (full, classes)
        heads[name] = fit(x[index], labels, hidden)
        _log_cv(name, cv[name], len(classes))
    return cv, oof, heads, encoder_name, {"hidden": hidden}


def tuned_heads(rows: list[dict[str, Any]], folds: np.ndarray, config: MLConfig, options: TuningOptions,
                out: Path) -> HeadsResult:
    """Top layers fine-tuned with linear heads, once per fold (out-of-fold scores) and once on
    all rows (what ships: the heads and ``encoder_layers.npz`` in ``out``)."""
    model = load_encoder(dataclasses.replace(config, quantize=False)).model
    runner = load_encoder(config).model if config.quantize else None
    base = base_states(model, [r["text"] for r in rows], options, runner)
    labels = {name: label_set(*targets(rows, name)) for name in HEAD_NAMES}
    oof = {name: (np.zeros((len(rows), len(found.classes))), list(found.classes)) for name, found in labels.items()}
    for fold in sorted(set(folds.tolist())):
        log.info("fine-tuning without fold %d", fold)
        tuned = fine_tune(base, labels, np.where(folds != fold)[0], options)
        held_out = np.where(folds == fold)[0]
        x = tuning_embed(base, tuned, held_out)
        for name, head in tuned.heads.items():
            oof[name][0][held_out] = head.probabilities(x)
    cv = {}
    for name, found in labels.items():
        gold = [found.classes[t] for t in found.targets]
        predicted = [found.classes[i] for i in oof[name][0][found.rows].argmax(1)]
        cv[name] = scores(gold, predicted) | {"per_class": per_class(gold, predicted)}
        _log_cv(name, cv[name], len(found.classes))
    log.info("fine-tuning on all %d sentences", len(rows))
    final = fine_tune(base, labels, np.arange(len(rows)), options)
    save_layers(out / LAYERS_FILE, final.layers)
    layers = TunedLayers.load(out / LAYERS_FILE)
    name = f"{config.model}+{layers.tag}{'+int8' if config.quantize else ''}"
    entry = {"file": LAYERS_FILE, "layers": sorted(final.layers), "sha256": layers.digest}
    return cv, oof, final.heads, name, {"tuned_layers": entry}


def _shown(path: Path) -> str:
    """``path`` relative to the repository when it is inside it."""
    resolved = path.resolve()
    return str(resolved.relative_to(REPO)) if resolved.is_relative_to(REPO) else str(resolved)


def _log_cv(name: str, found: dict[str, Any], classes: int) -> None:
    log.info("%-16s CV accuracy %.3f  macro-F1 %.3f  (n=%d, %d classes)", name, found["accuracy"],
             found["macro_f1"], found["n"], classes)


def retune(directory: Path, gold: str, threads: int) -> int:
    """Tune the thresholds of the heads in ``directory`` on a gold file and rewrite their meta data."""
    if gold in ("training", "none"):
        raise SystemExit("--retune needs a gold file for --tune-on (out-of-fold predictions are not kept)")
    heads = load_heads(directory)
    config = MLConfig(threads=threads)  # the packaged encoder, which the heads in the repository are trained on
    classifier = SentenceClassifier(load_encoder(config, tuned_layers_of(directory, heads.meta)), heads)
    thresholds, tuning = tune(gold_scorer(Path(gold), classifier, heads.meta.get("codes", {})))
    Heads(heads.heads, heads.meta | {"thresholds": thresholds, "tuning": tuning}).save(directory)
    log.info("wrote thresholds to %s", directory / "meta.json")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATASET)
    parser.add_argument("--out", type=Path, default=packaged_heads_dir())
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--hidden", type=int, default=128, help="hidden units (0: softmax regression)")
    parser.add_argument("--members", type=int, default=TRAINING["members"], help="heads per label set, merged (mean logits)")
    parser.add_argument("--lr", type=float, default=TRAINING["lr"])
    parser.add_argument("--steps", type=int, default=TRAINING["steps"])
    parser.add_argument("--l2", type=float, default=TRAINING["l2"])
    parser.add_argument("--model", default=None, help="sentence-transformers model (default: the packaged one)")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--tune-on", default=str(SAMPLES_GOLD),
                        help="tune the thresholds on this gold file (default: the samples gold), on 'training' "
                             "(the training sentences, out-of-fold), or 'none' (keep the defaults)")
    parser.add_argument("--tune-layers", type=int, default=2,
                        help="fine-tune the encoder's top N layers with linear heads (0: frozen encoder, MLP heads)")
    parser.add_argument("--epochs", type=int, default=TuningOptions.epochs, help="epochs of fine-tuning")
    parser.add_argument("--report", type=Path, default=REPO / "training" / "cv_scores.json")
    parser.add_argument("--retune", action="store_true",
                        help="keep the heads in --out and only tune their thresholds on the --tune-on gold file")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.retune:
        return retune(args.out, args.tune_on, args.threads)
    TRAINING.update(members=args.members, lr=args.lr, steps=args.steps, l2=args.l2)
    config = MLConfig(threads=args.threads, **({"model": args.model} if args.model else {}))
    rows = read_rows(args.data)
    folds = folds_by_group([r["group"] for r in rows], args.folds)
    if args.tune_layers:
        options = TuningOptions(layers=args.tune_layers, epochs=args.epochs)
        cv, oof, heads, encoder_name, extra_meta = tuned_heads(rows, folds, config, options, args.out)
        training: dict[str, Any] = {"tuned": dataclasses.asdict(options)}
    else:
        cv, oof, heads, encoder_name, extra_meta = frozen_heads(rows, folds, config, args.hidden)
        training = dict(TRAINING) | {"hidden": args.hidden}
    thresholds: dict[str, Any] = {}
    tuning: dict[str, Any] = {}
    if args.tune_on == "training":
        thresholds, tuning = tune(training_scorer(rows, out_of_fold_predictions(rows, oof), code_table(rows)))
    elif args.tune_on != "none":
        classifier = SentenceClassifier(load_encoder(config, tuned_layers_of(args.out, extra_meta)), Heads(heads))
        thresholds, tuning = tune(gold_scorer(Path(args.tune_on), classifier, code_table(rows)))
    meta = {"encoder": encoder_name, "dim": heads["cameo_root"].input_dim, "trained_on": _shown(args.data),
            "sentences": len(rows), "folds": args.folds, "seed": SEED, "training": training,
            "cv": {name: {k: v for k, v in found.items() if k != "per_class"} for name, found in cv.items()},
            "thresholds": thresholds, "tuning": tuning, "codes": code_table(rows)} | extra_meta
    Heads(heads, meta).save(args.out)
    args.report.write_text(json.dumps({"cv": cv, "training": training, "thresholds": thresholds, "tuning": tuning}, indent=2) + "\n", "utf-8")
    log.info("wrote %s and %s", args.out, args.report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
