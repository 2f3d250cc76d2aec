import { describe, expect, it } from 'vitest';
import { anAction } from '../test-fixtures.js';
import { daysLabel, dueInfo } from './due.js';

const TODAY = '2025-09-23';

describe('dueInfo', () => {
  it.each([
    ['2025-09-20', 'Overdue by 3 days', 'overdue', -3],
    ['2025-09-22', 'Overdue by 1 day', 'overdue', -1],
    ['2025-09-23', 'Due today', 'today', 0],
    ['2025-09-24', 'Due in 1 day', 'soon', 1],
    ['2025-09-30', 'Due in 7 days', 'soon', 7],
    ['2025-10-01', 'Due in 8 days', 'later', 8],
    // Across the clocks going back: whole calendar days, not 24-hour periods.
    ['2025-10-27', 'Due in 34 days', 'later', 34],
    ['2024-09-23', 'Overdue by 365 days', 'overdue', -365],
  ])('due %s reads "%s"', (date, label, tone, days) => {
    const due = dueInfo(anAction({ due: { text: date, date, precision: 'day' } }), TODAY);
    expect(due).toMatchObject({ date, label, tone, days });
  });

  it('works to the latest revised date and says so in the wording', () => {
    const action = anAction({
      due: { text: 'Sep-25', date: '2025-09-30', precision: 'month' },
      revisions: [{ date: '2025-12-31', reason: 'Waiting for the new system', at: null, by: null }],
    });
    const due = dueInfo(action, TODAY);
    expect(due.label).toBe('Due in 99 days');
    expect(due.wording).toBe('Plan says “Sep-25” (30 Sep 2025); moved to 31 Dec 2025: Waiting for the new system');
  });

  it('keeps the plan’s wording as written', () => {
    expect(dueInfo(anAction({ due: { text: 'Q1 25/26', date: '2025-06-30', precision: 'quarter' } }), TODAY).wording).toBe('Plan says “Q1 25/26” (30 Jun 2025)');
  });

  it('never calls a closed action overdue', () => {
    const due = dueInfo(anAction({ status: 'complete', due: { text: '01/01/2025', date: '2025-01-01', precision: 'day' } }), TODAY);
    expect(due).toMatchObject({ tone: 'closed', label: 'Due 1 Jan 2025' });
  });

  it.each([
    [null, 'No due date', 'The plan gives no due date'],
    [{ text: 'Ongoing', date: null, precision: 'ongoing' as const, ongoing: true }, 'Ongoing', 'Plan says “Ongoing”'],
    [{ text: '31 September 2020', date: null, precision: 'none' as const, problem: 'no such day' }, 'No due date', 'Plan says “31 September 2020”'],
  ])('without a usable date (%j)', (due, label, wording) => {
    expect(dueInfo(anAction({ due }), TODAY)).toMatchObject({ date: null, days: null, tone: 'none', label, wording });
  });
});

describe('daysLabel', () => {
  it.each([
    [-2, 'Overdue by 2 days'],
    [0, 'Due today'],
    [5, 'Due in 5 days'],
  ])('%i days reads "%s"', (days, label) => {
    expect(daysLabel(days)).toBe(label);
  });
});
