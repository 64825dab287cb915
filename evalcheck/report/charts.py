"""Inline SVG charts for index.html, drawn in Python so the page needs no chart library and no
network. Colours come from CSS classes in the page's stylesheet (one palette for charts,
legends and badges); every chart has a title and a text description for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evalcheck.textsafe import html_escape as esc

WIDTH = 640
LABEL_W = 230
VALUE_W = 56
ROW_H = 30
BAR_H = 18
FONT = 12


@dataclass(frozen=True, slots=True)
class Segment:
    label: str
    value: int
    css: str
    """A palette class, e.g. `c-completed`; `dark` classes get white value text."""
    dark: bool = False


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    segments: tuple[Segment, ...]
    hint: str = ""
    """Full label for the tooltip when `label` is shortened."""
    sub: str = ""
    """A second, smaller line under the label: an evaluation's title beside its id, so a board
    member reading a printed page need not look ids up."""

    @property
    def total(self) -> int:
        return sum(s.value for s in self.segments)


def largest(bars: Sequence[Bar], limit: int) -> tuple[Sequence[Bar], str]:
    """The `limit` largest bars, largest first, with a line saying how many were left out (a
    chart of 5,000 evaluations says nothing); all of them when there are no more."""
    if limit <= 0 or len(bars) <= limit:
        return bars, ""
    kept = sorted(bars, key=lambda b: -b.total)[:limit]
    return kept, f"The {limit} largest of {len(bars):,}; the table lists them in order."


def _clip(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _open(chart_id: str, title: str, desc: str, height: int) -> list[str]:
    return [f'<svg class="chart" id="{esc(chart_id)}" role="img" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" preserveAspectRatio="xMinYMin meet" '
            f'aria-labelledby="{esc(chart_id)}-t {esc(chart_id)}-d">',
            f'<title id="{esc(chart_id)}-t">{esc(title)}</title>',
            f'<desc id="{esc(chart_id)}-d">{esc(desc)}</desc>']


def describe(bars: Sequence[Bar]) -> str:
    """The chart's data in words, for screen readers and the SVG's <desc>."""
    parts = []
    for bar in bars:
        inner = ", ".join(f"{s.value} {s.label.lower()}" for s in bar.segments if s.value)
        parts.append(f"{bar.hint or bar.label}: {inner or 'none'}")
    return "; ".join(parts) + "."


def hbars(bars: Sequence[Bar], chart_id: str, title: str) -> str:
    """Horizontal bars, stacked when a bar has several segments, on one shared scale."""
    top = 6
    row_h = ROW_H + 8 if any(b.sub for b in bars) else ROW_H
    height = top + row_h * max(len(bars), 1) + 6
    scale_max = max((b.total for b in bars), default=0) or 1
    area = WIDTH - LABEL_W - VALUE_W
    out = _open(chart_id, title, describe(bars), height)
    for row, bar in enumerate(bars):
        y = top + row * row_h
        mid = y + row_h / 2
        out.append(f'<g class="row"><title>{esc(bar.hint or bar.label)}: {bar.total}</title>')
        if bar.sub:
            out.append(f'<text class="axis" x="{LABEL_W - 10}" y="{mid - 7:.1f}" '
                       f'text-anchor="end" dominant-baseline="middle">{esc(_clip(bar.label))}'
                       f'</text><text class="axis sub" x="{LABEL_W - 10}" y="{mid + 8:.1f}" '
                       f'text-anchor="end" dominant-baseline="middle">'
                       f'{esc(_clip(bar.sub, 40))}</text>')
        else:
            out.append(f'<text class="axis" x="{LABEL_W - 10}" y="{mid:.1f}" text-anchor="end" '
                       f'dominant-baseline="middle">{esc(_clip(bar.label))}</text>')
        out.append(f'<rect class="track" x="{LABEL_W}" y="{mid - BAR_H / 2:.1f}" width="{area}" '
                   f'height="{BAR_H}" rx="3"/>')
        x = float(LABEL_W)
        for seg in bar.segments:
            if not seg.value:
                continue
            w = area * seg.value / scale_max
            out.append(f'<rect class="{esc(seg.css)}" x="{x:.1f}" y="{mid - BAR_H / 2:.1f}" '
                       f'width="{w:.1f}" height="{BAR_H}"><title>{esc(seg.label)}: '
                       f'{seg.value}</title></rect>')
            if w >= 24 and sum(1 for s in bar.segments if s.value) > 1:
                out.append(f'<text class="inbar{" on-dark" if seg.dark else ""}" '
                           f'x="{x + w / 2:.1f}" y="{mid:.1f}" text-anchor="middle" '
                           f'dominant-baseline="central">{seg.value}</text>')
            x += w
        out.append(f'<text class="value" x="{x + 8:.1f}" y="{mid:.1f}" '
                   f'dominant-baseline="middle">{bar.total:,}</text></g>')
    out.append("</svg>")
    return "\n".join(out)


def columns(bars: Sequence[Bar], chart_id: str, title: str) -> str:
    """Vertical columns, one segment each: for a short, ordered set of buckets."""
    height, base, top = 230, 180, 24
    count = max(len(bars), 1)
    slot = (WIDTH - 20) / count
    width = min(64.0, slot * 0.6)
    scale_max = max((b.total for b in bars), default=0) or 1
    out = _open(chart_id, title, describe(bars), height)
    out.append(f'<line class="baseline" x1="10" x2="{WIDTH - 10}" y1="{base}" y2="{base}"/>')
    for i, bar in enumerate(bars):
        cx = 10 + slot * i + slot / 2
        h = (base - top) * bar.total / scale_max
        css = bar.segments[0].css if bar.segments else "c-muted"
        out.append(f'<g class="col"><title>{esc(bar.hint or bar.label)}: {bar.total}</title>')
        if bar.total:
            out.append(f'<rect class="{esc(css)}" x="{cx - width / 2:.1f}" y="{base - h:.1f}" '
                       f'width="{width:.1f}" height="{h:.1f}" rx="2"/>')
        out.append(f'<text class="value" x="{cx:.1f}" y="{base - h - 6:.1f}" '
                   f'text-anchor="middle">{bar.total:,}</text>')
        words = bar.label.split(" ", 1)
        for line, word in enumerate(words):
            out.append(f'<text class="axis" x="{cx:.1f}" y="{base + 18 + line * 15}" '
                       f'text-anchor="middle">{esc(word)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def legend(items: Sequence[tuple[str, str]]) -> str:
    """(label, palette class) pairs as an HTML legend the charts share."""
    keys = "".join(f'<li><span class="swatch {esc(css)}" aria-hidden="true"></span>'
                   f'{esc(label)}</li>' for label, css in items)
    return f'<ul class="legend">{keys}</ul>'
