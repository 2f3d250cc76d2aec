import { describe, expect, it } from 'vitest';
import { importPlanText } from '../import/import-plan.js';
import { AuditEntry, CLOSED_STATUSES, Measure, type PlanDraft, PlanTree, Update } from '../model/index.js';
import { summarisePlan } from '../plan/summarise-plan.js';
import { seedFiles } from '../../test/support/seeds.js';
import { VIEW_ROLES } from '../../test/support/view-fixtures.js';
import { buildMeetingView, forumsOf } from './meeting-view.js';
import { MeetingView } from './tab-api.js';

/**
 * Issue 6: each of the five real plans, imported and worked a little, produces a meeting view.
 * The plans are stored as the store would (ids, versions, the import's progress as a first
 * update) without a store: the view is pure, and so is this test.
 */
const TODAY = '2025-06-16';
const SINCE = '2025-05-19';
const IMPORTED_AT = '2025-05-01T09:00:00.000Z';
const LEAD = { aadObjectId: 'lead-1', displayName: 'Name of lead-1' };
const FALLBACK_FORUM = 'Quality and Safety Committee';

function stored(draft: PlanDraft, planId: string): PlanTree {
  const stamps = { version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT };
  // Plans that name no forum are given one, as an editor would before the first meeting.
  const forums = draft.plan.forums.length > 0 ? draft.plan.forums : [FALLBACK_FORUM];
  return PlanTree.parse({
    plan: { ...draft.plan, forums, reviewers: ['Medical Director'], owner: 'Director of Quality', id: planId, contentKey: null, ...stamps },
    recommendations: draft.recommendations.map((rec, r) => ({
      ...rec,
      id: `${planId}-r${String(r)}`,
      planId,
      position: r,
      actions: rec.actions.map((action, a) => ({ ...action, id: `${planId}-r${String(r)}-a${String(a)}`, planId, recommendationId: `${planId}-r${String(r)}`, position: a, ...stamps })),
    })),
  });
}

/** The import's progress text becomes each action's first update, as the stores record it. */
function importedUpdates(draft: PlanDraft, tree: PlanTree): Update[] {
  return tree.recommendations.flatMap((rec, r) =>
    rec.actions.flatMap((action, a) => {
      const progress = draft.recommendations[r]?.actions[a]?.progress ?? null;
      return progress === null ? [] : [Update.parse({ id: `${action.id}-import`, actionId: action.id, planId: tree.plan.id, at: IMPORTED_AT, author: { aadObjectId: null, displayName: null }, source: 'import', note: progress })];
    }),
  );
}

/** A few weeks' work since the last meeting: a note, a completion with evidence (and its trail), a moved date. */
function synthetic(tree: PlanTree): { tree: PlanTree; updates: Update[]; audit: AuditEntry[]; completedId: string | null } {
  const open = tree.recommendations.flatMap((rec) => rec.actions).filter((action) => !CLOSED_STATUSES.includes(action.status));
  const [first, second, third] = open;
  const updates: Update[] = [];
  const audit: AuditEntry[] = [];
  const worked = structuredClone(tree);
  const patch = (id: string, change: (action: PlanTree['recommendations'][number]['actions'][number]) => void): void => {
    for (const rec of worked.recommendations) for (const action of rec.actions) if (action.id === id) change(action);
  };
  if (first !== undefined) updates.push(Update.parse({ id: 'n1', actionId: first.id, planId: tree.plan.id, at: '2025-05-28T10:00:00.000Z', author: LEAD, source: 'card', note: 'Audit booked with the ward' }));
  if (second !== undefined) {
    const at = '2025-06-02T10:00:00.000Z';
    updates.push(Update.parse({ id: 'c1', actionId: second.id, planId: tree.plan.id, at, author: LEAD, source: 'tab', note: 'Done', status: 'complete', evidence: 'Audit report June 2025' }));
    audit.push(AuditEntry.parse({ id: 'e1', planId: tree.plan.id, entity: 'action', entityId: second.id, at, actor: LEAD, source: 'tab', changes: [{ field: 'status', from: second.status, to: 'complete' }, { field: 'evidence', from: second.evidence, to: 'Audit report June 2025' }] }));
    patch(second.id, (action) => Object.assign(action, { status: 'complete', evidence: 'Audit report June 2025', version: 2 }));
  }
  if (third !== undefined) {
    const at = '2025-06-03T10:00:00.000Z';
    const revisedDue = { date: '2025-09-30', reason: 'Waiting for the new audit tool' };
    updates.push(Update.parse({ id: 'd1', actionId: third.id, planId: tree.plan.id, at, author: LEAD, source: 'card', note: 'Moving the date', revisedDue }));
    patch(third.id, (action) => action.revisions.push({ ...revisedDue, at, by: LEAD }));
  }
  return { tree: PlanTree.parse(worked), updates, audit, completedId: second?.id ?? null };
}

const seeds = seedFiles();

describe('the meeting view of each seed plan', () => {
  it('has all five seeds to work on', () => {
    expect(seeds.map((seed) => seed.id)).toEqual(['000', '001', '002', '003', '004']);
  });

  it.each(seeds.map((seed) => [seed.id, seed] as const))('seed %s, imported and worked, gives a meeting view', (id, seed) => {
    const draft = importPlanText(seed.text, seed.path);
    const imported = stored(draft, `seed-${id}`);
    const work = synthetic(imported);
    const measures = [Measure.parse({ id: 'm1', planId: imported.plan.id, name: 'Audit compliance', unit: '%', target: 85, actionId: null, version: 1, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, values: [{ date: '2013-10-31', value: 60.49, by: LEAD, at: IMPORTED_AT }, { date: '2013-12-31', value: 89.87, by: LEAD, at: IMPORTED_AT }] })];
    const forum = forumsOf([work.tree])[0] ?? FALLBACK_FORUM;

    const view = MeetingView.parse(
      buildMeetingView({ forum, since: SINCE, today: TODAY, plans: [{ tree: work.tree, updates: [...importedUpdates(draft, imported), ...work.updates], audit: work.audit, measures }], roles: VIEW_ROLES, viewer: 'md-1' }),
    );

    const [plan] = view.plans;
    const actions = work.tree.recommendations.reduce((n, rec) => n + rec.actions.length, 0);
    expect(plan?.scope).toBe('plan');
    expect(plan?.counts.actions).toBe(actions);
    // The meeting's overdue list and the dashboard's agree.
    expect(plan?.overdue.map((item) => item.actionId).sort()).toEqual(summarisePlan(work.tree, TODAY).overdue.map((item) => item.actionId).sort());
    // Only the work since the last meeting: the import's own progress notes are older.
    expect(plan?.updates.map((item) => item.update.id)).toEqual(work.updates.map((update) => update.id));
    expect(plan?.revisedDates.length).toBe(work.updates.filter((update) => update.revisedDue !== null).length);
    expect(plan?.awaitingAssurance.some((item) => item.actionId === work.completedId && item.canAssure && item.completedBy?.aadObjectId === 'lead-1')).toBe(work.completedId !== null);
    expect(plan?.newEvidence.map((item) => item.evidence)).toEqual(work.completedId === null ? [] : ['Audit report June 2025']);
    expect(plan?.outcomes.met).toBe(1);
  });
});
