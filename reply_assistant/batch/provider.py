"""Batch mode through OpenAI's Batch API: the same requests at half the price, answered
within 24 hours instead of seconds.

A run goes in rounds. Classify requests for every message still to do are written to a JSONL
file, uploaded and submitted as one provider batch (split when the API's limits require);
the job is recorded in the store before polling starts, so Ctrl-C or a crash loses nothing:
the next run (or `--collect`) polls the recorded job instead of submitting again. When a
batch ends, each answer is validated like a live one and saved with provenance; a line that
failed or did not validate becomes that message's error. A second round drafts replies for
the judged messages.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

import openai
from openai.types.chat import ChatCompletion

from reply_assistant.backends.base import BackendError
from reply_assistant.backends.llm import LLMBackend
from reply_assistant.backends.openai_client import completion_usage
from reply_assistant.engine import Engine, RunOutcome
from reply_assistant.engine.events import Progress
from reply_assistant.store import BatchJob, Store

JOB_KIND = "openai-batch"
CHAT_ENDPOINT: Final = "/v1/chat/completions"
FINAL_STATUSES = frozenset(["completed", "failed", "expired", "cancelled"])
# The Batch API takes at most 50,000 requests and 200 MB per input file.
MAX_REQUESTS_PER_FILE = 50_000
MAX_BYTES_PER_FILE = 190 * 1024 * 1024
# Status checks that fail for a passing reason are retried at the next poll.
_TRANSIENT = (openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError)

StatusLog = Callable[[str], None]


class ProviderBatchError(Exception):
    """The Batch API refused a submission or a status check for good (one sentence)."""


@dataclass(frozen=True)
class ProviderOptions:
    with_drafts: bool = True
    poll_interval_s: float = 30.0
    submit: bool = True  # False for --collect: only finish what an earlier run submitted


async def run_provider_batch(
    engine: Engine,
    message_ids: Sequence[str],
    options: ProviderOptions,
    on_status: StatusLog = lambda line: None,
) -> RunOutcome:
    """Collect this backend's open jobs, then (unless `submit` is off) submit and collect a
    classify round and a draft round for what is still to do: the engine's run, made
    through the provider's Batch API. Raises ProviderBatchError."""
    backend = engine.backend
    if not isinstance(backend, LLMBackend):
        raise ProviderBatchError("the Batch API needs the openai backend")
    loop = asyncio.get_running_loop()
    started = loop.time()
    todo = engine.remaining(message_ids, with_drafts=options.with_drafts)
    outcome = RunOutcome(
        message_ids=list(message_ids),
        already_done=len(message_ids) - len(todo),
        progress=Progress(total=len(todo)),
    )
    rounds = _Rounds(engine, backend, outcome, options, on_status)
    try:
        await rounds.collect_open_jobs()
        if options.submit:
            await rounds.run("classify", [m for m in todo if rounds.needs_verdict(m)])
            if options.with_drafts:
                await rounds.run("draft", [m for m in todo if rounds.needs_draft(m)])
        else:
            left = engine.remaining(todo, with_drafts=options.with_drafts)
            if left:
                on_status(f"{len(left)} messages still to do; --provider-batch submits them.")
    finally:
        progress = outcome.progress
        progress.failed = len(outcome.failures)
        unfinished = set(engine.remaining(todo, with_drafts=options.with_drafts))
        progress.done = sum(1 for m in todo if m in outcome.failures or m not in unfinished)
        outcome.wall_s = loop.time() - started
    return outcome


class _Rounds:
    """One run's submissions and collections, sharing the store, backend and outcome."""

    def __init__(
        self,
        engine: Engine,
        backend: LLMBackend,
        outcome: RunOutcome,
        options: ProviderOptions,
        on_status: StatusLog,
    ) -> None:
        self.engine = engine
        self.store: Store = engine.store
        self.backend = backend
        self.outcome = outcome
        self.options = options
        self.on_status = on_status
        self.sdk = backend.client.sdk
        self.in_scope = set(outcome.message_ids)
        self.prompt_refs = {
            "classify": backend.prompts.classify.ref,
            "draft": backend.prompts.draft.ref,
        }

    # ------------------------------------------------------------ what is left

    def needs_verdict(self, message_id: str) -> bool:
        return message_id not in self.outcome.failures and not self._judged_here(message_id)

    def needs_draft(self, message_id: str) -> bool:
        return (
            message_id not in self.outcome.failures
            and self._judged_here(message_id)
            and not self.store.drafts(message_id)
        )

    def _judged_here(self, message_id: str) -> bool:
        return bool(self.engine.usable_verdicts([message_id]))

    # ------------------------------------------------------------ jobs

    def _settings(self, round_name: str) -> dict[str, str]:
        """What a job's answers are only valid for: they are saved under these names."""
        return {
            "base_url": self.backend.client.base_url,
            "model": self.backend.model,
            "prompt_version": self.prompt_refs[round_name],
        }

    def _is_ours(self, job: BatchJob) -> bool:
        round_name = job.state.get("round", "")
        return (
            job.kind == JOB_KIND
            and round_name in self.prompt_refs
            and job.state.get("settings") == self._settings(round_name)
        )

    async def collect_open_jobs(self) -> None:
        jobs = [job for job in self.store.batch_jobs(open_only=True) if job.kind == JOB_KIND]
        ours = [job for job in jobs if self._is_ours(job)]
        others = len(jobs) - len(ours)
        if others:
            self.on_status(
                f"{others} submitted batch{'es' if others != 1 else ''} used another model, "
                "prompt version or endpoint; run with those settings to collect them."
            )
        if ours:
            self.on_status(f"Resuming {len(ours)} submitted batch{'es' if len(ours) != 1 else ''}.")
        # Classify jobs first: a draft job submitted later cannot depend on them, but their
        # verdicts decide what the draft round still has to do.
        for round_name in ("classify", "draft"):
            await self._finish_all([job for job in ours if job.state["round"] == round_name])

    async def run(self, round_name: str, message_ids: list[str]) -> None:
        if not message_ids:
            return
        await self._finish_all(await self._submit(round_name, message_ids))

    async def _submit(self, round_name: str, message_ids: list[str]) -> list[BatchJob]:
        jobs: list[BatchJob] = []
        lines = [self._request_line(round_name, m) for m in message_ids]
        for ids, content in _chunks(message_ids, lines):
            try:
                uploaded = await self.sdk.files.create(
                    file=(f"reply-assistant-{round_name}.jsonl", content, "application/jsonl"),
                    purpose="batch",
                )
                batch = await self.sdk.batches.create(
                    input_file_id=uploaded.id,
                    endpoint=CHAT_ENDPOINT,
                    completion_window="24h",
                    metadata={"app": "reply-assistant", "round": round_name},
                )
            except openai.APIError as exc:
                raise ProviderBatchError(_describe(exc, "submitting a batch")) from None
            state = {
                "round": round_name,
                "batch_id": batch.id,
                "input_file_id": uploaded.id,
                "status": batch.status,
                "settings": self._settings(round_name),
                "message_ids": ids,
                "done": False,
            }
            # Recorded before polling: from here on an interrupted run resumes this job.
            job = self.store.batch_job(self.store.save_batch_job(JOB_KIND, state))
            assert job is not None
            jobs.append(job)
            self.on_status(f"Submitted {round_name} batch {batch.id} ({len(ids)} requests).")
        return jobs

    def _request_line(self, round_name: str, message_id: str) -> bytes:
        item = self.store.incoming(message_id)
        if round_name == "classify":
            body = self.backend.classify_request(item)
        else:
            verdict = self.store.verdict(message_id)
            assert verdict is not None  # only judged messages get a draft round
            body = self.backend.draft_request(item, verdict)
        line = {"custom_id": message_id, "method": "POST", "url": CHAT_ENDPOINT, "body": body}
        return (json.dumps(line, ensure_ascii=False) + "\n").encode()

    async def _finish_all(self, jobs: list[BatchJob]) -> None:
        await asyncio.gather(*(self._finish(job) for job in jobs))

    async def _finish(self, job: BatchJob) -> None:
        batch = await self._poll(job)
        state = job.state
        answered: set[str] = set()
        for file_id in (batch.output_file_id, batch.error_file_id):
            if file_id:
                for line in await self._download(file_id):
                    answered.add(self._apply(state["round"], set(state["message_ids"]), line))
        unanswered = [m for m in state["message_ids"] if m not in answered]
        for message_id in unanswered:
            if not self._saved_before(state["round"], message_id):
                self._fail(state["round"], message_id, f"the provider batch ended {batch.status}")
        state.update(
            status=batch.status,
            output_file_id=batch.output_file_id,
            error_file_id=batch.error_file_id,
            done=True,
        )
        self.store.update_batch_job(job.id, state)
        self.on_status(f"Collected {state['round']} batch {state['batch_id']} ({batch.status}).")

    async def _poll(self, job: BatchJob) -> Any:
        state = job.state
        while True:
            try:
                batch = await self.sdk.batches.retrieve(state["batch_id"])
            except _TRANSIENT:
                await asyncio.sleep(self.options.poll_interval_s)
                continue
            except openai.APIError as exc:
                raise ProviderBatchError(_describe(exc, "checking a batch")) from None
            if batch.status != state.get("status"):
                state["status"] = batch.status
                self.store.update_batch_job(job.id, state)
                counts = batch.request_counts
                progress = f" ({counts.completed}/{counts.total} answered)" if counts else ""
                self.on_status(f"{state['round']} batch {batch.id}: {batch.status}{progress}")
            if batch.status in FINAL_STATUSES:
                return batch
            await asyncio.sleep(self.options.poll_interval_s)

    async def _download(self, file_id: str) -> list[dict[str, Any]]:
        try:
            content = await self.sdk.files.content(file_id)
        except openai.APIError as exc:
            raise ProviderBatchError(_describe(exc, "downloading batch results")) from None
        lines = []
        for text in content.content.decode("utf-8").splitlines():
            if text.strip():
                try:
                    lines.append(json.loads(text))
                except ValueError:
                    continue  # an unreadable line leaves its message unanswered
        return lines

    # ------------------------------------------------------------ one answer

    def _apply(self, round_name: str, expected: set[str], line: dict[str, Any]) -> str:
        """Save one output or error line; returns its message id ("" when not ours)."""
        message_id = str(line.get("custom_id") or "")
        if message_id not in expected:
            return ""
        if self._saved_before(round_name, message_id):
            return message_id
        response = line.get("response") or {}
        if response.get("status_code") != 200:
            self._fail(round_name, message_id, _line_error(line))
            return message_id
        try:
            completion = ChatCompletion.model_validate(response.get("body") or {})
            choice = completion.choices[0]
            usage = completion_usage(completion)
            content = choice.message.content or ""
            if round_name == "classify":
                verdict = self.backend.verdict_from_content(content, usage, choice.finish_reason)
                self.store.save_verdict(message_id, verdict)
                self.outcome.progress.add(verdict.provenance)
            else:
                draft = self.backend.draft_from_content(content, usage, choice.finish_reason)
                self.store.save_draft(message_id, draft)
                self.outcome.progress.add(draft.provenance)
        except BackendError as exc:
            self._fail(round_name, message_id, str(exc))
        except (ValueError, IndexError):
            self._fail(round_name, message_id, "the answer is not a chat completion")
        return message_id

    def _saved_before(self, round_name: str, message_id: str) -> bool:
        """True when an earlier, interrupted collection of this job already saved the answer
        (collecting again must not add a second draft)."""
        if round_name == "classify":
            return self._judged_here(message_id)
        return bool(self.store.drafts(message_id))

    def _fail(self, round_name: str, message_id: str, error: str) -> None:
        error = f"{round_name} failed: {error}"
        self.store.save_error(message_id, error)
        if message_id in self.in_scope:
            self.outcome.failures[message_id] = error


# ---------------------------------------------------------------- helpers


def _chunks(message_ids: list[str], lines: list[bytes]) -> Iterator[tuple[list[str], bytes]]:
    """Input files within the Batch API's request and size limits."""
    ids: list[str] = []
    parts: list[bytes] = []
    size = 0
    for message_id, line in zip(message_ids, lines, strict=True):
        if parts and (len(parts) >= MAX_REQUESTS_PER_FILE or size + len(line) > MAX_BYTES_PER_FILE):
            yield ids, b"".join(parts)
            ids, parts, size = [], [], 0
        ids.append(message_id)
        parts.append(line)
        size += len(line)
    if parts:
        yield ids, b"".join(parts)


def _line_error(line: dict[str, Any]) -> str:
    """An error line's reason: the per-request error, or the HTTP error the request got."""
    response = line.get("response") or {}
    error = line.get("error") or (response.get("body") or {}).get("error") or {}
    status = response.get("status_code")
    code = error.get("code") or (f"status {status}" if status else "error")
    return f"the Batch API answered {code}: {error.get('message') or 'no reason given'}"


def _describe(exc: openai.APIError, doing: str) -> str:
    if isinstance(exc, openai.AuthenticationError):
        return f"the API key was rejected while {doing}"
    if isinstance(exc, openai.APIStatusError):
        return f"the Batch API answered {exc.status_code} while {doing}"
    return f"could not reach the Batch API while {doing}"
