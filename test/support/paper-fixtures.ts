import type { BoardPaperLayout } from '../../core/export/board-paper-layout.js';

/** What a hostile hand might type into a plan: formulas for spreadsheets, markup for documents. */
export const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example","Click")',
  plus: '+1',
  minus: '-1',
  at: '@SUM(A1)',
  markup: '<script>alert("x")</script> & \'quoted\' <b>bold</b>',
} as const;

/**
 * A meeting-like paper: several sections, a note, a RAG cell left empty for the writer to label,
 * an empty section, a line break, a vertical tab (XML cannot hold one) and hostile text everywhere.
 */
export function hostilePaper(): BoardPaperLayout {
  return {
    title: `${HOSTILE.markup} review`,
    details: [{ label: 'References', value: HOSTILE.formula }, { label: 'As of', value: '20 Jun 2025' }],
    summary: [{ label: 'Actions', count: 3 }, { label: 'RAG: Red', count: 1, rag: 'red' }, { label: HOSTILE.at, count: 0 }],
    sections: [
      {
        heading: 'Overdue',
        note: `Since the meeting of 12 May 2025 ${HOSTILE.markup}`,
        columns: ['Ref', 'Action', 'Lead', 'RAG'],
        rows: [
          { cells: ['1 a', HOSTILE.formula, HOSTILE.plus, ''], rag: 'red' },
          { cells: ['1 b', `${HOSTILE.minus}\nsecond line`, HOSTILE.markup, 'Amber'], rag: 'amber' },
        ],
      },
      { heading: 'Decisions', columns: ['Decision', 'By'], rows: [{ cells: [HOSTILE.at, 'Chair\u000B of the committee'], rag: null }] },
      { heading: 'Escalated', columns: ['Ref', 'Action'], rows: [] },
    ],
  };
}
