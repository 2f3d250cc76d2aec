import { describe, expect, it } from 'vitest';
import type { Action } from '../model/index.js';
import { preconditionFailure } from './action-precondition.js';

const action = {
  id: 'a1', planId: 'p', recommendationId: 'r', position: 0, version: 3, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
  ref: 'a', text: 'Audit', leads: ['Lead'], leadText: 'Lead', due: { text: 'Mar-25', date: '2025-03-31', precision: 'month' }, revisions: [],
  status: 'in-progress', rag: 'amber', statusText: null, furtherAction: null, evidence: null, measurement: null, outcomes: null, monitoring: null,
  reportedTo: null, completed: null, other: [], flags: [], snoozedUntil: null, review: null,
} satisfies Action;

describe('preconditionFailure', () => {
  it.each([
    [{ version: 3 }, null],
    [{ version: 2 }, 'it is at version 3, not 2'],
    [{ unchanged: { status: 'in-progress' as const } }, null],
    [{ unchanged: { status: 'not-started' as const } }, 'status changed since it was read'],
    [{ unchanged: { evidence: null, revisions: [] } }, null],
    [{ unchanged: { due: { text: 'Mar-25', date: '2025-03-31', precision: 'month' as const } } }, null],
    [{ unchanged: { due: null, text: 'Audit' } }, 'due changed since it was read'],
  ])('%j → %j', (precondition, failure) => {
    expect(preconditionFailure(action, precondition)).toBe(failure);
  });
});
