import type { Action, Update } from '../../core/model/index.js';
import type { ActionRow, PlanView } from '../../core/views/tab-api.js';

/** Builders for the tab's unit tests: a valid model object with only what a test cares about changed. */

export function anAction(overrides: Partial<Action> = {}): Action {
  return {
    id: 'act-1',
    planId: 'plan-1',
    recommendationId: 'rec-1',
    position: 0,
    version: 1,
    createdAt: '2025-01-01T09:00:00.000Z',
    updatedAt: '2025-01-01T09:00:00.000Z',
    ref: 'a',
    text: 'Audit risk reviews',
    leads: ['Head of Nursing'],
    leadText: 'Head of Nursing',
    due: { text: '30/09/2025', date: '2025-09-30', precision: 'day' },
    revisions: [],
    status: 'in-progress',
    rag: 'amber',
    statusText: 'Amber',
    furtherAction: null,
    evidence: null,
    measurement: null,
    outcomes: null,
    monitoring: null,
    reportedTo: null,
    completed: null,
    other: [],
    snoozedUntil: null,
    flags: [],
    review: null,
    ...overrides,
  };
}

export function anUpdate(overrides: Partial<Update> = {}): Update {
  return {
    id: 'upd-1',
    actionId: 'act-1',
    planId: 'plan-1',
    at: '2025-09-01T10:00:00.000Z',
    author: { aadObjectId: 'u-1', displayName: 'Alex Wilber' },
    source: 'tab',
    note: 'Audit started',
    status: null,
    revisedDue: null,
    evidence: null,
    idempotencyKey: null,
    ...overrides,
  };
}

export function aRow(action: Partial<Action> = {}, lastUpdate: Update | null = null): ActionRow {
  return { action: anAction(action), lastUpdate, rights: { canUpdate: true, canEdit: false } };
}

type RecommendationView = PlanView['recommendations'][number];

export function aRecommendation(id: string, number: string | null, actions: ActionRow[], overrides: Partial<RecommendationView> = {}): RecommendationView {
  return { id, planId: 'plan-1', position: 0, number, text: `Recommendation ${number ?? ''}`, organisation: null, finding: null, flags: [], actions, ...overrides };
}
