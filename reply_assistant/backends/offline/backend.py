"""OfflineBackend: the default backend, a local classifier plus template drafts."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Sequence

from reply_assistant.backends.base import BackendError
from reply_assistant.backends.offline.drafts import chunk_words, compose_draft
from reply_assistant.backends.offline.encoder import EmbeddingStore, Encoder
from reply_assistant.backends.offline.model import EmbeddingModel
from reply_assistant.backends.offline.reasons import build_reason, choose_action
from reply_assistant.backends.offline.signals import extract_signals
from reply_assistant.config import Profile
from reply_assistant.models import Draft, Incoming, Label, Provenance, Verdict, VerdictOutput

MODEL_NAME = "e5-logreg"
# A sponsored flag comes from the export (no sender profile, a campaign title), not from
# reading the text, so the spam verdict it forces is near certain.
SPONSORED_CONFIDENCE = 0.99


class OfflineBackend:
    """Classifies by what the message says: a logistic regression over multilingual
    sentence embeddings, shipped fitted with the package. Sender facts shape the reason
    and the draft, never the label. Drafts from templates. Never opens a socket."""

    name = "offline"
    model = MODEL_NAME

    def __init__(self, profile: Profile, *, store: EmbeddingStore | None = None) -> None:
        """`store`: where embeddings are kept between runs (the state file)."""
        self.profile = profile
        try:
            self._model = EmbeddingModel.load()
        except OSError as exc:
            raise BackendError(
                "The offline model's file is missing; reinstall reply-assistant.",
                kind="not_found",
            ) from exc
        self._encoder = Encoder(store=store)
        self.prompt_version = f"offline@{self._model.version}"
        self._provenance_template = Provenance(
            backend=self.name, model=self.model, prompt_version=self.prompt_version, cost_usd=0.0
        )
        # The encoder runs threads of its own: a forked copy could hang.
        self.forks_safely = False

    def describe(self) -> str:
        return "offline"

    def classify_many(self, items: Sequence[Incoming]) -> list[Verdict]:
        """All of `items` in one pass; the per-item latency is the average."""
        if not items:
            return []
        started = time.perf_counter()
        vectors = self._encoder.embed([item.text for item in items]).astype("float64")
        judgements = self._model.judge(self._model.probabilities(vectors))
        latency_ms = (time.perf_counter() - started) * 1000 / len(items)
        provenance = self._provenance(latency_ms)
        verdicts = []
        for item, judgement in zip(items, judgements, strict=True):
            found = extract_signals(item)
            label, confidence = judgement.label, judgement.confidence
            if found.has("sponsored"):
                # Advertising by definition, whatever its wording: the export says so, so
                # the confidence is the export's, not the text model's.
                label, confidence = Label.SPAM, SPONSORED_CONFIDENCE
            # Built without validation: every field is ours and already the right type.
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
