import { describe, expect, it } from 'vitest';
import { type Role, roleKey } from '../model/index.js';
import { type ActionSpec, conforms, dueOn, revisedTo, TODAY, tree, update, type RecommendationSpec } from '../../test/support/view-fixtures.js';
import { checkPlan, type IntegrityInput } from './integrity.js';
import { type IntegrityCode, IntegrityReport } from './integrity-report.js';

function role(name: string, holders: string[], deputies: string[] = []): Role {
  const person = (id: string) => ({ aadObjectId: id, displayName: `Name of ${id}` });
  return { id: `role-${roleKey(name)}`, name, key: roleKey(name), holders: holders.map(person), deputies: deputies.map(person) };
}

const ROLES = [role('Head of Nursing', ['lead-1'], ['dep-1']), role('Ward Manager', [], ['dep-2']), role('Vacant Post', [])];

/** An action with nothing wrong with it, as of TODAY (2025-06-16). */
const CLEAN: Omit<ActionSpec, 'id'> = { leads: ['Head of Nursing'], ...dueOn('2025-06-30'), status: 'in-progress', evidence: null };

function check(recs: RecommendationSpec[], over: Partial<IntegrityInput> = {}): IntegrityReport {
  return conforms(IntegrityReport, checkPlan({ tree: tree(recs), updates: [], roles: ROLES, similar: [], today: TODAY, ...over }));
}

/** code, severity and message of each finding, for one action under test. */
function findingsFor(spec: Record<string, unknown>, over: Partial<IntegrityInput> = {}): [IntegrityCode, string, string][] {
  return check([{ number: '2', actions: [{ id: 'x1', ref: 'b', ...CLEAN, ...spec }] }], over).findings.map((f) => [f.code, f.severity, f.message]);
}

describe('checkPlan: a clean plan', () => {
  it('finds nothing and counts zero', () => {
    const report = check([{ number: '1', actions: [{ id: 'x1', ...CLEAN }] }]);
    expect(report).toEqual({ planId: 'plan-1', checkedOn: TODAY, findings: [], counts: { errors: 0, warnings: 0 } });
  });
});

describe('checkPlan: one rule each', () => {
  it.each<[string, Record<string, unknown>, [IntegrityCode, string, string][]]>([
    ['no lead', { leads: [] }, [['action-without-lead', 'error', 'Action 2 b: no lead role is named.']]],
    ['no lead on a closed action', { leads: [], status: 'not-applicable' }, [['action-without-lead', 'warning', 'Action 2 b: no lead role is named.']]],
    ['a lead no role maps to', { leads: ['Chief Widget Officer'] }, [['lead-role-unheld', 'error', 'Action 2 b: the lead role "Chief Widget Officer" is not given to anyone in Followthrough.']]],
    ['a lead role with nobody in it', { leads: ['Vacant Post'] }, [['lead-role-unheld', 'error', 'Action 2 b: nobody holds the lead role "Vacant Post".']]],
    ['a lead role held by deputies only', { leads: ['ward manager'] }, [['lead-role-unheld', 'warning', 'Action 2 b: the lead role "ward manager" is held by deputies only.']]],
    ['one good lead and one unheld', { leads: ['Head of Nursing', 'Vacant Post'] }, [['lead-role-unheld', 'error', 'Action 2 b: nobody holds the lead role "Vacant Post".']]],
    ['no due date', { due: null }, [['action-without-due-date', 'error', 'Action 2 b: no due date.']]],
    ['an unreadable due date', dueOn(null, 'TBC'), [['action-without-due-date', 'error', 'Action 2 b: no due date ("TBC" could not be read as a date).']]],
    ['no due date on a complete action', { due: null, status: 'complete', evidence: 'Audit report' }, [['action-without-due-date', 'warning', 'Action 2 b: no due date.']]],
    ['an ongoing action', { due: { text: 'Ongoing', date: null, precision: 'ongoing', ongoing: true } }, [['action-without-due-date', 'warning', 'Action 2 b: its due date is "Ongoing", so no reminder will ever be sent.']]],
    ['assured without evidence', { status: 'assured', evidence: '  ' }, [['assured-without-evidence', 'error', 'Action 2 b: assured, but no evidence is recorded.']]],
    ['complete without evidence', { status: 'complete' }, [['complete-without-evidence', 'warning', 'Action 2 b: complete, but no evidence is recorded.']]],
    ['overdue with no update', dueOn('2025-06-06'), [['overdue-without-update', 'warning', 'Action 2 b: 10 days overdue (due 2025-06-06) with no update since.']]],
    ['one day overdue', dueOn('2025-06-15', 'Mid-June'), [['overdue-without-update', 'warning', 'Action 2 b: 1 day overdue (due Mid-June) with no update since.']]],
    ['overdue on a revised date', revisedTo('2025-06-13'), [['overdue-without-update', 'warning', 'Action 2 b: 3 days overdue (due 2025-06-13, revised) with no update since.']]],
  ])('%s', (_what, spec, expected) => {
    expect(findingsFor(spec)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a revised date stands in for an unreadable one', { ...dueOn(null, 'TBC'), ...revisedTo('2025-07-31') }],
    ['due today is not overdue', dueOn(TODAY)],
    ['a closed action is never overdue', { ...dueOn('2025-01-01'), status: 'complete', evidence: 'Minutes' }],
    ['assured with evidence', { status: 'assured', evidence: 'Board minutes, May 2025' }],
  ])('no finding: %s', (_what, spec) => {
    expect(findingsFor(spec)).toEqual([]);
  });

  it('an update on or after the due date silences overdue; one before it does not', () => {
    const due = dueOn('2025-06-06');
    expect(findingsFor(due, { updates: [update('u1', 'x1', '2025-06-05T12:00:00.000Z')] }).map(([code]) => code)).toEqual(['overdue-without-update']);
    expect(findingsFor(due, { updates: [update('u1', 'x1', '2025-06-06T08:00:00.000Z')] })).toEqual([]);
    // 23:30 UTC on the 5th is 00:30 BST on the 6th: on the due date in the trust's calendar.
    expect(findingsFor(due, { updates: [update('u1', 'x1', '2025-06-05T23:30:00.000Z')] })).toEqual([]);
    expect(findingsFor(due, { updates: [update('u1', 'other', '2025-06-10T08:00:00.000Z')] }).map(([code]) => code)).toEqual(['overdue-without-update']);
  });

  it('a recommendation with no actions is an error naming it', () => {
    const report = check([{ number: '3', actions: [] }, { number: null, actions: [] }]);
    expect(report.findings).toEqual([
      { code: 'recommendation-without-actions', severity: 'error', message: 'Recommendation 3: no action answers it.', label: 'Recommendation 3', recommendationId: 'rec-1', actionId: null },
      expect.objectContaining({ message: 'Recommendation (unnumbered): no action answers it.', recommendationId: 'rec-2' }),
    ]);
  });
});

describe('checkPlan: the plan itself', () => {
  const ONE = [{ number: '1', actions: [{ id: 'x1', ...CLEAN }] }];

  it('a plan with no reference is an error', () => {
    const report = conforms(IntegrityReport, checkPlan({ tree: tree(ONE, { references: [' '] }), updates: [], roles: ROLES, similar: [], today: TODAY }));
    expect(report.findings).toEqual([
      { code: 'plan-without-reference', severity: 'error', message: 'This plan carries no incident reference (StEIS, SI or case number), so it cannot be matched to its case.', label: null, recommendationId: null, actionId: null },
    ]);
  });

  it('warns once per similar plan, naming a shared reference or the same content, and ignores itself', () => {
    const similar = [
      { id: 'plan-1', title: 'Review of care', references: ['StEIS 2025/101'] },
      { id: 'abcdef123456', title: 'Older copy', references: ['steis  2025/101'] },
      { id: '99998888aaaa', title: 'Same file', references: [] },
    ];
    expect(check(ONE, { similar }).findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['similar-plan', 'warning', 'This plan shares reference "StEIS 2025/101" with plan "Older copy" (abcdef12).'],
      ['similar-plan', 'warning', 'This plan has the same imported content as plan "Same file" (99998888).'],
    ]);
  });
});

describe('checkPlan: order and counts', () => {
  it('lists plan-level findings first, then recommendations and actions in plan order, and counts them', () => {
    const report = check(
      [
        { number: '1', actions: [{ id: 'a1', ref: 'a', ...CLEAN, status: 'complete' }, { id: 'a2', ref: 'b', ...CLEAN, leads: [] }] },
        { number: '2', actions: [] },
        { number: '3', actions: [{ id: 'a3', ref: 'a', ...CLEAN, status: 'assured', due: null }] },
      ],
      { similar: [{ id: 'other', title: 'Other', references: ['StEIS 2025/101'] }] },
    );
    expect(report.findings.map((f) => [f.code, f.label])).toEqual([
      ['similar-plan', null],
      ['complete-without-evidence', '1 a'],
      ['action-without-lead', '1 b'],
      ['recommendation-without-actions', 'Recommendation 2'],
      ['action-without-due-date', '3 a'],
      ['assured-without-evidence', '3 a'],
    ]);
    expect(report.counts).toEqual({ errors: 3, warnings: 3 });
    expect(report.findings.find((f) => f.label === '1 b')).toMatchObject({ recommendationId: 'rec-1', actionId: 'a2' });
  });
});
