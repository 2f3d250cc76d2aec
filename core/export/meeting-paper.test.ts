import { describe, expect, it } from 'vitest';
import { AuditEntry, Measure } from '../model/index.js';
import { buildMeetingView } from '../views/meeting-view.js';
import { dueOn, TODAY, tree, update, VIEW_ROLES } from '../../test/support/view-fixtures.js';
import { boardPaperHtml } from './board-paper-html.js';
import type { BoardPaperLayout, BoardPaperSection } from './board-paper-layout.js';
import { MEETING_SECTIONS, meetingPaper, paperActions, withUnit } from './meeting-paper.js';

// Today is Monday 2025-06-16; the committee last met on 2025-05-19 and meets today.
const FORUM = 'Quality Committee';
const SINCE = '2025-05-19';
const LEAD = { aadObjectId: 'lead-1', displayName: 'Name of lead-1' };
const REVIEWER = { aadObjectId: 'md-1', displayName: 'Name of md-1' };

const PLAN = tree(
  [
    {
      number: '1',
      actions: [
        { id: 'late', ref: 'a', text: 'Audit care plans', status: 'in-progress', rag: 'amber', ...dueOn('2025-06-10') },
        { id: 'very-late', ref: 'b', text: 'Train staff', status: 'blocked', rag: 'red', ...dueOn('2025-05-20', 'May-25') },
        { id: 'done', ref: 'c', text: 'Publish guidance', status: 'complete', rag: 'green', evidence: 'Guidance on the intranet', ...dueOn('2025-06-30') },
      ],
    },
    {
      number: '2',
      actions: [
        { id: 'assured', ref: 'a', text: 'Share learning', status: 'assured', evidence: 'Minutes', ...dueOn('2025-05-31') },
        { id: 'moved', ref: 'b', text: 'Re-audit', status: 'in-progress', ...dueOn('2025-06-30'), revisions: [{ date: '2025-09-30', reason: 'Audit tool delayed', at: '2025-06-03T10:00:00.000Z', by: LEAD }] },
      ],
    },
  ],
  { forums: [FORUM], reviewers: ['Medical Director'], reminders: { escalateAfterDaysOverdue: 14 } },
);

const COMPLETED_AT = '2025-06-02T09:00:00.000Z';
const UPDATES = [
  update('u-late', 'late', '2025-06-12T09:00:00.000Z', { note: 'Waiting for the audit tool' }),
  update('u-done', 'done', COMPLETED_AT, { status: 'complete', evidence: 'Guidance on the intranet', note: 'Published' }),
];

const AUDIT = [
  AuditEntry.parse({ id: 'e-done', planId: 'plan-1', entity: 'action', entityId: 'done', at: COMPLETED_AT, actor: LEAD, source: 'card', changes: [{ field: 'status', from: 'in-progress', to: 'complete' }, { field: 'evidence', from: null, to: 'Guidance on the intranet' }] }),
  AuditEntry.parse({
    id: 'e-assured', planId: 'plan-1', entity: 'action', entityId: 'assured', at: '2025-06-16T10:05:00.000Z', actor: REVIEWER, source: 'tab',
    meeting: { forum: FORUM, date: TODAY }, summary: '=Assured at Quality Committee on 16 Jun 2025.', changes: [{ field: 'status', from: 'complete', to: 'assured' }],
  }),
];

const MEASURES = [
  Measure.parse({
    id: 'm1', planId: 'plan-1', name: 'Audit compliance', unit: '%', target: 85, actionId: null, version: 1, createdAt: '2025-01-06T09:00:00.000Z', updatedAt: '2025-01-06T09:00:00.000Z',
    values: [{ date: '2025-01-31', value: 60.49, by: LEAD, at: '2025-01-31T12:00:00.000Z' }, { date: '2025-05-31', value: 89.87, by: LEAD, at: '2025-05-31T12:00:00.000Z' }],
  }),
  Measure.parse({ id: 'm2', planId: 'plan-1', name: 'Staff trained', unit: 'people', target: null, actionId: 'very-late', version: 1, createdAt: '2025-01-06T09:00:00.000Z', updatedAt: '2025-01-06T09:00:00.000Z' }),
];

const VIEW = buildMeetingView({ forum: FORUM, since: SINCE, today: TODAY, plans: [{ tree: PLAN, updates: UPDATES, audit: AUDIT, measures: MEASURES }], roles: VIEW_ROLES, viewer: null });
const PAPER = meetingPaper(VIEW, { actions: paperActions([PLAN]) });

function sectionOf(paper: BoardPaperLayout, heading: string): BoardPaperSection {
  const found = paper.sections.find((s) => s.heading === heading);
  if (!found) throw new Error(`no section ${heading}`);
  return found;
}

/** A section's rows as records by column heading. */
function rows(heading: string, paper = PAPER): Record<string, string>[] {
  const section = sectionOf(paper, heading);
  return section.rows.map((row) => Object.fromEntries(section.columns.map((column, i) => [column, row.cells[i] ?? ''])));
}

describe('meetingPaper', () => {
  it('names the forum, the meeting and the last one in the title block', () => {
    expect(PAPER.title).toBe('Quality Committee: meeting of 16 Jun 2025');
    expect(PAPER.details).toEqual([
      { label: 'Forum', value: FORUM },
      { label: 'Meeting date', value: '16 Jun 2025' },
      { label: 'Changes since', value: '19 May 2025' },
      { label: 'Plans', value: 'Review of care (StEIS 2025/101)' },
      { label: 'As of', value: '16 Jun 2025' },
    ]);
  });

  it('summarises the view’s counts', () => {
    const counts = Object.fromEntries(PAPER.summary.map((line) => [line.label, line.count]));
    expect(counts).toEqual({
      Plans: 1, Actions: 5, 'Status changes': 2, Updates: 2, 'New evidence': 1, 'Revised dates': 1, Overdue: 2, Escalated: 1,
      'Awaiting assurance': 1, 'Decisions at this meeting': 1, 'Outcome measures': 2, 'Outcome measures met': 1,
    });
    expect(PAPER.summary.map((line) => line.count)).toEqual(expect.arrayContaining([VIEW.counts.updates, VIEW.counts.awaitingAssurance]));
  });

  it('has the meeting’s six sections, in the order a committee takes them', () => {
    expect(PAPER.sections.map((s) => s.heading)).toEqual(Object.values(MEETING_SECTIONS));
  });

  it('lists what changed since, oldest first: statuses, updates, evidence and moved dates with their reasons', () => {
    expect(rows(MEETING_SECTIONS.changes).map((row) => [row.Ref, row['What changed'], row.Date, row.From])).toEqual([
      ['1 c', 'Status: In progress → Complete', '2 Jun 2025', 'Teams card'],
      ['1 c', 'Update: Published', '2 Jun 2025', 'Teams card'],
      ['1 c', 'Evidence: Guidance on the intranet', '2 Jun 2025', 'Teams card'],
      ['2 b', 'Due date moved from 30 Jun 2025 to 30 Sep 2025: Audit tool delayed', '3 Jun 2025', ''],
      ['1 a', 'Update: Waiting for the audit tool', '12 Jun 2025', 'Teams card'],
      ['2 a', 'Status: Complete → Assured', '16 Jun 2025', 'Teams tab'],
    ]);
    expect(sectionOf(PAPER, MEETING_SECTIONS.changes).note).toBe('Since the meeting of 19 May 2025.');
  });

  it('lists the overdue most overdue first with the lead’s latest word and RAG, and the escalated apart', () => {
    const overdue = rows(MEETING_SECTIONS.overdue);
    expect(overdue.map((row) => [row.Ref, row['Days overdue'], row.Escalated, row.RAG])).toEqual([['1 b', '27', 'Yes', 'Red'], ['1 a', '6', 'No', 'Amber']]);
    expect(overdue[1]?.["Lead's latest word"]).toBe('12 Jun 2025 (Name of lead-1): Waiting for the audit tool');
    expect(overdue[0]?.["Lead's latest word"]).toBe('No update recorded');
    expect(sectionOf(PAPER, MEETING_SECTIONS.overdue).rows.map((row) => row.rag)).toEqual(['red', 'amber']);
    expect(rows(MEETING_SECTIONS.escalated).map((row) => [row.Ref, row['Escalated after (days)']])).toEqual([['1 b', '14']]);
  });

  it('lists what awaits assurance with its evidence and who completed it', () => {
    expect(rows(MEETING_SECTIONS.awaiting)).toEqual([
      { Plan: 'StEIS 2025/101', Ref: '1 c', Action: 'Publish guidance', Lead: 'Head of Nursing', Evidence: 'Guidance on the intranet', Completed: '2 Jun 2025 by Name of lead-1', 'Last review': '', RAG: 'Green' },
    ]);
  });

  it('lists the decisions recorded at this meeting, their text raw for each writer to make safe', () => {
    expect(rows(MEETING_SECTIONS.decisions)).toEqual([{ Plan: 'StEIS 2025/101', About: '2 a', Decision: 'Assured', By: 'Name of md-1', Summary: '=Assured at Quality Committee on 16 Jun 2025.' }]);
  });

  it('shows each measure’s first and latest readings, the change, the target and whether it is met', () => {
    expect(rows(MEETING_SECTIONS.measures).map((row) => [row.Measure, row.For, row.First, row.Latest, row.Change, row.Target, row.Met])).toEqual([
      ['Audit compliance', 'Whole plan', '60.49% (31 Jan 2025)', '89.87% (31 May 2025)', '+29.38%', 'at least 85%', 'Met'],
      ['Staff trained', 'Action 1 b', '', '', '', '', 'No target set'],
    ]);
    expect(sectionOf(PAPER, MEETING_SECTIONS.measures).note).toBe('1 of 2 outcome measures met.');
  });

  it('says so when a section is empty, and still lays out in every writer', () => {
    const quiet = buildMeetingView({ forum: 'Audit Committee', since: SINCE, today: TODAY, plans: [{ tree: PLAN, updates: UPDATES, audit: AUDIT, measures: MEASURES }], roles: VIEW_ROLES });
    const paper = meetingPaper(quiet);
    expect(paper.sections.map((s) => [s.rows.length, s.note])).toEqual([
      [0, 'Nothing has changed since the meeting of 19 May 2025.'],
      [0, 'No action is overdue.'],
      [0, 'No action is overdue beyond its plan\'s escalation threshold.'],
      [0, 'No action is awaiting assurance.'],
      [0, 'No decision has been recorded against Audit Committee on 16 Jun 2025 yet.'],
      [0, 'No outcome measures are recorded for these plans.'],
    ]);
    expect(paper.details.find((d) => d.label === 'Plans')?.value).toBe('None');
    expect(boardPaperHtml(paper)).toContain('No action is awaiting assurance.');
  });

  it('leaves RAG cells empty and measures unlabelled without the actions', () => {
    const bare = meetingPaper(VIEW);
    expect(rows(MEETING_SECTIONS.overdue, bare).map((row) => row.RAG)).toEqual(['', '']);
    expect(rows(MEETING_SECTIONS.measures, bare)[1]?.For).toBe('Action');
  });

  it.each([
    [89.87, '%', '89.87%'],
    [76, 'people', '76 people'],
    [12, '', '12'],
    [-3.5, 'days', '-3.5 days'],
  ])('writes %s with unit "%s" as %s', (value, unit, text) => {
    expect(withUnit(value, unit)).toBe(text);
  });
});
