import { describe, expect, it } from 'vitest';
import { AuditEntry, Measure } from '../model/index.js';
import { conforms, tree } from '../../test/support/view-fixtures.js';
import { buildAuditTrail } from './audit-trail.js';
import { AuditTrail } from './tab-api.js';

const PLAN = tree([{ number: '2', actions: [{ id: 'a1', ref: 'b' }] }, { number: null, actions: [] }]);
const MEASURE = Measure.parse({ id: 'm1', planId: 'plan-1', name: 'Audit compliance', version: 1, createdAt: '2025-01-06T09:00:00.000Z', updatedAt: '2025-01-06T09:00:00.000Z' });

const entry = (id: string, entity: AuditEntry['entity'], entityId: string, at: string, planId = 'plan-1'): AuditEntry =>
  AuditEntry.parse({ id, planId, entity, entityId, at, actor: { aadObjectId: null, displayName: 'Someone' }, source: 'tab', changes: [{ field: 'x', from: null, to: 'y' }] });

describe('buildAuditTrail', () => {
  const audit = [
    entry('e1', 'plan', 'plan-1', '2025-05-01T09:00:00.000Z'),
    entry('e2', 'recommendation', 'rec-2', '2025-05-02T09:00:00.000Z'),
    entry('e3', 'action', 'a1', '2025-05-03T09:00:00+01:00'),
    entry('e4', 'measure', 'm1', '2025-05-03T09:00:00.000Z'),
    entry('e5', 'action', 'removed', '2025-05-03T09:00:00.000Z'),
    entry('e6', 'action', 'a1', '2025-05-04T09:00:00.000Z', 'plan-2'),
  ];
  const trail = conforms(AuditTrail, buildAuditTrail(PLAN, audit, [MEASURE]));

  it('lists the plan\'s entries newest first by instant; equal instants newest written first', () => {
    expect(trail.entries.map((e) => e.id)).toEqual(['e5', 'e4', 'e3', 'e2', 'e1']);
  });

  it('names each by what it is about, and what has since gone by its kind', () => {
    expect(trail.entries.map((e) => [e.id, e.label])).toEqual([['e5', 'Action'], ['e4', 'Audit compliance'], ['e3', '2 b'], ['e2', 'Recommendation (unnumbered)'], ['e1', 'Plan']]);
  });

  it('leaves the store\'s list as it was', () => {
    expect(audit.map((e) => e.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
  });
});
