"""OfflineBackend: the default backend, a local classifier plus template drafts."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Sequence

import numpy as np

from reply_assistant.backends.base import Backend, BackendError
from reply_assistant.backends.offline import CAPABILITIES
from reply_assistant.backends.offline.conversation import weigh_threads
from reply_assistant.backends.offline.corrections import (
    CorrectionSource,
    Recalled,
    reason_for,
    recall,
)
from reply_assistant.backends.offline.drafts import chunk_words, compose_for_owner, redraft_variant
from reply_assistant.backends.offline.encoder import EmbeddingStore, Encoder
from reply_assistant.backends.offline.features import message_features
from reply_assistant.backends.offline.model import EmbeddingModel, EncoderMismatch
from reply_assistant.backends.offline.reasons import build_reason, choose_action
from reply_assistant.backends.offline.signals import extract_signals
from reply_assistant.config import Profile
from reply_assistant.models import Draft, Incoming, Label, Provenance, Verdict, VerdictOutput
from reply_assistant.voice import Voice

MODEL_NAME = "e5-mlp"
# The signal a verdict carries when one of the person's corrections decided it.
LIKE_A_CORRECTION = "like your correction"
# A sponsored flag comes from the export (no sender profile, a campaign title), not from
# reading the text, so the spam verdict it forces is near certain.
SPONSORED_CONFIDENCE = 0.99
# An unfilled mail-merge field ("Hi {first_name}") is a template sent to many: no message
# of a person who knows the owner has one (none of the corpus's 18 does), whatever the text
# model read in the rest. Not quite certain: a real person may paste a template by mistake.
PLACEHOLDER_CONFIDENCE = 0.95


class OfflineBackend(Backend):
    """Classifies by what the message says: a small neural network over multilingual
    sentence embeddings, shipped fitted with the package. Sender facts shape the reason
    and the draft, never the label; the thread only tips a borderline message
    (`conversation`). Drafts from templates. Never opens a socket."""

    name = "offline"
    model = MODEL_NAME
    capabilities = CAPABILITIES
    # The owner's writing habits (voice_examples.attach_voice), when learned.
    voice: Voice | None = None

    def __init__(self, profile: Profile, *, store: EmbeddingStore | None = None) -> None:
        """`store`: where embeddings are kept between runs (the state file), and, when it
        is the state file, the person's corrections the verdicts learn from."""
        self.profile = profile
        try:
            self._model = EmbeddingModel.load()
        except OSError as exc:
            raise BackendError(
                "The offline model's file is missing; reinstall reply-assistant.",
                kind="not_found",
            ) from exc
        except EncoderMismatch as exc:
            raise BackendError(str(exc), kind="not_found") from exc
        self._encoder = Encoder(store=store)
        # A bare embedding cache (evals, tests) holds no corrections.
        self._corrections = store if isinstance(store, CorrectionSource) else None
        # Corrected messages' vectors by message id (a message's text never changes).
        self._corrected_vectors: dict[str, np.ndarray] = {}
        self.prompt_version = f"offline@{self._model.version}"
        self._provenance_template = Provenance(
            backend=self.name, model=self.model, prompt_version=self.prompt_version, cost_usd=0.0
        )

    def describe(self) -> str:
        return "offline"

    def classify_many(self, items: Sequence[Incoming]) -> list[Verdict]:
        """All of `items` in one pass; the per-item latency is the average."""
        if not items:
            return []
        started = time.perf_counter()
        vectors, features = message_features(self._encoder, [item.read_text for item in items])
        probabilities = weigh_threads(
            self._model.probabilities(features),
            [item.thread for item in items],
            self._model.classes.index(Label.SPAM.value),
        )
        probabilities, recalled = self._recall(probabilities, vectors)
        judgements = self._model.judge(probabilities)
        latency_ms = (time.perf_counter() - started) * 1000 / len(items)
        provenance = self._provenance(latency_ms)
        verdicts = []
        for item, judgement, like in zip(items, judgements, recalled, strict=True):
            found = extract_signals(item)
            label, confidence = judgement.label, judgement.confidence
            reason, signals = build_reason(label, found), list(found.tags)
            if found.has("sponsored"):
                # Advertising by definition, whatever its wording: the export says so, so
                # the confidence is the export's, not the text model's.
                label, confidence = Label.SPAM, SPONSORED_CONFIDENCE
                reason = build_reason(label, found)
            elif like is not None and like.correction.label == label.value:
                reason, signals = reason_for(like), [*signals, LIKE_A_CORRECTION]
            elif found.has("placeholder") and label is not Label.SPAM:
                label, confidence = Label.SPAM, PLACEHOLDER_CONFIDENCE
                reason = build_reason(label, found)
            # Built without validation: every field is ours and already the right type.
            verdicts.append(
                Verdict.model_construct(
                    label=label,
                    confidence=round(confidence, 4),
                    reason=reason,
                    signals=signals,
                    action=choose_action(label, found),
                    provenance=provenance.model_copy(),
                )
            )
        return verdicts

    def _recall(
        self, probabilities: np.ndarray, vectors: np.ndarray
    ) -> tuple[np.ndarray, list[Recalled | None]]:
        """The probabilities moved toward the person's corrections of near-identical
        messages (read now: a relabel counts from the next verdict, an undo stops it)."""
        corrections = self._corrections.labelled_texts() if self._corrections else ()
        if not corrections:
            return probabilities, [None] * len(probabilities)
        missing = [c for c in corrections if c.message_id not in self._corrected_vectors]
        if missing:
            fresh, _ = message_features(self._encoder, [c.text for c in missing])
            ids = [c.message_id for c in missing]
            self._corrected_vectors.update(zip(ids, fresh, strict=True))
        memory = np.stack([self._corrected_vectors[c.message_id] for c in corrections])
        return recall(probabilities, vectors, corrections, memory, self._model.classes)

    async def classify(self, item: Incoming) -> Verdict:
        return self.classify_many([item])[0]

    async def draft(self, item: Incoming, verdict: VerdictOutput) -> Draft:
        return self._compose(item, verdict, variant=0)

    async def stream_draft(self, item: Incoming, verdict: VerdictOutput) -> AsyncIterator[str]:
        """Asked again (the UI's `r`): the next phrasing for this occasion."""
        draft = self._compose(item, verdict, variant=redraft_variant(item))
        for chunk in chunk_words(draft.text):
            yield chunk

    def _compose(self, item: Incoming, verdict: VerdictOutput, *, variant: int) -> Draft:
        started = time.perf_counter()
        text, language = compose_for_owner(
            item, verdict, self.profile, voice=self.voice, variant=variant
        )
        # Built without validation, as verdicts are: every field is ours and well typed.
        return Draft.model_construct(
            text=text,
            language=language,
            provenance=self._provenance((time.perf_counter() - started) * 1000),
        )

    def _provenance(self, latency_ms: float) -> Provenance:
        # A copy of one validated template: validating every message's costs more than
        # drafting it.
        return self._provenance_template.model_copy(update={"latency_ms": round(latency_ms, 3)})
