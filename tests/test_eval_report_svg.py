"""The HTML report's pictures: inline SVG that parses, draws the run's own numbers, and
stays self-contained (no script, nothing fetched)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from reply_assistant.evals.metrics import compute_metrics
from reply_assistant.evals.records import DatasetInfo, ExampleResult, RunResult
from reply_assistant.evals.report_html import render_html

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert("x")</script>&'


def _run(prompt: str, predictions: list[str], subtype: str = "catch_up") -> RunResult:
    gold = ["spam", "spam", "relationship", "relationship", "unclear", "spam"]
    examples = [
        ExampleResult(
            id=f"e{i}",
            gold=g,
            predicted=p,
            confidence=0.55 + 0.08 * i,
            language="en" if i % 2 else "de",
            subtype=subtype if g == "relationship" else "pitch",
            cost_usd=0.001,
            latency_ms=400.0,
        )
        for i, (g, p) in enumerate(zip(gold, predictions, strict=True))
    ]
    return RunResult(
        prompt=prompt,
        backend="openai",
        model="m",
        metrics=compute_metrics(examples),
        examples=examples,
    )


def _pictures(html: str) -> list[ET.Element]:
    return [ET.fromstring(match) for match in re.findall(r"<svg\b.*?</svg>", html, re.S)]


def _title(picture: ET.Element) -> str:
    return picture.findtext(f"{SVG}title") or ""


def _render() -> tuple[str, list[RunResult]]:
    runs = [
        _run("classify@v1", ["spam", "relationship", "relationship", "spam", "unclear", "spam"]),
        _run("classify@v2", ["spam", "spam", "relationship", "relationship", "spam", "spam"]),
    ]
    dataset = DatasetInfo(paths=["d.jsonl"], sha256="0" * 64, count=6, split="test")
    return render_html(runs, dataset, "2026-12-01T10:00:00+00:00"), runs


def test_every_picture_parses_and_the_report_stays_self_contained():
    html, _ = _render()
    pictures = _pictures(html)
    titles = [_title(picture) for picture in pictures]
    assert titles == [
        "F1 per class with 95% intervals",
        "Confusion matrix, classify@v1 (m)",
        "Confusion matrix, classify@v2 (m)",
        "Reliability diagram, classify@v1 (m)",
        "Reliability diagram, classify@v2 (m)",
        "Accuracy by language and subtype",
    ]
    assert "<script" not in html.lower()
    assert not re.search(r"(?:src|href)\s*=", html)
    assert re.findall(r"https?://[^\s\"']+", html) == ["http://www.w3.org/2000/svg"] * len(pictures)
    # The tables stay, under their pictures.
    assert html.index("Confusion matrix, classify@v1") < html.index("gold \\ predicted")


def test_the_heat_map_cells_are_the_confusion_matrix():
    html, runs = _render()
    heatmap = _pictures(html)[1]
    counts = [
        int(node.text) for node in heatmap.iter(f"{SVG}text") if node.text and node.text.isdigit()
    ]
    assert counts == [count for row in runs[0].metrics.confusion for count in row]
    tips = [node.findtext(f"{SVG}title") for node in heatmap.iter(f"{SVG}rect")]
    assert "gold spam, predicted relationship: 1 (33% of the row)" in tips


def test_the_reliability_diagram_names_its_ece_and_draws_each_bin():
    html, runs = _render()
    diagram = _pictures(html)[3]
    texts = [node.text for node in diagram.iter(f"{SVG}text")]
    assert f"ECE {runs[0].metrics.ece:.3f}" in texts
    assert len(list(diagram.iter(f"{SVG}circle"))) == len(runs[0].metrics.reliability)


def test_the_f1_bars_carry_their_intervals():
    html, runs = _render()
    bars = _pictures(html)[0]
    tips = [node.findtext(f"{SVG}title") for node in bars.iter(f"{SVG}rect")]
    spam = runs[1].metrics.per_class["spam"]
    assert (
        f"classify@v2 (m), spam: F1 {spam.f1:.3f} [{spam.f1_ci[0]:.3f}, {spam.f1_ci[1]:.3f}]"
        in tips
    )
    # Three classes, two versions, three lines per error bar.
    assert len(list(bars.iter(f"{SVG}line"))) - 5 == 3 * 2 * 3  # minus the five grid lines


def test_group_bars_show_n_and_hostile_names_stay_text():
    runs = [_run("classify@v1", ["spam"] * 6, subtype=HOSTILE)]
    dataset = DatasetInfo(paths=["d.jsonl"], sha256="0" * 64, count=6, split="test")
    html = render_html(runs, dataset, "2026-12-01T10:00:00+00:00")
    groups = _pictures(html)[-1]
    labels = [node.text for node in groups.iter(f"{SVG}text")]
    assert "de (n=3)" in labels and "en (n=3)" in labels
    assert f"{HOSTILE} (n=2)" in labels  # parsed back as text, not markup
    assert "<script" not in html


def test_cost_of_quality_puts_cost_and_time_per_thousand_messages_beside_macro_f1():
    html, runs = _render()
    offline = runs[0].model_copy(update={"prompt": "offline", "backend": "offline"})
    dataset = DatasetInfo(paths=["d.jsonl"], sha256="0" * 64, count=6, split="test")
    html = render_html([*runs, offline], dataset, "2026-12-01T10:00:00+00:00")
    section = html[html.index("Cost of quality") : html.index("Per class")]
    # Six examples at $0.001 and 400 ms each: $1 and 400 s of calls per 1,000 messages.
    f1 = runs[1].metrics
    assert (
        f"<td>classify@v2 (m)</td><td>{f1.macro_f1:.3f} "
        f"[{f1.macro_f1_ci[0]:.3f}, {f1.macro_f1_ci[1]:.3f}]</td><td>$1.0000</td>"
        "<td>400.0 s</td>" in section
    )
    assert "offline" not in section  # no price, no network: not an LLM run


def test_the_draft_check_table_carries_each_pass_rate_with_its_interval():
    examples = [
        ExampleResult(
            id=f"e{i}",
            gold="spam",
            predicted="spam",
            draft="x",
            redacted=True,  # the recorded checks are kept as they are
            checks={"no_placeholders": i < 15},
        )
        for i in range(20)
    ]
    run = RunResult(
        prompt="offline", backend="offline", model="m", metrics=compute_metrics(examples),
        examples=examples,
    )  # fmt: skip
    dataset = DatasetInfo(paths=["d.jsonl"], sha256="0" * 64, count=20, split=None)
    html = render_html([run], dataset, "2026-12-01T10:00:00+00:00")
    section = html[html.index("<h2>Draft checks") :]
    # 15 of 20: the Wilson interval [53.1, 88.8].
    assert "<td>no_placeholders</td><td>75.0% [53.1, 88.8] (15/20)</td>" in section
