"""The LLM backend: versioned prompts sent through an OpenAI-compatible `ChatClient`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from pydantic import BaseModel

from reply_assistant.backends.base import Backend, BackendError, Capabilities
from reply_assistant.backends.draft_review import (
    REDRAFT_INSTRUCTION,
    describe_failures,
    failed_checks,
    redraft_wording,
)
from reply_assistant.backends.openai_client import (
    ChatClient,
    ChatResult,
    TextStream,
    asked_fields,
)
from reply_assistant.backends.pricing import batch_cost_usd
from reply_assistant.backends.prompt_wording import (
    REASON_INSTRUCTION,
    CopiedPrompt,
    answer_wording,
    copied_reason,
    own_signals,
    prompt_wording,
)
from reply_assistant.backends.stand_in_draft import stand_in_draft
from reply_assistant.config import Profile
from reply_assistant.draft_checks import NOT_A_REPLY_CHECKS
from reply_assistant.message_budget import estimate_tokens
from reply_assistant.models import (
    Action,
    Draft,
    DraftOutput,
    Incoming,
    JudgeOutput,
    JudgeVerdict,
    Label,
    Provenance,
    Usage,
    Verdict,
    VerdictOutput,
)
from reply_assistant.prompts import (
    PromptError,
    PromptSet,
    PromptVersion,
    defuse_tags,
    prompt_inputs,
)
from reply_assistant.redact import mask_private

if TYPE_CHECKING:
    from reply_assistant.voice_examples import VoiceContext

# Typical answer sizes, for dry-run estimates: a verdict JSON and a short reply's JSON.
TYPICAL_VERDICT_TOKENS = 60
TYPICAL_DRAFT_TOKENS = 120
T = TypeVar("T", bound=BaseModel)
# Why a draft is no reply, said to the person beside the offline draft that stands in.
_NOT_A_REPLY_BECAUSE = {
    "no_prompt_text": "LLM draft copied its instructions",
    "not_an_echo": "LLM draft repeated the message",
}
NEVER_PARSED = "LLM draft never parsed"
log = logging.getLogger(__name__)


class LLMBackend(Backend):
    name = "openai"
    capabilities = Capabilities(varied_drafts=True, uses_prompts=True)

    # The user's style and earlier replies (voice_examples.VoiceContext), attached by whoever
    # holds the state file; draft prompts from v4 use it, earlier ones ignore it.
    voice: VoiceContext | None = None

    def __init__(
        self,
        client: ChatClient,
        prompts: PromptSet,
        profile: Profile,
        redact: bool = False,
        judge_prompt: PromptVersion | None = None,
    ) -> None:
        self.client = client
        self.prompts = prompts
        self.profile = profile
        self.redact = redact
        self.model = client.model
        self.capabilities = replace(
            LLMBackend.capabilities,
            priced=client.priced,
            structured_modes=client.structured_modes,
        )
        # What verdicts record as their prompt version (the batch resumes on it).
        self.prompt_version = prompts.classify.ref
        self.judge_prompt = judge_prompt  # only the evals judge drafts

    def with_judge_prompt(self, prompt: PromptVersion) -> LLMBackend:
        """The same backend (sharing its client) judging drafts with `prompt`."""
        return LLMBackend(self.client, self.prompts, self.profile, self.redact, prompt)

    def describe(self) -> str:
        return self.client.describe()

    async def aclose(self) -> None:
        """Close the HTTP pool (it belongs to the event loop that used it)."""
        await self.client.aclose()

    async def classify(self, item: Incoming) -> Verdict:
        """The model's verdict. One whose reason copies the prompt's answer format (the
        field's description, the example) was not read from the message: it is asked for
        once more, and a second such answer is BackendError(kind="invalid_output")."""
        prompt = self.prompts.classify
        wording = answer_wording(prompt, VerdictOutput)
        messages = prompt.render(**prompt_inputs(self._outgoing(item), self.profile))
        result = await self._complete(prompt, messages, VerdictOutput)
        if copied_reason(result.parsed, wording, item.read_text):
            repair = [*messages, AIMessage(result.raw), HumanMessage(REASON_INSTRUCTION)]
            first = result
            try:
                result = _both(first, await self._complete(prompt, repair, VerdictOutput))
            except BackendError as exc:
                self._charge_earlier(exc, first)
                raise
            if copied_reason(result.parsed, wording, item.read_text):
                raise CopiedPrompt(self.model, result.attempts, result.usage, result.cost_usd)
        parsed = result.parsed.model_copy(
            update={"signals": own_signals(result.parsed.signals, wording)}
        )
        return Verdict(**parsed.model_dump(), provenance=self._provenance(prompt, result))

    async def draft(self, item: Incoming, verdict: VerdictOutput) -> Draft:
        """A draft that passed the deterministic draft checks, or failed them twice: the
        first failure is sent back once, named; the second is recorded in the provenance.
        A draft that is no reply even then (a copy of the prompt or the message), or one
        that never parses, gives way to the offline draft, marked as standing in; a first
        draft with lesser flaws whose redraft fails is kept, its flaws marked."""
        prompt = self.prompts.draft
        instructions = self._draft_wording(prompt, item)
        messages = prompt.render(**await self._draft_inputs_off_loop(item, verdict))
        first: ChatResult[DraftOutput] | None = None
        try:
            result = await self._complete(prompt, messages, DraftOutput)
            failed = failed_checks(result.parsed.text, item, verdict, self.profile, instructions)
            if failed:
                log.info("draft failed %s; asking once more", ", ".join(failed))
                problems = describe_failures(failed, item, self.profile)
                redraft = [
                    *messages,
                    AIMessage(result.raw),
                    HumanMessage(REDRAFT_INSTRUCTION.format(problems=problems)),
                ]
                first = result
                second = await self._complete(prompt, redraft, DraftOutput)
                failed = failed_checks(
                    second.parsed.text, item, verdict, self.profile, instructions
                )
                result = _both(first, second)
        except BackendError as exc:
            if first is not None:  # the redraft failed
                self._charge_earlier(exc, first)
                if _no_reply_because(failed) is None:
                    # A reply with a flaw beats none: it is kept, its flaws marked.
                    spent = replace(first, usage=exc.usage, cost_usd=exc.cost_usd)
                    provenance = self._provenance(prompt, spent)
                    marked = provenance.model_copy(update={"failed_checks": failed})
                    return Draft(**first.parsed.model_dump(), provenance=marked)
            if exc.kind != "invalid_output":
                raise
            return self._stand_in(item, verdict, NEVER_PARSED, exc.usage, exc.cost_usd, 0.0)
        why = _no_reply_because(failed)
        if why is not None:
            return self._stand_in(
                item, verdict, why, result.usage, result.cost_usd, result.latency_ms
            )
        provenance = self._provenance(prompt, result).model_copy(update={"failed_checks": failed})
        return Draft(**result.parsed.model_dump(), provenance=provenance)

    def _charge_earlier(self, failure: BackendError, earlier: ChatResult[Any]) -> None:
        """Add to `failure`'s spending the answer before it, which was paid for too."""
        failure.usage = earlier.usage + failure.usage
        failure.cost_usd = self.client.cost_usd(failure.usage)

    def _draft_wording(self, prompt: PromptVersion, item: Incoming) -> str:
        """What a draft must not copy: the prompt's fixed text and our redraft request."""
        return f"{prompt_wording(prompt, DraftOutput)} {redraft_wording(item, self.profile)}"

    def _stand_in(
        self,
        item: Incoming,
        verdict: VerdictOutput,
        why: str,
        usage: Usage,
        cost: float | None,
        latency_ms: float,
    ) -> Draft:
        log.info("%s; the offline draft stands in", why)
        voice = self.voice.voice if self.voice is not None else None
        return stand_in_draft(
            item,
            verdict,
            self.profile,
            why=why,
            voice=voice,
            usage=usage,
            cost_usd=cost,
            latency_ms=latency_ms,
        )

    async def judge(self, item: Incoming, verdict: VerdictOutput, draft_text: str) -> JudgeVerdict:
        """Score a draft written for `item` under `verdict` (used by the evals).
        Raises BackendError, e.g. kind="invalid_output" when the answer never validates."""
        prompt = self.judge_prompt
        if prompt is None:
            raise PromptError("no judge prompt was chosen for this backend (with_judge_prompt).")
        draft = mask_private(draft_text) if self.redact else draft_text
        values = prompt_inputs(self._outgoing(item), self.profile, verdict)
        messages = prompt.render(**values, draft=defuse_tags(draft))
        result = await self._complete(prompt, messages, JudgeOutput)
        return JudgeVerdict(
            **result.parsed.model_dump(),
            provenance=self._provenance(prompt, result),
            raw=result.raw,
        )

    async def _complete(
        self, prompt: PromptVersion, messages: list[BaseMessage], schema: type[T]
    ) -> ChatResult[T]:
        return await self.client.complete(
            messages,
            schema,
            temperature=prompt.temperature,
            max_tokens=prompt.max_tokens,
            prompt_ref=prompt.ref,
        )

    # ------------------------------------------------------------ Batch API requests

    def classify_request(self, item: Incoming) -> dict[str, Any]:
        """The chat completion body `classify` would send, for a Batch API input line."""
        prompt = self.prompts.classify
        messages = prompt.render(**prompt_inputs(self._outgoing(item), self.profile))
        return self.client.structured_request(
            messages, VerdictOutput, temperature=prompt.temperature, max_tokens=prompt.max_tokens
        )

    def draft_request(self, item: Incoming, verdict: VerdictOutput) -> dict[str, Any]:
        """The chat completion body `draft` would send, for a Batch API input line."""
        prompt = self.prompts.draft
        messages = prompt.render(**self._draft_inputs(item, verdict))
        return self.client.structured_request(
            messages, DraftOutput, temperature=prompt.temperature, max_tokens=prompt.max_tokens
        )

    def verdict_from_content(
        self, content: str, usage: Usage, finish_reason: str | None = "stop"
    ) -> Verdict:
        """A verdict from a Batch API answer, billed at the batch price.
        Raises BackendError(kind="invalid_output") when the content does not validate."""
        parsed = self._validated(content, VerdictOutput, finish_reason)
        return Verdict(
            **parsed.model_dump(), provenance=self._batch_provenance(self.prompts.classify, usage)
        )

    def draft_from_content(
        self, content: str, usage: Usage, finish_reason: str | None = "stop"
    ) -> Draft:
        """A draft from a Batch API answer, billed at the batch price.
        Raises BackendError(kind="invalid_output") when the content does not validate."""
        parsed = self._validated(content, DraftOutput, finish_reason)
        return Draft(
            **parsed.model_dump(), provenance=self._batch_provenance(self.prompts.draft, usage)
        )

    def _validated(self, content: str, schema: type[T], finish_reason: str | None) -> T:
        parsed, problem = self.client.parse_content(content, schema, finish_reason)
        if parsed is None:
            # A batch answer cannot get a repair round-trip; the rerun sends it again.
            raise BackendError(
                f"the reply of {self.model} was not JSON with the fields asked for "
                f"({asked_fields(schema)}): {problem}",
                kind="invalid_output",
            )
        return parsed

    def _batch_provenance(self, prompt: PromptVersion, usage: Usage) -> Provenance:
        return Provenance(
            backend=self.name,
            model=self.model,
            prompt_version=prompt.ref,
            usage=usage,
            cost_usd=batch_cost_usd(self.model, usage),
        )

    def stream_draft(self, item: Incoming, verdict: VerdictOutput) -> DraftStream:
        """The draft's text in chunks; once they have all come, the stream's `provenance`
        records the prompt, usage, cost and latency."""
        prompt = self.prompts.draft
        instructions = self._draft_wording(prompt, item)

        async def opened() -> TextStream:
            messages = prompt.render_stream(**await self._draft_inputs_off_loop(item, verdict))
            return self.client.stream_text(
                messages, temperature=prompt.temperature, max_tokens=prompt.max_tokens
            )

        def reviewed(text: str, provenance: Provenance) -> Draft | None:
            """The stand-in when the streamed text is no reply; its failed checks recorded
            on `provenance` otherwise (a stream cannot be asked again unseen)."""
            failed = failed_checks(text, item, verdict, self.profile, instructions)
            provenance.failed_checks = failed
            why = _no_reply_because(failed)
            if why is None:
                return None
            return self._stand_in(
                item, verdict, why, provenance.usage, provenance.cost_usd, provenance.latency_ms
            )

        return DraftStream(opened, self.name, self.model, prompt.ref, reviewed)

    def estimate_usage(self, item: Incoming, with_draft: bool = True) -> Usage:
        """What classifying (and drafting) `item` would cost in tokens, sending nothing.

        Prompt tokens at ~4 characters each; completions at a typical answer's size; no
        provider-side prompt caching assumed, so the estimate errs high."""
        item = self._outgoing(item)
        classify = self.prompts.classify
        usage = Usage(
            prompt_tokens=_tokens(classify.render(**prompt_inputs(item, self.profile))),
            completion_tokens=min(TYPICAL_VERDICT_TOKENS, classify.max_tokens),
        )
        if with_draft:
            # The verdict is not known yet; the longest reply shape stands in for it.
            stand_in = VerdictOutput(
                label=Label.RELATIONSHIP, confidence=1.0, reason="", action=Action.REPLY
            )
            draft = self.prompts.draft
            usage += Usage(
                prompt_tokens=_tokens(draft.render(**prompt_inputs(item, self.profile, stand_in))),
                completion_tokens=min(TYPICAL_DRAFT_TOKENS, draft.max_tokens),
            )
        return usage

    def _draft_inputs(self, item: Incoming, verdict: VerdictOutput) -> dict[str, str]:
        """The draft prompt's variables, with the user's voice when one is attached."""
        # When redacting, the user's earlier messages (not masked) stay home: only the style goes.
        return prompt_inputs(
            self._outgoing(item), self.profile, verdict, self.voice, private=self.redact
        )

    async def _draft_inputs_off_loop(
        self, item: Incoming, verdict: VerdictOutput
    ) -> dict[str, str]:
        """`_draft_inputs` in a worker thread when a voice is attached: choosing the earlier
        replies embeds the message (a tenth of a second, seconds on a busy machine), which
        must not stall the calls in flight or the UI."""
        if self.voice is None:
            return self._draft_inputs(item, verdict)
        return await asyncio.to_thread(self._draft_inputs, item, verdict)

    def _outgoing(self, item: Incoming) -> Incoming:
        """The item as it may leave the machine: contact details masked when asked to."""
        if not self.redact:
            return item
        return replace(
            item,
            text=mask_private(item.text),
            subject=mask_private(item.subject),
            thread=tuple(replace(turn, text=mask_private(turn.text)) for turn in item.thread),
        )

    def _provenance(self, prompt: PromptVersion, result: ChatResult) -> Provenance:
        return Provenance(
            backend=self.name,
            model=self.model,
            prompt_version=prompt.ref,
            usage=result.usage,
            cost_usd=result.cost_usd,
            latency_ms=result.latency_ms,
            cached=result.cached,
        )


class DraftStream:
    """A streamed draft's text chunks (`async for`); once they have all come, `provenance`
    (with the draft checks it failed) and, when the text was no reply, `replacement`: the
    draft that stands in for it."""

    def __init__(
        self,
        open_text: Callable[[], Awaitable[TextStream]],
        backend: str,
        model: str,
        prompt_ref: str,
        review: Callable[[str, Provenance], Draft | None],
    ) -> None:
        self._open_text = open_text  # renders the prompt and opens the stream
        self._backend = backend
        self._model = model
        self._prompt_ref = prompt_ref
        self._review = review
        self.provenance: Provenance | None = None
        self.replacement: Draft | None = None

    async def _chunks(self) -> AsyncIterator[str]:
        text = await self._open_text()
        pieces: list[str] = []
        async for chunk in text:
            pieces.append(chunk)
            yield chunk
        self.provenance = Provenance(
            backend=self._backend,
            model=self._model,
            # The plain-text variant of the draft prompt made it: the reply is not JSON.
            prompt_version=f"{self._prompt_ref} (streamed)",
            usage=text.usage,
            cost_usd=text.cost_usd,
            latency_ms=text.latency_ms,
        )
        self.replacement = self._review("".join(pieces).strip(), self.provenance)

    def __aiter__(self) -> AsyncIterator[str]:
        return self._chunks()


def _no_reply_because(failed: list[str]) -> str | None:
    """Why a draft failing the checks `failed` is no reply at all, or None when it is one."""
    not_a_reply = NOT_A_REPLY_CHECKS.intersection(failed)
    return _NOT_A_REPLY_BECAUSE[min(not_a_reply)] if not_a_reply else None


def _both(first: ChatResult[T], second: ChatResult[T]) -> ChatResult[T]:
    """The second result, charged with what both calls spent."""
    costs = (first.cost_usd, second.cost_usd)
    return replace(
        second,
        usage=first.usage + second.usage,
        cost_usd=None if None in costs else sum(costs),  # type: ignore[arg-type]
        latency_ms=first.latency_ms + second.latency_ms,
        cached=first.cached and second.cached,
        attempts=first.attempts + second.attempts,
    )


def _tokens(messages: list[BaseMessage]) -> int:
    return sum(estimate_tokens(str(message.content)) for message in messages)
