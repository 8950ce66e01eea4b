"""`reply-assistant batch EXPORT`: judge and draft a whole export, resumably."""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import BarColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.progress import Progress as ProgressBar

from reply_assistant.batch.output import FORMATS, NOT_JUDGED_YET, is_result_file
from reply_assistant.cli.backend_choice import backend_from_options, prompt_versions
from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import EXIT_INTERRUPTED, InputError
from reply_assistant.cli.output_paths import check_output_path

if TYPE_CHECKING:
    from reply_assistant.backends.base import Backend
    from reply_assistant.batch.estimate import RunEstimate
    from reply_assistant.batch.output import ResultTally
    from reply_assistant.batch.provider import ProviderOptions
    from reply_assistant.batch.runner import BatchOptions
    from reply_assistant.engine import Engine, RunOutcome
    from reply_assistant.engine.events import EngineEvent, Progress

EXIT_SOME_FAILED = 1
PLAIN_LOG_EVERY = 100
# Failures listed by name after the summary; the rest are counted (the CSV has them all).
FAILURES_LISTED = 20
# Shown until a message is finished: "0.0 msg/s" would read as a stall.
NO_RATE_YET = "— msg/s"


@click.command("batch", short_help="Judge and draft a whole export into a CSV or JSONL file.")
@click.argument("export", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Result file, .csv or .jsonl (default: replies-<date>.csv).",
)
@click.option(
    "--all",
    "all_messages",
    is_flag=True,
    help="Every incoming message, not only conversations awaiting a reply.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only messages on or after this date (YYYY-MM-DD); default: the needs-reply "
    "window (needs_reply_days) unless --all.",
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many messages.")
@click.option(
    "--concurrency",
    type=click.IntRange(min=1, max=256),
    help="LLM calls in flight at once (default: from config).",
)
@click.option("--backend", type=click.Choice(["offline", "openai"]), help="Override the backend.")
@click.option("--model", help="Override the LLM model.")
@click.option(
    "--prompt",
    "prompts",
    multiple=True,
    metavar="NAME=VERSION",
    help="Prompt version, e.g. classify=v2 (repeatable).",
)
@click.option("--me", help="Your profile URL, when owner detection gets it wrong.")
@click.option("--dry-run", is_flag=True, help="Count and estimate tokens and cost; call nothing.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first message that fails.")
@click.option("--no-drafts", is_flag=True, help="Classify only.")
@click.option("--no-cache", is_flag=True, help="Do not read LLM answers from the cache.")
@click.option(
    "--redact",
    is_flag=True,
    help="Mask emails, phone numbers and links before text is sent (config: redact).",
)
@click.option(
    "--bom/--no-bom",
    default=True,
    show_default=True,
    help="Start a .csv with a UTF-8 BOM, so Excel reads accented names right.",
)
@click.option(
    "--details",
    is_flag=True,
    help="Add the technical columns: ids, prompt versions, backend, model, tokens, cost, "
    "latency, error.",
)
@click.option(
    "--provider-batch",
    is_flag=True,
    help="Send through OpenAI's Batch API: half the price, answers within 24 hours.",
)
@click.option(
    "--collect",
    is_flag=True,
    help="Only finish Batch API jobs an earlier --provider-batch run submitted.",
)
@click.option(
    "--poll-interval",
    type=click.FloatRange(min=0),
    default=30.0,
    show_default=True,
    help="Seconds between Batch API status checks.",
)
@click.pass_obj
def command(
    app: AppContext,
    export: Path,
    output: Path | None,
    all_messages: bool,
    since: datetime | None,
    limit: int | None,
    concurrency: int | None,
    backend: str | None,
    model: str | None,
    prompts: tuple[str, ...],
    me: str | None,
    dry_run: bool,
    fail_fast: bool,
    no_drafts: bool,
    no_cache: bool,
    redact: bool,
    bom: bool,
    details: bool,
    provider_batch: bool,
    collect: bool,
    poll_interval: float,
) -> None:
    """Import EXPORT (a LinkedIn .zip, folder or messages.csv), then judge and draft every
    conversation awaiting a reply. Rerunning skips finished work. Exit 0 when all
    succeeded, 1 when some failed, 2 for bad usage or input."""
    output = output or Path(f"replies-{date.today().isoformat()}.csv")
    if output.suffix.lower() not in FORMATS:
        raise InputError(f"--output must end in .csv or .jsonl, not {output.name!r}.")
    # Checked now: the file is written after all the judging. Only an earlier result is
    # replaced (a rerun), even inside the export's folder.
    check_output_path(
        output, "--output", [export, app.db_path, app.config_path], own_result=is_result_file
    )
    # Imported here so `reply-assistant --help` and the UI start without loading the LLM stack.
    from reply_assistant.batch.estimate import estimate_run
    from reply_assistant.batch.output import ResultTally, result_rows, write_results
    from reply_assistant.batch.runner import BatchOptions
    from reply_assistant.cli.import_cmd import needs_reply_line, report_lines
    from reply_assistant.engine import Engine
    from reply_assistant.importer import OwnerMismatch, import_export
    from reply_assistant.sources import ExportError, open_export
    from reply_assistant.store import Store, StoreError

    # soft_wrap: piped into a file or a pager, a summary line stays one whole line.
    err = Console(stderr=True, soft_wrap=True)
    overrides = prompt_versions(prompts)
    _check_backend_before_import(app, backend, provider_batch or collect)

    try:
        store = Store.open(app.db_path)
    except StoreError as exc:
        raise InputError(str(exc)) from exc
    with store, store.bulk_writes():
        try:
            with open_export(export) as source:
                report = import_export(store, source, me=me or app.settings.me)
        except (ExportError, OwnerMismatch) as exc:
            raise InputError(str(exc)) from exc
        for line in report_lines(report):
            err.print(line, highlight=False)
        days = app.settings.needs_reply_days
        err.print(
            needs_reply_line(*store.awaiting_counts(store.needs_reply_since(days)), days),
            highlight=False,
        )
        scope = "all" if all_messages else "awaiting"
        if since:
            since_utc: datetime | None = since.replace(tzinfo=UTC)
        else:
            since_utc = None if all_messages else store.needs_reply_since(days)
        message_ids = store.all_incoming_ids(scope, since_utc, limit)
        chosen = backend_from_options(
            app,
            backend=backend,
            model=model,
            prompts=overrides,
            redact=redact,
            concurrency=concurrency,
            cache=store.response_cache,
            use_cache=not no_cache,
            embeddings=store.embeddings,
            voice_from=store,
        )
        err.print(f"Backend: {chosen.describe()}")
        options = BatchOptions(
            scope=scope,
            concurrency=concurrency or app.settings.concurrency,
            with_drafts=not no_drafts,
            fail_fast=fail_fast,
        )
        engine = Engine(store, chosen, concurrency=options.concurrency)
        if dry_run:
            estimate = estimate_run(
                engine, message_ids, options.with_drafts, batch_api=provider_batch
            )
            if provider_batch:
                err.print("Priced for the Batch API (half the standard price).")
            _print_estimate(err, estimate, chosen.describe())
            return
        if provider_batch or collect:
            from reply_assistant.batch.provider import ProviderOptions

            provider_options = ProviderOptions(
                with_drafts=not no_drafts, poll_interval_s=poll_interval, submit=not collect
            )
            outcome, interrupted = _run_provider(engine, message_ids, provider_options, err)
        else:
            outcome, interrupted = _run(engine, message_ids, options, err)
        # Streamed: a whole export's rows are never in memory at once.
        tally = ResultTally()
        rows = tally.counting(result_rows(store, outcome.message_ids))
        try:
            write_results(output, rows, bom=bom, details=details)
        except OSError as exc:
            raise InputError(
                f"Cannot write {output}: {exc.strerror}. The results are saved: rerunning the "
                "same command writes the file without judging again."
            ) from exc
        _print_summary(err, outcome, tally, output, interrupted, chosen)
    if interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if outcome.failures:
        sys.exit(EXIT_SOME_FAILED)


def _run(
    engine: Engine, message_ids: list[str], options: BatchOptions, err: Console
) -> tuple[RunOutcome, bool]:
    """Run the batch; Ctrl-C stops it cleanly with every finished result already saved."""
    from reply_assistant.batch.runner import run_batch
    from reply_assistant.engine.events import Failed

    so_far = _SoFar()  # what was done when a Ctrl-C ends the run

    def keep_failure(event: EngineEvent) -> None:
        if isinstance(event, Failed):
            so_far.failures[event.message_id] = event.error

    engine.subscribe(keep_failure)

    async def run() -> RunOutcome:
        with _progress_reporter(err, _priced(engine.backend)) as report:

            def report_and_keep(progress: Progress) -> None:
                so_far.progress = progress
                report(progress)

            return await run_batch(engine, message_ids, options, on_progress=report_and_keep)

    return _until_done_or_interrupted(
        engine,
        run,
        message_ids,
        err,
        "[yellow]Interrupted: finished results are saved; rerun to continue.[/]",
        so_far,
    )


@dataclass
class _SoFar:
    """What a run had done and reported when a Ctrl-C stopped it."""

    progress: Progress | None = None
    failures: dict[str, str] = field(default_factory=dict)


def _run_provider(
    engine: Engine, message_ids: list[str], options: ProviderOptions, err: Console
) -> tuple[RunOutcome, bool]:
    """Like `_run`, through the Batch API; Ctrl-C leaves submitted jobs running at OpenAI."""
    from reply_assistant.batch.provider import ProviderBatchError, run_provider_batch

    async def run() -> RunOutcome:
        return await run_provider_batch(
            engine, message_ids, options, on_status=lambda line: err.print(line)
        )

    try:
        return _until_done_or_interrupted(
            engine,
            run,
            message_ids,
            err,
            "[yellow]Interrupted: submitted batches keep running at OpenAI; "
            "rerun with --collect to pick them up.[/]",
        )
    except ProviderBatchError as exc:
        raise InputError(f"{exc}.") from None


def _until_done_or_interrupted(
    engine: Engine,
    run: Callable[[], Awaitable[RunOutcome]],
    message_ids: list[str],
    err: Console,
    interrupted_note: str,
    so_far: _SoFar | None = None,
) -> tuple[RunOutcome, bool]:
    """The outcome of `run` and whether Ctrl-C stopped it; the backend is closed either way.
    `so_far` holds the last progress and the failures reported, so an interrupted run's
    summary counts what it finished and failed instead of nothing."""
    from reply_assistant.engine import RunOutcome
    from reply_assistant.engine.events import Progress

    holder: dict[str, RunOutcome] = {}
    started = time.perf_counter()

    async def main() -> None:
        try:
            holder["outcome"] = await run()
        finally:
            await engine.aclose()

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        err.print(interrupted_note)
        so_far = so_far or _SoFar()
        partial = RunOutcome(
            message_ids=message_ids,
            already_done=0,  # counted from the rows by the summary
            progress=so_far.progress or Progress(0),
            failures=so_far.failures,
            wall_s=time.perf_counter() - started,
        )
        return holder.get("outcome", partial), True
    return holder["outcome"], False


@contextmanager
def _progress_reporter(err: Console, priced: bool) -> Iterator[Callable[[Progress], None]]:
    """A rich progress bar on a terminal; a plain log line every so often otherwise.
    `priced`: the backend's calls have a known price (or cost nothing, being local)."""
    started = time.perf_counter()

    def rate(progress: Progress) -> str:
        return rate_text(progress.done, time.perf_counter() - started)

    if not err.is_terminal:

        def log(progress: Progress) -> None:
            if progress.done % PLAIN_LOG_EVERY == 0 or progress.done == progress.total:
                err.print(
                    f"{progress.done}/{progress.total} done, {progress.failed} failed, "
                    f"{rate(progress)}, {progress.usage.total_tokens} tokens, "
                    f"cost {cost_so_far(progress, priced)}",
                    highlight=False,
                )

        yield log
        return
    columns = (
        TextColumn("[bold]judging"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} {task.fields[rate]}"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[tokens]} tok, cost {task.fields[cost]}"),
    )
    with ProgressBar(*columns, console=err) as bar:
        cost = "$0.0000" if priced else "unknown"
        task = bar.add_task("batch", total=None, rate=NO_RATE_YET, tokens=0, cost=cost)

        def show(progress: Progress) -> None:
            bar.update(
                task,
                total=progress.total,
                completed=progress.done,
                rate=rate(progress),
                tokens=progress.usage.total_tokens,
                cost=cost_so_far(progress, priced),
            )

        yield show


def _priced(backend: Backend) -> bool:
    """Whether the backend's calls have a known price: OpenAI's own API, or nothing to pay."""
    return backend.capabilities.priced or backend.capabilities.local


def rate_text(done: int, elapsed_s: float) -> str:
    """Messages finished per second, as shown; none until one is finished."""
    if not done:
        return NO_RATE_YET
    return f"{done / max(elapsed_s, 1e-9):.1f} msg/s"


def cost_so_far(progress: Progress, priced: bool = True) -> str:
    """What the run's calls cost, as shown: a call without a known price is never $0, nor
    is a run whose backend has no price (`priced` False), even before any call counted."""
    known = f"${progress.cost_usd:.4f}"
    if priced and not progress.cost_unknown:
        return known
    return f"{known} + unknown" if progress.cost_usd else "unknown"


def _print_estimate(err: Console, estimate: RunEstimate, backend: str) -> None:
    cost = (
        f"unknown (no price for {backend})"
        if estimate.cost_usd is None
        else (f"${estimate.cost_usd:.4f}")
    )
    err.print(
        f"Dry run: {_messages(estimate.in_scope)} in scope, {estimate.already_done} already done, "
        f"{estimate.to_send} would be sent ({estimate.calls} calls), "
        f"~{estimate.usage.prompt_tokens} prompt + ~{estimate.usage.completion_tokens} "
        f"completion tokens, estimated cost {cost}. Nothing was called.",
        highlight=False,
    )


def _messages(count: int) -> str:
    return f"{count} message" if count == 1 else f"{count} messages"


def _print_summary(
    err: Console,
    outcome: RunOutcome,
    tally: ResultTally,
    output: Path,
    interrupted: bool,
    backend: Backend,
) -> None:
    from reply_assistant.batch.spam_senders import worth_mentioning

    labels, actions = tally.labels, tally.actions
    progress = outcome.progress
    state = "interrupted" if interrupted else ("stopped" if outcome.stopped_early else "done")
    not_judged = tally.labels[NOT_JUDGED_YET]
    failed = len(outcome.failures)
    # A run stopped by Ctrl-C may not have said what it found done (it can stop while the
    # model loads); the rows say it: whatever is neither judged now nor left to do. The
    # engine counts a message that failed as done with, not as judged.
    judged_now = progress.done - failed
    already_done = tally.rows - not_judged - progress.done if interrupted else outcome.already_done
    if not not_judged:
        left = ""
    elif outcome.stopped_because:
        left = f", {not_judged} not tried: rerun to finish them"
    else:
        left = f", {not_judged} {NOT_JUDGED_YET}: rerun to finish them"
    err.print(
        f"\n[bold]Batch {state}[/] in {outcome.wall_s:.1f}s: {_messages(tally.rows)} "
        f"({already_done} already done, {judged_now} judged now, {failed} failed{left})"
    )
    if outcome.stopped_because and not interrupted:
        err.print(f"Stopped early: {outcome.stopped_because}.", highlight=False)
    if not tally.rows:
        err.print(
            "No message awaits a reply in this window; --since YYYY-MM-DD reaches further "
            "back, --all takes every incoming message."
        )
    else:
        err.print("Labels:  " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))
        err.print("Actions: " + ", ".join(f"{k} {v}" for k, v in sorted(actions.items())))
    priced = _priced(backend)
    cost = cost_so_far(progress, priced)
    if progress.cost_unknown or not priced:
        cost += f" (no price for {backend.describe()})"
    err.print(
        f"Tokens: {progress.usage.total_tokens} "
        f"(cached prompt {progress.usage.cached_prompt_tokens}), cost {cost}",
        highlight=False,
    )
    if tally.trimmed:
        were = "message was" if tally.trimmed == 1 else "messages were"
        err.print(
            f"Note: {tally.trimmed} {were} trimmed for the LLM (too long to send whole; "
            "see the notes column).",
            highlight=False,
        )
    if tally.stood_in:
        drafts = (
            "draft is an offline template"
            if tally.stood_in == 1
            else "drafts are offline templates"
        )
        err.print(
            f"Note: {tally.stood_in} {drafts}: the LLM's were unusable (copies of the prompt or "
            "the message, or never parsed; see the notes column).",
            highlight=False,
        )
    err.print(f"Wrote {output}")
    notable = worth_mentioning(tally.spam.senders())
    if notable:
        today = datetime.now(UTC).date()
        err.print("\n[bold]Who is behind the spam[/]")
        for sender in notable[:15]:
            if sender.first_degree is None:  # no connections list to tell
                who = ""
            else:
                who = " (1st-degree connection)" if sender.first_degree else " (not connected)"
            err.print(f"  {sender.name}{who}: {sender.suggestion(today)}", highlight=False)
    if outcome.failures:
        err.print("\n[bold red]Failed[/] (rerun to retry only these):")
        for message_id, error in list(outcome.failures.items())[:FAILURES_LISTED]:
            err.print(f"  {message_id}: {error}", highlight=False)
        unlisted = len(outcome.failures) - FAILURES_LISTED
        if unlisted > 0:
            err.print(
                f"  … and {unlisted} more (the notes column of {output} says why each failed)",
                highlight=False,
            )


def _check_backend_before_import(app: AppContext, backend: str | None, batch_api: bool) -> None:
    """A backend choice that cannot work is a usage error before a long import, not after."""
    from reply_assistant.backends.factory import checked_choice
    from reply_assistant.config import ConfigError

    try:
        chosen = checked_choice(app.settings, backend)
    except ConfigError as exc:
        raise InputError(str(exc)) from exc
    if batch_api and chosen != "openai":
        raise InputError("--provider-batch and --collect need the openai backend.")
