import { describe, expect, it } from 'vitest';
import type { SourceRow } from './source.js';
import { readTextLayout } from './text-layout.js';

describe('readTextLayout', () => {
  it('reads one row per line after a tab-separated header, text before it as paragraphs', () => {
    const text = 'My plan\n\nNo\tRecommendation\tAction\tLead\n1\tDo it\tAct\tBoss\n\n\tmore\t\t\nloose words';
    expect(readTextLayout(text, 'x').blocks).toEqual([
      { kind: 'paragraph', line: 1, text: 'My plan' },
      { kind: 'row', line: 3, cells: ['No', 'Recommendation', 'Action', 'Lead'], fidelity: 'exact' },
      { kind: 'row', line: 4, cells: ['1', 'Do it', 'Act', 'Boss'], fidelity: 'loose' },
      { kind: 'row', line: 6, cells: ['', 'more', '', ''], fidelity: 'loose' },
      { kind: 'paragraph', line: 7, text: 'loose words' },
    ]);
  });

  it('reads one cell per line: a tab at the start of a line opens a cell, other tabs are spaces', () => {
    const text = 'Title\n\tRecommendation\n\n\tAction\n\tLead\n\t1. First\t\nquote\n\ta) do\n\tBoss\n\t\n\tb) also\n\tDeputy';
    const rows = readTextLayout(text, 'x').blocks.filter((b): b is SourceRow => b.kind === 'row');
    expect(rows.map((r) => [r.line, r.cells, r.fidelity])).toEqual([
      [2, ['Recommendation', 'Action', 'Lead'], 'exact'],
      [6, ['1. First \nquote', 'a) do', 'Boss'], 'exact'],
      [10, ['', 'b) also', 'Deputy'], 'exact'],
    ]);
  });

  it('passes over a header repeated on a new page in the cell-per-line layout', () => {
    const text = '\tRecommendation\n\tAction\n\tLead\n\t1. A\n\ta) x\n\tBoss\n\tRecommendation\n\tAction\n\tLead\n\t2. B\n\ta) y\n\tBoss';
    const rows = readTextLayout(text, 'x').blocks.filter((b): b is SourceRow => b.kind === 'row').map((r) => r.cells[0]);
    expect(rows).toEqual(['Recommendation', '1. A', 'Recommendation', '2. B']);
  });

  it('returns only paragraphs when there is no header', () => {
    expect(readTextLayout('just\nsome text', 'x').blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });
});
