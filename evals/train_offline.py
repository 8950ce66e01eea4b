"""Fit the offline model and measure it across authors: `python evals/train_offline.py`.

Training data: the seed dataset's train split (`evals/datasets/linkedin_dms.jsonl`, one
author) and every batch in `evals/corpus/` (each written separately, under its own brief;
see the datasheets beside them) but the UNSEEN ones. The seed test split is never trained
on: it stays the CI gate's regression check.

What it prints (and writes to `evals/offline_model_report.json`):
- leave-one-batch-out scores: fitted without a batch, scored on it (the seed batch is
  scored on its test split), for the chosen settings;
- the settings grid, chosen by the verdicts issue's targets: the best mean
  leave-one-batch-out macro-F1 among settings whose mean share of relationship messages
  called spam is at most FRIENDS_CALLED_SPAM_CEILING (the fewest called spam if none is);
- the temperature, fitted on the held-out predictions of the chosen settings.
Then it fits on everything, scores that model on the UNSEEN batches and the public
corpora's score halves, and writes `reply_assistant/data/offline_model.npz`.

`--rescore` fits nothing: it scores the shipped model on the UNSEEN batches and the public
halves again, so a batch written after the model is measured in the report too.

Embeddings are cached in `--cache` (a state file), so a rerun embeds only new rows.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.metrics import f1_score
from sklearn.neural_network import MLPClassifier

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evals"))

import public_corpora  # noqa: E402

from reply_assistant.backends.offline.conversation import weigh_threads  # noqa: E402
from reply_assistant.backends.offline.encoder import ENCODER_ID, Encoder  # noqa: E402
from reply_assistant.backends.offline.features import (  # noqa: E402
    FEATURES_ID,
    message_features,
)
from reply_assistant.backends.offline.model import (  # noqa: E402
    MODEL_FILE,
    EmbeddingModel,
    Layer,
    judgements,
    network_logits,
    softmax,
)
from reply_assistant.config import cache_dir  # noqa: E402
from reply_assistant.models import ThreadTurn, with_subject  # noqa: E402
from reply_assistant.store import Store  # noqa: E402

SEED = ROOT / "evals" / "datasets" / "linkedin_dms.jsonl"
CORPUS = ROOT / "evals" / "corpus"
OUTPUT = ROOT / "reply_assistant" / "data" / MODEL_FILE
REPORT = ROOT / "evals" / "offline_model_report.json"
CLASSES = ("relationship", "spam", "unclear")
# One hidden layer of this many rectified units: a logistic regression on the same
# features (the model before 2026-12-06) could not tell who pays whom; at matched shares of
# friends called spam this reads better on every batch held out (docs/offline-model.md).
HIDDEN_UNITS = 256
# The networks of one model: one per seed, their logits averaged (`merged_layers`). A
# single fit's scores moved by about 0.003 macro-F1 from seed to seed, as much as the
# differences the grid chose between; the mean of three is steadier (docs/offline-model.md).
SEEDS = (0, 1, 2)
# The leave-one-batch-out fits that choose the threshold and the temperature: one seed
# each. With 25 batches, three seeds a fit took over an hour on two cores; a seed moves a
# batch's score by about 0.003, less than the thresholds differ by.
HELD_OUT_SEEDS = (0,)
# The weight penalty (scikit-learn's `alpha`). Stopping early on a tenth held aside was
# measured and not kept: it stopped after about 46 passes, and read worse on every batch
# held out than training to convergence (docs/offline-model.md). Relationship weight 1
# was never chosen in the logistic regression's grid. With one seed the two-by-two grid
# (alpha 0.001 and 0.01, relationship weight 1.5 and 2) chose these (2026-12-06); with
# three seeds a setting costs about 25 minutes, so only the chosen one is fitted. Add
# values to search again.
GRID_ALPHA = (1e-2,)
GRID_RELATIONSHIP_WEIGHT = (1.5,)
# 0.65 since 2026-12-08: refitted on the numpy encoder's vectors, 0.6 called 3.5% of
# friends spam held out and 0.7 2.3%, so the rule jumped a whole step past the ceiling.
GRID_SPAM_THRESHOLD = (0.0, 0.5, 0.6, 0.65, 0.7, 0.8)
# Settings are chosen against the verdicts issue's targets, fixed outside this script: at
# most this share of friends called spam, and within it the best macro-F1. The rule before
# (macro-F1 at least 0.85, then the fewest called spam) picked the same setting for model
# 92d34cc47c, but once the `pivots` batch (every message a warm opener, the hardest to hold
# out) joined the mean no setting reached both targets and it gave way on the friends.
FRIENDS_CALLED_SPAM_CEILING = 0.03
# Rows taken from the public corpora's train halves (their score halves are never trained
# on); a few hundred, so one kind of message does not outweigh the inbox batches.
PUBLIC_TRAIN = {"sms_ham": 300, "sms_spam": 150, "chitchat": 150}
PUBLIC_SCORE = 600
PUBLIC = ("sms", "chitchat")
# Batches written to measure, never fitted on: the report scores the final model on them,
# so every model has a measure on inbox messages it has not seen. `inboxmix` (an inbox as a
# real export shows it, with clients and suppliers talking money) and `turns` (40 minimal
# pairs, threads, a quarter not in English) were written on 2026-12-07 by two helpers who
# read only the label guidelines. The twelve batches that measured before them (`services`
# … `headers`, written 2026-12-06 and 07) are fitted on since model 5ebd55ad8f: fitted without
# one of them and with the other eleven, the model read each held-out batch better than
# without all twelve (mean macro-F1 0.880 → 0.902, friends called spam 2.0% → 1.6%;
# docs/offline-model.md, "Fitting on the measured batches"). `trades` (twelve small-business
# inboxes: customers, suppliers and tenants paying and being paid) was written on
# 2026-12-08 by a helper who read only the label guidelines; `ledger` (money and logistics
# with the people the owner deals with), by another the same day, was written to be fitted
# on, but fitted with it the model read no batch measurably better, so it measures instead.
# `stage` (messages about the owner's public work: talks, articles, open-source projects,
# where a real question and a pitch open alike) was written on 2026-12-08 by a helper who
# read only the label guidelines, after the demo's "Loved your talk … are the slides
# online?" was called spam.
UNSEEN = ("inboxmix", "turns", "trades", "ledger", "stage")


@dataclass(frozen=True)
class Row:
    batch: str
    label: str
    text: str
    first_degree: bool | None
    train: bool  # False only for the seed's test split
    thread: tuple[ThreadTurn, ...] = ()  # earlier messages, as the backend gets them
    pair: str | None = None  # minimal pairs (same opening, another ask) share this


def public_rows() -> tuple[list[Row], dict[str, list[Row]]]:
    """Training samples from the public corpora's train halves, and their score halves."""
    sms = public_corpora.sms_messages()
    chitchat = public_corpora.chitchat_openers()

    def pick(messages, label, half, count):
        chosen = [m for m in messages if m.label == label and m.half == half]
        chosen.sort(key=lambda m: hashlib.sha256(m.text.encode()).hexdigest())
        return [Row(m.corpus, m.label, m.text, None, True) for m in chosen[:count]]

    train = [
        *pick(sms, "relationship", "train", PUBLIC_TRAIN["sms_ham"]),
        *pick(sms, "spam", "train", PUBLIC_TRAIN["sms_spam"]),
        *pick(chitchat, "relationship", "train", PUBLIC_TRAIN["chitchat"]),
    ]
    score = {
        "sms ham (personal texts)": pick(sms, "relationship", "score", PUBLIC_SCORE),
        "sms spam": pick(sms, "spam", "score", PUBLIC_SCORE),
        "chitchat openers": pick(chitchat, "relationship", "score", PUBLIC_SCORE),
    }
    return train, score


def read_rows(unseen: bool = False) -> list[Row]:
    """The labelled rows the model is fitted and measured on (the seed dataset and the
    corpus batches), or with `unseen` those of the UNSEEN batches, which it never is. A
    batch's file is named after it, so an unseen batch is never read for fitting, here or
    in the benchmarks that refit."""
    corpus = [path for path in sorted(CORPUS.glob("*.jsonl")) if (path.stem in UNSEEN) == unseen]
    rows = []
    for path in corpus if unseen else [SEED, *corpus]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            data = json.loads(line)
            rows.append(
                Row(
                    batch=data.get("batch", "seed"),
                    label=data["label"],
                    # As the backend reads it: the subject line, when there is one, first.
                    text=with_subject(data.get("subject", ""), data["text"]),
                    first_degree=data.get("first_degree"),
                    train=data.get("split", "train") == "train",
                    thread=tuple(
                        ThreadTurn(turn.get("from", ""), turn["text"], turn.get("from") == "me")
                        for turn in data.get("thread") or ()
                    ),
                    pair=data.get("pair"),
                )
            )
    return rows


@dataclass(frozen=True)
class Fitted:
    classes: tuple[str, ...]
    layers: tuple[Layer, ...]  # as EmbeddingModel holds them: (units, inputs) weights


def fit(
    x: np.ndarray,
    y: np.ndarray,
    alpha: float,
    relationship_weight: float,
    seeds: tuple[int, ...] = SEEDS,
) -> Fitted:
    """A network per seed, each trained until its training loss stops falling, merged
    into one whose logits are the mean of theirs."""
    weights = np.where(y == "relationship", relationship_weight, 1.0)
    networks = [
        MLPClassifier(
            hidden_layer_sizes=(HIDDEN_UNITS,), alpha=alpha, max_iter=300, random_state=seed
        ).fit(x, y, sample_weight=weights)
        for seed in seeds
    ]
    return Fitted(tuple(networks[0].classes_), merged_layers(networks))


def merged_layers(networks: list[MLPClassifier]) -> tuple[Layer, Layer]:
    """One network with a hidden layer each: their hidden units side by side, and each
    one's output weights divided by how many there are, so the merged logits are the mean
    of the networks' logits, and the shipped model file and backend stay as they were."""
    hidden = (
        np.concatenate([network.coefs_[0].T for network in networks]),
        np.concatenate([network.intercepts_[0] for network in networks]),
    )
    output = (
        np.concatenate([network.coefs_[1].T for network in networks], axis=1) / len(networks),
        np.mean([network.intercepts_[1] for network in networks], axis=0),
    )
    return hidden, output


def weighed(probabilities: np.ndarray, rows: list[Row]) -> np.ndarray:
    """The probabilities as the backend weighs them with each row's thread."""
    return weigh_threads(probabilities, [row.thread for row in rows], CLASSES.index("spam"))


def judged_labels(model: EmbeddingModel, encoder: Encoder, rows: list[Row]) -> np.ndarray:
    """The shipped model's labels for `rows`, as the backend gives them (thread odds too)."""
    _, features = message_features(encoder, [row.text for row in rows])
    judged = model.judge(weighed(model.probabilities(features), rows))
    return np.array([judgement.label.value for judgement in judged])


def decide(probabilities: np.ndarray, threshold: float) -> np.ndarray:
    """The shipped decision rule's labels at spam threshold `threshold`."""
    return np.array([j.label.value for j in judgements(probabilities, CLASSES, threshold)])


def scores(
    truth: np.ndarray,
    predicted: np.ndarray,
    first_degree: np.ndarray,
    pairs: np.ndarray | None = None,
) -> dict:
    def share(true_label: str, predicted_label: str) -> float | None:
        """Of the rows labelled `true_label`, the share judged `predicted_label`."""
        rows = truth == true_label
        return round(float(np.mean(predicted[rows] == predicted_label)), 4) if rows.any() else None

    connection_spam = (truth == "spam") & (first_degree == 1)
    both_right: dict[str, bool] = {}
    for pair, right in zip(
        pairs if pairs is not None else [None] * len(truth), truth == predicted, strict=True
    ):
        if pair is not None:
            both_right[pair] = both_right.get(pair, True) and bool(right)
    return {
        "n": len(truth),
        "macro_f1": round(float(f1_score(truth, predicted, average="macro", labels=CLASSES)), 4),
        "accuracy": round(float(np.mean(truth == predicted)), 4),
        "relationship_called_spam": share("relationship", "spam"),
        "spam_recall": share("spam", "spam"),
        "unclear_recall": share("unclear", "unclear"),
        "first_degree_spam_caught": f"{int(np.sum(predicted[connection_spam] == 'spam'))}"
        f"/{int(connection_spam.sum())}",
        "minimal_pairs_both_right": f"{sum(both_right.values())}/{len(both_right)}",
    }


def truths(rows: list[Row]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What `scores` compares against: each row's label, 1st-degree flag and pair id."""
    return (
        np.array([row.label for row in rows]),
        np.array([1 if row.first_degree else 0 for row in rows]),
        np.array([row.pair for row in rows], dtype=object),
    )


def held_out_logits(
    x: np.ndarray, rows: list[Row], alpha: float, weight: float
) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-batch logits for every scored row: fitted without the row's batch."""
    batches = sorted({row.batch for row in rows})
    y = np.array([row.label for row in rows])
    train = np.array([row.train for row in rows])
    out = np.zeros((len(rows), 3))
    scored = np.zeros(len(rows), dtype=bool)
    for batch in batches:
        in_batch = np.array([row.batch == batch for row in rows])
        fit_on = train & ~in_batch
        # The seed batch is scored on its test split; other batches whole.
        score_on = in_batch & (~train if batch == "seed" else in_batch)
        model = fit(x[fit_on], y[fit_on], alpha, weight, HELD_OUT_SEEDS)
        out[score_on] = network_logits(model.layers, x[score_on])
        scored |= score_on
    return out, scored


def best_temperature(logits: np.ndarray, truth: np.ndarray) -> float:
    target = np.array([CLASSES.index(label) for label in truth])

    def loss(log_t: float) -> float:
        p = softmax(logits / np.exp(log_t))
        return float(-np.mean(np.log(p[np.arange(len(target)), target] + 1e-12)))

    return float(np.exp(minimize_scalar(loss, bounds=(-3, 3), method="bounded").x))


def measured_apart(
    model: EmbeddingModel, encoder: Encoder, public_score: dict[str, list[Row]], unseen: list[Row]
) -> tuple[dict, dict]:
    """`model` on what it was never fitted on: the public corpora's score halves and each
    UNSEEN batch, as the report's `public` and `unseen` sections."""
    public_results = {}
    for name, sample in public_score.items():
        labels = judged_labels(model, encoder, sample)
        public_results[name] = {
            "n": len(sample),
            "called_spam": round(float(np.mean(labels == "spam")), 4),
            "called_unclear": round(float(np.mean(labels == "unclear")), 4),
        }
        print(f"  public {name:26s} {json.dumps(public_results[name])}", file=sys.stderr)
    unseen_results = {}
    for batch in UNSEEN:
        sample = [row for row in unseen if row.batch == batch]
        truth, first_degree, pairs_of_sample = truths(sample)
        unseen_results[batch] = scores(
            truth, judged_labels(model, encoder, sample), first_degree, pairs_of_sample
        )
        print(f"  unseen {batch:10s} {json.dumps(unseen_results[batch])}", file=sys.stderr)
    return public_results, unseen_results


def rescore(encoder: Encoder) -> None:
    """Measure the shipped model on the UNSEEN batches and public halves again, with no
    refit: a batch written after the model joins the report's `unseen` section."""
    model = EmbeddingModel.load(OUTPUT)
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    if report.get("model") not in (None, model.version):
        sys.exit(f"{REPORT.name} describes model {report['model']}, not {model.version}")
    _, public_score = public_rows()
    report["public"], report["unseen"] = measured_apart(
        model, encoder, public_score, read_rows(unseen=True)
    )
    report["model"] = model.version
    write_report(report)


def write_report(report: dict) -> None:
    REPORT.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=cache_dir() / "training-embeddings.db")
    parser.add_argument("--no-write", action="store_true", help="measure only")
    parser.add_argument("--no-public", action="store_true", help="leave the public corpora out")
    parser.add_argument(
        "--rescore",
        action="store_true",
        help="no refit: score the shipped model on the UNSEEN batches and public halves again",
    )
    args = parser.parse_args()
    if args.rescore:
        rescore(Encoder(store=Store.open(args.cache).embeddings))
        return

    rows = read_rows()
    unseen = read_rows(unseen=True)
    public_train, public_score = ([], {}) if args.no_public else public_rows()
    rows += public_train
    store = Store.open(args.cache)
    encoder = Encoder(store=store.embeddings)
    _, x = message_features(encoder, [row.text for row in rows])
    y, fd, pairs = truths(rows)
    train = np.array([row.train for row in rows])
    batches = sorted({row.batch for row in rows})
    print(f"{len(rows)} rows, batches: {', '.join(batches)}", file=sys.stderr)

    grid = []
    for alpha in GRID_ALPHA:
        for weight in GRID_RELATIONSHIP_WEIGHT:
            logits, scored = held_out_logits(x, rows, alpha, weight)
            temperature = best_temperature(logits[scored], y[scored])
            probabilities = weighed(softmax(logits / temperature), rows)
            for threshold in GRID_SPAM_THRESHOLD:
                predicted = decide(probabilities, threshold)
                per_batch = [
                    scores(y[scored & m], predicted[scored & m], fd[scored & m], pairs[scored & m])
                    for m in (np.array([row.batch == b for row in rows]) for b in batches)
                ]
                # Settings are chosen on the inbox batches; the public samples are scored
                # on their own held-out halves below.
                inbox = [s for b, s in zip(batches, per_batch, strict=True) if b not in PUBLIC]
                grid.append(
                    {
                        "alpha": alpha,
                        "relationship_weight": weight,
                        "spam_threshold": threshold,
                        "temperature": round(temperature, 4),
                        "mean_macro_f1": round(float(np.mean([s["macro_f1"] for s in inbox])), 4),
                        "mean_relationship_called_spam": round(
                            float(np.mean([s["relationship_called_spam"] for s in inbox])), 4
                        ),
                        "batches": dict(zip(batches, per_batch, strict=True)),
                    }
                )
    within = [e for e in grid if e["mean_relationship_called_spam"] <= FRIENDS_CALLED_SPAM_CEILING]
    chosen = (
        max(within, key=lambda e: (e["mean_macro_f1"], -e["mean_relationship_called_spam"]))
        if within
        else min(grid, key=lambda e: (e["mean_relationship_called_spam"], -e["mean_macro_f1"]))
    )
    print(json.dumps({k: v for k, v in chosen.items() if k != "batches"}), file=sys.stderr)
    for batch, result in chosen["batches"].items():
        print(f"  held out {batch:10s} {json.dumps(result)}", file=sys.stderr)

    alpha, weight = chosen["alpha"], chosen["relationship_weight"]
    final = fit(x[train], y[train], alpha, weight)
    data_hash = hashlib.sha256(
        json.dumps([[r.batch, r.label, r.text] for r in rows if r.train]).encode()
    ).hexdigest()[:10]
    model = EmbeddingModel(
        classes=final.classes,
        layers=final.layers,
        temperature=chosen["temperature"],
        spam_threshold=chosen["spam_threshold"],
        encoder=ENCODER_ID,
        features=FEATURES_ID,
        version=hashlib.sha256(
            f"{data_hash}:{ENCODER_ID}:{FEATURES_ID}:{HIDDEN_UNITS}:{SEEDS}:{alpha}:{weight}:"
            f"{chosen['spam_threshold']}".encode()
        ).hexdigest()[:10],
    )
    assert model.classes == CLASSES
    public_results, unseen_results = measured_apart(model, encoder, public_score, unseen)
    details = {
        "training_rows": int(train.sum()),
        "batches": batches,
        "hidden_units": HIDDEN_UNITS,
        "seeds": list(SEEDS),
        "held_out_seeds": list(HELD_OUT_SEEDS),
        "alpha": alpha,
        "relationship_weight": weight,
    }
    write_report(
        {
            "model": model.version,
            "chosen": chosen,
            "details": details,
            "public": public_results,
            "unseen": unseen_results,
            "grid": grid,
        }
    )
    if not args.no_write:
        model.save(OUTPUT, details)
        print(f"wrote {OUTPUT.relative_to(ROOT)} ({model.version})", file=sys.stderr)


if __name__ == "__main__":
    main()
