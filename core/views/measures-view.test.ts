import { describe, expect, it } from 'vitest';
import { Measure } from '../model/index.js';
import { conforms, tree, VIEW_ROLES } from '../../test/support/view-fixtures.js';
import { buildMeasuresView, mayRecordValue } from './measures-view.js';
import { MeasuresView } from './tab-api.js';

// lead-1 leads a1 (Head of Nursing, deputy dep-1); owner-1 edits; md-1 reviews.
const PLAN = tree([{ number: '1', actions: [{ id: 'a1', leads: ['Head of Nursing'] }, { id: 'a2', leads: ['Medical Director'] }] }], { reviewers: ['Medical Director'] });

const measure = (id: string, actionId: string | null, values: [string, number][], target: number | null = 80): Measure =>
  Measure.parse({
    id, planId: 'plan-1', name: id, unit: '%', target, actionId, version: 1, createdAt: '2025-01-06T09:00:00.000Z', updatedAt: '2025-01-06T09:00:00.000Z',
    values: values.map(([date, value]) => ({ date, value, by: { aadObjectId: 'lead-1', displayName: null }, at: `${date}T12:00:00.000Z` })),
  });

const MEASURES = [measure('met', null, [['2025-01-31', 60], ['2025-05-31', 85]]), measure('short', 'a1', [['2025-05-31', 70]]), measure('tracked', 'a2', [], null), measure('other-plan', null, [])];
MEASURES[3] = { ...(MEASURES[3] as Measure), planId: 'plan-2' };

describe('buildMeasuresView', () => {
  it('gives each of the plan\'s measures its status, and the headline count', () => {
    const view = conforms(MeasuresView, buildMeasuresView(PLAN, MEASURES, VIEW_ROLES, 'stranger'));
    expect(view.items.map((item) => [item.measure.id, item.status.state])).toEqual([['met', 'met'], ['short', 'not-met'], ['tracked', 'no-target']]);
    expect(view.outcomes).toEqual({ total: 3, met: 1, notMet: 1, noTarget: 1, noValues: 0 });
  });

  it.each([
    ['owner-1', true, true],
    ['owner-dep', true, true],
    ['md-1', false, true],
    ['lead-1', false, false],
    ['stranger', false, false],
  ])('%s: canEdit %s, canRecord %s', (viewer, canEdit, canRecord) => {
    const view = buildMeasuresView(PLAN, MEASURES, VIEW_ROLES, viewer);
    expect([view.canEdit, view.canRecord]).toEqual([canEdit, canRecord]);
  });
});

describe('mayRecordValue', () => {
  it.each([
    ['an editor, on a plan-level measure', 'owner-1', null, true],
    ['a reviewer, on any', 'md-1', 'a1', true],
    ['the action\'s lead', 'lead-1', 'a1', true],
    ['the lead\'s deputy', 'dep-1', 'a1', true],
    ['a lead, on another action\'s measure', 'lead-1', 'a2', false],
    ['a lead, on a plan-level measure', 'lead-1', null, false],
    ['anyone, on an action no longer in the plan', 'lead-1', 'gone', false],
    ['a stranger', 'stranger', 'a1', false],
  ])('%s: %s', (_what, viewer, actionId, allowed) => {
    expect(mayRecordValue(viewer, PLAN, { actionId }, VIEW_ROLES)).toBe(allowed);
  });
});
