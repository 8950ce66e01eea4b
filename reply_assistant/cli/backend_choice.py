"""The backend a command's options choose; a choice that cannot work is one line, exit 2."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError
from reply_assistant.config import ConfigError, parse_prompt_overrides

if TYPE_CHECKING:
    from reply_assistant.backends import Backend
    from reply_assistant.backends.offline.encoder import EmbeddingStore
    from reply_assistant.backends.openai_client import ResponseCache
    from reply_assistant.store import Store


def prompt_versions(prompts: tuple[str, ...]) -> dict[str, str]:
    """`--prompt NAME=VERSION` options as a mapping, each version known to exist."""
    if not prompts:
        # Checking loads the prompt library (langchain, ~0.4 s), which an offline run and
        # `--help` never need.
        return {}
    from reply_assistant.prompts import check_versions

    try:
        overrides = parse_prompt_overrides(prompts)
        check_versions(overrides)
        return overrides
    except ConfigError as exc:
        raise InputError(str(exc)) from exc


def backend_from_options(
    app: AppContext,
    *,
    backend: str | None = None,
    model: str | None = None,
    prompts: dict[str, str] | None = None,
    redact: bool = False,
    concurrency: int | None = None,
    cache: ResponseCache | None = None,
    use_cache: bool = True,
    embeddings: EmbeddingStore | None = None,
    voice_from: Store | None = None,
) -> Backend:
    """The configured backend with the command line's overrides; `redact` and `concurrency`
    only add to the config (a flag cannot turn off redaction the config asks for).
    `voice_from`: the state file the drafts' voice is learned from."""
    # Imported here: the backends pull in the LLM stack, which `--help` must not load.
    from reply_assistant.backends import BackendError, make_backend

    settings = replace(
        app.settings,
        redact=redact or app.settings.redact,
        # --concurrency bounds the LLM client's requests in flight, not only the workers.
        concurrency=concurrency or app.settings.concurrency,
    )
    try:
        return make_backend(
            settings,
            backend=backend,
            model=model,
            prompt_versions=prompts,
            cache=cache,
            use_cache=use_cache,
            embeddings=embeddings,
            voice_from=voice_from,
        )
    except (ConfigError, BackendError) as exc:
        raise InputError(str(exc)) from exc
