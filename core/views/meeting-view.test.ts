import { describe, expect, it } from 'vitest';
import { AuditEntry, Measure, type Update } from '../model/index.js';
import { conforms, dueOn, TODAY, tree, update, VIEW_ROLES } from '../../test/support/view-fixtures.js';
import { buildMeetingView, type MeetingInput, type MeetingPlanInput } from './meeting-view.js';
import { MeetingView } from './tab-api.js';

// Today is Monday 2025-06-16; the committee last met on 2025-05-19 and meets again today.
const FORUM = 'Quality Committee';
const SINCE = '2025-05-19';
const LEAD = { aadObjectId: 'lead-1', displayName: 'Name of lead-1' };
const REVIEWER = { aadObjectId: 'md-1', displayName: 'Name of md-1' };

function audit(id: string, entityId: string, at: string, changes: { field: string; from: string | null; to: string | null }[], over: Partial<AuditEntry> = {}): AuditEntry {
  return AuditEntry.parse({ id, planId: 'plan-1', entity: 'action', entityId, at, actor: LEAD, source: 'card', changes, ...over });
}

function measure(id: string, actionId: string | null, readings: [string, number][], over: Partial<Measure> = {}): Measure {
  return Measure.parse({
    id, planId: 'plan-1', name: `Measure ${id}`, unit: '%', target: 85, actionId, version: 1, createdAt: '2025-01-06T09:00:00.000Z', updatedAt: '2025-01-06T09:00:00.000Z',
    values: readings.map(([date, value]) => ({ date, value, by: LEAD, at: `${date}T12:00:00.000Z` })),
    ...over,
  });
}

const QUALITY_PLAN = tree(
  [
    {
      number: '1',
      actions: [
        { id: 'late', ref: 'a', status: 'in-progress', ...dueOn('2025-06-10') },
        { id: 'very-late', ref: 'b', status: 'blocked', ...dueOn('2025-05-20', 'May-25') },
        { id: 'done', ref: 'c', status: 'complete', evidence: 'Audit report\nRe-audit June', ...dueOn('2025-06-30') },
      ],
    },
    {
      number: '2',
      actions: [
        { id: 'assured-today', ref: 'a', status: 'assured', evidence: 'Minutes', ...dueOn('2025-05-31') },
        {
          id: 'moved', ref: 'b', status: 'in-progress', ...dueOn('2025-06-30'),
          revisions: [
            { date: '2025-07-31', reason: 'Staff shortage', at: '2025-04-01T10:00:00.000Z', by: LEAD },
            { date: '2025-09-30', reason: 'Audit tool delayed', at: '2025-06-03T10:00:00.000Z', by: LEAD },
          ],
        },
        { id: 'quiet', ref: 'c', status: 'in-progress', ...dueOn('2025-12-31') },
      ],
    },
  ],
  { forums: ['Quality Committee'], reviewers: ['Medical Director'] },
);

const COMPLETED_AT = '2025-06-02T09:00:00.000Z';
const QUALITY_UPDATES: Update[] = [
  update('u-old', 'quiet', '2025-05-01T09:00:00.000Z', { status: 'in-progress', note: 'Before the last meeting' }),
  update('u-late', 'late', '2025-06-12T09:00:00.000Z', { note: 'Waiting for the audit tool' }),
  update('u-late-earlier', 'late', '2025-05-25T09:00:00.000Z', { note: 'Started' }),
  update('u-done', 'done', COMPLETED_AT, { status: 'complete', evidence: 'Re-audit June', note: 'Re-audit finished' }),
  // 00:30 BST on the day of the last meeting: that day, in the trust's calendar.
  update('u-midnight', 'quiet', '2025-05-18T23:30:00.000Z', { status: 'blocked', note: '' }),
];

const QUALITY_AUDIT: AuditEntry[] = [
  audit('e-done', 'done', COMPLETED_AT, [
    { field: 'status', from: 'in-progress', to: 'complete' },
    { field: 'evidence', from: 'Audit report', to: 'Audit report\nRe-audit June' },
  ]),
  audit('e-assured', 'assured-today', '2025-06-16T10:05:00.000Z', [{ field: 'status', from: 'complete', to: 'assured' }], {
    actor: REVIEWER, source: 'tab', meeting: { forum: 'quality  committee', date: TODAY }, summary: 'Assured at Quality Committee on 16 Jun 2025.',
  }),
  audit('e-plan', 'plan-1', '2025-05-20T10:00:00.000Z', [{ field: 'owner', from: null, to: 'Director of Quality' }], { entity: 'plan', meeting: { forum: FORUM, date: '2025-05-20' } }),
  audit('e-tab-evidence', 'late', '2025-06-05T09:00:00.000Z', [{ field: 'evidence', from: null, to: 'Draft audit tool spec' }], { source: 'tab' }),
];

const QUALITY_MEASURES = [measure('m-plan', null, [['2025-01-31', 60.49], ['2025-05-31', 89.87]]), measure('m-late', 'late', [])];

/** A plan that reports elsewhere, with one action reported to the committee. */
const BOARD_PLAN = tree(
  [{ number: '1', actions: [{ id: 'to-committee', ref: 'a', reportedTo: 'Quality Committee', ...dueOn('2025-05-01') }, { id: 'to-board', ref: 'b', reportedTo: 'Trust Board', ...dueOn('2025-05-01') }] }],
  { id: 'plan-2', title: 'Board plan', forums: ['Trust Board'], reminders: { escalateAfterDaysOverdue: 60 } },
);
const BOARD_MEASURES = [measure('m-board', null, [['2025-05-31', 90]], { planId: 'plan-2' }), measure('m-committee', 'to-committee', [['2025-05-31', 90]], { planId: 'plan-2' })];

const UNRELATED = tree([{ number: '1', actions: [{ id: 'x', reportedTo: 'Audit Committee' }] }], { id: 'plan-3', forums: ['Audit Committee'] });

function input(over: Partial<MeetingInput> = {}): MeetingInput {
  const plans: MeetingPlanInput[] = [
    { tree: QUALITY_PLAN, updates: QUALITY_UPDATES, audit: QUALITY_AUDIT, measures: QUALITY_MEASURES },
    { tree: BOARD_PLAN, updates: [], audit: [], measures: BOARD_MEASURES },
    { tree: UNRELATED, updates: [], audit: [], measures: [] },
  ];
  return { forum: FORUM, since: SINCE, today: TODAY, plans, roles: VIEW_ROLES, viewer: 'md-1', ...over };
}

function view(over: Partial<MeetingInput> = {}): MeetingView {
  return conforms(MeetingView, buildMeetingView(input(over)));
}

function planAt(result: MeetingView, index: number): MeetingView['plans'][number] {
  const found = result.plans[index];
  if (found === undefined) throw new Error(`no plan ${String(index)} in the view`);
  return found;
}
const quality = (result: MeetingView) => planAt(result, 0);

describe('buildMeetingView: which plans and actions', () => {
  it('takes the plans reporting to the forum whole, others only for actions that name it, and leaves the rest out', () => {
    const result = view();
    expect(result.plans.map((plan) => [plan.plan.id, plan.scope, plan.counts.actions])).toEqual([
      ['plan-1', 'plan', 6],
      ['plan-2', 'reported-to', 1],
    ]);
    expect([result.forum, result.since, result.today, result.meeting]).toEqual([FORUM, SINCE, TODAY, { forum: FORUM, date: TODAY }]);
  });

  it('has nothing for a forum no plan reports to', () => {
    expect(view({ forum: 'Remuneration Committee' }).plans).toEqual([]);
  });
});

describe('buildMeetingView: what changed since the last meeting', () => {
  it('lists status changes from the trail (with the status before), and from updates the trail does not cover', () => {
    const changes = quality(view()).statusChanges.map((change) => [change.actionId, change.from, change.to, change.at, change.source]);
    expect(changes).toEqual([
      ['quiet', null, 'blocked', '2025-05-18T23:30:00.000Z', 'card'],
      ['done', 'in-progress', 'complete', COMPLETED_AT, 'card'],
      ['assured-today', 'complete', 'assured', '2025-06-16T10:05:00.000Z', 'tab'],
    ]);
  });

  it('lists updates with something said in them since, oldest first', () => {
    expect(quality(view()).updates.map((item) => [item.label, item.update.id, item.update.note])).toEqual([
      ['1 a', 'u-late-earlier', 'Started'],
      ['1 c', 'u-done', 'Re-audit finished'],
      ['1 a', 'u-late', 'Waiting for the audit tool'],
    ]);
  });

  it('lists new evidence once per change, only what was added', () => {
    expect(quality(view()).newEvidence.map((item) => [item.actionId, item.evidence, item.source])).toEqual([
      ['done', 'Re-audit June', 'card'],
      ['late', 'Draft audit tool spec', 'tab'],
    ]);
  });

  it('lists dates revised since, from the date before, with the reason', () => {
    expect(quality(view()).revisedDates).toEqual([
      expect.objectContaining({ actionId: 'moved', label: '2 b', from: '2025-07-31', to: '2025-09-30', reason: 'Audit tool delayed', at: '2025-06-03T10:00:00.000Z', by: LEAD }),
    ]);
  });

  it.each([
    ['the last meeting was yesterday', '2025-06-15', { statusChanges: 1, updates: 0, newEvidence: 0, revisedDates: 0 }],
    ['the last meeting was long ago', '2025-01-01', { statusChanges: 4, updates: 4, newEvidence: 2, revisedDates: 2 }],
  ])('counts more or less as %s', (_what, since, expected) => {
    const counts = quality(view({ since })).counts;
    expect({ statusChanges: counts.statusChanges, updates: counts.updates, newEvidence: counts.newEvidence, revisedDates: counts.revisedDates }).toEqual(expected);
  });
});

describe('buildMeetingView: overdue and escalated', () => {
  it('lists open actions past due, most overdue first, with the lead’s latest word and the escalation', () => {
    expect(quality(view()).overdue.map((item) => [item.actionId, item.dueText, item.daysOverdue, item.escalated, item.lastUpdate?.note ?? null])).toEqual([
      ['very-late', 'May-25', 27, true, null],
      ['late', '2025-06-10', 6, false, 'Waiting for the audit tool'],
    ]);
    expect(quality(view()).escalateAfterDays).toBe(14);
  });

  it('uses the plan’s own escalation threshold', () => {
    const board = planAt(view(), 1);
    expect([board.escalateAfterDays, board.overdue.map((item) => [item.actionId, item.daysOverdue, item.escalated])]).toEqual([60, [['to-committee', 46, false]]]);
  });
});

describe('buildMeetingView: awaiting assurance', () => {
  it.each([
    ['a reviewer', 'md-1', true, true, true, null],
    ['a plan editor', 'owner-1', true, true, true, null],
    ['the lead who completed it', 'lead-1', false, false, false, 'Only a reviewer of this plan may assure or return its actions.'],
    ['an export (nobody looking)', null, false, false, false, null],
  ])('as %s: may review %s, assure %s, return %s', (_who, viewer, canReview, canAssure, canReturn, blocked) => {
    const result = quality(view({ viewer }));
    expect(result.canReview).toBe(canReview);
    expect(result.awaitingAssurance.map((item) => [item.actionId, item.canAssure, item.canReturn, item.assureBlocked])).toEqual([['done', canAssure, canReturn, blocked]]);
  });

  it('shows the evidence, who completed it and when, and the version to decide on', () => {
    expect(quality(view()).awaitingAssurance[0]).toMatchObject({ evidence: 'Audit report\nRe-audit June', completedBy: LEAD, completedAt: COMPLETED_AT, version: 4, lastReview: null });
  });

  it('will not let the reviewer who completed it assure it', () => {
    const updates = QUALITY_UPDATES.map((item) => (item.id === 'u-done' ? { ...item, author: REVIEWER } : item));
    const plans = [{ tree: QUALITY_PLAN, updates, audit: QUALITY_AUDIT.filter((entry) => entry.id !== 'e-done'), measures: [] }];
    const item = quality(view({ plans })).awaitingAssurance[0];
    expect([item?.canAssure, item?.canReturn, item?.assureBlocked]).toEqual([false, true, 'You recorded this action as complete; another reviewer must assure it.']);
  });
});

describe('buildMeetingView: decisions and measures', () => {
  it('lists the decisions recorded at this meeting (forum matched loosely, date exactly)', () => {
    expect(quality(view()).decisions.map((item) => [item.entityId, item.label, item.kind, item.by.aadObjectId, item.summary])).toEqual([
      ['assured-today', '2 a', 'assured', 'md-1', 'Assured at Quality Committee on 16 Jun 2025.'],
    ]);
    expect(quality(view({ meetingDate: '2025-05-20' })).decisions.map((item) => [item.label, item.kind])).toEqual([['Plan', 'other']]);
  });

  it('shows the plan’s measures with their status and how many are met', () => {
    const result = quality(view());
    expect(result.measures.map((item) => [item.measureId, item.state, item.change])).toEqual([['m-plan', 'met', 29.38], ['m-late', 'no-values', null]]);
    expect(result.outcomes).toEqual({ total: 2, met: 1, notMet: 0, noTarget: 0, noValues: 1 });
  });

  it('shows a reported-to plan only the measures of the actions in view', () => {
    expect(planAt(view(), 1).measures.map((item) => item.measureId)).toEqual(['m-committee']);
  });
});

describe('buildMeetingView: counts', () => {
  it('adds the plans’ counts up for the summary', () => {
    expect(view().counts).toEqual({
      plans: 2, actions: 7, statusChanges: 3, updates: 3, newEvidence: 2, revisedDates: 1,
      overdue: 3, escalated: 1, awaitingAssurance: 1, decisions: 1, measures: 3, measuresMet: 2,
    });
  });
});
