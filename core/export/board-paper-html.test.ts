import { describe, expect, it } from 'vitest';
import { HOSTILE, hostilePaper } from '../../test/support/paper-fixtures.js';
import { dueOn, TODAY, tree } from '../../test/support/view-fixtures.js';
import { BOARD_PAPER_COLUMNS, boardPaperRows } from './board-paper.js';
import { boardPaperHtml, escapeHtml } from './board-paper-html.js';

const html = boardPaperHtml(hostilePaper());
const body = html.slice(html.indexOf('<body>'));

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** Each table row's cells, as a reader would see their text. */
function rowsOf(fragment: string): string[][] {
  return [...fragment.matchAll(/<tr>(.*?)<\/tr>/gs)].map(([, row]) => [...(row ?? '').matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map(([, cell]) => decode(cell ?? '')));
}

function sectionOf(heading: string): string {
  const start = body.indexOf(`<h2>${heading}</h2>`);
  expect(start).toBeGreaterThan(-1);
  return body.slice(start, body.indexOf('</section>', start));
}

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['"double" \'single\'', '&quot;double&quot; &#39;single&#39;'],
    ['&amp; already', '&amp;amp; already'],
    ['plain', 'plain'],
  ])('%j → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('boardPaperHtml', () => {
  it('is one self-contained page to print in A4 landscape: no script, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('@page{size:A4 landscape;');
    expect(html).toMatch(/print-color-adjust:exact/);
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|url\(|@import/i);
  });

  it('has no element but its own: hostile text is shown, never parsed', () => {
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map(([, tag]) => tag));
    expect([...tags].sort()).toEqual(['body', 'col', 'colgroup', 'dd', 'dl', 'dt', 'h1', 'h2', 'head', 'header', 'html', 'meta', 'p', 'section', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'title', 'tr']);
    expect(html).not.toContain(HOSTILE.markup);
    expect(html).toContain(`<title>${escapeHtml(HOSTILE.markup)} review</title>`);
    expect(html).toContain(`<h1>${escapeHtml(HOSTILE.markup)} review</h1>`);
  });

  it('shows the plan\'s own words, not formula-neutralised: a page evaluates nothing', () => {
    expect(decode(body)).toContain(`<dt>References</dt><dd>${HOSTILE.formula}</dd>`);
    expect(rowsOf(sectionOf('Overdue'))).toEqual([
      ['Ref', 'Action', 'Lead', 'RAG'],
      ['1 a', HOSTILE.formula, HOSTILE.plus, 'Red'],
      ['1 b', `${HOSTILE.minus}\nsecond line`, HOSTILE.markup, 'Amber'],
    ]);
    expect(rowsOf(sectionOf('Decisions'))).toEqual([['Decision', 'By'], [HOSTILE.at, 'Chair of the committee']]);
  });

  it('shades each RAG cell and says its RAG in words, in the table and the summary', () => {
    expect(sectionOf('Overdue')).toContain('<td class="rag rag-red">Red</td>');
    expect(sectionOf('Overdue')).toContain('<td class="rag rag-amber">Amber</td>');
    expect(body).toContain('<th scope="row" class="rag rag-red">RAG: Red</th><td class="count">1</td>');
    expect(html).toContain('.rag-red{background:#C00000;color:#FFFFFF}');
    expect(html).toContain('.rag-amber{background:#FFC000;color:#000000}');
  });

  it('gives each section its heading, note and a header row that repeats on each printed page', () => {
    expect([...body.matchAll(/<h2>(.*?)<\/h2>/g)].map(([, h]) => h)).toEqual(['Summary', 'Overdue', 'Decisions', 'Escalated']);
    expect(sectionOf('Overdue')).toContain(`<p class="note">Since the meeting of 12 May 2025 ${escapeHtml(HOSTILE.markup)}</p>`);
    expect(sectionOf('Overdue')).toContain('<thead><tr><th scope="col">Ref</th>');
    expect(html).toContain('thead{display:table-header-group}');
    expect(sectionOf('Escalated')).toContain('<p class="none">None.</p>');
  });

  it('lays a plan out as one "Actions" table with the plan columns, widths summing to the page', () => {
    const plan = tree([{ number: '1', actions: [{ id: 'a1', ref: 'a', text: 'Audit care plans', ...dueOn('2025-09-30'), rag: 'green' }] }]);
    const page = boardPaperHtml(boardPaperRows(plan, [], TODAY));
    const actions = page.slice(page.indexOf('<h2>Actions</h2>'));
    expect(rowsOf(actions)[0]).toEqual([...BOARD_PAPER_COLUMNS]);
    expect(actions).toContain('<td class="rag rag-green">Green</td>');
    const widths = [...actions.matchAll(/<col style="width:([\d.]+)%">/g)].map(([, w]) => Number(w));
    expect(widths).toHaveLength(BOARD_PAPER_COLUMNS.length);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  });
});
