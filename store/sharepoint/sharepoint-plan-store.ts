import type { AuditQuery, ChangedBy, Conversation, MeasureFields, MeasureValue, NewReminder, NewRole, NewUpdate, PlanDraft, PlanFields, ReminderState } from '../../core/model/index.js';
import type { ActionPatch, ActionPrecondition, PlanStore, ProgressChange, SavePlanOptions } from '../plan-store.js';
import { listActionsChangedSince, listOpenActions, listOpenActionsDueBy } from './action-sweeps.js';
import { getAction, getActionContext, updateAction, updatePlanFields } from './action-writes.js';
import { listAudit } from './audit-trail.js';
import { getConversation, markConversationUnusable, saveConversation } from './conversation-ops.js';
import { acquireLease, releaseLease } from './lease-ops.js';
import type { ListClient } from './lists/list-client.js';
import { addMeasureValue, listMeasures, saveMeasure } from './measure-ops.js';
import { type Pacing, REAL_PACING } from './pacing.js';
import { findSimilarPlans, getPlan, listPlans } from './plan-reads.js';
import { deletePlan, savePlan } from './plan-writes.js';
import { recordProgress } from './progress-ops.js';
import { addUpdate, findRole, findUpdateByKey, lastUpdate, listPlanUpdates, listReminders, listRoles, listUpdates, planReminder, saveRole, setReminderState } from './record-ops.js';
import { toStoreError } from './store-errors.js';

/**
 * The plan store over SharePoint lists in the trust's tenant (docs/decisions/006). It passes the
 * same contract suite as the SQLite store. Every failure is a StoreError; Graph's request-id is
 * kept in the message.
 */
export function createSharePointPlanStore(lists: ListClient, pacing: Pacing = REAL_PACING): PlanStore {
  const run = async <T>(doing: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toStoreError(error, doing);
    }
  };
  return {
    savePlan: (draft: PlanDraft, options: SavePlanOptions) => run('saving a plan', () => savePlan(lists, draft, options)),
    listPlans: () => run('listing plans', () => listPlans(lists)),
    getPlan: (planId: string) => run(`reading plan ${planId}`, () => getPlan(lists, planId)),
    findSimilarPlans: (match) => run('finding similar plans', () => findSimilarPlans(lists, match)),
    updatePlanFields: (planId: string, patch: Partial<PlanFields>, expectedVersion: number, now: string, by: ChangedBy) =>
      run(`updating plan ${planId}`, () => updatePlanFields(lists, planId, patch, expectedVersion, now, by, pacing)),
    deletePlan: (planId: string) => run(`deleting plan ${planId}`, () => deletePlan(lists, planId)),
    getAction: (actionId: string) => run(`reading action ${actionId}`, async () => (await getAction(lists, actionId))?.action ?? null),
    getActionContext: (actionId: string) => run(`reading action ${actionId} with its plan`, () => getActionContext(lists, actionId)),
    updateAction: (actionId: string, patch: ActionPatch, expected: number | ActionPrecondition, now: string, by: ChangedBy) =>
      run(`updating action ${actionId}`, () => updateAction(lists, actionId, patch, expected, now, by, pacing)),
    listOpenActionsDueBy: (date: string) => run(`listing actions due by ${date}`, () => listOpenActionsDueBy(lists, date)),
    listOpenActions: () => run('listing open actions', () => listOpenActions(lists)),
    listActionsChangedSince: (since: string | null) => run('listing changed actions', () => listActionsChangedSince(lists, since)),
    addUpdate: (update: NewUpdate) => run('recording an update', () => addUpdate(lists, update)),
    recordProgress: (update: NewUpdate, change: ProgressChange | null, by: ChangedBy) =>
      run(`recording an update on action ${update.actionId}`, () => recordProgress(lists, pacing, update, change, by)),
    listUpdates: (actionId: string) => run(`listing updates of action ${actionId}`, () => listUpdates(lists, actionId)),
    listPlanUpdates: (planId: string) => run(`listing updates of plan ${planId}`, () => listPlanUpdates(lists, planId)),
    lastUpdate: (actionId: string) => run(`reading the last update of action ${actionId}`, () => lastUpdate(lists, actionId)),
    findUpdate: (idempotencyKey: string) => run('finding an update by its key', () => findUpdateByKey(lists, idempotencyKey)),
    listAudit: (query: AuditQuery) => run(`reading the audit trail of plan ${query.planId}`, () => listAudit(lists, query)),
    listMeasures: (planId: string) => run(`listing the measures of plan ${planId}`, () => listMeasures(lists, planId)),
    saveMeasure: (planId: string, fields: MeasureFields, expected: { id: string; version: number } | null, now: string, by: ChangedBy) =>
      run(expected === null ? `creating a measure in plan ${planId}` : `updating measure ${expected.id}`, () => saveMeasure(lists, pacing, { planId, fields, expected, now, by })),
    addMeasureValue: (measureId: string, value: MeasureValue, by: ChangedBy) => run(`adding a value to measure ${measureId}`, () => addMeasureValue(lists, pacing, measureId, value, by)),
    saveRole: (role: NewRole) => run('saving a role', () => saveRole(lists, role)),
    listRoles: () => run('listing roles', () => listRoles(lists)),
    findRole: (name: string) => run('finding a role', () => findRole(lists, name)),
    planReminder: (reminder: NewReminder) => run('planning a reminder', () => planReminder(lists, reminder)),
    setReminderState: (id: string, state: ReminderState, detail: { error?: string | null; at: string }) =>
      run(`updating reminder ${id}`, () => setReminderState(lists, id, state, detail)),
    listReminders: (filter) => run('listing reminders', () => listReminders(lists, filter)),
    saveConversation: (conversation: Conversation) => run('saving a conversation', () => saveConversation(lists, conversation)),
    getConversation: (aadObjectId: string) => run(`reading the conversation of ${aadObjectId}`, () => getConversation(lists, aadObjectId)),
    markConversationUnusable: (aadObjectId: string, reason: string, at: string) =>
      run(`marking the conversation of ${aadObjectId} unusable`, () => markConversationUnusable(lists, aadObjectId, reason, at)),
    acquireLease: (name: string, holder: string, until: string, now: string) => run(`acquiring lease ${name}`, () => acquireLease(lists, name, holder, until, now)),
    releaseLease: (name: string, holder: string) => run(`releasing lease ${name}`, () => releaseLease(lists, name, holder)),
    close: () => Promise.resolve(),
  };
}
