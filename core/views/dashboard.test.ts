import { describe, expect, it } from 'vitest';
import type { PlanTree } from '../model/index.js';
import { conforms, dueOn, revisedTo, TODAY, tree, update } from '../../test/support/view-fixtures.js';
import { buildDashboard } from './dashboard.js';
import { Dashboard } from './tab-api.js';

function dashboard(planTree: PlanTree, updates: Parameters<typeof buildDashboard>[1] = [], soonDays?: number): Dashboard {
  return conforms(Dashboard, buildDashboard(planTree, updates, TODAY, soonDays));
}

describe('buildDashboard: counts', () => {
  const TREE = tree([
    {
      number: '1',
      actions: [
        { id: 'x1', status: 'in-progress', rag: 'amber' },
        { id: 'x2', status: 'in-progress', rag: null },
        { id: 'x3', status: 'complete', rag: 'green' },
        { id: 'x4', status: 'assured', rag: 'blue' },
      ],
    },
    { number: '2', actions: [{ id: 'x5', status: 'not-applicable', rag: null }, { id: 'x6', status: 'blocked', rag: 'red' }] },
  ]);

  it('counts every status and RAG, 0 where there are none', () => {
    const result = dashboard(TREE);
    expect(result.total).toBe(6);
    expect(result.byStatus).toEqual({ 'not-started': 0, 'in-progress': 2, blocked: 1, complete: 1, assured: 1, 'not-applicable': 1, unknown: 0 });
    expect(result.byRag).toEqual({ red: 1, amber: 1, green: 1, blue: 1, none: 2 });
  });

  it('has the plan’s headline and today', () => {
    const result = dashboard(TREE);
    expect(result.plan).toEqual({ id: 'plan-1', title: 'Review of care', references: ['StEIS 2025/101'], owner: 'Director of Quality', status: 'active' });
    expect(result.today).toBe(TODAY);
  });

  it('gives an empty plan zeros everywhere and one completion point', () => {
    const result = dashboard(tree([]));
    expect(result.total).toBe(0);
    expect(Object.values(result.byStatus).every((n) => n === 0)).toBe(true);
    expect(result.byRag).toEqual({ red: 0, amber: 0, green: 0, blue: 0, none: 0 });
    expect([result.byOrganisation, result.byLead, result.overdue, result.dueSoon]).toEqual([[], [], [], []]);
    expect(result.completion).toEqual([{ date: TODAY, complete: 0, total: 0 }]);
  });
});

describe('buildDashboard: overdue and due soon', () => {
  // Today is 2025-06-16.
  const TREE = tree([
    {
      number: '1',
      actions: [
        { id: 'late-6', ref: 'a', ...dueOn('2025-06-10', '10/06/2025') },
        { id: 'late-1', ref: 'b', ...dueOn('2025-06-15') },
        { id: 'today', ref: 'c', ...dueOn('2025-06-16') },
        { id: 'in-14', ref: 'd', ...dueOn('2025-06-30', 'Jun-25') },
        { id: 'in-15', ref: 'e', ...dueOn('2025-07-01') },
      ],
    },
    {
      number: null,
      actions: [
        { id: 'revised-later', ref: 'a', ...dueOn('2025-05-01'), ...revisedTo('2025-06-20') },
        { id: 'revised-earlier', ref: 'b', ...dueOn('2025-07-31'), ...revisedTo('2025-06-01') },
      ],
    },
    {
      number: '3',
      actions: [
        { id: 'done-late', ref: null, status: 'complete', ...dueOn('2025-05-01') },
        { id: 'na-late', ref: null, status: 'not-applicable', ...dueOn('2025-05-01') },
        { id: 'undated', ref: null, ...dueOn(null, 'Ongoing') },
        { id: 'blocked-late', ref: null, status: 'blocked', ...dueOn('2025-06-13') },
      ],
    },
  ]);

  it('lists open actions past their effective due date, most overdue first', () => {
    const items = dashboard(TREE).overdue.map((item) => [item.actionId, item.label, item.days, item.due]);
    expect(items).toEqual([
      ['revised-earlier', '– b', -15, '2025-06-01'],
      ['late-6', '1 a', -6, '2025-06-10'],
      ['blocked-late', '3', -3, '2025-06-13'],
      ['late-1', '1 b', -1, '2025-06-15'],
    ]);
  });

  it('lists actions due from today to today + soonDays inclusive, soonest first', () => {
    const items = dashboard(TREE).dueSoon.map((item) => [item.actionId, item.days, item.due]);
    expect(items).toEqual([
      ['today', 0, '2025-06-16'],
      ['revised-later', 4, '2025-06-20'],
      ['in-14', 14, '2025-06-30'],
    ]);
  });

  it('honours a shorter window', () => {
    expect(dashboard(TREE, [], 3).dueSoon.map((item) => item.actionId)).toEqual(['today']);
  });

  it('carries the text, leads and the due date as written', () => {
    const [item] = dashboard(TREE).dueSoon.filter((i) => i.actionId === 'in-14');
    expect(item).toEqual({ actionId: 'in-14', label: '1 d', text: 'Audit care plans', leads: ['Head of Nursing'], due: '2025-06-30', dueText: 'Jun-25', days: 14 });
  });
});

describe('buildDashboard: groups', () => {
  // Today is 2025-06-16: g1 and g5 are overdue, g6 is not yet due.
  const G1 = { id: 'g1', leads: ['Head of Nursing', 'Medical Director'], status: 'in-progress' as const, ...dueOn('2025-06-01') };
  const G2 = { id: 'g2', leads: ['HEAD OF NURSING.'], status: 'complete' as const };
  const G3 = { id: 'g3', leads: [], status: 'not-applicable' as const };
  const G4 = { id: 'g4', leads: ['Medical Director'], status: 'assured' as const };
  const G5 = { id: 'g5', leads: ['Ward Manager'], status: 'not-started' as const, ...dueOn('2025-06-02') };
  const G6 = { id: 'g6', leads: ['Medical Director', 'Medical Director'], status: 'blocked' as const, ...dueOn('2025-09-30') };

  it.each([
    ['one organisation on the plan fills in for the recommendation', ['Westmere Trust'], 'Westmere Trust'],
    ['several on the plan: not stated', ['Westmere Trust', 'Westmere ICB'], 'Not stated'],
    ['none on the plan: not stated', [], 'Not stated'],
  ])('byOrganisation, %s', (_case, organisations, unstated) => {
    const planTree = tree(
      [
        { number: '1', organisation: 'NHS England', actions: [G1, G2] },
        { number: '2', organisation: null, actions: [G3, G5] },
        { number: '3', organisation: '  ', actions: [G4] },
      ],
      { organisations },
    );
    // Equal overdue counts: by name.
    expect(dashboard(planTree).byOrganisation).toEqual([
      { name: 'NHS England', total: 2, open: 1, overdue: 1, complete: 1 },
      { name: unstated, total: 3, open: 1, overdue: 1, complete: 1 },
    ]);
  });

  it('byOrganisation puts the most overdue first', () => {
    const planTree = tree([
      { number: '1', organisation: 'Alpha', actions: [{ id: 'o1' }] },
      { number: '2', organisation: 'Zeta', actions: [{ id: 'o2', ...dueOn('2025-06-01') }] },
    ]);
    expect(dashboard(planTree).byOrganisation.map((group) => group.name)).toEqual(['Zeta', 'Alpha']);
  });

  it('byLead counts an action under each lead it names, once each, and folds how a lead is written', () => {
    const result = dashboard(tree([{ number: '1', actions: [G1, G2, G3, G4, G5, G6] }]));
    expect(result.byLead).toEqual([
      { name: 'Head of Nursing', total: 2, open: 1, overdue: 1, complete: 1 },
      { name: 'Medical Director', total: 3, open: 2, overdue: 1, complete: 1 },
      { name: 'Ward Manager', total: 1, open: 1, overdue: 1, complete: 0 },
      { name: 'No lead', total: 1, open: 0, overdue: 0, complete: 0 },
    ]);
  });
});

describe('buildDashboard: completion over time', () => {
  it.each([
    [
      'dated by the first update that set complete or assured',
      [{ id: 'c1', status: 'assured' as const }, { id: 'c2', status: 'complete' as const }, { id: 'open', status: 'in-progress' as const }],
      [
        update('u1', 'c1', '2025-03-01T09:00:00.000Z', { status: 'in-progress' }),
        update('u2', 'c1', '2025-03-10T09:00:00.000Z', { status: 'complete' }),
        update('u3', 'c1', '2025-04-02T09:00:00.000Z', { status: 'assured' }),
        update('u4', 'c2', '2025-05-05T16:00:00.000Z', { status: 'complete' }),
      ],
      [
        { date: '2025-03-10', complete: 1, total: 3 },
        { date: '2025-05-05', complete: 2, total: 3 },
        { date: TODAY, complete: 2, total: 3 },
      ],
    ],
    [
      'an update’s instant is read as a UTC date',
      [{ id: 'c1', status: 'complete' as const }],
      [update('u1', 'c1', '2025-03-10T23:30:00-02:00', { status: 'complete' })],
      [
        { date: '2025-03-11', complete: 1, total: 1 },
        { date: TODAY, complete: 1, total: 1 },
      ],
    ],
    [
      'dated by the plan’s completion date when no update says so',
      [
        { id: 'c1', status: 'complete' as const, completed: { text: 'Feb-25', date: '2025-02-28', precision: 'month' as const } },
        { id: 'c2', status: 'complete' as const, completed: { text: '03/04/2025', date: '2025-04-03', precision: 'day' as const } },
      ],
      [update('u1', 'c2', '2025-03-20T09:00:00.000Z', { status: 'complete' })],
      [
        { date: '2025-02-28', complete: 1, total: 2 },
        { date: '2025-03-20', complete: 2, total: 2 },
        { date: TODAY, complete: 2, total: 2 },
      ],
    ],
    [
      'complete with no date anywhere: out of the series',
      [
        { id: 'c1', status: 'complete' as const, completed: { text: 'Complete', date: null, precision: 'none' as const, complete: true } },
        { id: 'c2', status: 'complete' as const, completed: { text: '01/06/2025', date: '2025-06-01', precision: 'day' as const } },
      ],
      [],
      [
        { date: '2025-06-01', complete: 1, total: 2 },
        { date: TODAY, complete: 1, total: 2 },
      ],
    ],
    [
      'reopened after an update set it complete: not counted',
      [{ id: 'c1', status: 'in-progress' as const }],
      [update('u1', 'c1', '2025-03-10T09:00:00.000Z', { status: 'complete' }), update('u2', 'c1', '2025-03-12T09:00:00.000Z', { status: 'in-progress' })],
      [{ date: TODAY, complete: 0, total: 1 }],
    ],
    [
      'two on one day make one point; a change today is the final point',
      [{ id: 'c1', status: 'complete' as const }, { id: 'c2', status: 'complete' as const }, { id: 'c3', status: 'complete' as const }],
      [
        update('u1', 'c1', '2025-04-01T08:00:00.000Z', { status: 'complete' }),
        update('u2', 'c2', '2025-04-01T15:00:00.000Z', { status: 'complete' }),
        update('u3', 'c3', `${TODAY}T10:00:00.000Z`, { status: 'complete' }),
      ],
      [
        { date: '2025-04-01', complete: 2, total: 3 },
        { date: TODAY, complete: 3, total: 3 },
      ],
    ],
    [
      'a completion period ending after today counts as done by today',
      [{ id: 'c1', status: 'complete' as const, completed: { text: 'June 2025', date: '2025-06-30', precision: 'month' as const } }],
      [],
      [{ date: TODAY, complete: 1, total: 1 }],
    ],
  ])('%s', (_case, actions, updates, expected) => {
    const result = dashboard(tree([{ number: '1', actions }]), updates);
    expect(result.completion).toEqual(expected);
  });

  it('keeps a complete action without a date in the totals', () => {
    const result = dashboard(tree([{ number: '1', actions: [{ id: 'c1', status: 'complete', completed: null }] }]));
    expect([result.byStatus.complete, result.byLead[0]?.complete, result.completion]).toEqual([1, 1, [{ date: TODAY, complete: 0, total: 1 }]]);
  });
});
