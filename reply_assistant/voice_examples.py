"""The owner's own earlier replies most like the situation at hand, for an LLM draft.

Each of the owner's sent messages that answered someone is an example (their message, the
owner's reply). The two or three whose incoming message is nearest the new one, by cosine
similarity of the offline model's sentence embeddings, go into the draft prompt as data,
beside the short style profile (`voice.style_profile`). langchain-core's semantic example
selector does the choosing; the offline `Encoder` does the embedding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from langchain_core.embeddings import Embeddings
from langchain_core.example_selectors import SemanticSimilarityExampleSelector
from langchain_core.vectorstores import InMemoryVectorStore

from reply_assistant.store.owner_replies import OwnerReply
from reply_assistant.voice import NOT_KNOWN, Voice, style_profile

if TYPE_CHECKING:
    from reply_assistant.backends.offline.encoder import Encoder
    from reply_assistant.config import Profile
    from reply_assistant.store import Store

EXAMPLES_SHOWN = 3
# Longer replies are cut: the examples show a voice, not a history.
EXAMPLE_CHARS = 400


class EncoderEmbeddings(Embeddings):
    """The offline model's sentence encoder, as langchain-core embeddings."""

    def __init__(self, encoder: Encoder) -> None:
        self._encoder = encoder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encoder.embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encoder.embed([text])[0].tolist()


@dataclass
class VoiceContext:
    """What an LLM draft is told about the user's voice."""

    voice: Voice
    selector: SemanticSimilarityExampleSelector | None = None

    @classmethod
    def build(cls, voice: Voice, replies: Sequence[OwnerReply], encoder: Encoder) -> VoiceContext:
        """Examples from the replies that answered a message; none when there are none."""
        examples = [
            {"message": reply.answered, "reply": reply.text[:EXAMPLE_CHARS]}
            for reply in replies
            if reply.answered.strip() and reply.text.strip()
        ]
        if not examples:
            return cls(voice)
        selector = SemanticSimilarityExampleSelector.from_examples(
            examples,
            EncoderEmbeddings(encoder),
            InMemoryVectorStore,
            k=min(EXAMPLES_SHOWN, len(examples)),
            input_keys=["message"],
        )
        return cls(voice, selector)

    def similar_replies(self, message: str) -> list[dict[str, str]]:
        """The owner's earlier replies to the messages nearest `message`, nearest first."""
        if self.selector is None:
            return []
        return self.selector.select_examples({"message": message})

    def prompt_values(
        self, message: str, fence: Callable[[str], str], *, private: bool = False
    ) -> dict[str, str]:
        """`style` and `own_replies` for the draft prompt; `fence` makes a text safe to quote
        between tags (prompts.defuse_tags). `private` (redacting): no earlier messages are
        sent, only the style."""
        style = style_profile(self.voice) or NOT_KNOWN
        if private:
            return {"style": style, "own_replies": ""}
        examples = "\n".join(
            f"<example>\n<their_message>\n{fence(example['message'][:EXAMPLE_CHARS])}\n"
            f"</their_message>\n<user_reply>\n{fence(example['reply'])}\n</user_reply>\n"
            "</example>"
            for example in self.similar_replies(message)
        )
        return {"style": style, "own_replies": examples}


def attach_voice(backend: object, store: Store, profile: Profile) -> Voice:
    """Give `backend` the user's voice learned from `store` (with the config on top): the
    LLM backend gets the style and the example selector, the offline backend the habits.
    Returns the voice."""
    from reply_assistant.voice import voice_for

    voice = voice_for(store, profile)
    if getattr(backend, "name", "") == "offline":
        backend.voice = voice  # type: ignore[attr-defined]
        return voice
    from reply_assistant.backends.offline.encoder import Encoder

    replies = store.owner_replies()
    context = VoiceContext.build(voice, replies, Encoder(store=store.embeddings))
    backend.voice = context  # type: ignore[attr-defined]
    return voice
