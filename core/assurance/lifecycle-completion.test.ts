import { describe, expect, it } from 'vitest';
import { AuditEntry } from '../model/index.js';
import { update } from '../../test/support/view-fixtures.js';
import { completionOf } from './lifecycle-completion.js';

const OLU = { aadObjectId: 'owner-1', displayName: 'Olu Owner' };

function entry(id: string, at: string, from: string | null, to: string | null, over: Partial<AuditEntry> = {}): AuditEntry {
  return AuditEntry.parse({ id, planId: 'plan-1', entity: 'action', entityId: 'act-1', at, actor: OLU, source: 'tab', changes: [{ field: 'status', from, to }], ...over });
}

describe('completionOf', () => {
  const card = update('u1', 'act-1', '2025-06-01T09:00:00.000Z', { status: 'complete', source: 'card' });
  const note = update('u2', 'act-1', '2025-06-05T09:00:00.000Z', { status: null });
  const otherAction = update('u3', 'act-2', '2025-06-09T09:00:00.000Z', { status: 'complete' });

  it.each([
    ['nothing says so', [], [], null],
    ['a lead’s update marked it complete', [card, note], [], { by: card.author, at: card.at, source: 'card' }],
    ['an editor set it complete later in the tab', [card], [entry('e1', '2025-06-03T09:00:00.000Z', 'in-progress', 'complete')], { by: OLU, at: '2025-06-03T09:00:00.000Z', source: 'tab' }],
    ['the update is the later of the two', [card], [entry('e1', '2025-05-20T09:00:00.000Z', 'in-progress', 'complete')], { by: card.author, at: card.at, source: 'card' }],
    ['only another action was completed', [otherAction], [entry('e2', '2025-06-03T09:00:00.000Z', 'in-progress', 'complete', { entityId: 'act-2' })], null],
    ['the trail shows a change away from complete only', [], [entry('e3', '2025-06-03T09:00:00.000Z', 'complete', 'assured')], null],
  ])('%s', (_what, updates, audit, expected) => {
    expect(completionOf('act-1', updates, audit)).toEqual(expected);
  });

  it('compares instants, not their text (an offset sorts wrongly as text)', () => {
    const early = entry('e1', '2025-06-01T12:00:00+02:00', 'in-progress', 'complete', { actor: { aadObjectId: 'early', displayName: null } });
    const late = entry('e2', '2025-06-01T11:00:00Z', 'in-progress', 'complete', { actor: { aadObjectId: 'late', displayName: null } });
    expect(completionOf('act-1', [], [late, early])?.by.aadObjectId).toBe('late');
  });
});
