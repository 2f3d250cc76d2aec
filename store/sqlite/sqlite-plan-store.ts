import type { AuditQuery, ChangedBy, Conversation, MeasureFields, MeasureValue, NewReminder, NewRole, NewUpdate, PlanDraft, PlanFields, ReminderState } from '../../core/model/index.js';
import type { ActionPatch, ActionPrecondition, PlanStore, ProgressChange, SavePlanOptions } from '../plan-store.js';
import { StoreError } from '../store-error.js';
import { getAction, updateAction } from './action-ops.js';
import { listAudit } from './audit-ops.js';
import { listActionsChangedSince, listOpenActions, listOpenActionsDueBy } from './action-sweeps.js';
import { getConversation, markConversationUnusable, saveConversation } from './conversation-ops.js';
import { acquireLease, releaseLease } from './lease-ops.js';
import { addMeasureValue, listMeasures, saveMeasure } from './measure-ops.js';
import { migrate } from './migrations.js';
import { openDatabase, type Db } from './open-database.js';
import { deletePlan, updatePlanFields } from './plan-edits.js';
import { findSimilarPlans, getActionContext, getPlan, listPlans } from './plan-queries.js';
import { savePlan } from './plan-writes.js';
import { recordProgress } from './progress-ops.js';
import { listReminders, planReminder, setReminderState } from './reminder-ops.js';
import { findRole, listRoles, saveRole } from './role-ops.js';
import { toStoreError } from './sqlite-errors.js';
import { addUpdate, findUpdate, lastUpdate, listPlanUpdates, listUpdates } from './update-ops.js';

export interface SqlitePlanStoreOptions {
  /** The database file (its folder is created if missing), or ':memory:'. */
  path: string;
  /** How long a write waits for another connection's lock before failing as 'unavailable'; default 5 s. */
  busyTimeoutMs?: number;
}

export interface SqlitePlanStore extends PlanStore {
  readonly path: string;
  /** The schema version (`PRAGMA user_version`) the database was migrated to when opened. */
  readonly schemaVersion: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating and migrating if needed) a SQLite plan store. Fails with StoreError
 * 'unavailable' when the file cannot be opened or was written by a newer schema.
 */
export function openSqlitePlanStore(options: SqlitePlanStoreOptions): SqlitePlanStore {
  const db = openDatabase({ path: options.path, busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  try {
    return new SqliteStore(db, options.path, migrate(db));
  } catch (error) {
    db.close();
    throw toStoreError(error, `migrating the database at ${options.path}`);
  }
}

/**
 * better-sqlite3 is synchronous; every method runs its work inside an async function, so a
 * failure of any kind (bad input, SQLite, a closed store) is a rejected promise, never a throw.
 */
class SqliteStore implements SqlitePlanStore {
  constructor(
    private readonly db: Db,
    readonly path: string,
    readonly schemaVersion: number,
  ) {}

  savePlan(draft: PlanDraft, options: SavePlanOptions): Promise<string> {
    return this.run('saving a plan', () => savePlan(this.db, draft, options));
  }

  listPlans() {
    return this.run('listing plans', () => listPlans(this.db));
  }

  getPlan(planId: string) {
    return this.run(`reading plan ${planId}`, () => getPlan(this.db, planId));
  }

  findSimilarPlans(match: { contentKey?: string | null; references?: string[] }) {
    return this.run('finding similar plans', () => findSimilarPlans(this.db, match));
  }

  updatePlanFields(planId: string, patch: Partial<PlanFields>, expectedVersion: number, now: string, by: ChangedBy) {
    return this.run(`updating plan ${planId}`, () => updatePlanFields(this.db, planId, patch, expectedVersion, now, by));
  }

  deletePlan(planId: string) {
    return this.run(`deleting plan ${planId}`, () => {
      deletePlan(this.db, planId);
    });
  }

  getAction(actionId: string) {
    return this.run(`reading action ${actionId}`, () => getAction(this.db, actionId));
  }

  getActionContext(actionId: string) {
    return this.run(`reading action ${actionId} with its plan`, () => getActionContext(this.db, actionId));
  }

  updateAction(actionId: string, patch: ActionPatch, expected: number | ActionPrecondition, now: string, by: ChangedBy) {
    return this.run(`updating action ${actionId}`, () => updateAction(this.db, actionId, patch, expected, now, by));
  }

  listOpenActionsDueBy(date: string) {
    return this.run(`listing actions due by ${date}`, () => listOpenActionsDueBy(this.db, date));
  }

  listOpenActions() {
    return this.run('listing open actions', () => listOpenActions(this.db));
  }

  listActionsChangedSince(since: string | null) {
    return this.run('listing changed actions', () => listActionsChangedSince(this.db, since));
  }

  addUpdate(update: NewUpdate) {
    return this.run('adding an update', () => addUpdate(this.db, update));
  }

  recordProgress(update: NewUpdate, change: ProgressChange | null, by: ChangedBy) {
    return this.run(`recording progress on action ${update.actionId}`, () => recordProgress(this.db, update, change, by));
  }

  listUpdates(actionId: string) {
    return this.run(`listing updates of action ${actionId}`, () => listUpdates(this.db, actionId));
  }

  listPlanUpdates(planId: string) {
    return this.run(`listing updates of plan ${planId}`, () => listPlanUpdates(this.db, planId));
  }

  lastUpdate(actionId: string) {
    return this.run(`reading the last update of action ${actionId}`, () => lastUpdate(this.db, actionId));
  }

  findUpdate(idempotencyKey: string) {
    return this.run('finding an update by its key', () => findUpdate(this.db, idempotencyKey));
  }

  listAudit(query: AuditQuery) {
    return this.run(`listing the audit trail of plan ${query.planId}`, () => listAudit(this.db, query));
  }

  listMeasures(planId: string) {
    return this.run(`listing the measures of plan ${planId}`, () => listMeasures(this.db, planId));
  }

  saveMeasure(planId: string, fields: MeasureFields, expected: { id: string; version: number } | null, now: string, by: ChangedBy) {
    return this.run(expected === null ? `adding a measure to plan ${planId}` : `changing measure ${expected.id}`, () => saveMeasure(this.db, planId, fields, expected, now, by));
  }

  addMeasureValue(measureId: string, value: MeasureValue, by: ChangedBy) {
    return this.run(`adding a value to measure ${measureId}`, () => addMeasureValue(this.db, measureId, value, by));
  }

  saveRole(role: NewRole) {
    return this.run('saving a role', () => saveRole(this.db, role));
  }

  listRoles() {
    return this.run('listing roles', () => listRoles(this.db));
  }

  findRole(name: string) {
    return this.run('finding a role', () => findRole(this.db, name));
  }

  planReminder(reminder: NewReminder) {
    return this.run('planning a reminder', () => planReminder(this.db, reminder));
  }

  setReminderState(id: string, state: ReminderState, detail: { error?: string | null; at: string }) {
    return this.run(`setting reminder ${id} to ${state}`, () => setReminderState(this.db, id, state, detail));
  }

  listReminders(filter: { planId?: string; state?: ReminderState; actionId?: string; plannedBefore?: string }) {
    return this.run('listing reminders', () => listReminders(this.db, filter));
  }

  saveConversation(conversation: Conversation) {
    return this.run('saving a conversation', () => saveConversation(this.db, conversation));
  }

  getConversation(aadObjectId: string) {
    return this.run(`reading the conversation of ${aadObjectId}`, () => getConversation(this.db, aadObjectId));
  }

  markConversationUnusable(aadObjectId: string, reason: string, at: string) {
    return this.run(`marking the conversation of ${aadObjectId} unusable`, () => {
      markConversationUnusable(this.db, aadObjectId, reason, at);
    });
  }

  acquireLease(name: string, holder: string, until: string, now: string) {
    return this.run(`acquiring lease ${name}`, () => acquireLease(this.db, name, holder, until, now));
  }

  releaseLease(name: string, holder: string) {
    return this.run(`releasing lease ${name}`, () => {
      releaseLease(this.db, name, holder);
    });
  }

  /** Closes the connection; closing twice is harmless. */
  async close(): Promise<void> {
    await Promise.resolve();
    try {
      if (this.db.open) this.db.close();
    } catch (error) {
      throw toStoreError(error, 'closing the store');
    }
  }

  private async run<T>(doing: string, work: () => T): Promise<T> {
    if (!this.db.open) throw new StoreError('unavailable', `${doing} failed: the store is closed`);
    try {
      return await Promise.resolve(work());
    } catch (error) {
      throw toStoreError(error, doing);
    }
  }
}
