import { describe, expect, it } from 'vitest';
import { hostilePaper } from '../../test/support/paper-fixtures.js';
import { cellText, mapLayoutText, rowCount } from './board-paper-layout.js';

describe('the board paper layout', () => {
  const paper = hostilePaper();
  const [overdue] = paper.sections;

  it('labels an empty RAG cell with its RAG in words, and leaves a written one and other cells alone', () => {
    if (!overdue) throw new Error('no section');
    const [first, second] = overdue.rows;
    if (!first || !second) throw new Error('no rows');
    expect([cellText(overdue, first, 3), cellText(overdue, second, 3), cellText(overdue, first, 2)]).toEqual(['Red', 'Amber', '+1']);
  });

  it('changes every text (title, details, summary labels, headings, notes, columns, cells) and no number or RAG', () => {
    const marked = mapLayoutText(paper, (text) => `[${text}]`);
    const texts = [
      marked.title,
      ...marked.details.flatMap((d) => [d.label, d.value]),
      ...marked.summary.map((s) => s.label),
      ...marked.sections.flatMap((s) => [s.heading, ...(s.note === undefined ? [] : [s.note]), ...s.columns, ...s.rows.flatMap((r) => r.cells)]),
    ];
    expect(texts.filter((t) => !(t.startsWith('[') && t.endsWith(']')))).toEqual([]);
    // title 1, details 4, summary 3, Overdue 1 + 1 + 4 + 8, Decisions 1 + 2 + 2, Escalated 1 + 2
    expect(texts).toHaveLength(30);
    expect(marked.summary.map((s) => [s.count, s.rag])).toEqual(paper.summary.map((s) => [s.count, s.rag]));
    expect(marked.sections.flatMap((s) => s.rows.map((r) => r.rag))).toEqual(['red', 'amber', null]);
    expect(marked.sections[1]?.note).toBeUndefined();
  });

  it('gives every row exactly one cell per column', () => {
    const ragged = { ...paper, sections: [{ heading: 'A', columns: ['x', 'y'], rows: [{ cells: ['1'], rag: null }, { cells: ['1', '2', '3'], rag: null }] }] };
    expect(mapLayoutText(ragged, (t) => t).sections[0]?.rows.map((r) => r.cells)).toEqual([['1', ''], ['1', '2']]);
  });

  it('counts the rows of every section', () => {
    expect(rowCount(paper)).toBe(3);
  });
});
