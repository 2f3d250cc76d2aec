import { z } from 'zod';
import {
  Action,
  ActionStatus,
  Actor,
  AuditEntity,
  AuditEntry,
  ChangeSource,
  FieldChange,
  IsoDate,
  IsoDateTime,
  Measure,
  MeasureFields,
  Meeting,
  Plan,
  PlanSummary,
  Rag,
  Recommendation,
  Review,
  Update,
} from '../model/index.js';
import { ReviewDecision } from '../assurance/lifecycle.js';
import { MeasureStatus, OutcomeSummary } from '../assurance/measure-status.js';
import { ProgressSubmission } from '../updates/progress-submission.js';

export { IntegrityFinding, IntegrityReport } from '../assurance/integrity-report.js';
export { ReviewRequest } from '../assurance/lifecycle-decision.js';
export { MeasureStatus, OutcomeSummary } from '../assurance/measure-status.js';

/**
 * The tab's API (`/api/…`), as schemas: the server validates what it sends with them in tests,
 * and the front end reads its types from here. One schema per concept: actions, plans and
 * updates are the model's own; these only say how the API groups them.
 *
 * Routes (all JSON; errors are `ApiErrorBody` with a real status):
 *   GET   /api/me                         → Me
 *   GET   /api/dev/identities             → DevIdentity[]        (local mode only)
 *   GET   /api/plans                      → PlanSummary[]
 *   GET   /api/plans/:planId              → PlanView             (everything the plan view shows)
 *   GET   /api/plans/:planId/dashboard    → Dashboard
 *   GET   /api/plans/:planId/checks       → IntegrityReport      (core/assurance/integrity-report.ts)
 *   GET   /api/my-actions                 → MyActions
 *   GET   /api/actions/:actionId          → ActionDetail
 *   POST  /api/actions/:actionId/updates  UpdateRequest → 201 ActionDetail
 *   PATCH /api/actions/:actionId          ActionEdit    → 200 ActionDetail   (plan editors)
 *   POST  /api/imports/preview            ImportRequest → ImportPreview
 *   POST  /api/imports                    ImportRequest → 201 ImportCommitted
 *
 * Governance (issue 6; the pure rules are in core/assurance/ and core/views/meeting-view.ts):
 *   GET   /api/forums                     → ForumList            (`forumsOf`)
 *   GET   /api/meetings?forum=&since=[&date=]  → MeetingView    (`buildMeetingView`; date = the meeting, default today)
 *   POST  /api/actions/:actionId/review   ReviewRequest → 200 ActionDetail      (`decideReview`)
 *   POST  /api/plans/:planId/status       PlanStatusRequest → 200 Plan          (`closePlan`, `reopenPlan`)
 *   GET   /api/plans/:planId/audit        → AuditTrail           (the plan's whole trail, newest first)
 *   GET   /api/plans/:planId/measures     → MeasuresView
 *   POST  /api/plans/:planId/measures     MeasureRequest → 201 MeasureItem       (plan editors)
 *   PATCH /api/measures/:measureId        MeasureEdit → 200 MeasureItem          (plan editors)
 *   POST  /api/measures/:measureId/values MeasureValueRequest → 200 MeasureItem  (plan editors, reviewers, the action's leads)
 *   GET   /api/plans/:planId/export?format=xlsx|docx|html                → the board paper as a file
 *   GET   /api/meetings/export?forum=&since=&date=&format=xlsx|docx|html → the meeting paper as a file
 * ActionDetail carries the action's own audit entries (`history`) and the decisions the caller may take.
 */

/**
 * Local mode only: the dev identity the plain-browser tab acts as (an Entra object id from the
 * demo roles). The server honours it only in local mode and only from loopback.
 */
export const DEV_USER_HEADER = 'x-followthrough-dev-user';

/** What the caller may do with one action; decided on the server from the validated identity. */
export const ActionRights = z.object({
  /** Lead, deputy or plan editor: may post a progress update. */
  canUpdate: z.boolean(),
  /** Plan editor (holder or deputy of the plan owner's role): may edit the action's fields. */
  canEdit: z.boolean(),
});
export type ActionRights = z.infer<typeof ActionRights>;

export const Me = z.object({
  aadObjectId: z.string(),
  displayName: z.string().nullable(),
  tenantId: z.string().nullable(),
  /** `teams`: a validated Teams SSO token; `local`: the dev identity of local mode. */
  mode: z.enum(['teams', 'local']),
  /** Names of the roles the caller holds or deputises for. */
  roles: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

/** Local mode only: the people the demo roles name, to pick who to be. */
export const DevIdentity = z.object({
  aadObjectId: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
});
export type DevIdentity = z.infer<typeof DevIdentity>;

export const PlanListResponse = z.array(PlanSummary);

/** One action as the plan view lists it. */
export const ActionRow = z.object({
  action: Action,
  lastUpdate: Update.nullable(),
  rights: ActionRights,
});
export type ActionRow = z.infer<typeof ActionRow>;

/** The whole plan view in one answer (benchmark P5: one call for the plan). */
export const PlanView = z.object({
  plan: Plan,
  /** The trust's today (Europe/London), so "overdue by N days" agrees with the bot. */
  today: IsoDate,
  recommendations: z.array(Recommendation.extend({ actions: z.array(ActionRow) })),
  /** The caller edits this plan (holds or deputises for its owner role). */
  canEdit: z.boolean(),
});
export type PlanView = z.infer<typeof PlanView>;

/** Headline of a plan, where the whole plan is not needed. */
export const PlanHeader = Plan.pick({ id: true, title: true, references: true, owner: true, status: true });
export type PlanHeader = z.infer<typeof PlanHeader>;

/** A governance decision the caller may take on this action now, or why not (for a disabled button's hint). */
export const DecisionOffer = z.object({
  decision: ReviewDecision,
  /** Null: allowed. Otherwise the reason it is not ("You recorded this action as complete…"). */
  refusal: z.string().nullable(),
});
export type DecisionOffer = z.infer<typeof DecisionOffer>;

export const ActionDetail = z.object({
  plan: PlanHeader,
  recommendation: Recommendation,
  action: Action,
  /** Oldest first. */
  updates: z.array(Update),
  today: IsoDate,
  rights: ActionRights,
  /** The action's audit entries, oldest first: every field change, who, when, from where. */
  history: z.array(AuditEntry).default([]),
  /** Decisions that apply to the action's status (empty for a caller who reviews nothing). */
  decisions: z.array(DecisionOffer).default([]),
});
export type ActionDetail = z.infer<typeof ActionDetail>;

export const MyActionItem = z.object({
  plan: PlanHeader,
  recommendation: Recommendation.pick({ id: true, number: true, text: true, organisation: true }),
  action: Action,
  lastUpdate: Update.nullable(),
});
export type MyActionItem = z.infer<typeof MyActionItem>;

/** The caller's open actions across plans, soonest due first, undated last. */
export const MyActions = z.object({ today: IsoDate, items: z.array(MyActionItem) });
export type MyActions = z.infer<typeof MyActions>;

/** An action in a dashboard list. */
export const DueItem = z.object({
  actionId: z.string(),
  /** "2 b": recommendation number and action ref. */
  label: z.string(),
  text: z.string(),
  leads: z.array(z.string()),
  due: IsoDate,
  /** The due date as the plan wrote it. */
  dueText: z.string(),
  /** Positive: days until due; negative: days overdue. */
  days: z.number().int(),
});
export type DueItem = z.infer<typeof DueItem>;

export const DashboardGroup = z.object({
  name: z.string(),
  total: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  complete: z.number().int().nonnegative(),
});
export type DashboardGroup = z.infer<typeof DashboardGroup>;

export const Dashboard = z.object({
  plan: PlanHeader,
  today: IsoDate,
  total: z.number().int().nonnegative(),
  byStatus: z.record(ActionStatus, z.number().int().nonnegative()),
  byRag: z.record(z.union([Rag, z.literal('none')]), z.number().int().nonnegative()),
  overdue: z.array(DueItem),
  dueSoon: z.array(DueItem),
  byOrganisation: z.array(DashboardGroup),
  byLead: z.array(DashboardGroup),
  /** Cumulative actions complete (or assured) by each date on which the count changed, oldest first. */
  completion: z.array(z.object({ date: IsoDate, complete: z.number().int().nonnegative(), total: z.number().int().nonnegative() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** A progress update from the tab: the card's rules, plus the client's key so a double click records one. */
export const UpdateRequest = ProgressSubmission.extend({ clientKey: z.string().min(8).max(100) });
export type UpdateRequest = z.input<typeof UpdateRequest>;

/**
 * The fields a plan editor may change from the tab. Written out rather than `ActionFields.pick().partial()`:
 * the model's optional texts default to null, and a partial with defaults would turn "not sent" into
 * "clear it".
 */
const EditableText = z.string().trim().max(4000).nullable().optional();
export const EditableActionFields = z
  .object({
    text: z.string().trim().min(1, 'The action needs its text.').max(4000).optional(),
    leads: z.array(z.string().trim().min(1)).max(20).optional(),
    status: ActionStatus.optional(),
    rag: Rag.nullable().optional(),
    evidence: EditableText,
    measurement: EditableText,
    outcomes: EditableText,
    monitoring: EditableText,
    reportedTo: EditableText,
  })
  .strict();
export type EditableActionFields = z.infer<typeof EditableActionFields>;

export const ActionEdit = z.object({
  /** The version the editor saw; a stale one is refused with 409. */
  version: z.number().int().positive(),
  fields: EditableActionFields.refine((fields) => Object.keys(fields).length > 0, 'Change at least one field.'),
});
export type ActionEdit = z.infer<typeof ActionEdit>;

/** A plan file from the tab: its name (the extension picks the reader) and its bytes. */
export const ImportRequest = z.object({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().min(1),
  /** Column heading → model field, where the reader's guess was wrong. */
  mapping: z.record(z.string(), z.string()).optional(),
  /** Commit only: replace this plan instead of adding a new one. */
  replacePlanId: z.string().optional(),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportPreview = z.object({
  title: z.string(),
  recommendations: z.number().int().nonnegative(),
  actions: z.number().int().nonnegative(),
  /** The draft as it would be saved (PlanDraft). */
  draft: z.unknown(),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), line: z.number().nullable().optional() })),
  /** The headings found and the field each was mapped to ("other" when none). */
  columns: z.array(z.object({ heading: z.string(), field: z.string() })),
  /** Plans already stored that look like this one. */
  similar: z.array(PlanSummary),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportCommitted = z.object({ planId: z.string() });
export type ImportCommitted = z.infer<typeof ImportCommitted>;

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Per-input problems of an update or edit (422). */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** The forums a meeting can be picked for: plans' forums and actions' "reported to", each once, sorted. */
export const ForumList = z.array(z.string());
export type ForumList = z.infer<typeof ForumList>;

/** Close a plan (every action assured or not applicable) or reopen a closed one (with a reason). */
export const PlanStatusRequest = z
  .object({
    change: z.enum(['close', 'reopen']),
    reason: z.string().max(500).optional(),
    meeting: Meeting.nullable().optional(),
    /** The plan version the editor saw. */
    version: z.number().int().positive(),
  })
  .strict();
export type PlanStatusRequest = z.infer<typeof PlanStatusRequest>;

/** An action as the meeting view names it, with its status now. */
export const MeetingActionRef = z.object({
  actionId: z.string(),
  recommendationId: z.string(),
  /** "2 b". */
  label: z.string(),
  text: z.string(),
  leads: z.array(z.string()),
  status: ActionStatus,
});
export type MeetingActionRef = z.infer<typeof MeetingActionRef>;

/** A status change since the last meeting; `from` is null when only the update recording it is known. */
export const MeetingStatusChange = MeetingActionRef.extend({
  from: ActionStatus.nullable(),
  to: ActionStatus,
  at: IsoDateTime,
  by: Actor,
  source: ChangeSource,
});
export type MeetingStatusChange = z.infer<typeof MeetingStatusChange>;

export const MeetingUpdate = MeetingActionRef.extend({ update: Update });
export type MeetingUpdate = z.infer<typeof MeetingUpdate>;

/** Evidence added since the last meeting (only what was added, when it was appended). */
export const MeetingEvidence = MeetingActionRef.extend({ evidence: z.string(), at: IsoDateTime, by: Actor, source: ChangeSource });
export type MeetingEvidence = z.infer<typeof MeetingEvidence>;

/** A due date moved since the last meeting, with its reason. */
export const MeetingRevisedDate = MeetingActionRef.extend({
  from: IsoDate.nullable(),
  to: IsoDate,
  reason: z.string(),
  at: IsoDateTime,
  by: Actor.nullable(),
});
export type MeetingRevisedDate = z.infer<typeof MeetingRevisedDate>;

export const MeetingOverdue = MeetingActionRef.extend({
  due: IsoDate,
  /** The due date as the plan wrote it (or the revised date). */
  dueText: z.string(),
  daysOverdue: z.number().int().positive(),
  /** Overdue at or beyond the plan's escalation threshold: the owner has been (or is being) told. */
  escalated: z.boolean(),
  /** The lead's latest word: their last update's note. */
  lastUpdate: z.object({ note: z.string(), at: IsoDateTime, author: Actor }).nullable(),
});
export type MeetingOverdue = z.infer<typeof MeetingOverdue>;

/** Complete, awaiting a reviewer's decision (Approve / Return). */
export const MeetingAwaiting = MeetingActionRef.extend({
  evidence: z.string().nullable(),
  completedBy: Actor.nullable(),
  completedAt: IsoDateTime.nullable(),
  /** The review before this one, e.g. returned last time with its reason. */
  lastReview: Review.nullable(),
  /** Send it back with the decision: a change since is refused rather than overwritten. */
  version: z.number().int().positive(),
  canAssure: z.boolean(),
  canReturn: z.boolean(),
  /** Why the viewer may not assure it ("You recorded this action as complete…"), when they may not. */
  assureBlocked: z.string().nullable(),
});
export type MeetingAwaiting = z.infer<typeof MeetingAwaiting>;

export const MeetingDecisionKind = z.enum(['assured', 'returned', 'not-applicable', 'plan-closed', 'plan-reopened', 'other']);
export type MeetingDecisionKind = z.infer<typeof MeetingDecisionKind>;

/** A decision recorded against this meeting (its forum and date), from the audit trail. */
export const MeetingDecision = z.object({
  entity: AuditEntity,
  entityId: z.string(),
  /** "2 b", "Plan", "Recommendation 3" or the measure's name. */
  label: z.string(),
  kind: MeetingDecisionKind,
  at: IsoDateTime,
  by: Actor,
  source: ChangeSource,
  summary: z.string().nullable(),
  changes: z.array(FieldChange),
});
export type MeetingDecision = z.infer<typeof MeetingDecision>;

const Count = z.number().int().nonnegative();
export const MeetingCounts = z.object({
  actions: Count,
  statusChanges: Count,
  updates: Count,
  newEvidence: Count,
  revisedDates: Count,
  overdue: Count,
  escalated: Count,
  awaitingAssurance: Count,
  decisions: Count,
  measures: Count,
  measuresMet: Count,
});
export type MeetingCounts = z.infer<typeof MeetingCounts>;

export const MeetingPlan = z.object({
  plan: PlanHeader,
  /** `plan`: the plan reports to this forum, so all its actions are here; `reported-to`: only those that name it. */
  scope: z.enum(['plan', 'reported-to']),
  /** The plan's threshold: days overdue after which the owner is told. */
  escalateAfterDays: z.number().int().positive(),
  /** The viewer may assure or return this plan's actions. */
  canReview: z.boolean(),
  /** Since the last meeting, oldest first. */
  statusChanges: z.array(MeetingStatusChange),
  updates: z.array(MeetingUpdate),
  newEvidence: z.array(MeetingEvidence),
  revisedDates: z.array(MeetingRevisedDate),
  /** Most overdue first. */
  overdue: z.array(MeetingOverdue),
  /** In plan order. */
  awaitingAssurance: z.array(MeetingAwaiting),
  decisions: z.array(MeetingDecision),
  measures: z.array(MeasureStatus),
  outcomes: OutcomeSummary,
  counts: MeetingCounts,
});
export type MeetingPlan = z.infer<typeof MeetingPlan>;

/** A governance meeting run from the tab: one forum, what changed since its last meeting. */
export const MeetingView = z.object({
  forum: z.string(),
  /** The last meeting's date: changes at or after it are listed. */
  since: IsoDate,
  today: IsoDate,
  /** The meeting being held: decisions are recorded against this forum and date. */
  meeting: Meeting,
  plans: z.array(MeetingPlan),
  counts: MeetingCounts.extend({ plans: Count }),
});
export type MeetingView = z.infer<typeof MeetingView>;

/** An audit entry with what it is about in words ("2 b", "Plan", "Recommendation 3", a measure's name). */
export const AuditTrailEntry = AuditEntry.extend({ label: z.string() });
export type AuditTrailEntry = z.infer<typeof AuditTrailEntry>;

export const AuditTrail = z.object({ planId: z.string(), entries: z.array(AuditTrailEntry) });
export type AuditTrail = z.infer<typeof AuditTrail>;

/** A measure with where it stands. */
export const MeasureItem = z.object({ measure: Measure, status: MeasureStatus });
export type MeasureItem = z.infer<typeof MeasureItem>;

export const MeasuresView = z.object({
  planId: z.string(),
  items: z.array(MeasureItem),
  outcomes: OutcomeSummary,
  /** Plan editors may add and change measures. */
  canEdit: z.boolean(),
  /** Plan editors, reviewers and the leads of a measure's action may record values. */
  canRecord: z.boolean(),
});
export type MeasuresView = z.infer<typeof MeasuresView>;

export const MeasureRequest = MeasureFields.strict();
export type MeasureRequest = z.input<typeof MeasureRequest>;

export const MeasureEdit = z.object({ version: z.number().int().positive(), fields: MeasureFields }).strict();
export type MeasureEdit = z.input<typeof MeasureEdit>;

export const MeasureValueRequest = z
  .object({
    date: IsoDate,
    value: z.number(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type MeasureValueRequest = z.input<typeof MeasureValueRequest>;

/** The formats a board or meeting paper is exported in. */
export const PaperFormat = z.enum(['xlsx', 'docx', 'html']);
export type PaperFormat = z.infer<typeof PaperFormat>;
