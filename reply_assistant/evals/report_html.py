"""A self-contained HTML report: inline CSS and inline SVG pictures (charts.py), no scripts
or external assets, every piece of message text escaped. Each picture has its table under it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from reply_assistant.draft_checks import CHECK_NAMES
from reply_assistant.evals import charts
from reply_assistant.evals.breakdown import class_table, group_table
from reply_assistant.evals.compare import differing_examples
from reply_assistant.evals.field import field_table, field_title
from reply_assistant.evals.records import DatasetInfo, FieldFigures, RunResult
from reply_assistant.evals.table import (
    cost_of_quality_table,
    format_interval,
    format_value,
    primary_runs,
    run_title,
    versions_table,
)
from reply_assistant.evals.verdict import pair_verdicts

LOW_SCORE = 2  # drafts the judge scored this or lower are listed with their problems

CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d232a; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.6rem; text-align: right; }
th:first-child, td:first-child, th.name, td.name { text-align: left; }
th { background: #f3f5f7; }
td.text { text-align: left; max-width: 40rem; color: #57606a; }
.fixed { color: #1a7f37; font-weight: 600; } .broken { color: #cf222e; font-weight: 600; }
.changed { color: #9a6700; } .diag { background: #e6f4ea; }
.meta { color: #57606a; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
svg { max-width: 100%; height: auto; }
ul.verdicts li { margin: 0.3rem 0; }
"""


def table_html(headers: Sequence[str], rows: Sequence[Sequence[str]], names: int = 1) -> str:
    """The first `names` columns hold names (aligned left), the rest figures (right)."""

    def cell(tag: str, index: int, content: str) -> str:
        name = " class=name" if 0 < index < names else ""
        return f"<{tag}{name}>{escape(content)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(cell("td", i, content) for i, content in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _groups(runs: Sequence[RunResult]) -> str:
    headers, rows = group_table(runs)
    if not rows:
        return ""
    return (
        "<h2>Accuracy by language and subtype</h2>\n"
        "<p class=meta>n: examples in the group; subtypes are grouped by their gold label.</p>\n"
        f"<div class=figures>{charts.group_accuracy_bars(primary_runs(runs))}</div>\n"
        + table_html(headers, rows)
    )


def _verdicts(runs: Sequence[RunResult]) -> str:
    verdicts = pair_verdicts(runs)
    if not verdicts:
        return ""
    items = "".join(f"<li>{escape(verdict.line)}</li>" for verdict in verdicts)
    return (
        "<h2>Paired verdicts</h2>\n<p class=meta>Same examples in both runs: paired bootstrap "
        "of the differences (95%) and McNemar's exact test on right/wrong.</p>\n"
        f"<ul class=verdicts>{items}</ul>"
    )


def _cost_of_quality(runs: Sequence[RunResult]) -> str:
    headers, rows = cost_of_quality_table(runs)
    if not rows:
        return ""
    return (
        "<h2>Cost of quality (LLM runs)</h2>\n<p class=meta>Call time: the calls' summed "
        "latency, one message at a time; concurrency divides it.</p>\n" + table_html(headers, rows)
    )


def _calibration(columns: Sequence[RunResult]) -> str:
    diagrams = "".join(charts.reliability_diagram(run) for run in columns)
    return (
        "<h2>Calibration</h2>\n<p class=meta>Bars: accuracy per confidence bin; dots: mean "
        "confidence and accuracy of the bin, sized by its predictions; dashed: perfect "
        "calibration.</p>\n"
        f"<div class=figures>{diagrams}</div>"
    )


def _confusion(run: RunResult) -> str:
    labels = run.metrics.labels
    head = "<th>gold \\ predicted</th>" + "".join(f"<th>{escape(label)}</th>" for label in labels)
    rows = []
    for i, label in enumerate(labels):
        cells = "".join(
            f"<td{' class=diag' if i == j else ''}>{count}</td>"
            for j, count in enumerate(run.metrics.confusion[i])
        )
        rows.append(f"<tr><td>{escape(label)}</td>{cells}</tr>")
    return (
        f"<h3>{escape(run_title(run))}</h3>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _draft_checks(runs: Sequence[RunResult]) -> str:
    rows = []
    for name in CHECK_NAMES:
        row = [name]
        for run in runs:
            rate = run.metrics.draft_checks.get(name)
            if rate is None:
                row.append("–")
                continue
            shown = f"{format_value(rate.rate, 'pct')} {format_interval(rate.rate_ci, 'pct')}"
            row.append(f"{shown.strip()} ({rate.passed}/{rate.applicable})")
        rows.append(row)
    return table_html(["check", *(run_title(run) for run in runs)], rows)


def _judge_section(runs: Sequence[RunResult]) -> str:
    """Each judged run's most frequent problems and its lowest-scored drafts ("" unjudged)."""
    parts = []
    for run in runs:
        if not run.metrics.judge_count:
            continue
        parts.append(f"<h3>{escape(run_title(run))} · {escape(run.judge)}</h3>")
        problems = [[p.problem, str(p.count)] for p in run.metrics.judge_problems]
        parts.append(
            table_html(["problem", "drafts"], problems)
            if problems
            else "<p>No problems reported.</p>"
        )
        low = [
            [e.id, str(e.judge.score), "; ".join(e.judge.problems), e.draft or ""]
            for e in run.examples
            if e.judge is not None and e.judge.score is not None and e.judge.score <= LOW_SCORE
        ]
        if low:
            parts.append(f"<p>Drafts scored {LOW_SCORE} or lower:</p>")
            parts.append(table_html(["id", "score", "problems", "draft"], low))
    return f"<h2>Draft judge</h2>\n{''.join(parts)}" if parts else ""


def _field(field: FieldFigures | None, runs: Sequence[RunResult]) -> str:
    """`eval --field`: the drafts measured by use ("" without --field)."""
    if field is None:
        return ""
    body = (
        table_html(*field_table(field, runs), names=2)
        if field.rows
        else "<p>No decisions on drafts recorded in the state file.</p>"
    )
    return (
        f"<h2>{escape(field_title(field))}</h2>\n<p class=meta>Acceptance: drafts sent "
        "unchanged or after editing; median edit: normalised character edit distance of the "
        "sent drafts (0 = sent as written). In this eval: the drafts came from a configuration "
        "scored above.</p>\n" + body
    )


def _diffs(runs: Sequence[RunResult]) -> str:
    diffs = differing_examples(runs)
    if len(runs) < 2:
        return "<p>One run only: nothing to compare.</p>"
    if not diffs:
        return "<p>Every run gave every example the same verdict.</p>"
    head = "".join(
        f"<th>{escape(h)}</th>" for h in ("id", "gold", *(run_title(r) for r in runs), "text")
    )
    rows = []
    for diff in diffs:
        cells = []
        for prediction, status in zip(diff.predictions, diff.statuses, strict=True):
            shown = escape(prediction or "(error)")
            cells.append(
                f'<td class="{status}">{shown} ({status})</td>' if status else f"<td>{shown}</td>"
            )
        rows.append(
            f"<tr><td>{escape(diff.id)}</td><td>{escape(diff.gold)}</td>{''.join(cells)}"
            f'<td class="text">{escape(diff.preview)}</td></tr>'
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def render_html(
    runs: Sequence[RunResult],
    dataset: DatasetInfo,
    created_at: str,
    field: FieldFigures | None = None,
) -> str:
    columns = primary_runs(runs)
    headers, rows = versions_table(runs)
    paths = ", ".join(dataset.paths)
    method = columns[0].metrics.interval_method if columns else ""
    heatmaps = "".join(charts.confusion_heatmap(run) for run in columns)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Reply Assistant eval report</title>
<style>{CSS}</style></head><body>
<h1>Reply Assistant eval report</h1>
<p class="meta">{escape(created_at)} · {dataset.count} examples · split
{escape(dataset.split or "all")} · {escape(paths)} · sha256 {escape(dataset.sha256[:12])}</p>
<h2>Versions side by side</h2>
{table_html(headers, rows)}
<p class="meta">[low, high]: {escape(method or "no intervals recorded in this run")}</p>
{_verdicts(runs)}
{_cost_of_quality(runs)}
<h2>Per class (precision / recall / F1; n = gold examples)</h2>
<div class=figures>{charts.class_f1_bars(columns)}</div>
{table_html(*class_table(runs))}
<h2>Confusion matrices</h2>
<p class="meta">Rows: gold label; columns: predicted; shade: share of the gold row.</p>
<div class=figures>{heatmaps}</div>
{"".join(_confusion(run) for run in columns)}
{_calibration(columns)}
{_groups(runs)}
<h2>Draft checks (pass rate, 95% interval, passed/applicable)</h2>
{_draft_checks(columns)}
{_field(field, columns)}
{_judge_section(columns)}
<h2>Examples whose verdict differs (relative to {escape(run_title(columns[0]))})</h2>
{_diffs(columns)}
</body></html>
"""
