"""Build the backend the settings (and command-line overrides) ask for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reply_assistant.backends.base import Backend
from reply_assistant.config import BACKENDS, ConfigError, Settings

if TYPE_CHECKING:
    from reply_assistant.backends.offline.encoder import EmbeddingStore
    from reply_assistant.backends.openai_client import ResponseCache
    from reply_assistant.store import Store


def checked_choice(settings: Settings, backend: str | None = None) -> str:
    """ "offline" or "openai", the backend `make_backend` would build, checked without
    building it; ConfigError (one sentence) when it cannot work as configured."""
    chosen = backend or settings.resolved_backend
    if chosen == "auto":
        chosen = "openai" if (settings.api_key or settings.base_url) else "offline"
    if chosen not in BACKENDS:
        raise ConfigError(f"backend must be one of {', '.join(BACKENDS)}, not {chosen!r}.")
    if chosen == "openai" and not (settings.api_key or settings.base_url):
        raise ConfigError(
            "the openai backend needs OPENAI_API_KEY or OPENAI_BASE_URL set "
            "(or use --backend offline)."
        )
    return chosen


def make_backend(
    settings: Settings,
    *,
    backend: str | None = None,
    model: str | None = None,
    prompt_versions: dict[str, str] | None = None,
    cache: ResponseCache | None = None,
    use_cache: bool = True,
    embeddings: EmbeddingStore | None = None,
    voice_from: Store | None = None,
) -> Backend:
    """`voice_from`: the state file whose sent messages the drafts' voice is learned from
    (every command that holds one passes it, so each front end drafts in the same voice).
    Raises ConfigError (one sentence) when the choice cannot work as configured."""
    built = _built(
        settings,
        checked_choice(settings, backend),
        model=model,
        prompt_versions=prompt_versions,
        cache=cache if use_cache else None,
        # The structured mode that worked is remembered even when answers are not reused.
        remembered_modes=cache,
        embeddings=embeddings,
    )
    if voice_from is not None:
        from reply_assistant.voice_examples import attach_voice

        attach_voice(built, voice_from, settings.profile)
    return built


def _built(
    settings: Settings,
    chosen: str,
    *,
    model: str | None,
    prompt_versions: dict[str, str] | None,
    cache: ResponseCache | None,
    remembered_modes: ResponseCache | None,
    embeddings: EmbeddingStore | None,
) -> Backend:
    # Imports are deferred: the offline model and the openai client are slow to import and
    # each command needs only one of them.
    if chosen == "offline":
        from reply_assistant.backends.offline.backend import OfflineBackend

        return OfflineBackend(settings.profile, store=embeddings)
    from reply_assistant.backends.llm import LLMBackend
    from reply_assistant.backends.openai_client import ChatClient
    from reply_assistant.prompts import PromptSet

    prompts = PromptSet.from_versions({**settings.prompts, **(prompt_versions or {})})
    client = ChatClient(
        model=model or settings.model,
        base_url=settings.base_url,
        api_key=settings.api_key,
        timeout_s=settings.timeout_s,
        max_attempts=settings.max_attempts,
        max_retry_wait_s=settings.max_retry_wait_s,
        concurrency=settings.concurrency,
        cache=cache,
        remembered_modes=remembered_modes,
    )
    return LLMBackend(client, prompts, settings.profile, redact=settings.redact)


def make_backend_later(
    settings: Settings,
    *,
    cache: ResponseCache | None = None,
    embeddings: EmbeddingStore | None = None,
    voice_from: Store | None = None,
) -> Backend:
    """`make_backend(settings)`, except that the offline model is loaded on first use (see
    `DeferredBackend`), so a screen can paint before numpy is imported and the model read.

    The LLM backend is built now: building it checks the settings, and a mistake there
    should stop the launch, not fail every row."""
    from reply_assistant.backends import offline
    from reply_assistant.backends.deferred import DeferredBackend

    chosen = settings.resolved_backend
    if chosen == "offline":
        return DeferredBackend(
            lambda: make_backend(
                settings, backend="offline", embeddings=embeddings, voice_from=voice_from
            ),
            name="offline",
            label=settings.describe_backend(),
            capabilities=offline.CAPABILITIES,
        )
    return make_backend(settings, cache=cache, voice_from=voice_from)
