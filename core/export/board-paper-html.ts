import type { Rag } from '../model/index.js';
import { type BoardPaperLayout, type BoardPaperSection, RAG_COLUMN } from './board-paper-layout.js';
import { columnShares } from './column-widths.js';
import { printableLayout } from './paper-text.js';
import { RAG_COLOURS, RAG_ORDER } from './rag-colours.js';

/**
 * A board paper as one self-contained HTML document to open in a browser and print: A4 landscape,
 * inline CSS, no script and nothing fetched (its Content-Security-Policy forbids both, so even a
 * paper served from elsewhere cannot be made to run anything). Every text is escaped here; the
 * layout's text is raw. RAG cells are shaded and say their RAG in words.
 */
export function boardPaperHtml(layout: BoardPaperLayout): string {
  const paper = printableLayout(layout);
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(paper.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(paper.title)}</h1>`,
    detailsHtml(paper),
    '</header>',
    summaryHtml(paper),
    ...paper.sections.map(sectionHtml),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows it literally, in an element or inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function detailsHtml(paper: BoardPaperLayout): string {
  if (paper.details.length === 0) return '';
  const items = paper.details.map((d) => `<dt>${escapeHtml(d.label)}</dt><dd>${escapeHtml(d.value)}</dd>`);
  return `<dl class="details">${items.join('')}</dl>`;
}

function summaryHtml(paper: BoardPaperLayout): string {
  const rows = paper.summary.map((line) => `<tr><th scope="row"${ragClass(line.rag ?? null)}>${escapeHtml(line.label)}</th><td class="count">${String(line.count)}</td></tr>`);
  return [
    '<section class="summary">',
    '<h2>Summary</h2>',
    '<table class="counts"><thead><tr><th scope="col">Summary</th><th scope="col">Count</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function sectionHtml(section: BoardPaperSection): string {
  const note = section.note === undefined || section.note === '' ? '' : `<p class="note">${escapeHtml(section.note)}</p>`;
  return ['<section>', `<h2>${escapeHtml(section.heading)}</h2>`, note, tableHtml(section), '</section>'].filter((l) => l !== '').join('\n');
}

function tableHtml(section: BoardPaperSection): string {
  if (section.rows.length === 0) return '<p class="none">None.</p>';
  const ragIndex = section.columns.indexOf(RAG_COLUMN);
  const cols = columnShares(section.columns).map((share) => `<col style="width:${(share * 100).toFixed(2)}%">`);
  const head = section.columns.map((heading) => `<th scope="col">${escapeHtml(heading)}</th>`);
  const body = section.rows.map((row) => {
    const cells = row.cells.map((text, i) => `<td${i === ragIndex ? ragClass(row.rag) : ''}>${escapeHtml(text)}</td>`);
    return `<tr>${cells.join('')}</tr>`;
  });
  return [
    '<table class="paper">',
    `<colgroup>${cols.join('')}</colgroup>`,
    `<thead><tr>${head.join('')}</tr></thead>`,
    `<tbody>\n${body.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function ragClass(rag: Rag | null): string {
  return rag === null ? '' : ` class="rag rag-${rag}"`;
}

const RAG_CSS = RAG_ORDER.map((rag) => `.rag-${rag}{background:#${RAG_COLOURS[rag].fill};color:#${RAG_COLOURS[rag].text}}`).join('\n');

// Browsers repeat a table's <thead> on every printed page; colours print only when asked to.
const STYLE = `
@page{size:A4 landscape;margin:12mm}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;font-size:10pt;color:#000;background:#fff;margin:0 auto;padding:12px;max-width:297mm}
@media print{body{padding:0;max-width:none}}
h1{font-size:16pt;margin:0 0 6pt}
h2{font-size:13pt;margin:14pt 0 4pt;break-after:avoid}
.details{display:grid;grid-template-columns:max-content 1fr;gap:2pt 12pt;margin:0 0 8pt}
.details dt{font-weight:bold}
.details dd{margin:0}
table{border-collapse:collapse;width:100%}
table.counts{width:auto;min-width:40%}
thead{display:table-header-group}
tr{break-inside:avoid}
th,td{border:1px solid #595959;padding:3pt 4pt;text-align:left;vertical-align:top;white-space:pre-line;overflow-wrap:break-word;hyphens:auto}
table.paper{table-layout:fixed;font-size:9pt}
thead th{background:#d9d9d9}
td.count{text-align:right}
.rag{font-weight:bold}
${RAG_CSS}
.note{font-style:italic;margin:0 0 4pt}
.none{margin:0}
`;
