/** The report's stylesheet for print (A4, page margins set by page.pdf), in the dashboard's colours. */
export const PRINT_CSS = `
@page { size: A4; }
:root {
  --fg: #1f2328; --muted: #59636e; --line: #c9d1d9; --bg: #f6f8fa; --red: #b71c1c; --accent: #0b5cad;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: var(--fg); font-family: "Noto Sans CJK SC", sans-serif; font-size: 9.5pt; line-height: 1.55;
}
h1, h2, h3, .serif { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; }
h2 {
  font-size: 15pt; margin: 0 0 8pt; padding-bottom: 3pt; border-bottom: 1.5pt solid var(--red); color: var(--red);
  break-after: avoid;
}
h3 { font-size: 11.5pt; margin: 14pt 0 5pt; break-after: avoid; }
h3 small { font-family: "Noto Sans CJK SC", sans-serif; font-weight: normal; color: var(--muted); font-size: 9pt; margin-left: 6pt; }
h4 { font-size: 10pt; margin: 8pt 0 4pt; break-after: avoid; }
p { margin: 4pt 0; }
.chapter { break-before: page; }
.muted { color: var(--muted); }
.mono { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 7.5pt; word-break: break-all; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; }
thead { display: table-header-group; }
tr, tbody.finding { break-inside: avoid; }
th, td { border: 0.5pt solid var(--line); padding: 1.8pt 4pt; text-align: left; vertical-align: top; }
table { font-size: 9pt; }
table.auto { width: auto; min-width: 50%; }
td.nowrap { white-space: nowrap; }
thead th { background: #f2dede; font-weight: bold; white-space: nowrap; }
td.note { font-size: 8pt; color: #3b434b; background: #fbfbfc; }
td.note b { color: var(--fg); font-weight: bold; }
td.note div + div { margin-top: 1.5pt; }
.grade-优秀 { color: #2e7d32; font-weight: bold; }
.grade-合格 { color: var(--accent); font-weight: bold; }
.grade-不合格 { color: var(--red); font-weight: bold; }
.veto { color: #fff; background: var(--red); padding: 0 3pt; border-radius: 2pt; font-size: 8pt; }
.points { color: var(--red); font-weight: bold; }

/* cover */
.cover { height: 255mm; display: flex; flex-direction: column; break-after: page; }
.cover .banner { color: var(--red); text-align: center; font-size: 12pt; letter-spacing: 4pt; margin-top: 8mm; }
.cover .rule { border-top: 2.5pt solid var(--red); margin: 4mm 0 0; }
.cover .rule.thin { border-top-width: 0.8pt; margin-top: 1mm; }
.cover h1 { text-align: center; font-size: 24pt; line-height: 1.5; margin: 26mm 0 6mm; letter-spacing: 1pt; }
.cover .scope { text-align: center; font-size: 13pt; margin-bottom: 16mm; }
.cover .facts-block { width: 150mm; margin: 0 auto; }
.cover table.facts { font-size: 9.5pt; }
.cover table.facts th { width: 42mm; background: var(--bg); white-space: nowrap; }
.cover .issuer { margin-top: auto; text-align: center; font-size: 12pt; line-height: 1.9; }
.cover .assurance { margin-top: 5mm; font-size: 8pt; color: var(--muted); line-height: 1.6; }

/* summary */
.stats { display: grid; grid-template-columns: repeat(6, 1fr); gap: 4pt; margin: 6pt 0 8pt; }
.stats div { background: var(--bg); border-top: 2pt solid var(--red); padding: 4pt 6pt; }
.stats strong { display: block; font-size: 14pt; }
.stats span { color: var(--muted); font-size: 8pt; }
.lead { font-size: 10.5pt; line-height: 1.8; text-indent: 2em; font-family: "Noto Serif CJK SC", serif; }
figure { margin: 6pt 0; text-align: center; break-inside: avoid; }
svg.chart { max-width: 100%; height: auto; }
table.card td, table.card th { text-align: center; }
`;
