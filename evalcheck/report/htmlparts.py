"""Small HTML building blocks for index.html: tables, cards, badges. Callers pass record text
already escaped; numbers are formatted here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from evalcheck.textsafe import html_escape as esc

T = TypeVar("T")

MAX_ROWS = 1000
"""Rows of one table of index.html, at most (`report --max-rows`): a portfolio's 70,000 actions
would make a page of 100 MB that no browser opens well; report.json and actions.csv keep every
row."""
MAX_BARS = 25
"""Bars of one per-evaluation chart, at most: the evaluations with the largest numbers."""

Cell = tuple[object, object, str]
"""(content HTML or a number, sort key or None, CSS class)."""
KNOWN_BADGES = frozenset({
    "not-started", "in-progress", "completed", "no-longer-applicable", "not-reported",
    "accepted", "partially-accepted", "rejected", "no-decision", "not-answered", "error",
    "warning"})


def _content(value: object) -> str:
    if isinstance(value, bool):
        return esc(value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(table_id: str, caption: str, head: Sequence[tuple[str, str]],
          rows: Sequence[Sequence[Cell]], foot: Sequence[object] | None = None,
          sortable: bool = False, filter_label: str = "") -> str:
    """A table with a caption and column headers; `number` columns align right and sort as
    numbers (the sort key is the cell's data-sort, else its text). With `filter_label`, a
    search box above it hides the rows that do not match."""
    ths = []
    for label, kind in head:
        attrs = ' class="num" data-type="number"' if kind == "number" else ""
        ths.append(f'<th scope="col"{attrs}>{esc(label)}</th>')
    body = []
    for row in rows:
        cells = []
        for content, sort, css in row:
            attrs = f' class="{css}"' if css else ""
            if sort is not None:
                attrs += f' data-sort="{esc(sort)}"'
            cells.append(f"<td{attrs}>{_content(content)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    tfoot = ""
    if foot is not None:
        numeric = [kind == "number" for _, kind in head]
        tds = "".join(f'<td class="num">{_content(v)}</td>' if i < len(numeric) and numeric[i]
                      else f"<td>{_content(v)}</td>" for i, v in enumerate(foot))
        tfoot = f"<tfoot><tr>{tds}</tr></tfoot>"
    cls = ' class="sortable"' if sortable else ""
    top, cap = "", f"<caption>{esc(caption)}</caption>"
    if filter_label:
        top = (f'<div class="tablehead"><h3 aria-hidden="true">{esc(caption)}</h3>'
               f"{filter_box(table_id, filter_label)}</div>")
        cap = f'<caption class="sr-only">{esc(caption)}</caption>'
    return (f'{top}<div class="tablebox"><table id="{esc(table_id)}"{cls}>'
            f"{cap}<thead><tr>{''.join(ths)}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody>{tfoot}</table></div>")


def capped(items: Sequence[T], limit: int) -> Sequence[T]:
    """The items a table shows: the first `limit` (all with a limit of 0)."""
    return items if limit <= 0 else items[:limit]


def more(total: int, limit: int, noun: str, where: str = "report.json") -> str:
    """The note under a table that shows only the first `limit` of `total` rows ('' if all)."""
    if limit <= 0 or total <= limit:
        return ""
    return (f'<p class="note more">Showing the first {limit:,} of {total:,} {esc(noun)}; '
            f"all of them are in {esc(where)}. <code>evalcheck report --owner ID</code> or "
            "<code>--evaluation ID</code> makes a shorter report, <code>--max-rows 0</code> "
            "shows every row.</p>")


def badge(key: str, label: str) -> str:
    css = key if key in KNOWN_BADGES else "other"
    return f'<span class="badge b-{css}">{esc(label)}</span>'


def kpi(value: object, label: str, sub: str = "", tone: str = "") -> str:
    cls = f"kpi {tone}".strip()
    sub_html = f'<span class="s">{esc(sub)}</span>' if sub else ""
    return (f'<li class="{cls}"><span class="n">{esc(_content(value))}</span>'
            f'<span class="l">{esc(label)}</span>{sub_html}</li>')


def section(anchor: str, title: str, body: Sequence[str]) -> str:
    return (f'<section class="card" id="{esc(anchor)}" aria-labelledby="{esc(anchor)}-h">'
            f'<h2 id="{esc(anchor)}-h">{esc(title)}</h2>\n' + "\n".join(body) + "\n</section>")


def figure(chart: str, data: str, stack: bool = False, note: str = "") -> str:
    """A chart beside (or above, for a wide table) the table of the numbers it draws."""
    cls = "figure stack" if stack else "figure"
    under = f'<p class="note">{esc(note)}</p>' if note else ""
    return (f'<div class="{cls}"><div class="plot">{chart}{under}</div>'
            f'<div class="data">{data}</div></div>')


def filter_box(table_id: str, label: str) -> str:
    box = f"{table_id}-filter"
    return (f'<div class="filter" role="search"><label for="{box}">{esc(label)}</label>'
            f'<input type="search" id="{box}" data-filter="{table_id}" autocomplete="off" '
            f'placeholder="Type to filter: owner, status, words…">'
            f'<output id="{box}-count" for="{box}" aria-live="polite"></output></div>')


def titled(key: str, title: str, limit: int = 70) -> Cell:
    """An evaluation id with its title beside it (a board reads titles, not ids); sorts by
    the id."""
    if not title:
        return (esc(key), key, "id")
    short = title if len(title) <= limit else title[:limit - 1].rstrip() + "…"
    return (f'<span class="eid">{esc(key)}</span> <span class="etitle" title="{esc(title)}">'
            f"{esc(short)}</span>", key, "titled")


def empty(text: str) -> str:
    return f'<p class="empty">{esc(text)}</p>'
