// Test data and helpers shared by the PlanStore contract's suites. Nothing here knows which
// store it talks to: everything goes through the PlanStore interface.
import { expect } from 'vitest';
import {
  ActionDraft as ActionDraftSchema,
  ActionFields,
  type ActionDraft,
  type ChangedBy,
  type FuzzyDate,
  type NewUpdate,
  type PlanDraft,
  type RecommendationDraft,
} from '../../core/model/index.js';
import type { PlanStore, PlanTree } from '../../store/plan-store.js';
import { StoreError, type StoreErrorCode } from '../../store/store-error.js';

export interface ContractStore {
  store: PlanStore;
  cleanup: () => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Test data: our own plan, shaped like the seeds (long texts, several leads, fuzzy dates).

export const NOW = '2025-06-02T09:30:00.000Z';
export const LATER = '2025-06-03T14:05:00.000Z';
export const LATEST = '2025-06-04T08:00:00.000Z';

export const IMPORTER = { aadObjectId: '7d1c4f0e-2b8a-4c55-9d7e-0a1b2c3d4e5f', displayName: 'Priya Natarajan' };

export function day(text: string, date: string): FuzzyDate {
  return { text, date, precision: 'day' };
}

export function action(fields: Partial<ActionDraft> & Pick<ActionDraft, 'text'>): ActionDraft {
  // Parsing applies the schema's defaults (null for text a plan leaves out), as an importer's output has them.
  return ActionDraftSchema.parse({ ref: null, leads: [], due: null, revisions: [], status: 'unknown', rag: null, flags: [], other: [], ...fields });
}

export function recommendation(fields: Partial<RecommendationDraft> & Pick<RecommendationDraft, 'text' | 'actions'>): RecommendationDraft {
  return { number: null, organisation: null, finding: null, flags: [], ...fields };
}

const LONG_RECOMMENDATION =
  'The Trust should make sure that when a service user with a diagnosis of personality disorder moves between ' +
  'community and inpatient teams, a named clinician holds the care plan throughout, that disagreement between ' +
  'teams about who is responsible is escalated within five working days, and that the outcome is recorded in ' +
  'the electronic record so that every team involved can see who is accountable for the next step of care.';

/**
 * A realistic draft: three recommendations (one with no actions), actions with several leads,
 * fuzzy dates with earlier targets and notes, a revision, nulls and absent optional fields.
 */
export function buildDraft(overrides: { title?: string; references?: string[] } = {}): PlanDraft {
  return {
    plan: {
      title: overrides.title ?? 'Independent Mental Health Homicide Review: action plan for Service User K',
      references: overrides.references ?? ['StEIS 2022/14873', 'SI 2022/23 041'],
      sourceReport: 'Independent investigation into the care and treatment of Service User K',
      published: day('14 March 2023', '2023-03-14'),
      organisations: ['Westmere Partnership NHS Foundation Trust', 'Westmere Integrated Care Board'],
      owner: 'Chief Nursing Officer',
      forums: ['Quality and Safety Committee', 'Trust Board'],
      reviewers: ['Head of Quality Governance'],
      status: 'active',
      reminders: { enabled: true, offsetsDays: [10, 3, 0], overdueEveryDays: 5, escalateAfterDaysOverdue: 21, workingDaysOnly: true, window: { start: '08:30', end: '16:00' } },
      statements: [
        'Westmere Partnership NHS Foundation Trust extends its deepest sympathy to the family of the victim and to ' +
          'the family of Service User K. We accept every recommendation of the independent investigation and ' +
          'have already begun the work described below; progress will be reported to the Trust Board each quarter.',
        'The Integrated Care Board will seek assurance that the changes are embedded and sustained.',
      ],
      ragKey: [
        { rag: 'red', meaning: 'Action not started', status: 'not-started' },
        { rag: 'amber', meaning: 'Action being progressed', status: 'in-progress' },
        { rag: 'green', meaning: 'Action fully complete', status: 'complete' },
      ],
      lastUpdated: { text: 'May 2025', date: '2025-05-31', precision: 'month' },
      details: [{ label: 'Divisional Lead/s', value: 'Adult Community Divisional Director; Deputy Director of Safety' }],
      columns: [
        { heading: 'Rec No.', field: 'number' },
        { heading: 'Actions to achieve recommendation', field: 'text' },
        { heading: 'Implementation Lead', field: 'leads' },
        { heading: 'Assurance rating', field: null },
      ],
    },
    recommendations: [
      recommendation({
        number: '1',
        organisation: 'Westmere Partnership NHS Foundation Trust',
        text: LONG_RECOMMENDATION,
        line: 14,
        actions: [
          action({
            ref: 'a)',
            text: 'Write a joint protocol for transfers of care between community and inpatient personality disorder services, agreed by both clinical directors.',
            leads: ['Clinical Director, Adult Community Services', 'Clinical Director, Inpatient Services', 'Head of Nursing'],
            leadText: 'Clinical Director Adult Community Services / Clinical Director Inpatient Services / Head of Nursing',
            due: {
              text: 'September 2023 Q1 2025/26',
              date: '2025-06-30',
              precision: 'quarter',
              start: '2025-04-01',
              earlier: [{ text: 'September 2023', date: '2023-09-30', precision: 'month' }],
              note: 'in line with the roll-out of the new electronic record',
            },
            revisions: [
              {
                date: '2025-09-30',
                reason: 'Protocol consultation extended after staff-side feedback',
                at: '2025-05-20T16:45:00.000Z',
                by: { aadObjectId: '3f6a9b1e-5c2d-4e7f-8a90-b1c2d3e4f5a6', displayName: 'Tomasz Wiśniewski' },
              },
            ],
            status: 'in-progress',
            rag: 'amber',
            statusText: 'Amber - draft protocol out for consultation',
            evidence: 'Draft protocol v0.3; consultation log',
            monitoring: 'Quarterly audit of transfers reported to the Quality and Safety Committee',
            reportedTo: 'Quality and Safety Committee',
            progress: 'Draft protocol written and shared with both directorates; consultation closes in July.',
            line: 15,
          }),
          action({
            ref: 'b)',
            text: 'Escalate unresolved disagreements about responsibility to the Associate Director within five working days.',
            leads: ['Associate Director of Patient Safety'],
            due: { text: 'Ongoing', date: null, precision: 'ongoing', ongoing: true },
            snoozedUntil: '2025-06-09',
            status: 'not-started',
            furtherAction: null,
            measurement: null,
            outcomes: null,
            completed: null,
            progress: null,
          }),
        ],
      }),
      recommendation({
        number: '2.',
        finding: 'Lack of evidence that the risk assessment was reviewed after the change of care coordinator.',
        text: 'Risk assessments must be reviewed whenever the care coordinator changes.',
        flags: ['misaligned-cells'],
        actions: [
          action({
            ref: '1.',
            text: 'Add a mandatory risk review step to the change-of-coordinator form.',
            leads: ['Head of Clinical Systems', 'Deputy Medical Director'],
            due: { text: '31 September 2023', date: null, precision: 'none', problem: '31 September does not exist' },
            status: 'complete',
            rag: 'green',
            completed: { text: 'COMPLETED 31/01/2024', date: '2024-01-31', precision: 'day', complete: true },
            review: {
              outcome: 'assured',
              reason: 'Audit of the form shows the step completed in 20 of 20 records.',
              by: { aadObjectId: '0c9e8d7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f', displayName: 'Siobhán Ní Bhriain' },
              at: '2024-03-12T15:20:00.000Z',
              meeting: { forum: 'Quality and Safety Committee', date: '2024-03-12' },
            },
            flags: ['unparsed'],
            other: [{ label: 'Assurance rating', value: 'Substantial' }],
            progress: '   ',
          }),
          action({ text: 'Audit twenty records a quarter for a year to confirm the step is used.' }),
        ],
      }),
      recommendation({ number: 'R3', text: 'Share the learning from this review across the Integrated Care System.', actions: [] }),
    ],
    warnings: [{ line: 30, code: 'date-problem', message: 'No such date: 31 September 2023', excerpt: '31 September 2023' }],
    discarded: [{ line: 2, text: 'Page 1 of 4', reason: 'page footer' }],
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers that need nothing but the interface.

/** The optional action fields that read back as null when a draft leaves them out. */
const NULLABLE_ACTION_FIELDS = ['leadText', 'statusText', 'furtherAction', 'evidence', 'measurement', 'outcomes', 'monitoring', 'reportedTo', 'completed'] as const;

/** What a stored action's fields should be for a draft action. */
export function expectedActionFields(draft: ActionDraft): ActionFields {
  const fields = ActionFields.parse(draft);
  for (const key of NULLABLE_ACTION_FIELDS) fields[key] ??= null;
  return fields;
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail, but it succeeded');
    },
    (error: unknown) => error,
  );
}

/** Awaits a failure and checks it is a StoreError with this code; returns it for further checks. */
export async function expectStoreError(promise: Promise<unknown>, code: StoreErrorCode): Promise<StoreError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(StoreError);
  const storeError = error as StoreError;
  expect(storeError.code, storeError.message).toBe(code);
  return storeError;
}

export function sameInstant(actual: string, expected: string): void {
  expect(Date.parse(actual), `${actual} vs ${expected}`).toBe(Date.parse(expected));
}

export function firstAction(tree: PlanTree | null, recommendation = 0, position = 0) {
  const found = tree?.recommendations[recommendation]?.actions[position];
  if (!found) throw new Error(`no action ${String(recommendation)}/${String(position)} in the tree`);
  return found;
}

export async function savedTree(store: PlanStore, draft = buildDraft(), contentKey: string | null = null): Promise<PlanTree> {
  const planId = await store.savePlan(draft, { now: NOW, actor: IMPORTER, contentKey });
  const tree = await store.getPlan(planId);
  if (!tree) throw new Error(`plan ${planId} was saved but cannot be read`);
  return tree;
}

export function newUpdate(tree: PlanTree, fields: Partial<NewUpdate> = {}): NewUpdate {
  const target = firstAction(tree);
  return {
    actionId: target.id,
    planId: target.planId,
    at: LATER,
    author: { aadObjectId: IMPORTER.aadObjectId, displayName: IMPORTER.displayName },
    source: 'card',
    note: 'Consultation closed; final protocol goes to the July committee.',
    ...fields,
  };
}

/** A plan editor working in the tab: who the contract's edits are made by. */
export const EDITOR = { aadObjectId: '5b0e7a2c-9d14-4f36-8e21-6c7d8e9f0a1b', displayName: 'Grace Adeyemi' };
export const BY_EDITOR: ChangedBy = { actor: EDITOR, source: 'tab' };
