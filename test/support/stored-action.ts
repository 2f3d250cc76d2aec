import type { Action, Role } from '../../core/model/index.js';

/** A stored action as the update rules see it; tests override what they are about. */
export function storedAction(over: Partial<Action> = {}): Action {
  return {
    id: 'act-1', planId: 'plan-1', recommendationId: 'rec-1', position: 0, version: 4,
    createdAt: '2025-05-01T09:00:00.000Z', updatedAt: '2025-05-20T09:00:00.000Z',
    ref: 'a', text: 'Audit care plans', leads: ['Head of Nursing'], leadText: 'Head of Nursing',
    due: { text: 'Jun-25', date: '2025-06-30', precision: 'month' }, revisions: [], status: 'in-progress', rag: 'amber',
    statusText: null, furtherAction: null, evidence: null, measurement: null, outcomes: null, monitoring: null, reportedTo: null,
    completed: null, other: [], flags: [], snoozedUntil: null, review: null,
    ...over,
  };
}

export const ROLES: Role[] = [
  { id: 'r1', name: 'Head of Nursing', key: 'head of nursing', holders: [{ aadObjectId: 'lead-1', displayName: 'Ann Lead' }], deputies: [{ aadObjectId: 'dep-1', displayName: 'Dev Deputy' }] },
  { id: 'r2', name: 'Director of Quality', key: 'director of quality', holders: [{ aadObjectId: 'owner-1', displayName: 'Olu Owner' }], deputies: [] },
];
