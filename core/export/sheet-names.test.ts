import { describe, expect, it } from 'vitest';
import { sheetNames } from './sheet-names.js';

describe('sheetNames', () => {
  it.each([
    [['Actions'], ['Actions']],
    [['Changed since the last meeting', 'Overdue', 'Escalated', 'Awaiting assurance', 'Decisions', 'Measures'], ['Changed since the last meeting', 'Overdue', 'Escalated', 'Awaiting assurance', 'Decisions', 'Measures']],
    [['Actions and measures reported to the Quality Committee'], ['Actions and measures reported t']],
    [['Q1/Q2: [draft]?*'], ['Q1 Q2 draft']],
    [["'Quoted'"], ['Quoted']],
    [['', '   '], ['Table', 'Table (2)']],
    [['Summary'], ['Summary (2)']],
    [['History'], ['History (2)']],
    [['Overdue', 'overdue', 'OVERDUE'], ['Overdue', 'overdue (2)', 'OVERDUE (3)']],
    [['Actions and measures reported to the Quality Committee', 'Actions and measures reported to the Board'], ['Actions and measures reported t', 'Actions and measures report (2)']],
  ])('%j → %j', (headings, expected) => {
    const names = sheetNames(headings, ['Summary']);
    expect(names).toEqual(expected);
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });
});
