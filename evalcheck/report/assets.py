"""The stylesheet and script inlined into index.html (the page must work with no network).

The script only enhances: without it every table is still there in full. It never builds
markup from text (no innerHTML), so record text stays text when rows are sorted or filtered.
"""

from __future__ import annotations

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")

CSS = """
:root {
  --ink: #1d2433; --muted: #566070; --line: #e3e6eb; --soft: #f4f6f8; --paper: #fff;
  --accent: #1f4e8c; --accent-soft: #e8eef7; --danger: #b42318; --danger-soft: #fdecea;
  --ok: #0b7a4f; --warn: #a15c07;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--soft); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif;
  font-variant-numeric: tabular-nums;
}
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible {
  outline: 3px solid #6b9ae0; outline-offset: 2px;
}
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: 8px; }
.skip:focus { left: 8px; z-index: 10; }
header.top { background: #16355f; color: #fff; padding: 28px 0 24px; }
header.top .wrap { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px 24px;
  justify-content: space-between; }
header.top h1 { margin: 0; font-size: 28px; font-weight: 650; letter-spacing: -0.01em; }
header.top p { margin: 4px 0 0; color: #d5e0f0; }
header.top .scope { font-size: 14px; background: rgba(255,255,255,.12); border-radius: 999px;
  padding: 4px 12px; color: #fff; }
.wrap { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
nav.toc { background: var(--paper); border-bottom: 1px solid var(--line); position: sticky;
  top: 0; z-index: 5; }
nav.toc ul { list-style: none; margin: 0 auto; padding: 0 24px; max-width: 1180px; display: flex;
  flex-wrap: wrap; gap: 2px 18px; }
nav.toc a { display: inline-block; padding: 10px 0; color: var(--muted); text-decoration: none;
  font-size: 14px; border-bottom: 2px solid transparent; }
nav.toc a:hover { color: var(--accent); border-bottom-color: var(--accent); }
main { padding: 24px 0 40px; }
.kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px;
  margin: 0 0 24px; padding: 0; list-style: none; }
@media (max-width: 760px) { .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
.kpi { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  padding: 14px 16px; }
.kpi .n { display: block; font-size: 30px; font-weight: 650; line-height: 1.15; }
.kpi .l { display: block; color: var(--muted); font-size: 13px; }
.kpi .s { display: block; color: var(--muted); font-size: 12px; margin-top: 2px; }
.kpi.alert { border-color: #f3b8b2; background: linear-gradient(#fff, #fff7f6); }
.kpi.alert .n { color: var(--danger); }
.kpi.good .n { color: var(--ok); }
section.card { background: var(--paper); border: 1px solid var(--line); border-radius: 12px;
  padding: 20px 24px 12px; margin: 0 0 20px; }
section.card > h2 { margin: 0 0 4px; font-size: 20px; font-weight: 650; }
section.card > p.lead { margin: 0 0 16px; color: var(--muted); }
h3 { font-size: 15px; margin: 18px 0 8px; font-weight: 650; }
.figure { display: flex; flex-wrap: wrap; gap: 8px 32px; align-items: flex-start;
  margin: 8px 0 12px; }
.figure .plot { flex: 1 1 560px; min-width: 0; max-width: 680px; padding-top: 8px; }
.figure .data { flex: 1 1 340px; min-width: 0; }
.figure.stack .plot, .figure.stack .data { flex-basis: 100%; max-width: none; }
.figure.stack .plot { max-width: 760px; }
svg.chart { width: 100%; height: auto; max-width: 640px; display: block; overflow: visible; }
svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  fill: var(--ink); }
svg.chart text.axis { fill: var(--muted); }
svg.chart text.sub { font-size: 10px; }
svg.chart text.value { font-weight: 600; }
svg.chart text.inbar { font-size: 11px; font-weight: 600; fill: var(--ink); }
svg.chart text.inbar.on-dark { fill: #fff; }
svg.chart .track { fill: #f1f3f6; }
svg.chart .baseline { stroke: #c5cbd3; stroke-width: 1; }
ul.legend { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap;
  gap: 4px 16px; font-size: 13px; color: var(--muted); }
ul.legend li { display: inline-flex; align-items: center; gap: 6px; }
.swatch { width: 12px; height: 12px; border-radius: 3px; display: inline-block; }
.c-completed, .c-accepted { fill: #0b7a4f; background: #0b7a4f; }
.c-in-progress { fill: #2d6cc0; background: #2d6cc0; }
.c-not-started, .c-no-decision { fill: #f0a63a; background: #f0a63a; }
.c-no-longer-applicable { fill: #9aa3af; background: #9aa3af; }
.c-partially-accepted { fill: #6cc3a6; background: #6cc3a6; }
.c-rejected { fill: #912018; background: #912018; }
.c-not-reported, .c-not-answered { fill: url(#hatch); background: repeating-linear-gradient(
  135deg, #c3c9d2 0 2px, #eef0f3 2px 5px); }
.c-overdue { fill: #c9362a; background: #c9362a; }
.c-no-deadline { fill: #9aa3af; background: #9aa3af; }
.c-not-yet-due { fill: #2d6cc0; background: #2d6cc0; }
.c-1-90 { fill: #f5b544; background: #f5b544; }
.c-91-180 { fill: #e8772e; background: #e8772e; }
.c-181-365 { fill: #c9362a; background: #c9362a; }
.c-over-365 { fill: #7a1a12; background: #7a1a12; }
.c-muted { fill: #c3c9d2; background: #c3c9d2; }
.tablebox { overflow-x: auto; margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
caption { text-align: left; font-size: 15px; font-weight: 650; padding: 14px 0 8px;
  color: var(--ink); }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.tablehead { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
  gap: 4px 16px; margin: 14px 0 8px; }
.tablehead h3 { margin: 0; }
th, td { padding: 7px 10px; text-align: left; vertical-align: top;
  border-bottom: 1px solid var(--line); }
thead th { background: var(--soft); color: #3a4456; font-weight: 600; font-size: 13px;
  border-bottom: 1px solid #cfd5dd; white-space: nowrap; }
tbody tr:hover { background: #f8fafc; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.id { white-space: nowrap; font-weight: 550; width: 1%; }
td.text { min-width: 220px; }
td.title { min-width: 200px; }
td.people { min-width: 150px; }
td.people .person { display: block; }
td .words { font-size: 12px; color: #555; font-style: italic; }
td .when { font-size: 12px; color: #555; white-space: nowrap; }
td.links { max-width: 220px; overflow-wrap: anywhere; font-size: 13px; }
td .note { color: var(--muted); font-size: 13px; margin-left: 4px; }
.score { display: inline-block; min-width: 26px; text-align: center; border-radius: 5px;
  padding: 0 6px; font-weight: 650; background: #eef0f3; }
.score.r1 { background: #fbe4e2; color: #7a1a12; }
.score.r2 { background: #fdf0dc; color: #7a4504; }
.score.r3 { background: #e3f4ec; color: #075e3c; }
.score.r4 { background: #0b7a4f; color: #fff; }
details.more { margin: 6px 0 12px; }
details.more > summary { cursor: pointer; color: var(--accent); font-weight: 600;
  padding: 6px 0; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono",
  monospace; font-size: 0.92em; }
td code { white-space: nowrap; }
td.text .clamp { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical;
  overflow: hidden; }
td.late { color: var(--danger); font-weight: 600; }
tfoot td { font-weight: 600; border-top: 1px solid #cfd5dd; }
th button.sort { all: unset; cursor: pointer; display: inline-flex; align-items: center;
  gap: 4px; }
th button.sort::after { content: "\\2195"; color: #9aa3af; font-size: 11px; }
th[aria-sort="ascending"] button.sort::after { content: "\\25B2"; color: var(--accent); }
th[aria-sort="descending"] button.sort::after { content: "\\25BC"; color: var(--accent); }
th button.sort:focus-visible { outline: 3px solid #6b9ae0; outline-offset: 2px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px;
  font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.b-completed, .b-accepted { background: #e3f4ec; color: #075e3c; }
.b-in-progress { background: #e5eefa; color: #1d4f91; }
.b-not-started, .b-no-decision { background: #fdf0dc; color: #7a4504; }
.b-no-longer-applicable { background: #eef0f3; color: #454e5c; }
.b-partially-accepted { background: #e2f5ef; color: #0d5b45; }
.b-rejected { background: #fbe4e2; color: #7a1a12; }
.b-not-reported, .b-not-answered, .b-other { background: #fff; color: #454e5c;
  border-color: #c3c9d2; border-style: dashed; }
.b-error { background: #fbe4e2; color: #7a1a12; }
.b-warning { background: #fdf0dc; color: #7a4504; }
.filter { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; }
.filter label { font-size: 13px; color: var(--muted); }
.filter input { font: inherit; font-size: 14px; padding: 6px 10px; width: 280px;
  border: 1px solid #b8c0cb; border-radius: 6px; }
.filter output { font-size: 13px; color: var(--muted); }
.grid3 { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
  gap: 8px 24px; }
.empty { color: var(--muted); font-style: italic; margin: 4px 0 14px; }
.note { color: var(--muted); font-size: 13px; }
.meter { display: inline-block; width: 60px; height: 8px; background: #eef0f3;
  border-radius: 4px; vertical-align: middle; margin-left: 6px; overflow: hidden; }
.meter svg { display: block; }
.meter rect { fill: var(--accent); }
ul.changes { margin: 0 0 12px; padding-left: 20px; }
footer { color: var(--muted); font-size: 13px; padding: 0 0 32px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header.top { background: #fff; color: var(--ink); padding: 0 0 8px;
    border-bottom: 2px solid var(--ink); }
  header.top p, header.top .scope { color: var(--ink); background: none; padding: 0; }
  .wrap { max-width: none; padding: 0; }
  nav.toc, .filter, .skip { display: none; }
  main { padding: 12px 0 0; }
  section.card { border: 0; border-radius: 0; padding: 0; margin: 0 0 14px; }
  section.card > h2 { border-bottom: 1px solid #999; padding-bottom: 2px; break-after: avoid; }
  h3 { break-after: avoid; }
  .kpis { grid-template-columns: repeat(4, 1fr); }
  .kpi { padding: 6px 8px; }
  .kpi .n { font-size: 18pt; }
  .figure, svg.chart, tr { break-inside: avoid; }
  .figure .plot { max-width: 560px; }
  details.more > summary { display: none; }
  .tablebox { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding: 3px 5px; }
  thead { display: table-header-group; }
  tbody tr:hover { background: none; }
  td.text .clamp { display: block; -webkit-line-clamp: none; overflow: visible; }
  td.text, td.people, td.title { min-width: 0; }
  td.id, td.num, th.num, thead th, td code { white-space: normal; }
  td.id, thead th { overflow-wrap: anywhere; }
  .badge { white-space: normal; padding: 0 4px; }
  svg.chart { max-width: 100%; }
  th button.sort::after { content: none; }
  a { color: inherit; text-decoration: none; }
}
"""

JS = """
(function () {
  "use strict";
  function key(cell) {
    var v = cell ? cell.getAttribute("data-sort") : null;
    return v !== null ? v : (cell ? cell.textContent.trim() : "");
  }
  function compare(a, b, numeric) {
    if (numeric) {
      var x = parseFloat(a), y = parseFloat(b);
      if (isNaN(x)) { x = -Infinity; }
      if (isNaN(y)) { y = -Infinity; }
      return x - y;
    }
    return a.localeCompare(b, undefined, {numeric: true, sensitivity: "base"});
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.title = "Sort by this column";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var d = compare(key(r1.cells[index]), key(r2.cells[index]), numeric);
          return ascending ? d : -d;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), function (input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    var count = document.getElementById(input.id + "-count");
    if (!table) { return; }
    var rows = table.tBodies[0].rows;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      if (count) { count.textContent = shown + " of " + rows.length + " rows shown"; }
    });
  });
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.more"), function (d) {
      d.setAttribute("open", "");
    });
  });
})();
"""
