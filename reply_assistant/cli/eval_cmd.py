"""`reply-assistant eval`: score prompt versions and the offline model on a labelled dataset.

`eval [options]` runs; `eval compare A B` and `eval rescore RUN` read saved runs and never
call a backend. Thresholds gate the LLM runs (each prompt version, mean over repeats), or
the offline model when it runs alone (`--backend offline`); the baseline next to LLM runs
is for reference only. `--judge` has an LLM score each run's drafts (see evals/judge.py).
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from reply_assistant.cli.backend_choice import prompt_versions
from reply_assistant.cli.context import AppContext
from reply_assistant.cli.errors import InputError, exit_on_ctrl_c
from reply_assistant.cli.output_paths import check_distinct_outputs, check_output_path
from reply_assistant.cli.report_output import report_console
from reply_assistant.private_files import write_private_text

# Examples judged wrong that the report lists per version (eval --show-errors; rescore).
SHOWN_ERRORS = 10

if TYPE_CHECKING:
    from reply_assistant.evals.records import RunFile

_FILE = click.Path(dir_okay=False, path_type=Path)


@click.group(
    "eval",
    invoke_without_command=True,
    short_help="Score prompt versions and the offline model on a dataset.",
)
@click.option(
    "--dataset",
    "datasets",
    multiple=True,
    type=_FILE,
    help="JSONL with id, text, label per line (repeatable; default: the bundled dataset).",
)
@click.option(
    "--split",
    default="test",
    show_default=True,
    help="Score only this split ('all' for every example); files without splits are scored whole.",
)
@click.option("--prompt", "prompts", multiple=True, help="NAME=V1,V2: prompt versions to compare.")
@click.option("--backend", type=click.Choice(["offline", "openai"]), help="Default: as configured.")
@click.option("--model", help="LLM model (default: as configured).")
@click.option(
    "--repeat",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Run each prompt version N times, to see how much sampling moves its scores; "
    "the thresholds judge the mean.",
)
@click.option("--concurrency", type=click.IntRange(min=1), help="Default: the configured value.")
@click.option("--output", type=_FILE, help="Write every run and example to this RUN.json.")
@click.option("--html", "html_path", type=_FILE, help="Write a self-contained HTML report.")
@click.option("--min-macro-f1", type=float, help="Exit 1 if a gated run's macro-F1 is lower.")
@click.option("--max-spam-fp", type=float, help="Exit 1 if a gated run's spam FP rate is higher.")
@click.option("--no-baseline", is_flag=True, help="Skip the offline model next to LLM runs.")
@click.option("--no-drafts", is_flag=True, help="Classify only.")
@click.option(
    "--show-errors",
    type=click.IntRange(min=0),
    default=SHOWN_ERRORS,
    show_default=True,
    help="Examples judged wrong to list per version (0: none).",
)
@click.option("--no-cache", is_flag=True, help="Ask the LLM even if the answer is cached.")
@click.option(
    "--judge", "use_judge", is_flag=True, help="Have an LLM score each draft meant to be sent."
)
@click.option("--judge-model", help="The judge's model (default: the configured model).")
@click.option("--judge-prompt", help="The judge prompt's version (default: v1).")
@click.option(
    "--redact",
    is_flag=True,
    help="Mask emails, phones and links before sending; keep text and names out of RUN.json.",
)
@click.option(
    "--field",
    "with_field",
    is_flag=True,
    help="Add what became of your drafts in use (as `stats` prints it) from the state file.",
)
@click.option(
    "--field-since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="With --field: only decisions from this date on (default: all time).",
)
@click.pass_context
def command(
    ctx: click.Context,
    datasets: tuple[Path, ...],
    split: str,
    prompts: tuple[str, ...],
    backend: str | None,
    model: str | None,
    repeat: int,
    concurrency: int | None,
    output: Path | None,
    html_path: Path | None,
    min_macro_f1: float | None,
    max_spam_fp: float | None,
    no_baseline: bool,
    no_drafts: bool,
    show_errors: int,
    no_cache: bool,
    use_judge: bool,
    judge_model: str | None,
    judge_prompt: str | None,
    redact: bool,
    with_field: bool,
    field_since: datetime | None,
) -> None:
    """Score prompt versions and the offline model on a labelled dataset, side by side."""
    if ctx.invoked_subcommand is not None:
        return
    # Deferred: the eval machinery pulls in scikit-learn and the LLM client.
    from reply_assistant.backends import BackendError
    from reply_assistant.config import OFFLINE, ConfigError
    from reply_assistant.evals.compare import write_run_file
    from reply_assistant.evals.dataset import DatasetError, default_dataset_path, load_dataset
    from reply_assistant.evals.field import FieldError, read_field
    from reply_assistant.evals.judge import DEFAULT_JUDGE_VERSION, JudgeSpec, check_judge
    from reply_assistant.evals.records import DatasetInfo, RunFile
    from reply_assistant.evals.report_html import render_html
    from reply_assistant.evals.report_text import print_field, print_report
    from reply_assistant.evals.runner import (
        check_prompt_versions,
        plan_runs,
        run_notes,
        run_spec,
    )
    from reply_assistant.evals.summary import threshold_failures
    from reply_assistant.store import Store, StoreError

    app: AppContext = ctx.obj
    settings = app.settings
    if (judge_model or judge_prompt) and not use_judge:
        raise InputError("--judge-model and --judge-prompt need --judge.")
    if use_judge and no_drafts:
        raise InputError("--judge scores drafts; it cannot be used with --no-drafts.")
    if field_since and not with_field:
        raise InputError("--field-since needs --field.")
    dataset_paths = list(datasets) or [default_dataset_path()]
    check_distinct_outputs({"--output": output, "--html": html_path})
    for option, path in (("--output", output), ("--html", html_path)):
        if path is not None:
            check_output_path(path, option, [*dataset_paths, app.db_path, app.config_path])
    judge = (
        JudgeSpec(model=judge_model, prompt_version=judge_prompt or DEFAULT_JUDGE_VERSION)
        if use_judge
        else None
    )
    try:
        if judge is not None:
            check_judge(settings, judge)
        dataset = load_dataset(dataset_paths, split)
        specs = plan_runs(
            settings,
            backend=backend,
            prompt_overrides=prompt_versions(prompts),
            model=model,
            baseline=not no_baseline,
            repeat=repeat,
            with_drafts=not no_drafts,
        )
        check_prompt_versions(specs)
        # Read before any run: a missing state file should not cost a finished eval.
        field = read_field(app.db_path, field_since) if with_field else None
    except (DatasetError, ConfigError, FieldError) as exc:
        raise InputError(str(exc)) from exc

    console = report_console()
    if prompts and all(spec.backend == OFFLINE for spec in specs):
        why = (
            "--backend offline runs only the offline model"
            if backend == OFFLINE
            else "no LLM is configured (OPENAI_API_KEY or OPENAI_BASE_URL), so only the "
            "offline model runs"
        )
        console.print(
            f"note: {why}; --prompt {' '.join(prompts)} is not scored.",
            style="yellow",
            markup=False,
            soft_wrap=True,
        )
    for note in run_notes(specs, dataset.examples, repeat=repeat):
        console.print(note, style="yellow", markup=False, soft_wrap=True)
    runs = []
    interrupted = exit_on_ctrl_c("Interrupted: no results were written.")
    with contextlib.ExitStack() as resources, interrupted:
        cache = None
        uses_llm = judge is not None or any(spec.backend != OFFLINE for spec in specs)
        if uses_llm and not no_cache:
            # LLM answers are cached in the state database: a rerun costs nothing.
            try:
                cache = resources.enter_context(Store.open(app.db_path)).response_cache
            except StoreError as exc:
                raise InputError(str(exc)) from exc
        try:
            for spec in specs:
                console.print(f"[dim]running {spec.label} on {len(dataset.examples)} examples…[/]")
                run = run_spec(
                    spec,
                    dataset.examples,
                    settings,
                    cache=cache,
                    concurrency=concurrency or settings.concurrency,
                    with_drafts=not no_drafts,
                    redact=redact,
                    judge=judge,
                )
                runs.append(asyncio.run(run))
        except (ConfigError, BackendError) as exc:
            raise InputError(str(exc)) from exc

    run_file = RunFile(
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        dataset=DatasetInfo(
            paths=dataset.paths,
            sha256=dataset.sha256,
            count=len(dataset.examples),
            split=dataset.split,
        ),
        runs=runs,
        field=field,
    )
    # Written before anything is printed: a reader that stops early (`| head`) must not
    # cost the run its files.
    if output:
        write_run_file(output, run_file)
    _record_history(app, run_file, output)
    if html_path:
        write_private_text(
            html_path, render_html(runs, run_file.dataset, run_file.created_at, field)
        )
    print_report(console, runs, show_errors)
    if field is not None:
        print_field(console, field, runs)
    if output:
        console.print(f"runs written to {output}")
    if html_path:
        console.print(f"HTML report written to {html_path}")
    failures = threshold_failures(runs, min_macro_f1=min_macro_f1, max_spam_fp=max_spam_fp)
    for failure in failures:
        click.echo(f"threshold not met: {failure}", err=True)
    # A run whose every call failed measured the endpoint, not the prompt: say so, and fail.
    broken = [
        scored
        for scored in runs
        if scored.examples and all(e.error and e.predicted is None for e in scored.examples)
    ]
    for scored in broken:
        click.echo(f"every call of {scored.prompt} failed: {scored.examples[0].error}", err=True)
    if failures or broken:
        ctx.exit(1)


def _record_history(app: AppContext, run_file: RunFile, output: Path | None) -> None:
    """Every run goes into the state file's history; a state file that cannot take it
    costs the history a row, not the run its result."""
    from reply_assistant.evals.history import records_of
    from reply_assistant.store import Store, StoreError

    try:
        with Store.open(app.db_path) as store:
            store.eval_runs.record_eval_runs(records_of(run_file, output))
    except (StoreError, OSError) as exc:
        click.echo(f"warning: this run is not in `eval history`: {exc}", err=True)


@command.command("history", short_help="Every recorded eval run, with the best so far.")
@click.option("--prompt", help="Only runs of this prompt (classify, or classify@v2).")
@click.option("--html", "html_path", type=_FILE, help="Also draw the history into this HTML file.")
@click.pass_obj
def history_command(app: AppContext, prompt: str | None, html_path: Path | None) -> None:
    """Every recorded eval run, oldest first, with the best so far on its dataset."""
    from reply_assistant.evals.history import history, history_table, render_history_html
    from reply_assistant.evals.report_text import figures_table
    from reply_assistant.store import Store, StoreError

    if html_path is not None:
        check_output_path(html_path, "--html", [app.db_path, app.config_path])
    try:
        with Store.open(app.db_path) as store:
            entries = history(store.eval_runs.eval_runs(), prompt)
    except StoreError as exc:
        raise InputError(str(exc)) from exc
    if html_path:
        write_private_text(html_path, render_history_html(entries))
    console = report_console()
    if entries:
        console.print(figures_table("Eval history", *history_table(entries), names=3))
    else:
        wanted = f" of {prompt}" if prompt else ""
        console.print(f"No eval runs{wanted} recorded yet; `reply-assistant eval` records each.")
    if html_path:
        console.print(f"HTML history written to {html_path}")


@command.command("compare", short_help="Compare two saved runs: a paired verdict and deltas.")
@click.argument("run_a", type=_FILE)
@click.argument("run_b", type=_FILE)
@click.option("--force", is_flag=True, help="Compare runs made on different datasets anyway.")
def compare_command(run_a: Path, run_b: Path, force: bool) -> None:
    """A paired verdict, metric deltas and changed verdicts between two saved runs (A → B)."""
    from reply_assistant.evals.compare import (
        RunFileError,
        dataset_mismatch,
        differing_examples,
        load_run_file,
        metric_deltas,
        pair_runs,
    )
    from reply_assistant.evals.report_text import deltas_rich_table, diff_rich_table
    from reply_assistant.evals.verdict import compare_pair

    try:
        first, second = load_run_file(run_a), load_run_file(run_b)
    except RunFileError as exc:
        raise InputError(str(exc)) from exc
    console = report_console()
    mismatch = dataset_mismatch(first, second)
    if mismatch:
        if not force:
            raise InputError(
                f"{run_a} and {run_b} were scored on different datasets ({mismatch}); "
                "--force compares the examples they share."
            )
        console.print(
            "[yellow]The two runs were scored on different datasets; the paired verdict uses "
            "the examples they share.[/]"
        )
    pairs = pair_runs(first, second)
    if not pairs:
        raise InputError(f"{run_a} and {run_b} have no runs to compare.")
    for before, after in pairs:
        console.print(deltas_rich_table(before, after, metric_deltas(before, after)))
        console.print(compare_pair(before, after).line, markup=False, soft_wrap=True)
        diffs = differing_examples([before, after])
        if diffs:
            console.print(diff_rich_table([before, after], diffs))
        else:
            console.print("No example changed verdict.")


@command.command("rescore", short_help="Recompute every metric of a saved run, offline.")
@click.argument("run_path", metavar="RUN.json", type=_FILE)
@click.option("--output", type=_FILE, help="Write the rescored runs here.")
def rescore_command(run_path: Path, output: Path | None) -> None:
    """Recompute every metric of a saved run from its recorded examples (no backend)."""
    from reply_assistant.evals.compare import (
        RunFileError,
        load_run_file,
        rescore,
        write_run_file,
    )
    from reply_assistant.evals.report_text import print_field, print_report

    if output is not None:
        # The recorded metrics are what the rescored ones are compared with.
        check_output_path(output, "--output", [run_path])
    try:
        run_file = load_run_file(run_path)
    except RunFileError as exc:
        raise InputError(str(exc)) from exc
    rescored, changed = rescore(run_file)
    if output:
        write_run_file(output, rescored)
    console = report_console()
    print_report(console, rescored.runs, SHOWN_ERRORS)
    if rescored.field is not None:  # recorded by eval --field, shown as it was
        print_field(console, rescored.field, rescored.runs)
    if changed:
        console.print(f"metrics differ from the recorded ones for: {', '.join(changed)}")
    else:
        console.print("metrics match the recorded ones")
    if output:
        console.print(f"rescored runs written to {output}")
