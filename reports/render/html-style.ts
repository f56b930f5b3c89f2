// The report's stylesheet, inline so the file opens offline from an
// email attachment. Print rules give clean A4 pages: the summary on the
// first page, each domain from a new page, rows never split.
export const CSS = `
:root { --ink: #1b1b1b; --muted: #505a5f; --line: #b1b4b6; --here: #1d70b8; --others: #f47738; --before: #6f72af;
  --good: #005ea5; --bad: #a8400a; --bad-text: #a8400a; --paper: #fff; --band: #f3f2f1; }
/* Better is blue and worse is orange, not green and red, which colour-blind readers cannot tell apart; words say it too. */
* { box-sizing: border-box; }
html { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--paper); }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.45rem; margin: 2rem 0 .6rem; border-bottom: 3px solid var(--here); padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; }
p, li { max-width: 48rem; }
.lede { color: var(--muted); margin: 0 0 1rem; }
.facts { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; padding: 0; list-style: none; }
.facts li { background: var(--band); padding: .6rem .9rem; border-left: 4px solid var(--here); }
.facts strong { display: block; font-size: 1.5rem; }
.better li.up::marker { content: "▲ "; color: var(--good); }
.better li.down::marker { content: "▼ "; color: var(--good); }
.worse li.up::marker { content: "▲ "; color: var(--bad); }
.worse li.down::marker { content: "▼ "; color: var(--bad); }
.note { color: var(--muted); font-size: .92rem; }
.warn { color: var(--bad-text); font-weight: 600; }
.provisional { border-left: 6px solid var(--bad); background: var(--band); padding: .6rem .9rem; }
.chart { width: 100%; margin: .5rem 0 1rem; }
.chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
.chart-row { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; }
.chart-row .chart { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1.2rem; font-size: .88rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .4rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th { background: var(--band); }
tbody th[scope="row"] { min-width: 12rem; }
td.num .note { white-space: normal; }
table.breakdown td.num { white-space: normal; min-width: 5.5rem; }
.table-wrap { overflow-x: auto; }
.up-good, .down-good { color: var(--good); font-weight: 600; }
.up-bad, .down-bad { color: var(--bad-text); font-weight: 600; }
.supp { color: var(--muted); font-style: italic; }
blockquote { margin: .4rem 0; padding: .4rem .8rem; border-left: 4px solid var(--line); background: var(--band); white-space: pre-wrap; overflow-wrap: anywhere; }
.key { display: flex; gap: 1.2rem; font-size: .9rem; flex-wrap: wrap; }
.key span::before { content: ""; display: inline-block; width: .9rem; height: .9rem; margin-right: .35rem; vertical-align: -2px; }
.key .k-here::before { background: var(--here); } .key .k-others::before { background: var(--others); } .key .k-before::before { background: var(--before); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .page-break { break-before: page; }
  #summary { break-after: page; }
  h2, h3, caption { break-after: avoid; }
  tr, blockquote, .chart { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  table.breakdown { font-size: 8pt; }
  table.breakdown td.num { min-width: 0; }
  a { color: inherit; text-decoration: none; }
}
`;
