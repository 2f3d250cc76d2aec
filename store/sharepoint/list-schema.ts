/**
 * The SharePoint lists Followthrough keeps a trust's plans in, defined once as data. This one
 * description drives provisioning (`followthrough provision`), the Graph store's reads and
 * writes, and the Graph fake used in tests (docs/decisions/006-sharepoint-lists.md).
 *
 * Every list has:
 * - `Title`, written so SharePoint's own list views read well (a plan's title, "2b Audit …");
 * - `FtKey`, the app's id for the item: client-generated, indexed and unique, so a retried
 *   create can be looked up instead of duplicated;
 * - `FtData`, the entity as JSON (multi-line text): the one source of truth for its fields;
 * - real, indexed columns for everything the app filters on (plan, due date, status, …), kept in
 *   step with FtData on every write. Graph only filters reliably on indexed columns, and past
 *   5,000 items a filter on anything else fails.
 */
export type ColumnType = 'text' | 'note' | 'number' | 'boolean' | 'dateTime' | 'dateOnly' | 'choice';

export interface ColumnSpec {
  /** Internal name, used in Graph `fields` and `$filter`. Prefixed `Ft` to avoid clashes. */
  name: string;
  /** What people see in SharePoint. */
  displayName: string;
  type: ColumnType;
  indexed?: boolean;
  unique?: boolean;
  required?: boolean;
  choices?: readonly string[];
  description: string;
}

export interface ListSpec {
  key: ListKey;
  /** The list's name in the site; also its URL segment. */
  displayName: string;
  description: string;
  columns: readonly ColumnSpec[];
}

export type ListKey = 'plans' | 'recommendations' | 'actions' | 'updates' | 'roles' | 'reminders' | 'conversations' | 'leases' | 'audit' | 'measures';

/**
 * Bumped when the schema changes; provisioning records it on the plans list's description.
 * v2 (issue 6): the audit and measures lists; reviews, reviewers and audit heads on plans and actions.
 */
export const SCHEMA_VERSION = 2;

const key: ColumnSpec = { name: 'FtKey', displayName: 'Followthrough id', type: 'text', indexed: true, unique: true, required: true, description: 'The app\'s id for this item. Do not edit.' };
const data: ColumnSpec = { name: 'FtData', displayName: 'Data (JSON)', type: 'note', description: 'Every field of the item as the app stores it. Do not edit by hand.' };
const planId: ColumnSpec = { name: 'FtPlanId', displayName: 'Plan id', type: 'text', indexed: true, required: true, description: 'The plan this belongs to.' };
const actionId: ColumnSpec = { name: 'FtActionId', displayName: 'Action id', type: 'text', indexed: true, required: true, description: 'The action this belongs to.' };
const version: ColumnSpec = { name: 'FtVersion', displayName: 'Version', type: 'number', description: 'Bumped on every change; stale writes are refused.' };
/** audit-trail.ts: which audit entry recorded the write that made the item what it is now. */
const auditKey: ColumnSpec = { name: 'FtAuditKey', displayName: 'Audit entry', type: 'text', description: 'The audit entry of the change that made this item what it is. Do not edit.' };
const generation: ColumnSpec = { name: 'FtGeneration', displayName: 'Generation', type: 'text', indexed: true, description: 'Which import of the plan this item belongs to; older generations are cleared after a replace.' };

export const ACTION_STATUS_CHOICES = ['not-started', 'in-progress', 'blocked', 'complete', 'assured', 'not-applicable', 'unknown'] as const;

export const LISTS: readonly ListSpec[] = [
  {
    key: 'plans',
    displayName: 'Followthrough Plans',
    description: 'NHS action plans tracked by Followthrough.',
    columns: [
      key,
      { name: 'FtStatus', displayName: 'Plan status', type: 'choice', choices: ['draft', 'active', 'closed'], indexed: true, description: 'Draft, active or closed.' },
      { name: 'FtReferences', displayName: 'References', type: 'text', description: 'Incident and investigation references, as written.' },
      { name: 'FtContentKey', displayName: 'Content fingerprint', type: 'text', indexed: true, description: 'Fingerprint of the imported content, to notice a second import of the same plan.' },
      { name: 'FtCommitted', displayName: 'Committed', type: 'boolean', indexed: true, description: 'False while an import is being written; such plans are not shown.' },
      generation,
      { name: 'FtRecommendationCount', displayName: 'Recommendations', type: 'number', description: 'How many recommendations the plan has.' },
      { name: 'FtActionCount', displayName: 'Actions', type: 'number', description: 'How many actions the plan has.' },
      { name: 'FtReviewers', displayName: 'Reviewers (JSON)', type: 'note', description: 'Roles besides the plan\'s editors who may assure its actions, as a JSON list.' },
      version,
      auditKey,
      { name: 'FtUpdated', displayName: 'Updated', type: 'dateTime', indexed: true, description: 'When the app last changed the plan.' },
      data,
    ],
  },
  {
    key: 'recommendations',
    displayName: 'Followthrough Recommendations',
    description: 'Recommendations of each plan.',
    columns: [
      key,
      planId,
      generation,
      { name: 'FtPosition', displayName: 'Order', type: 'number', description: 'Order within the plan.' },
      data,
    ],
  },
  {
    key: 'actions',
    displayName: 'Followthrough Actions',
    description: 'Actions of each recommendation: lead, due date, status.',
    columns: [
      key,
      planId,
      generation,
      { name: 'FtRecommendationId', displayName: 'Recommendation id', type: 'text', indexed: true, required: true, description: 'The recommendation this action answers.' },
      { name: 'FtPosition', displayName: 'Order', type: 'number', description: 'Order within the recommendation.' },
      { name: 'FtStatus', displayName: 'Status', type: 'choice', choices: ACTION_STATUS_CHOICES, indexed: true, description: 'Where the action is in its life.' },
      { name: 'FtDueDate', displayName: 'Due date', type: 'dateOnly', indexed: true, description: 'The date reminders work from: the latest revised date, else the plan\'s.' },
      // Sweeps filter on this first: open actions stay few, while past-due closed ones pile up
      // over the years and an index scan past 5,000 items is refused by SharePoint.
      { name: 'FtOpen', displayName: 'Open', type: 'boolean', indexed: true, description: 'True until the action is complete, assured or not applicable.' },
      { name: 'FtDueText', displayName: 'Due (as written)', type: 'text', description: 'The due date exactly as the plan wrote it.' },
      { name: 'FtLeads', displayName: 'Lead roles', type: 'text', description: 'Lead roles, separated by semicolons.' },
      { name: 'FtReview', displayName: 'Review (JSON)', type: 'note', description: 'The latest governance review (assured, returned, not applicable) as JSON; empty until reviewed.' },
      version,
      auditKey,
      { name: 'FtUpdated', displayName: 'Updated', type: 'dateTime', indexed: true, description: 'When the app last changed the action.' },
      data,
    ],
  },
  {
    key: 'updates',
    displayName: 'Followthrough Updates',
    description: 'Dated progress entries on actions, from the card, the tab or an import.',
    columns: [
      key,
      planId,
      actionId,
      { name: 'FtAt', displayName: 'When', type: 'dateTime', indexed: true, description: 'When the update was made.' },
      { name: 'FtIdempotencyKey', displayName: 'Submission id', type: 'text', indexed: true, unique: true, required: true, description: 'One per submission, so a double submit records one update.' },
      { name: 'FtSource', displayName: 'Source', type: 'choice', choices: ['card', 'chat', 'tab', 'import', 'cli'], description: 'Where the update came from.' },
      data,
    ],
  },
  {
    key: 'roles',
    displayName: 'Followthrough Roles',
    description: 'Who holds each lead role named in the plans, and their deputies.',
    columns: [
      key,
      { name: 'FtRoleKey', displayName: 'Role key', type: 'text', indexed: true, unique: true, required: true, description: 'The role name folded to lower case, for matching.' },
      data,
    ],
  },
  {
    key: 'reminders',
    displayName: 'Followthrough Reminders',
    description: 'The reminder outbox: each reminder planned, sent or failed.',
    columns: [
      key,
      { name: 'FtReminderKey', displayName: 'Reminder key', type: 'text', indexed: true, unique: true, required: true, description: 'One per action, person and occasion: the same reminder is never planned twice.' },
      planId,
      actionId,
      { name: 'FtState', displayName: 'State', type: 'choice', choices: ['planned', 'sending', 'sent', 'failed', 'skipped'], indexed: true, description: 'Where the reminder is.' },
      { name: 'FtPlannedFor', displayName: 'Planned for', type: 'dateTime', indexed: true, description: 'When it should be sent.' },
      data,
    ],
  },
  {
    key: 'conversations',
    displayName: 'Followthrough Conversations',
    description: 'Where the bot can reach each person in Teams.',
    columns: [
      key,
      { name: 'FtUsable', displayName: 'Usable', type: 'boolean', indexed: true, description: 'False once the person uninstalled or blocked the bot.' },
      data,
    ],
  },
  {
    // One item per named lease (FtKey is the name). Taking one is a compare-and-swap on the
    // item's eTag, so of two running copies of the bot only one sweeps reminders at a time.
    key: 'leases',
    displayName: 'Followthrough Leases',
    description: 'Which running copy of the bot does a shared job, such as sending reminders, and until when.',
    columns: [
      key,
      { name: 'FtHolder', displayName: 'Holder', type: 'text', description: 'The running copy of the bot that holds the lease.' },
      { name: 'FtExpires', displayName: 'Expires', type: 'dateTime', indexed: true, description: 'When the lease lapses unless its holder renews it.' },
      data,
    ],
  },
  {
    // One item per change to a plan, action or measure (audit-trail.ts). FtKey is
    // `<entity id>@<version>#<write id>`: a write retried after a 412 or a lost answer meets its
    // own item (409) instead of adding a second one, and two writers racing never share an item.
    key: 'audit',
    displayName: 'Followthrough Audit',
    description: 'Who changed what in each plan, when, from where: every field old and new.',
    columns: [
      key,
      planId,
      { name: 'FtEntityId', displayName: 'Changed item id', type: 'text', indexed: true, required: true, description: 'The plan, action or measure that changed.' },
      { name: 'FtEntity', displayName: 'Changed item', type: 'choice', choices: ['plan', 'recommendation', 'action', 'measure'], description: 'What kind of thing changed.' },
      { name: 'FtVersion', displayName: 'Version', type: 'number', description: 'The version the change brought the item to.' },
      { name: 'FtPrevious', displayName: 'Previous entry', type: 'text', description: 'The audit entry of the change before this one. Do not edit.' },
      { name: 'FtAt', displayName: 'When', type: 'dateTime', indexed: true, description: 'When the change was made.' },
      { name: 'FtSource', displayName: 'Source', type: 'choice', choices: ['card', 'chat', 'tab', 'import', 'cli'], description: 'Where the change came from.' },
      data,
    ],
  },
  {
    key: 'measures',
    displayName: 'Followthrough Measures',
    description: 'Impact measures of each plan and their dated values: evidence that actions changed things.',
    columns: [
      key,
      planId,
      { name: 'FtActionId', displayName: 'Action id', type: 'text', indexed: true, description: 'The action the measure shows the effect of; empty for a plan-level measure.' },
      version,
      { name: 'FtRevision', displayName: 'Revision', type: 'number', description: 'Bumped on every change, a new value included (the version only guards the measure\'s own fields).' },
      { name: 'FtUpdated', displayName: 'Updated', type: 'dateTime', description: 'When the measure or its values last changed.' },
      auditKey,
      data,
    ],
  },
];

export function listSpec(key: ListKey): ListSpec {
  const spec = LISTS.find((list) => list.key === key);
  if (!spec) throw new Error(`No list "${key}" in the schema`);
  return spec;
}
