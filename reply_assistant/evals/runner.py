"""Run a dataset through one backend configuration and record what came back.

Each run is one backend with one set of prompt versions. Every example's verdict, draft,
usage and provenance is recorded, so scoring (`metrics.compute_metrics`) never needs the
backend again. The examples go through the engine's core (`Assistant`), so an eval
measures exactly what the inbox and batch mode do, failures and their kinds included.
With a judge, each draft meant to be sent is then scored by it (see `judge.py`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reply_assistant.backends import Backend, make_backend
from reply_assistant.backends.offline import training as training_data
from reply_assistant.backends.offline.language import UNDETERMINED, detect_language
from reply_assistant.config import OFFLINE, Settings
from reply_assistant.draft_checks import check_draft
from reply_assistant.engine import Assistant
from reply_assistant.evals.dataset import EvalExample
from reply_assistant.evals.judge import JudgeSpec, judge_draft, make_judge, should_judge
from reply_assistant.evals.metrics import compute_metrics
from reply_assistant.evals.records import ExampleResult, JudgeRecord, RunResult
from reply_assistant.models import Assessment, Incoming
from reply_assistant.prompts import PromptSet
from reply_assistant.redact import mask_private

if TYPE_CHECKING:
    from reply_assistant.backends.llm import LLMBackend
    from reply_assistant.backends.openai_client import ResponseCache

PREVIEW_CHARS = 80


@dataclass(frozen=True, slots=True)
class RunSpec:
    backend: str  # config.OFFLINE or config.OPENAI
    prompt_versions: tuple[tuple[str, str], ...] = ()  # empty for the offline model
    model: str | None = None
    gated: bool = False
    repeat_index: int = 0
    with_drafts: bool = True

    @property
    def label(self) -> str:
        """The run named by what ran: without drafts, the draft prompt took no part."""
        if self.backend == OFFLINE:
            return OFFLINE
        return "+".join(
            f"{name}@{version}"
            for name, version in self.prompt_versions
            if self.with_drafts or name != "draft"
        )


def plan_runs(
    settings: Settings,
    *,
    backend: str | None,
    prompt_overrides: dict[str, str],
    model: str | None = None,
    baseline: bool = True,
    repeat: int = 1,
    with_drafts: bool = True,
) -> list[RunSpec]:
    """The LLM runs (one per combination of comma-listed prompt versions, each repeated),
    then the offline baseline. The gated runs are the LLM ones, or the offline model when
    it runs alone. Without drafts, only the first draft version is kept: the others would
    be the same run again."""
    chosen = backend or settings.resolved_backend
    if chosen == OFFLINE:
        return [RunSpec(backend=OFFLINE, gated=True)]
    versions = {**settings.prompts, **prompt_overrides}
    names = sorted(versions, key=lambda name: (name != "classify", name != "draft", name))
    choices = [[v.strip() for v in versions[name].split(",") if v.strip()] for name in names]
    if not with_drafts and "draft" in names:
        draft_choices = choices[names.index("draft")]
        del draft_choices[1:]
    specs = [
        RunSpec(
            backend=chosen,
            prompt_versions=tuple(zip(names, combination, strict=True)),
            model=model,
            gated=True,
            repeat_index=index,
            with_drafts=with_drafts,
        )
        for combination in itertools.product(*choices)
        for index in range(repeat)
    ]
    if baseline:
        specs.append(RunSpec(backend=OFFLINE))
    return specs


def offline_training_texts() -> set[str]:
    """The message texts the offline model learns from; empty when its data is missing
    (the offline run then stops with its own message)."""
    try:
        rows = training_data.read_examples(training_data.packaged_dataset_path(), split="train")
    except OSError:
        return set()
    return {str(row.get("text", "")) for row in rows}


def run_notes(
    specs: Sequence[RunSpec], examples: Sequence[EvalExample], *, repeat: int
) -> list[str]:
    """One-line notes on what the planned runs cannot measure: repeats of the
    deterministic offline model, and offline figures on the rows it was trained on."""
    notes = []
    if repeat > 1 and all(spec.backend == OFFLINE for spec in specs):
        notes.append(
            f"note: the offline model is deterministic, so --repeat {repeat} runs it once."
        )
    if any(spec.backend == OFFLINE for spec in specs):
        trained_on = offline_training_texts()
        seen = sum(example.text in trained_on for example in examples)
        if seen:
            notes.append(
                f"warning: {seen} of the {len(examples)} scored examples are in the offline "
                "model's train split: its figures on them are optimistic."
            )
    return notes


def check_prompt_versions(specs: Sequence[RunSpec]) -> None:
    """Raises PromptError (a ConfigError) for an unknown version before any run starts."""
    for spec in specs:
        if spec.backend != OFFLINE:
            PromptSet.from_versions(dict(spec.prompt_versions))


def message_language(example: EvalExample) -> str:
    if example.language:
        return example.language
    detected = detect_language(example.text)
    return "" if detected == UNDETERMINED else detected


def _preview(text: str) -> str:
    line = " ".join(mask_private(text).split())
    return line if len(line) <= PREVIEW_CHARS else line[: PREVIEW_CHARS - 1] + "…"


def record_example(
    example: EvalExample,
    item: Incoming,
    assessment: Assessment,
    *,
    redact: bool,
    judged: JudgeRecord | None = None,
) -> ExampleResult:
    verdict, draft = assessment.verdict, assessment.draft
    language = message_language(example)
    provenances = [p.provenance for p in (verdict, draft) if p is not None]
    # A failed call's tokens were spent too; it has no latency or cache hit to report.
    spent = [*provenances, *filter(None, [assessment.failed_call])]
    costs = [p.cost_usd for p in spent if p.cost_usd is not None]
    checks = (
        check_draft(
            draft.text,
            label=verdict.label.value if verdict else None,
            language=language,
            first_name=item.first_name,
            action=verdict.action.value if verdict else None,
            message=item.read_text,
        )
        if draft is not None
        else {}
    )
    if draft is not None and draft.provenance.stood_in_for:
        # The offline draft stood in for the prompt's, which was no reply: the prompt is
        # scored on its own draft, so every check that applies fails.
        checks = dict.fromkeys(checks, False)
    draft_text = draft.text if draft else None
    verdict_record = verdict.model_dump(mode="json") if verdict else None
    if redact and item.first_name:
        # The checks above saw the name; the record keeps neither it nor the message.
        name = re.compile(rf"(?<!\w){re.escape(item.first_name)}(?!\w)")
        draft_text = name.sub("[name]", draft_text) if draft_text else draft_text
        if verdict_record:
            verdict_record["reason"] = name.sub("[name]", verdict_record["reason"])
        if judged is not None:
            judged = judged.model_copy(
                update={
                    "problems": [name.sub("[name]", problem) for problem in judged.problems],
                    "raw": name.sub("[name]", judged.raw) if judged.raw else judged.raw,
                }
            )
    return ExampleResult(
        id=example.id,
        gold=example.label.value,
        predicted=verdict.label.value if verdict else None,
        confidence=verdict.confidence if verdict else None,
        action=verdict.action.value if verdict else None,
        error=assessment.error,
        error_kind=assessment.error_kind,
        draft=draft_text,
        draft_language=draft.language if draft else None,
        language=language,
        subtype=example.subtype,
        expect=example.expect or "",
        first_name="" if redact else item.first_name,
        text_preview="" if redact else _preview(example.text),
        redacted=redact,
        latency_ms=round(sum(p.latency_ms for p in provenances), 3),
        prompt_tokens=sum(p.usage.prompt_tokens for p in spent),
        completion_tokens=sum(p.usage.completion_tokens for p in spent),
        cost_usd=sum(costs) if costs else None,
        cached=bool(provenances) and all(p.cached for p in provenances),
        checks=checks,
        verdict=verdict_record,
        draft_provenance=draft.provenance.model_dump(mode="json") if draft else None,
        judge=judged,
    )


async def run_examples(
    backend: Backend,
    examples: Sequence[EvalExample],
    *,
    concurrency: int,
    with_drafts: bool,
    redact: bool,
    judge: LLMBackend | None = None,
) -> list[ExampleResult]:
    """Every example judged and drafted the way the engine does it (`Assistant`: in bulk
    for a backend that judges in bulk, failures recorded with their kind), then each draft
    meant to be sent scored by the judge; `concurrency` examples at a time."""
    items = [example.to_incoming() for example in examples]
    assistant = Assistant(backend)
    in_bulk: list[Assessment] | None = None
    if backend.capabilities.judges_in_bulk:
        in_bulk = await assistant.assess_many(items, with_draft=with_drafts)
    semaphore = asyncio.Semaphore(max(1, concurrency))

    async def one(index: int) -> tuple[Assessment, JudgeRecord | None]:
        async with semaphore:
            item = items[index]
            assessment = (
                in_bulk[index]
                if in_bulk is not None
                else await assistant.assess(item, with_draft=with_drafts)
            )
            verdict, draft = assessment.verdict, assessment.draft
            if judge is None or verdict is None or draft is None:
                return assessment, None
            if draft.provenance.stood_in_for:  # the prompt wrote no draft worth judging
                return assessment, None
            if not should_judge(verdict, draft):
                return assessment, None
            return assessment, await judge_draft(judge, item, verdict, draft)

    outcomes = await asyncio.gather(*(one(index) for index in range(len(items))))
    return [
        record_example(example, item, assessment, redact=redact, judged=judgement)
        for example, item, (assessment, judgement) in zip(examples, items, outcomes, strict=True)
    ]


async def run_spec(
    spec: RunSpec,
    examples: Sequence[EvalExample],
    settings: Settings,
    *,
    cache: ResponseCache | None,
    concurrency: int,
    with_drafts: bool,
    redact: bool,
    judge: JudgeSpec | None = None,
) -> RunResult:
    """Raises ConfigError/BackendError when the backend (or the judge's) cannot be built."""
    settings = dataclasses.replace(
        settings, redact=redact or settings.redact, concurrency=max(1, concurrency)
    )
    backend = make_backend(
        settings,
        backend=spec.backend,
        model=spec.model,
        prompt_versions=dict(spec.prompt_versions),
        cache=cache,
        # Repeats measure the spread of fresh answers, so only the first may be cached.
        use_cache=spec.repeat_index == 0,
    )
    # The judge's answers are always cached: a repeat's fresh drafts miss the cache anyway,
    # and the same draft judged twice would only measure the judge's own spread.
    judge_backend = None
    try:
        judge_backend = make_judge(settings, judge, cache) if judge is not None else None
        results = await run_examples(
            backend,
            examples,
            concurrency=concurrency,
            with_drafts=with_drafts,
            redact=redact,
            judge=judge_backend,
        )
    finally:
        for used in (backend, judge_backend):
            if used is not None:  # the LLM client's HTTP pool belongs to this event loop
                await used.aclose()
    return RunResult(
        prompt=spec.label,
        backend=backend.name,
        model=backend.model,
        repeat_index=spec.repeat_index,
        gated=spec.gated,
        judge=f"{judge.ref} ({judge_backend.model})" if judge and judge_backend else "",
        metrics=compute_metrics(results),
        examples=results,
    )
