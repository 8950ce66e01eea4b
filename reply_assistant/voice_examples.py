"""The owner's own earlier replies most like the situation at hand, for an LLM draft.

Each of the owner's sent messages that answered someone is an example (their message, the
owner's reply). The two or three whose incoming message is nearest the new one, by cosine
similarity of the offline model's sentence embeddings, go into the draft prompt as data,
beside the short style profile (`voice.style_profile`). langchain-core's semantic example
selector does the choosing; the offline `Encoder` does the embedding.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings
from langchain_core.example_selectors import SemanticSimilarityExampleSelector
from langchain_core.vectorstores import InMemoryVectorStore

from reply_assistant.store.owner_replies import OwnerReply
from reply_assistant.voice import (
    NO_EARLIER_REPLIES,
    NOT_KNOWN,
    Voice,
    learn_voice,
    style_profile,
    summary_line,
)

if TYPE_CHECKING:
    from reply_assistant.backends.base import Backend
    from reply_assistant.backends.offline.encoder import Encoder
    from reply_assistant.config import Profile
    from reply_assistant.store import Store

log = logging.getLogger(__name__)

EXAMPLES_SHOWN = 3
# Longer replies are cut: the examples show a voice, not a history.
EXAMPLE_CHARS = 400
# Only the newest answers are candidates: embedding runs at about 20 texts a second, and
# the first draft waits for it (the vectors are kept in the state file, so once).
EXAMPLE_POOL = 200


class EncoderEmbeddings(Embeddings):
    """The offline model's sentence encoder, as langchain-core embeddings."""

    def __init__(self, encoder: Encoder) -> None:
        self._encoder = encoder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encoder.embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encoder.embed([text])[0].tolist()


class VoiceContext:
    """What an LLM draft is told about the user's voice. The example selector is built on
    the first draft that needs it: building loads the encoder and embeds the examples,
    which a command that never drafts (or drafts with a prompt before v4) should not pay."""

    def __init__(
        self,
        voice: Voice,
        examples: Sequence[dict[str, str]] = (),
        encoder: Callable[[], Encoder] | None = None,
    ) -> None:
        self.voice = voice
        self._examples = list(examples)
        self._encoder = encoder
        self._selector: SemanticSimilarityExampleSelector | None = None
        self._building = threading.Lock()

    @classmethod
    def build(
        cls, voice: Voice, replies: Sequence[OwnerReply], encoder: Encoder | Callable[[], Encoder]
    ) -> VoiceContext:
        """Examples from the newest replies that answered a message (at most EXAMPLE_POOL);
        `encoder` may be a function that loads one when first needed."""
        examples = [
            {"message": reply.answered, "reply": reply.text[:EXAMPLE_CHARS]}
            for reply in replies
            if reply.answered.strip() and reply.text.strip()
        ][:EXAMPLE_POOL]
        return cls(voice, examples, encoder if callable(encoder) else lambda: encoder)

    @property
    def example_count(self) -> int:
        return len(self._examples)

    def prepare(self) -> SemanticSimilarityExampleSelector | None:
        """The example selector, built now if it was not yet (None: no examples)."""
        if not self._examples or self._encoder is None:
            return None
        with self._building:
            if self._selector is None:
                self._selector = SemanticSimilarityExampleSelector.from_examples(
                    self._examples,
                    EncoderEmbeddings(self._encoder()),
                    InMemoryVectorStore,
                    k=min(EXAMPLES_SHOWN, len(self._examples)),
                    input_keys=["message"],
                )
            return self._selector

    def similar_replies(self, message: str) -> list[dict[str, str]]:
        """The owner's earlier replies to the messages nearest `message`, nearest first."""
        selector = self.prepare()
        return selector.select_examples({"message": message}) if selector else []

    def prompt_values(
        self, message: str, fence: Callable[[str], str], *, private: bool = False
    ) -> dict[str, str]:
        """`style` and `own_replies` for the draft prompt; `fence` makes a text safe to quote
        between tags (prompts.defuse_tags). `private` (redacting): no earlier messages are
        sent, only the style."""
        style = style_profile(self.voice) or NOT_KNOWN
        if private:
            return {"style": style, "own_replies": NO_EARLIER_REPLIES}
        examples = "\n".join(
            f"<example>\n<their_message>\n{fence(example['message'][:EXAMPLE_CHARS])}\n"
            f"</their_message>\n<user_reply>\n{fence(example['reply'])}\n</user_reply>\n"
            "</example>"
            for example in self.similar_replies(message)
        )
        return {"style": style, "own_replies": examples or NO_EARLIER_REPLIES}


def attach_voice(backend: Backend, store: Store | None, profile: Profile) -> Voice:
    """Give `backend` the user's voice learned from the owner's sent messages in `store`
    (with the config's `[profile.voice]` on top; with no store, the config's alone): the
    offline backend gets the habits, an LLM backend the style profile and the example
    selector. Says which voice at INFO (`-v`). Returns the voice."""
    replies = store.owner_replies() if store is not None else ()
    voice = learn_voice(replies).overridden(profile.voice)
    if not backend.capabilities.uses_prompts:
        # A backend without prompts (the offline model) writes the habits in itself.
        backend.voice = voice  # type: ignore[attr-defined]
        log.info("Voice: %s", summary_line(voice))
        return voice
    from reply_assistant.backends.llm import LLMBackend
    from reply_assistant.backends.offline.encoder import Encoder

    assert isinstance(backend, LLMBackend), backend  # the only other backend there is
    # Only a draft prompt that shows earlier replies (v4 on) needs the examples; building
    # them embeds up to EXAMPLE_POOL messages, done here before any call is in flight (a
    # first draft doing it would stall the event loop and the calls waiting on it).
    shows_examples = "own_replies" in backend.prompts.draft.variables
    embeddings = store.embeddings if store is not None else None
    context = VoiceContext.build(
        voice, replies if shows_examples else (), lambda: Encoder(store=embeddings)
    )
    context.prepare()
    backend.voice = context
    log.info(
        "Voice: %s; %s",
        summary_line(voice),
        f"examples chosen from {context.example_count} earlier replies"
        if shows_examples
        else f"{backend.prompts.draft.ref} shows no earlier replies (draft@v4 does)",
    )
    return voice
