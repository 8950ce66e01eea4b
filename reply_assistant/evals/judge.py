"""The optional LLM judge of an eval run (`eval --judge`): which drafts it scores, the backend
that scores them, and the judge metrics.

The judge is always an LLM backend, whichever backend wrote the drafts. Its metrics are
computed from each example's recorded raw answer, so `eval rescore` recomputes them with
no network. Judge tokens and cost are kept apart from the run's own.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from reply_assistant.backends import BackendError, make_backend
from reply_assistant.config import ConfigError, Settings
from reply_assistant.engine.assistant import failed_call
from reply_assistant.evals.records import ExampleResult, JudgeRecord, ProblemCount, TokenCounts
from reply_assistant.models import Action, Draft, Incoming, JudgeOutput, Usage, Verdict
from reply_assistant.prompts import load_prompt

if TYPE_CHECKING:
    from reply_assistant.backends.llm import LLMBackend
    from reply_assistant.backends.openai_client import ResponseCache

DEFAULT_JUDGE_VERSION = "v1"
SCORES = range(1, 6)
TOP_PROBLEMS = 10
NEEDS_LLM = (
    "the judge needs OPENAI_API_KEY or OPENAI_BASE_URL set (it is always an LLM, "
    "whichever backend drafts)."
)


@dataclass(frozen=True, slots=True)
class JudgeSpec:
    model: str | None = None  # None: the configured model
    prompt_version: str = DEFAULT_JUDGE_VERSION

    @property
    def ref(self) -> str:
        return f"judge@{self.prompt_version}"


def check_judge(settings: Settings, spec: JudgeSpec) -> None:
    """Raises ConfigError before any run starts: no LLM configured, or an unknown prompt."""
    if not (settings.api_key or settings.base_url):
        raise ConfigError(NEEDS_LLM)
    load_prompt("judge", spec.prompt_version)


def make_judge(settings: Settings, spec: JudgeSpec, cache: ResponseCache | None) -> LLMBackend:
    """An LLM backend judging with the spec's prompt; its calls use the response cache
    and the settings' concurrency, like the run's own calls."""
    backend = cast(
        "LLMBackend", make_backend(settings, backend="openai", model=spec.model, cache=cache)
    )
    return backend.with_judge_prompt(load_prompt("judge", spec.prompt_version))


def should_judge(verdict: Verdict, draft: Draft) -> bool:
    """Only a non-empty draft meant to be sent; a no_reply note is for the user alone."""
    return bool(draft.text.strip()) and verdict.action != Action.NO_REPLY


async def judge_draft(
    judge: LLMBackend, item: Incoming, verdict: Verdict, draft: Draft
) -> JudgeRecord:
    """The judge's answer, or the failure: a judge failure never fails the example."""
    try:
        judged = await judge.judge(item, verdict, draft.text)
    except BackendError as exc:
        # Its tokens were spent all the same: the judge's totals count them.
        spent = failed_call(judge, exc)
        return JudgeRecord(error=str(exc), error_kind=exc.kind, provenance=spent)
    return JudgeRecord(
        score=judged.score,
        problems=judged.problems,
        raw=judged.raw,
        provenance=judged.provenance,
    )


def parse_judge_answer(raw: str) -> JudgeOutput | None:
    """A recorded raw answer read the way the client read it; None when it does not validate."""
    # Deferred: the client module pulls in the openai SDK, needed only when judged runs load.
    from reply_assistant.backends.openai_client import ChatClient

    return ChatClient.parse_content(raw, JudgeOutput)[0]


def _problem_key(problem: str) -> str:
    return " ".join(problem.split()).rstrip(".").lower()


def judge_metrics(examples: Sequence[ExampleResult]) -> dict[str, Any]:
    """The judge fields of `RunMetrics`, from the recorded raw answers alone."""
    records = [e.judge for e in examples if e.judge is not None]
    answers = [parse_judge_answer(r.raw) if r.raw is not None else None for r in records]
    scores = [answer.score for answer in answers if answer is not None]
    problems = Counter(
        _problem_key(problem)
        for answer in answers
        if answer is not None
        for problem in answer.problems
        if problem.strip()
    )
    provenances = [r.provenance for r in records if r.provenance is not None]
    usage = sum((p.usage for p in provenances), Usage())
    costs = [p.cost_usd for p in provenances if p.cost_usd is not None]
    ranked = sorted(problems.items(), key=lambda item: (-item[1], item[0]))[:TOP_PROBLEMS]
    return {
        "judge_count": len(records),
        "judge_mean_score": statistics.fmean(scores) if scores else None,
        "judge_score_histogram": {s: scores.count(s) for s in SCORES} if records else {},
        "judge_problems": [ProblemCount(problem=p, count=n) for p, n in ranked],
        "judge_failures": sum(answer is None for answer in answers),
        "judge_tokens": TokenCounts(
            prompt=usage.prompt_tokens,
            completion=usage.completion_tokens,
            total=usage.total_tokens,
        ),
        "judge_cost_usd": sum(costs) if costs else None,
    }
