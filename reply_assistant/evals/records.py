"""What an eval run records: per example, everything needed to score it again offline.

The RUN.json file is `RunFile.model_dump_json()`; `eval rescore` and `eval compare` read
it back with `RunFile.model_validate_json` and never touch a backend.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from reply_assistant.models import Provenance


class JudgeRecord(BaseModel):
    """The judge's answer for one draft; `raw` is what the metrics are computed from."""

    score: int | None = None  # None when the judge call failed
    problems: list[str] = Field(default_factory=list)
    raw: str | None = None  # the judge's JSON answer as received; None when the call failed
    error: str = ""
    error_kind: str = ""  # BackendError.kind of a failed judge call
    provenance: Provenance | None = None  # judge model, prompt, tokens and cost


class ExampleResult(BaseModel):
    id: str
    gold: str
    predicted: str | None = None  # None when the call failed
    confidence: float | None = None
    action: str | None = None
    error: str = ""
    error_kind: str = ""  # BackendError.kind, e.g. invalid_output
    draft: str | None = None
    draft_language: str | None = None
    language: str = ""  # the message's language (from the dataset, else detected)
    subtype: str = ""
    expect: str = ""  # the action the dataset expects (decline, no_reply, reply, ask)
    first_name: str = ""  # for the first_name_used check; "" when redacted
    text_preview: str = ""  # "" when redacted
    redacted: bool = False  # sender name and message text left out of the record
    latency_ms: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    cached: bool = False
    checks: dict[str, bool] = Field(default_factory=dict)  # draft checks as recorded
    verdict: dict | None = None  # the raw Verdict with provenance, as the backend returned it
    draft_provenance: dict | None = None
    judge: JudgeRecord | None = None  # None: not judged (no judge, no draft, or a no_reply note)


# A 95% interval [low, high] (evals/stats.py); None when the figure has none (no examples).
Interval = tuple[float, float] | None


class CheckRate(BaseModel):
    passed: int
    applicable: int
    rate: float | None
    rate_ci: Interval = None


class ClassScores(BaseModel):
    precision: float
    recall: float
    f1: float
    support: int
    f1_ci: Interval = None


class ReliabilityBin(BaseModel):
    """Predictions whose confidence fell in [low, high): how often they were right."""

    low: float
    high: float
    count: int
    accuracy: float
    confidence: float  # mean confidence in the bin


class GroupScores(BaseModel):
    count: int
    accuracy: float


class TokenCounts(BaseModel):
    prompt: int = 0
    completion: int = 0
    total: int = 0


class ProblemCount(BaseModel):
    problem: str
    count: int


class RunMetrics(BaseModel):
    count: int
    accuracy: float
    accuracy_ci: Interval = None
    macro_f1: float
    macro_f1_ci: Interval = None
    labels: list[str]
    per_class: dict[str, ClassScores]
    confusion: list[list[int]]  # rows: gold, columns: predicted, both in `labels` order
    spam_fp_rate: float | None  # share of relationship messages predicted spam
    spam_fp_rate_ci: Interval = None
    brier: float | None
    brier_ci: Interval = None
    ece: float | None
    reliability: list[ReliabilityBin] = Field(default_factory=list)  # the bins behind the ECE
    interval_method: str = ""  # how the *_ci intervals were made; "" in runs made before them
    per_subtype: dict[str, GroupScores]
    per_language: dict[str, GroupScores]
    injection_accuracy: float | None
    action_accuracy: float | None = None  # predicted action == the dataset's `expect`
    parse_failure_rate: float  # BackendError kind invalid_output
    error_rate: float  # any error
    draft_checks: dict[str, CheckRate]
    tokens: TokenCounts
    cost_usd: float | None
    latency_p50_ms: float | None
    latency_p95_ms: float | None
    latency_total_ms: float | None = None  # summed over examples: the time one at a time
    # The LLM judge (eval --judge); its calls are not in tokens/cost_usd/error_rate above.
    judge_count: int = 0  # drafts sent to the judge, failures included
    judge_mean_score: float | None = None
    judge_score_histogram: dict[int, int] = Field(default_factory=dict)  # score 1-5 -> drafts
    judge_problems: list[ProblemCount] = Field(default_factory=list)  # most frequent first
    judge_failures: int = 0  # judge calls that failed or answered something unreadable
    judge_tokens: TokenCounts = Field(default_factory=TokenCounts)
    judge_cost_usd: float | None = None


class RunResult(BaseModel):
    prompt: str  # "classify@v1+draft@v1", or config.OFFLINE
    backend: str
    model: str
    repeat_index: int = 0
    gated: bool = False  # whether --min-macro-f1/--max-spam-fp apply to this run
    judge: str = ""  # "judge@v1 (model)" when the drafts were judged
    metrics: RunMetrics
    examples: list[ExampleResult]


class DatasetInfo(BaseModel):
    paths: list[str]
    sha256: str
    count: int
    split: str | None


class FieldRow(BaseModel):
    """What became of the drafts of one backend, prompt version and label in real use
    (draft_use.UseFigures, as `reply-assistant stats` prints it)."""

    backend: str
    prompt_version: str
    label: str
    drafts: int
    accepted: int
    edited: int
    replaced: int
    skipped: int
    relabelled: int
    acceptance_rate: float
    median_edit_distance: float | None


class FieldFigures(BaseModel):
    """`eval --field`: the drafts measured by use, read from the state file."""

    since: str | None = None  # YYYY-MM-DD, or None for all time
    rows: list[FieldRow] = Field(default_factory=list)


class RunFile(BaseModel):
    created_at: str
    dataset: DatasetInfo
    runs: list[RunResult]
    field: FieldFigures | None = None  # with eval --field only
