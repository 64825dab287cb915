"""An inline SVG line chart of percentages over periods (the trend), drawn in Python like the
other charts (report/charts.py): no chart library, no network, colours from CSS classes, a
title and a text description for screen readers, the numbers in a table beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evalcheck.textsafe import html_escape as esc

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 14, 52


@dataclass(frozen=True, slots=True)
class Line:
    label: str
    css: str
    """A palette class giving the stroke colour, e.g. `l-closure_rate`."""
    values: tuple[float | None, ...]
    """One percentage per period; None leaves a gap (nothing to measure then)."""


def _x(i: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * i / (count - 1) if count > 1 else span / 2)


def _y(value: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - max(0.0, min(100.0, value)) / 100)


def describe(periods: Sequence[str], lines: Sequence[Line]) -> str:
    parts = []
    for line in lines:
        shown = [f"{p} {v:.1f}%" for p, v in zip(periods, line.values, strict=True)
                 if v is not None]
        parts.append(f"{line.label}: {', '.join(shown) or 'nothing to measure'}")
    return "; ".join(parts) + "."


def line_chart(periods: Sequence[str], lines: Sequence[Line], chart_id: str, title: str) -> str:
    """Percent (0-100) against periods; a label every few periods so they never overlap."""
    count = len(periods)
    out = [f'<svg class="chart trend" id="{esc(chart_id)}" role="img" '
           f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
           f'preserveAspectRatio="xMinYMin meet" '
           f'aria-labelledby="{esc(chart_id)}-t {esc(chart_id)}-d">',
           f'<title id="{esc(chart_id)}-t">{esc(title)}</title>',
           f'<desc id="{esc(chart_id)}-d">{esc(describe(periods, lines))}</desc>']
    for tick in (0, 25, 50, 75, 100):
        y = _y(tick)
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" '
                   f'y2="{y:.1f}"/><text class="axis" x="{LEFT - 6}" y="{y:.1f}" '
                   f'text-anchor="end" dominant-baseline="middle">{tick}%</text>')
    every = max(1, -(-count // 12))
    for i, period in enumerate(periods):
        if i % every == 0 or i == count - 1:
            out.append(f'<text class="axis" x="{_x(i, count):.1f}" y="{HEIGHT - BOTTOM + 18}" '
                       f'text-anchor="middle">{esc(period)}</text>')
    for line in lines:
        out.append(f'<g class="series {esc(line.css)}"><title>{esc(line.label)}</title>')
        run: list[str] = []
        for i, value in enumerate((*line.values, None)):
            if value is not None:
                run.append(f"{_x(i, count):.1f},{_y(value):.1f}")
                continue
            if len(run) > 1:
                out.append(f'<polyline fill="none" points="{" ".join(run)}"/>')
            run = []
        for i, value in enumerate(line.values):
            if value is not None:
                out.append(f'<circle cx="{_x(i, count):.1f}" cy="{_y(value):.1f}" r="3">'
                           f'<title>{esc(line.label)}, {esc(periods[i])}: {value:.1f}%'
                           f'</title></circle>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
