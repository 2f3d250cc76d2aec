import { describe, expect, it } from 'vitest';
import type { PlanView } from '../../../core/views/tab-api.js';
import { anUpdate, aRecommendation, aRow } from '../test-fixtures.js';
import { type ActionFilters, applyFilters, filterChoices, groupByRecommendation, isUnfiltered, NO_FILTERS, prepareRows } from './filter-actions.js';

const TODAY = '2025-09-23';
const due = (date: string | null) => (date === null ? null : { text: date, date, precision: 'day' as const });

const VIEW: Pick<PlanView, 'recommendations' | 'today'> = {
  today: TODAY,
  recommendations: [
    aRecommendation('rec-1', '1', [
      aRow({ id: '1a', ref: 'a', text: 'Audit caseloads', leads: ['Head of Nursing'], due: due('2025-09-10'), status: 'in-progress' }, anUpdate({ note: 'Sample drawn from Team North' })),
      aRow({ id: '1b', ref: 'b', text: 'Add a prompt to the record', leads: ['Clinical Director'], due: due('2025-09-30'), status: 'not-started' }),
    ], { organisation: 'Trust A' }),
    aRecommendation('rec-2', '2', [
      aRow({ id: '2a', ref: 'a', text: 'Publish guidance', leads: ['Head of Nursing', 'Clinical Director'], due: null, status: 'blocked' }),
      aRow({ id: '2b', ref: 'b', text: 'Share learning', leads: [], due: due('2025-08-01'), status: 'complete' }),
      aRow({ id: '2c', ref: 'c', text: 'Train team leaders', leads: ['Head of Nursing'], due: due('2025-12-01'), status: 'in-progress' }),
    ], { organisation: 'Trust B' }),
    aRecommendation('rec-3', '3', []),
  ],
};

const ROWS = prepareRows(VIEW);
const ids = (filters: Partial<ActionFilters>): string[] => applyFilters(ROWS, { ...NO_FILTERS, ...filters }).map((row) => row.row.action.id);

describe('applyFilters', () => {
  it('shows every action in plan order by default', () => {
    expect(ids({})).toEqual(['1a', '1b', '2a', '2b', '2c']);
  });

  it.each<[string, Partial<ActionFilters>, string[]]>([
    ['overdue only (a complete action is never overdue)', { overdueOnly: true }, ['1a']],
    ['one status', { status: 'blocked' }, ['2a']],
    ['open actions', { status: 'open' }, ['1a', '1b', '2a', '2c']],
    ['due within 7 days, overdue included', { withinDays: 7 }, ['1a', '1b']],
    ['due within 90 days', { withinDays: 90 }, ['1a', '1b', '2c']],
    ['a lead, also when shared', { lead: 'Clinical Director' }, ['1b', '2a']],
    ['an organisation', { organisation: 'Trust B' }, ['2a', '2b', '2c']],
    ['search in the text, any case', { search: 'GUIDANCE' }, ['2a']],
    ['search in the last note', { search: 'team north' }, ['1a']],
    ['search in leads', { search: 'clinical' }, ['1b', '2a']],
    ['search by label', { search: '2c' }, ['2c']],
    ['search: every word must match', { search: 'audit north' }, ['1a']],
    ['search: nothing matches', { search: 'audit guidance' }, []],
    ['filters combine', { lead: 'Head of Nursing', status: 'open', withinDays: 30 }, ['1a']],
  ])('%s', (_name, filters, expected) => {
    expect(ids(filters)).toEqual(expected);
  });

  it('sorts by due date, undated last', () => {
    expect(ids({ sort: 'due' })).toEqual(['2b', '1a', '1b', '2c', '2a']);
  });

  it('sorts by status, most in need of attention first, then by due date', () => {
    expect(ids({ sort: 'status' })).toEqual(['2a', '1b', '1a', '2c', '2b']);
  });

  it('does not reorder the prepared rows it was given', () => {
    ids({ sort: 'due' });
    expect(ROWS.map((row) => row.row.action.id)).toEqual(['1a', '1b', '2a', '2b', '2c']);
  });
});

describe('prepareRows', () => {
  it('labels actions by recommendation and ref, and works out their due state once', () => {
    expect(ROWS.map((row) => [row.label, row.due.label])).toEqual([
      ['1a', 'Overdue by 13 days'],
      ['1b', 'Due in 7 days'],
      ['2a', 'No due date'],
      ['2b', 'Due 1 Aug 2025'],
      ['2c', 'Due in 69 days'],
    ]);
  });
});

describe('filterChoices', () => {
  it('offers each lead and organisation once, sorted', () => {
    expect(filterChoices(ROWS)).toEqual({ leads: ['Clinical Director', 'Head of Nursing'], organisations: ['Trust A', 'Trust B'] });
  });
});

describe('groupByRecommendation', () => {
  it('groups filtered rows under their recommendations', () => {
    const groups = groupByRecommendation(applyFilters(ROWS, { ...NO_FILTERS, lead: 'Clinical Director' }));
    expect(groups.map((group) => [group.recommendation.id, group.rows.map((row) => row.row.action.id)])).toEqual([
      ['rec-1', ['1b']],
      ['rec-2', ['2a']],
    ]);
  });

  it('keeps recommendations without actions when given them all', () => {
    const groups = groupByRecommendation(ROWS, VIEW.recommendations);
    expect(groups.map((group) => [group.recommendation.id, group.rows.length])).toEqual([
      ['rec-1', 2],
      ['rec-2', 3],
      ['rec-3', 0],
    ]);
  });
});

describe('isUnfiltered', () => {
  it('is true for no filters whatever the sort, false for any filter', () => {
    expect(isUnfiltered({ ...NO_FILTERS, sort: 'due' })).toBe(true);
    expect(isUnfiltered({ ...NO_FILTERS, search: '  ' })).toBe(true);
    expect(isUnfiltered({ ...NO_FILTERS, overdueOnly: true })).toBe(false);
    expect(isUnfiltered({ ...NO_FILTERS, search: 'x' })).toBe(false);
  });
});
