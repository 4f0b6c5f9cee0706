"""Static charts for the printed report, written as SVG by hand (no Qt, no plotting library).

Embedded in the HTML as ``data:`` images, which both browsers and Qt's QTextDocument (the PDF)
draw. Black and grey only, so they print well. The SVG is drawn at twice the size it is shown
at, so the PDF's rasterised copy stays sharp.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

SCALE = 2  # drawn size / shown size
FONT = 'font-family="sans-serif"'


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _img(svg: str, width: int, height: int, alt: str) -> str:
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" width="{width}" height="{height}" alt="{_e(alt)}"/>'


def competency_svg(rows: Sequence[tuple[str, float]], *, title: str, axis: str) -> tuple[str, int, int]:
    """Horizontal bars, one per (label, score 0..1); returns (svg, shown width, shown height)."""
    width, label_w, bar_h, gap, top = 620, 230, 16, 8, 8
    height = top + len(rows) * (bar_h + gap) + 30
    plot_w = width - label_w - 50
    s = SCALE
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width * s}" height="{height * s}" '
        f'viewBox="0 0 {width} {height}"><title>{_e(title)}</title>'
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="white"/>'
    ]
    for n, (label, score) in enumerate(rows):
        y = top + n * (bar_h + gap)
        value = max(0.0, min(1.0, score))
        parts.append(
            f'<text x="{label_w - 6}" y="{y + bar_h - 4}" text-anchor="end" font-size="11" {FONT}>'
            f"{_e(_short(label))}</text>"
            f'<rect x="{label_w}" y="{y}" width="{plot_w}" height="{bar_h}" fill="#eeeeee"/>'
            f'<rect x="{label_w}" y="{y}" width="{plot_w * value:.1f}" height="{bar_h}" fill="#555555"/>'
            f'<text x="{label_w + plot_w * value + 4:.1f}" y="{y + bar_h - 4}" font-size="11" {FONT}>'
            f"{100 * score:.0f}</text>"
        )
    base = top + len(rows) * (bar_h + gap)
    for tick in (0, 25, 50, 75, 100):
        x = label_w + plot_w * tick / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 4}" stroke="black"/>'
            f'<text x="{x:.1f}" y="{base + 15}" text-anchor="middle" font-size="10" {FONT}>{tick}</text>'
        )
    parts.append(
        f'<line x1="{label_w}" y1="{base}" x2="{label_w + plot_w}" y2="{base}" stroke="black"/>'
        f'<text x="{label_w + plot_w / 2:.1f}" y="{base + 28}" text-anchor="middle" font-size="10" {FONT}>'
        f"{_e(axis)}</text></svg>"
    )
    return "".join(parts), width, height


def progress_svg(
    points: Sequence[tuple[str, float]], *, title: str, x_axis: str, y_axis: str
) -> tuple[str, int, int]:
    """Score (0..100) per finished attempt, oldest first, as a line with its values marked."""
    width, height, left, right, top, bottom = 620, 220, 50, 20, 12, 48
    plot_w, plot_h = width - left - right, height - top - bottom
    s = SCALE
    count = len(points)

    def x_at(i: int) -> float:
        return left + (plot_w * (i + 0.5) / count if count else 0)

    def y_at(value: float) -> float:
        return top + plot_h * (1 - max(0.0, min(100.0, value)) / 100)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width * s}" height="{height * s}" '
        f'viewBox="0 0 {width} {height}"><title>{_e(title)}</title>'
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="white"/>'
    ]
    for tick in (0, 25, 50, 75, 100):
        y = y_at(tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#dddddd"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="10" {FONT}>{tick}</text>'
        )
    parts.append(
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="black"/>'
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="black"/>'
    )
    if count > 1:
        path = " ".join(f"{x_at(i):.1f},{y_at(v):.1f}" for i, (_, v) in enumerate(points))
        parts.append(f'<polyline points="{path}" fill="none" stroke="#333333" stroke-width="2"/>')
    every = max(1, count // 12)  # at most about a dozen x labels
    for i, (label, value) in enumerate(points):
        x, y = x_at(i), y_at(value)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="black"/>'
            f'<text x="{x:.1f}" y="{y - 7:.1f}" text-anchor="middle" font-size="10" {FONT}>{value:.0f}</text>'
        )
        if i % every == 0:
            parts.append(
                f'<text x="{x:.1f}" y="{top + plot_h + 15}" text-anchor="middle" font-size="10" {FONT}>'
                f"{_e(label)}</text>"
            )
    parts.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 8}" text-anchor="middle" font-size="10" {FONT}>'
        f"{_e(x_axis)}</text>"
        f'<text x="12" y="{top + plot_h / 2:.1f}" text-anchor="middle" font-size="10" {FONT} '
        f'transform="rotate(-90 12 {top + plot_h / 2:.1f})">{_e(y_axis)}</text></svg>'
    )
    return "".join(parts), width, height


def chart_img(svg_size: tuple[str, int, int], alt: str) -> str:
    svg, width, height = svg_size
    return _img(svg, width, height, alt)
