import { z } from 'zod';
import {
  Action,
  ActionStatus,
  IsoDate,
  Plan,
  PlanSummary,
  Rag,
  Recommendation,
  Update,
} from '../model/index.js';
import { ProgressSubmission } from '../updates/progress-submission.js';

export { IntegrityFinding, IntegrityReport } from '../assurance/integrity-report.js';

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

export const ActionDetail = z.object({
  plan: PlanHeader,
  recommendation: Recommendation,
  action: Action,
  /** Oldest first. */
  updates: z.array(Update),
  today: IsoDate,
  rights: ActionRights,
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
