import type {
  Action,
  ActionContext,
  AuditEntry,
  AuditQuery,
  ChangedBy,
  ChangeSource,
  Measure,
  MeasureFields,
  MeasureValue,
  Conversation,
  Lease,
  ActionFields,
  NewReminder,
  NewRole,
  NewUpdate,
  Plan,
  PlanDraft,
  PlanFields,
  PlanSummary,
  PlanTree,
  ReminderLogEntry,
  ReminderState,
  Role,
  Update,
} from '../core/model/index.js';

export type { PlanSummary, PlanTree } from '../core/model/index.js';
import type { ActionPrecondition } from '../core/plan/action-precondition.js';
export type { ActionPrecondition } from '../core/plan/action-precondition.js';

export interface SavePlanOptions {
  /** Replace this plan's content (its id stays); otherwise a new plan is created. */
  replacePlanId?: string;
  /** Who is importing, for the first updates' author and the audit trail. */
  actor?: { aadObjectId: string | null; displayName: string | null };
  /** Where the import came from, for the audit trail (default `import`). */
  source?: ChangeSource;
  /** A sentence for the audit entry ("Imported from plan.docx"); the store writes a default otherwise. */
  summary?: string | null;
  /** Hash of the source content, kept so a second import of the same plan is noticed. */
  contentKey?: string | null;
  /** The instant to stamp on everything written. */
  now: string;
}

/** The action fields a progress update changes, and what must still hold for them to apply. */
export interface ProgressChange {
  patch: ActionPatch;
  expected: number | ActionPrecondition;
}

export interface RecordedProgress {
  /** The action after the write (as it was, when nothing changed or the key was a repeat). */
  action: Action;
  update: Update;
  /** The key had been recorded before: nothing was written now. */
  repeated: boolean;
}

/** Fields of an action that callers may change; the rest belong to the store. */
export type ActionPatch = Partial<Omit<ActionFields, 'flags'>> & { flags?: string[] };

/**
 * Where plans live. SQLite (embedded, the default) and SharePoint lists over Graph implement
 * it; `test/contract/plan-store.contract.ts` is the suite both must pass.
 *
 * Every method is async because the production store is remote. Every write is atomic: it
 * happens whole or not at all. Errors are `StoreError`.
 */
export interface PlanStore {
  /** Writes a whole imported plan in one transaction and returns its id. */
  savePlan(draft: PlanDraft, options: SavePlanOptions): Promise<string>;
  listPlans(): Promise<PlanSummary[]>;
  getPlan(planId: string): Promise<PlanTree | null>;
  /** Plans whose content key or any reference matches: how duplicate imports are caught. */
  findSimilarPlans(match: { contentKey?: string | null; references?: string[] }): Promise<Plan[]>;
  /** Applies the patch if the plan is still at `expectedVersion`, with an audit entry of what changed. */
  updatePlanFields(planId: string, patch: Partial<PlanFields>, expectedVersion: number, now: string, by: ChangedBy): Promise<Plan>;
  deletePlan(planId: string): Promise<void>;

  getAction(actionId: string): Promise<Action | null>;
  /** The action with its plan and recommendation, without reading the rest of the plan; null when gone. */
  getActionContext(actionId: string): Promise<ActionContext | null>;
  /**
   * Applies the patch if the precondition still holds (a version number means `{ version }`),
   * else throws a conflict naming what changed. Never a silent overwrite. The fields that
   * changed are written to the audit trail with `by`, in the same write (nothing when none did).
   */
  updateAction(actionId: string, patch: ActionPatch, expected: number | ActionPrecondition, now: string, by: ChangedBy): Promise<Action>;

  /**
   * The reminder sweep: open actions (not complete, assured or not applicable) of plans that are
   * not closed, whose effective due date is on or before `date` (YYYY-MM-DD) — overdue ones
   * included. Undated actions are not returned. Ordered by due date.
   */
  listOpenActionsDueBy(date: string): Promise<Action[]>;
  /** Every open action of plans that are not closed, dated or not (for "my actions"). */
  listOpenActions(): Promise<Action[]>;
  /** Actions changed at or after `since` (an instant), or all when null: incremental sweeps. */
  listActionsChangedSince(since: string | null): Promise<Action[]>;

  /** Records an update; a second call with the same idempotency key returns the first. */
  addUpdate(update: NewUpdate): Promise<Update>;
  /**
   * A progress update and the action fields it changes, as one write (a card or tab submit):
   * - a key already recorded returns that update with `repeated: true` and writes nothing;
   * - else the patch applies if `expected` holds (else a conflict and nothing is written), the
   *   update is recorded, and the changed fields go to the audit trail with `by`.
   * `change` null records the update alone. SQLite does it in one transaction; SharePoint
   * orders its requests so a failure part way leaves nothing a reader would take as done.
   */
  recordProgress(update: NewUpdate, change: ProgressChange | null, by: ChangedBy): Promise<RecordedProgress>;
  listUpdates(actionId: string): Promise<Update[]>;
  /** Every update of the plan's current actions, by time then the order recorded (dashboards, the plan view). */
  listPlanUpdates(planId: string): Promise<Update[]>;
  /** The action's latest update (by time, then the order recorded), or null when it has none. */
  lastUpdate(actionId: string): Promise<Update | null>;
  /** The update recorded under this idempotency key, or null. */
  findUpdate(idempotencyKey: string): Promise<Update | null>;

  /** The audit trail: entries matching the query, oldest first (by time, then the order written). */
  listAudit(query: AuditQuery): Promise<AuditEntry[]>;

  /** The plan's impact measures (plan-level and per action), in the order created. */
  listMeasures(planId: string): Promise<Measure[]>;
  /**
   * Creates a measure (`expected` null) or changes one's fields if it is still at
   * `expected.version` (else a conflict). Audited. The plan (and action, if named) must exist.
   */
  saveMeasure(planId: string, fields: MeasureFields, expected: { id: string; version: number } | null, now: string, by: ChangedBy): Promise<Measure>;
  /** Adds a dated value (kept in date order; a second value on the same date replaces the first). Audited. */
  addMeasureValue(measureId: string, value: MeasureValue, by: ChangedBy): Promise<Measure>;

  saveRole(role: NewRole): Promise<Role>;
  listRoles(): Promise<Role[]>;
  /** Roles matched by `roleKey(name)`. */
  findRole(name: string): Promise<Role | null>;

  /** Plans a reminder unless one with the same key exists; returns the stored entry either way. */
  planReminder(reminder: NewReminder): Promise<ReminderLogEntry>;
  setReminderState(id: string, state: ReminderState, detail: { error?: string | null; at: string }): Promise<ReminderLogEntry>;
  /** Reminders matching every filter given, in planned order; `plannedBefore` is inclusive. */
  listReminders(filter: { planId?: string; state?: ReminderState; actionId?: string; plannedBefore?: string }): Promise<ReminderLogEntry[]>;

  /** Stores (or replaces) a person's conversation reference; saving makes it usable again. */
  saveConversation(conversation: Conversation): Promise<Conversation>;
  getConversation(aadObjectId: string): Promise<Conversation | null>;
  /** After an uninstall or `403 MessageWritesBlocked`: keep the reference, stop using it. Nothing happens for someone never saved. */
  markConversationUnusable(aadObjectId: string, reason: string, at: string): Promise<void>;

  /**
   * Takes the named lease for `holder` until `until`, or renews it if `holder` has it. Returns
   * null when another holder's lease has not expired at `now` (expired means `expiresAt <= now`;
   * `until` must be after `now`). Atomic: of two callers racing
   * for a free lease, one gets it.
   */
  acquireLease(name: string, holder: string, until: string, now: string): Promise<Lease | null>;
  /** Gives the lease up if `holder` has it; otherwise does nothing. */
  releaseLease(name: string, holder: string): Promise<void>;

  close(): Promise<void>;
}
