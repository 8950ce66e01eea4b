"""Inline SVG pieces for the HTML reports: plain elements, no script, nothing fetched.

Every piece of text goes through `escape`, so a label from a dataset cannot break out.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

# Okabe–Ito: told apart by people with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
INK, MUTED, GRID = "#1d232a", "#57606a", "#d0d7de"
FONT = "font-family:system-ui,sans-serif;font-size:12px"


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def document(width: float, height: float, title: str, body: Sequence[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" style="{FONT}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def rect(x: float, y: float, width: float, height: float, fill: str, tip: str = "") -> str:
    tooltip = f"<title>{escape(tip)}</title>" if tip else ""
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" '
        f'height="{max(height, 0):.1f}" fill="{fill}">{tooltip}</rect>'
    )


def line(x1: float, y1: float, x2: float, y2: float, stroke: str = GRID, dash: str = "") -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}"{dashed}/>'
    )


def polyline(points: Sequence[tuple[float, float]], stroke: str) -> str:
    joined = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return f'<polyline points="{joined}" fill="none" stroke="{stroke}" stroke-width="2"/>'


def circle(x: float, y: float, radius: float, fill: str, tip: str = "") -> str:
    tooltip = f"<title>{escape(tip)}</title>" if tip else ""
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{fill}">{tooltip}</circle>'


def text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    fill: str = INK,
    weight: str = "normal",
    rotate: float = 0,
    size: int = 12,
) -> str:
    turn = f' transform="rotate({rotate:.0f} {x:.1f} {y:.1f})"' if rotate else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" '
        f'font-weight="{weight}" font-size="{size}"{turn}>{escape(content)}</text>'
    )


def legend(x: float, y: float, names: Sequence[str]) -> list[str]:
    """One coloured square and name per series, stacked downwards from (x, y)."""
    parts = []
    for index, name in enumerate(names):
        top = y + index * 18
        parts += [rect(x, top, 12, 12, colour(index)), text(x + 18, top + 10, name)]
    return parts


def value_axis(
    left: float, right: float, top: float, bottom: float, ticks: Sequence[float], fmt: str
) -> list[str]:
    """Horizontal grid lines with labels on the left, for values 0..max drawn bottom-up."""
    peak = ticks[-1] or 1
    parts = []
    for tick in ticks:
        y = bottom - (bottom - top) * tick / peak
        parts += [line(left, y, right, y), text(left - 6, y + 4, fmt.format(tick), anchor="end")]
    return parts
