"""Would the thread help the offline model? `python evals/measure_thread_context.py [VARIANT...]`

Scores ways of giving the model the message before the one judged, with the
leave-one-batch-out protocol of `train_offline.py` (the shipped model's weight penalty and
relationship weight, from the training report; no spam threshold, temperature refitted per
variant). Measures only: the shipped
model is not touched. Variants:
- base: the judged message's whole embedding alone (the model shipped before
  `features.FEATURES_ID` head-tail-v1, which reads the thread as `conversation` does);
- owner_prev / owner_any: plus a 0/1 "the owner wrote the previous message" / "the owner
  wrote anywhere earlier in the thread";
- prefix_owner / prefix_any: the previous message and the judged one embedded as one text
  (when the owner wrote it / whoever wrote it);
- blend_prev: the judged embedding plus 0.3 x the previous message's, renormalised;
- concat_prev[_0.5, _0.25]: plus the previous message's embedding, in one block when the
  owner wrote it and another when the sender did (zeros without a thread), scaled down in
  the suffixed variants.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

import numpy as np
import train_offline as training

from reply_assistant.backends.offline.encoder import Encoder
from reply_assistant.store import Store


def normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def variants(rows, encoder: Encoder) -> dict[str, Callable[[], np.ndarray]]:
    x = encoder.embed([row.text for row in rows]).astype(np.float64)
    threads = [row.thread for row in rows]
    previous = [thread[-1].text if thread else "" for thread in threads]
    owner_prev = np.array([float(bool(t) and t[-1].from_owner) for t in threads])
    owner_any = np.array([float(any(turn.from_owner for turn in t)) for t in threads])
    has_thread = np.array([float(bool(t)) for t in threads])
    known = sorted({text for text in previous if text})
    by_text = dict(zip(known, encoder.embed(known).astype(np.float64), strict=True))
    prev = np.stack([by_text[text] if text else np.zeros(x.shape[1]) for text in previous])

    def thread_blocks(scale: float) -> np.ndarray:
        owner, sender = owner_prev[:, None], (has_thread - owner_prev)[:, None]
        return np.hstack([x, scale * prev * owner, scale * prev * sender])

    def prefixed(where: np.ndarray) -> np.ndarray:
        joined = [
            f"{text}\n{row.text}" if ok else ""
            for text, row, ok in zip(previous, rows, where, strict=True)
        ]
        wanted = [text for text in joined if text]
        vectors = dict(zip(wanted, encoder.embed(wanted).astype(np.float64), strict=True))
        return np.stack(
            [vectors[text] if text else own for text, own in zip(joined, x, strict=True)]
        )

    return {
        "base": lambda: x,
        "owner_prev": lambda: np.hstack([x, owner_prev[:, None]]),
        "owner_any": lambda: np.hstack([x, owner_any[:, None]]),
        "prefix_owner": lambda: prefixed(owner_prev == 1),
        "prefix_any": lambda: prefixed(has_thread == 1),
        "blend_prev": lambda: normalised(x + 0.3 * prev),
        "concat_prev": lambda: thread_blocks(1.0),
        # Smaller thread blocks need larger weights, which the L2 penalty resists: a
        # stronger prior that the message's own ask decides.
        "concat_prev_0.5": lambda: thread_blocks(0.5),
        "concat_prev_0.25": lambda: thread_blocks(0.25),
    }


def main() -> None:
    rows = training.read_rows()
    public_train, _ = training.public_rows()
    rows += public_train
    encoder = Encoder(store=Store.open(training.cache_dir() / "training-embeddings.db").embeddings)
    candidates = variants(rows, encoder)
    truth, first_degree, _ = training.truths(rows)
    no_thread = np.array([not row.thread for row in rows])
    inbox = sorted({row.batch for row in rows} - set(training.PUBLIC))
    recipe = json.loads(training.REPORT.read_text(encoding="utf-8"))["details"]
    for name in sys.argv[1:] or list(candidates):
        logits, scored = training.held_out_logits(
            candidates[name](), rows, recipe["alpha"], recipe["relationship_weight"]
        )
        temperature = training.best_temperature(logits[scored], truth[scored])
        predicted = training.decide(training.softmax(logits / temperature), 0.0)
        results = {}
        for batch in inbox:
            mask = scored & np.array([row.batch == batch for row in rows])
            results[batch] = training.scores(truth[mask], predicted[mask], first_degree[mask])
        # Every scored row without a thread (the public-corpus samples included): does
        # knowing a thread exists move the others?
        mask = scored & no_thread
        results["rows without a thread"] = training.scores(
            truth[mask], predicted[mask], first_degree[mask]
        )
        summary = {
            "mean_macro_f1": round(float(np.mean([results[b]["macro_f1"] for b in inbox])), 4),
            "mean_relationship_called_spam": round(
                float(np.mean([results[b]["relationship_called_spam"] for b in inbox])), 4
            ),
        }
        print(json.dumps({"variant": name, **summary, "batches": results}), flush=True)


if __name__ == "__main__":
    main()
