import { describe, expect, it } from 'vitest';
import { parseCommand, matchesRef } from '../../core/chat/parse-command.js';
import { actionLabel, actionTitle, dueState, leadsText, oneLine, parsedDue, shorten, statusLabel, ukDate } from './card-text.js';

describe('shorten', () => {
  it('keeps a text that fits, trimmed', () => {
    expect(shorten('  Audit care plans  ', 20)).toEqual({ text: 'Audit care plans', shortened: false });
  });

  it('cuts at a word near the end, ends with an ellipsis and stays within the limit', () => {
    const result = shorten('The Trust will provide training to staff on medicines management', 40);
    expect(result.shortened).toBe(true);
    expect(result.text).toBe('The Trust will provide training to…');
    expect(Array.from(result.text).length).toBeLessThanOrEqual(40);
  });

  it('cuts inside a word when there is no space near the end', () => {
    const result = shorten('a'.repeat(100), 10);
    expect(result.text).toBe(`${'a'.repeat(9)}…`);
  });

  it('counts characters, not UTF-16 units, so an emoji is never split', () => {
    const result = shorten('😀'.repeat(20), 5);
    expect(result.text).toBe('😀😀😀😀…');
  });

  it('oneLine folds new lines', () => {
    expect(oneLine('Line one\n\nline   two', 100)).toBe('Line one line two');
  });
});

describe('dates', () => {
  it.each([
    ['2025-09-30', '30 Sep 2025'],
    ['2026-01-01', '1 Jan 2026'],
    ['2024-12-09', '9 Dec 2024'],
    ['Sep-25', 'Sep-25'],
    ['2025-13-01', '2025-13-01'],
  ])('ukDate(%s) is %s', (iso, shown) => {
    expect(ukDate(iso)).toBe(shown);
  });

  it.each([
    ['2025-09-30', 'Due in 7 days', 'soon'],
    ['2025-10-23', 'Due in 30 days', 'later'],
    ['2025-09-24', 'Due tomorrow', 'soon'],
    ['2025-09-23', 'Due today', 'today'],
    ['2025-09-22', '1 day overdue', 'overdue'],
    ['2025-09-11', '12 days overdue', 'overdue'],
  ])('due %s seen on 23 Sep 2025: %s', (date, label, tone) => {
    expect(dueState(date, '2025-09-23')).toMatchObject({ date, label, tone });
  });

  it('counts across the clock change as whole days', () => {
    expect(dueState('2025-10-27', '2025-10-25').label).toBe('Due in 2 days');
  });

  it('says when there is no date, or the work is ongoing', () => {
    expect(dueState(null, '2025-09-23')).toMatchObject({ label: 'No due date', tone: 'none', days: null });
    expect(dueState(null, '2025-09-23', true).label).toBe('Ongoing (no fixed date)');
  });

  it('explains what a fuzzy date was read as', () => {
    expect(parsedDue({ text: 'Sep-25', date: '2025-09-30', precision: 'month' })).toBe('30 Sep 2025 (end of the month named)');
    expect(parsedDue({ text: 'Q1 25/26', date: '2025-06-30', precision: 'quarter' })).toBe('30 Jun 2025 (end of the quarter named)');
    expect(parsedDue({ text: '14/03/2025', date: '2025-03-14', precision: 'day' })).toBe('14 Mar 2025');
    expect(parsedDue({ text: '31 September 2020', date: null, precision: 'none', problem: '31 September does not exist' })).toBe('Not a date we can use: 31 September does not exist');
    expect(parsedDue({ text: 'Ongoing', date: null, precision: 'ongoing', ongoing: true })).toBe('Ongoing (no fixed date)');
    expect(parsedDue(null)).toBe('None given');
  });
});

describe('labels', () => {
  it.each([
    ['2', 'b)', '2b'],
    ['2', '(b)', '2b'],
    ['R3', 'a', 'R3a'],
    ['4.', null, '4'],
    ['4.', '•', '4'],
    ['3', '1', '3.1'],
    ['3', '3.1', '3.1'],
    ['3', '3b', '3b'],
    ['12', 'ii', '12ii'],
    [null, 'a', 'a'],
    [null, null, ''],
  ])('recommendation %s, action %s → %s', (number, ref, label) => {
    expect(actionLabel(number, ref)).toBe(label);
  });

  it.each([
    ['2', 'b)'],
    ['R3', 'a'],
    ['4.', null],
    ['12', 'ii'],
  ])('the label of %s/%s is what "snooze" understands for that action', (number, ref) => {
    const command = parseCommand(`snooze ${actionLabel(number, ref)} 7`);
    expect(command.kind).toBe('snooze');
    if (command.kind === 'snooze') expect(matchesRef(command.ref, number, ref)).toBe(true);
  });

  it('titles an unnumbered action plainly', () => {
    expect(actionTitle('2', 'b')).toBe('Action 2b');
    expect(actionTitle(null, null)).toBe('This action');
  });

  it('names statuses and leads in plain words', () => {
    expect(statusLabel('not-started')).toBe('Not started');
    expect(statusLabel('unknown')).toBe('Not known');
    expect(leadsText(['Deputy Medical Director', ' Head of Nursing '])).toBe('Deputy Medical Director; Head of Nursing');
    expect(leadsText([])).toBe('No lead role named');
  });
});
