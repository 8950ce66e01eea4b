"""The pictures of an eval report, as inline SVG: confusion heat maps, reliability
diagrams, per-class F1 bars with their intervals, accuracy per group with n, and figures
over time (for `eval history --html`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

from reply_assistant.evals import svg
from reply_assistant.evals.breakdown import class_labels, group_accuracy, group_rows
from reply_assistant.evals.records import RunResult
from reply_assistant.evals.table import run_title

HEAT = (0xFF, 0xFF, 0xFF), (0x00, 0x4F, 0x8A)  # white to deep blue


def _heat(share: float) -> str:
    low, high = HEAT
    channels = (round(a + (b - a) * share) for a, b in zip(low, high, strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in channels)


def confusion_heatmap(run: RunResult) -> str:
    """Rows gold, columns predicted; shade: the share of the gold row (its recall)."""
    labels, matrix = run.metrics.labels, run.metrics.confusion
    cell_w, cell_h, left, top = 92, 40, 110, 64
    width, height = left + cell_w * len(labels) + 16, top + cell_h * len(labels) + 16
    parts = [
        svg.text(left, 16, run_title(run), weight="bold"),
        svg.text(left + cell_w * len(labels) / 2, 36, "predicted", anchor="middle", fill=svg.MUTED),
        svg.text(
            14, top + cell_h * len(labels) / 2, "gold", anchor="middle", fill=svg.MUTED, rotate=-90
        ),
    ]
    for j, label in enumerate(labels):
        parts.append(svg.text(left + cell_w * (j + 0.5), top - 6, label, anchor="middle"))
    for i, gold in enumerate(labels):
        row_total = sum(matrix[i])
        y = top + cell_h * i
        parts.append(svg.text(left - 8, y + cell_h / 2 + 4, gold, anchor="end"))
        for j, predicted in enumerate(labels):
            count = matrix[i][j]
            share = count / row_total if row_total else 0.0
            x = left + cell_w * j
            parts.append(
                svg.rect(
                    x,
                    y,
                    cell_w - 2,
                    cell_h - 2,
                    _heat(share),
                    f"gold {gold}, predicted {predicted}: {count} ({share:.0%} of the row)",
                )
            )
            parts.append(
                svg.text(
                    x + cell_w / 2 - 1,
                    y + cell_h / 2 + 4,
                    f"{count}",
                    anchor="middle",
                    fill="#ffffff" if share > 0.55 else svg.INK,
                )
            )
    return svg.document(width, height, f"Confusion matrix, {run_title(run)}", parts)


def reliability_diagram(run: RunResult) -> str:
    """Accuracy per confidence bin against the diagonal of perfect calibration."""
    size, left, top = 220, 48, 50
    bottom, right = top + size, left + size
    ece = run.metrics.ece
    parts = [
        svg.text(8, 16, run_title(run), weight="bold"),
        svg.text(8, 34, f"ECE {ece:.3f}" if ece is not None else "no ECE", fill=svg.MUTED),
    ]
    parts += svg.value_axis(left, right, top, bottom, [0, 0.25, 0.5, 0.75, 1.0], "{:.2f}")
    parts += [
        svg.line(left, bottom, right, top, svg.MUTED, dash="4 3"),
        svg.text((left + right) / 2, bottom + 30, "confidence", anchor="middle", fill=svg.MUTED),
        svg.text(12, (top + bottom) / 2, "accuracy", anchor="middle", fill=svg.MUTED, rotate=-90),
    ]
    for tick in (0, 0.5, 1.0):
        parts.append(svg.text(left + size * tick, bottom + 14, f"{tick:g}", anchor="middle"))
    bins = run.metrics.reliability
    if not bins:
        parts.append(svg.text(left + 10, top + 20, "no confidences recorded", fill=svg.MUTED))
    most = max((b.count for b in bins), default=1)
    for b in bins:
        x, bar_w = left + size * b.low, size * (b.high - b.low)
        parts.append(
            svg.rect(
                x + 1,
                bottom - size * b.accuracy,
                bar_w - 2,
                size * b.accuracy,
                "#cfe3f3",
                f"confidence {b.low:.1f}–{b.high:.1f}: {b.count} predictions, "
                f"{b.accuracy:.0%} right, mean confidence {b.confidence:.2f}",
            )
        )
        parts.append(
            svg.circle(
                left + size * b.confidence,
                bottom - size * b.accuracy,
                2.5 + 4.5 * math.sqrt(b.count / most),
                svg.colour(0),
            )
        )
    width = max(right + 16, 16 + 7.5 * len(run_title(run)))
    return svg.document(width, bottom + 40, f"Reliability diagram, {run_title(run)}", parts)


def class_f1_bars(runs: Sequence[RunResult]) -> str:
    """F1 per class, one bar per configuration, each with its 95% interval."""
    labels = class_labels(runs)
    bar_w, gap, left, top, plot_h = 22, 26, 44, 20, 200
    group_w = max(bar_w * len(runs) + gap, 100)  # room for the class name under one bar
    right = left + group_w * len(labels)
    bottom = top + plot_h
    parts = svg.value_axis(left, right, top, bottom, [0, 0.25, 0.5, 0.75, 1.0], "{:.2f}")
    for k, label in enumerate(labels):
        x0 = left + group_w * k + (group_w - bar_w * len(runs)) / 2
        parts.append(svg.text(x0 + bar_w * len(runs) / 2, bottom + 16, label, anchor="middle"))
        for v, run in enumerate(runs):
            scores = run.metrics.per_class.get(label)
            if scores is None:
                continue
            x = x0 + bar_w * v
            tip = f"{run_title(run)}, {label}: F1 {scores.f1:.3f}"
            if scores.f1_ci:
                tip += f" [{scores.f1_ci[0]:.3f}, {scores.f1_ci[1]:.3f}]"
            parts.append(
                svg.rect(
                    x + 2,
                    bottom - plot_h * scores.f1,
                    bar_w - 4,
                    plot_h * scores.f1,
                    svg.colour(v),
                    tip,
                )
            )
            if scores.f1_ci:
                low_y, high_y = (bottom - plot_h * bound for bound in scores.f1_ci)
                middle = x + bar_w / 2
                parts += [
                    svg.line(middle, low_y, middle, high_y, svg.INK),
                    svg.line(middle - 4, low_y, middle + 4, low_y, svg.INK),
                    svg.line(middle - 4, high_y, middle + 4, high_y, svg.INK),
                ]
    parts += svg.legend(right + 16, top, [run_title(run) for run in runs])
    width = right + 32 + 8 * max(len(run_title(run)) for run in runs)
    return svg.document(width, bottom + 28, "F1 per class with 95% intervals", parts)


def group_accuracy_bars(runs: Sequence[RunResult]) -> str:
    """Accuracy per language and subtype, one bar per configuration, n beside each name."""
    rows = group_rows(runs)
    bar_h, left, scale, top = 10, 230, 320, 28
    row_h = bar_h * len(runs) + 8
    parts = [svg.text(left, 14, "accuracy (0–100%)", fill=svg.MUTED)]
    y, previous = top, ""
    for row in rows:
        if row.section != previous:
            y += 14
            parts.append(svg.text(8, y, row.section, weight="bold"))
            y += 6
            previous = row.section
        parts.append(
            svg.text(left - 8, y + row_h / 2 + 2, f"{row.name} (n={row.support})", anchor="end")
        )
        parts.append(svg.line(left, y, left, y + row_h - 4))
        for v, run in enumerate(runs):
            scores = group_accuracy(run.metrics, row)
            if scores is None:
                continue
            parts.append(
                svg.rect(
                    left,
                    y + bar_h * v,
                    scale * scores.accuracy,
                    bar_h - 1,
                    svg.colour(v),
                    f"{run_title(run)}, {row.name}: {scores.accuracy:.1%} of {scores.count}",
                )
            )
            # The figure beside the bar, so 0% reads as zero rather than as missing.
            parts.append(
                svg.text(
                    left + scale * scores.accuracy + 3,
                    y + bar_h * v + bar_h - 1.5,
                    f"{scores.accuracy:.0%}",
                    fill=svg.MUTED,
                    size=9,
                )
            )
        y += row_h
    parts.append(svg.line(left + scale, top, left + scale, y, svg.MUTED, dash="2 3"))
    parts += svg.legend(left + scale + 40, top, [run_title(run) for run in runs])
    width = left + scale + 56 + 8 * max(len(run_title(run)) for run in runs)
    return svg.document(width, y + 10, "Accuracy by language and subtype", parts)


# A point over time: when, the figure, and its 95% interval (None in runs made before them).
TimePoint = tuple[datetime, float, tuple[float, float] | None]
DODGE = 6  # px between the series at one moment, so their whiskers do not hide each other


def time_series(title: str, series: dict[str, list[TimePoint]], fmt: str, peak: float = 1.0) -> str:
    """One line per name over time, each point with a whisker over its 95% interval; the y
    axis runs from 0 to `peak`."""
    left, top, plot_w, plot_h = 52, 28, 560, 200
    bottom, right = top + plot_h, left + plot_w
    times = [moment for points in series.values() for moment, _, _ in points]
    parts = [svg.text(left, 16, title, weight="bold")]
    ticks = [peak * step / 4 for step in range(5)]
    parts += svg.value_axis(left, right, top, bottom, ticks, fmt)
    if not times:
        return svg.document(right + 20, bottom + 30, title, parts)
    start, end = min(times), max(times)
    span = (end - start).total_seconds() or 1.0

    def x_of(moment: datetime) -> float:
        offset = (moment - start).total_seconds() / span
        return left + plot_w * (offset if end > start else 0.5)

    def y_of(value: float) -> float:
        return bottom - plot_h * min(max(value / peak, 0.0), 1.0)

    parts += [
        svg.text(left, bottom + 16, start.strftime("%Y-%m-%d %H:%M"), fill=svg.MUTED),
        svg.text(right, bottom + 16, end.strftime("%Y-%m-%d %H:%M"), anchor="end", fill=svg.MUTED),
        svg.text(right, 16, "whiskers: 95% interval", anchor="end", fill=svg.MUTED),
    ]
    for index, (name, points) in enumerate(series.items()):
        shift = (index - (len(series) - 1) / 2) * DODGE
        drawn = [(x_of(moment) + shift, y_of(value)) for moment, value, _ in points]
        if len(drawn) > 1:
            parts.append(svg.polyline(drawn, svg.colour(index)))
        for (x, y), (moment, value, interval) in zip(drawn, points, strict=True):
            tip = f"{name}, {moment:%Y-%m-%d %H:%M}: {fmt.format(value)}"
            if interval is not None:
                low_y, high_y = y_of(interval[0]), y_of(interval[1])
                parts += [
                    svg.line(x, low_y, x, high_y, svg.colour(index)),
                    svg.line(x - 3, low_y, x + 3, low_y, svg.colour(index)),
                    svg.line(x - 3, high_y, x + 3, high_y, svg.colour(index)),
                ]
                tip += f" [{fmt.format(interval[0])}, {fmt.format(interval[1])}]"
            parts.append(svg.circle(x, y, 3.5, svg.colour(index), tip))
    parts += svg.legend(right + 16, top, list(series))
    width = right + 32 + 8 * max((len(name) for name in series), default=0)
    return svg.document(width, bottom + 30, title, parts)
