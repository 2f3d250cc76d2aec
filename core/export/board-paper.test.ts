import { describe, expect, it } from 'vitest';
import { dueOn, revisedTo, TODAY, tree, update } from '../../test/support/view-fixtures.js';
import { BOARD_PAPER_COLUMNS, boardPaperRows } from './board-paper.js';
import type { BoardPaperSection } from './board-paper-layout.js';

const PLAN = tree([
  { number: '1', actions: [
    { id: 'a1', ref: 'a', text: 'Audit care plans', ...dueOn('2025-03-31', 'Mar-25'), ...revisedTo('2025-06-30'), status: 'in-progress', rag: 'amber', evidence: 'Audit report', measurement: 'Quarterly audit', reportedTo: 'Quality Committee' },
    { id: 'a2', ref: 'b', text: '=HYPERLINK("http://evil","x")', ...dueOn('2025-01-31', 'Jan-25'), status: 'not-started', rag: 'red', leadText: '-Ward Manager' },
  ] },
  { number: '2', actions: [{ id: 'a3', ref: null, text: 'Share learning', ...dueOn(null, ''), status: 'complete', rag: 'green', leadText: null, leads: ['Medical Director', 'Head of Nursing'] }] },
], { title: '@Review of care', references: ['StEIS 2025/101', 'SI 2025/7'] });

const UPDATES = [
  update('u1', 'a1', '2025-05-01T09:00:00.000Z', { note: 'Older note' }),
  update('u2', 'a1', '2025-06-02T09:00:00.000Z', { note: 'Half the wards audited' }),
  update('u3', 'a3', '2025-04-10T09:00:00.000Z', { note: '+ shared at the forum' }),
];

const layout = boardPaperRows(PLAN, UPDATES, TODAY);

function actions(): BoardPaperSection {
  const [section] = layout.sections;
  if (!section) throw new Error('no section');
  return section;
}

function column(name: (typeof BOARD_PAPER_COLUMNS)[number]): string[] {
  const index = BOARD_PAPER_COLUMNS.indexOf(name);
  return actions().rows.map((row) => row.cells[index] ?? '');
}

describe('boardPaperRows', () => {
  // Raw text: each writer makes it safe for its medium (spreadsheetLayout for XLSX; escaping for DOCX and HTML).
  it('gives the title block in the plan\'s own words, with the as-of date', () => {
    expect(layout.title).toBe('@Review of care');
    expect(layout.details).toEqual([
      { label: 'References', value: 'StEIS 2025/101; SI 2025/7' },
      { label: 'Owner', value: 'Director of Quality' },
      { label: 'As of', value: '16 Jun 2025' },
    ]);
  });

  it('counts actions, overdue, RAG and status', () => {
    expect(layout.summary).toEqual([
      { label: 'Actions', count: 3 },
      { label: 'Overdue', count: 1 },
      { label: 'RAG: Red', count: 1, rag: 'red' },
      { label: 'RAG: Amber', count: 1, rag: 'amber' },
      { label: 'RAG: Green', count: 1, rag: 'green' },
      { label: 'RAG: Blue', count: 0, rag: 'blue' },
      { label: 'Status: Not started', count: 1 },
      { label: 'Status: In progress', count: 1 },
      { label: 'Status: Complete', count: 1 },
    ]);
  });

  it.each([
    ['Ref', ['1 a', '1 b', '2']],
    ['Recommendation', ['Recommendation 1', 'Recommendation 1', 'Recommendation 2']],
    ['Action', ['Audit care plans', '=HYPERLINK("http://evil","x")', 'Share learning']],
    ['Lead', ['Head of Nursing', '-Ward Manager', 'Medical Director; Head of Nursing']],
    ['Due date', ['Mar-25 (revised to 30 Jun 2025: Waiting on the audit team)', 'Jan-25', '']],
    ['Progress', ['2 Jun 2025: Half the wards audited', '', '10 Apr 2025: + shared at the forum']],
    ['Status', ['In progress', 'Not started', 'Complete']],
    ['RAG', ['Amber', 'Red', 'Green']],
    ['Evidence', ['Audit report', '', '']],
    ['How measured', ['Quarterly audit', '', '']],
    ['Reported to', ['Quality Committee', '', '']],
  ] as const)('lays out the %s column in plan order', (name, expected) => {
    expect(column(name)).toEqual(expected);
  });

  it('keeps each row\'s RAG for colouring', () => {
    expect(actions().rows.map((row) => row.rag)).toEqual(['amber', 'red', 'green']);
  });

  it('is one "Actions" section with the plan columns', () => {
    expect(layout.sections.map((s) => [s.heading, s.columns, s.note])).toEqual([['Actions', BOARD_PAPER_COLUMNS, undefined]]);
  });
});
