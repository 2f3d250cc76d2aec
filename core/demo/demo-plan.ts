import { ActionDraft as ActionDraftSchema, type ActionDraft, type MeasureFields, type PlanDraft } from '../model/index.js';
import { addDays } from '../plan/calendar.js';

/** The role the local demo user holds, so reminders have someone to reach. */
export const DEMO_LEAD_ROLE = 'Head of Community Mental Health Services';
export const DEMO_EDITOR_ROLE = 'Associate Director of Quality Governance';
/** Assures the demo's actions besides its editor: whoever completed an action may not assure it too. */
export const DEMO_REVIEWER_ROLE = 'Head of Quality Governance';

/**
 * A made-up plan shaped like the real ones, with due dates placed around `today` (overdue,
 * today, in 1, 7 and 14 days) so the reminders and the overdue views have something to show.
 */
export function demoPlan(today: string): PlanDraft {
  const on = (days: number): Pick<ActionDraft, 'due'> => {
    const date = addDays(today, days);
    const [y, m, d] = date.split('-');
    return { due: { text: `${d ?? ''}/${m ?? ''}/${y ?? ''}`, date, precision: 'day' } };
  };
  const action = (ref: string, text: string, days: number, extra: Partial<ActionDraft> = {}): ActionDraft => ActionDraftSchema.parse({
    ref, text, leads: [DEMO_LEAD_ROLE], leadText: DEMO_LEAD_ROLE, ...on(days), revisions: [], status: 'in-progress', rag: 'amber',
    statusText: 'Amber', other: [], flags: [], reportedTo: 'Quality and Safety Committee', ...extra,
  });
  return {
    plan: {
      title: 'Demo: action plan following an independent mental health homicide review',
      references: ['StEIS 2099/00001'],
      sourceReport: 'Independent investigation report (demonstration data)',
      published: null,
      organisations: ['Demo NHS Foundation Trust'],
      owner: DEMO_EDITOR_ROLE,
      forums: ['Quality and Safety Committee'],
      reviewers: [DEMO_REVIEWER_ROLE],
      status: 'active',
      statements: ['Demonstration data only. No real case, patient or member of staff is described.'],
      ragKey: [
        { rag: 'red', meaning: 'Action not started', status: 'not-started' },
        { rag: 'amber', meaning: 'Action being progressed', status: 'in-progress' },
        { rag: 'green', meaning: 'Action fully complete', status: 'complete' },
      ],
      lastUpdated: null,
      details: [],
      columns: [],
      // A demo must show a reminder whenever someone tries it, not only in office hours.
      reminders: { enabled: true, offsetsDays: [14, 7, 1, 0], overdueEveryDays: 7, escalateAfterDaysOverdue: 14, workingDaysOnly: false, window: { start: '00:00', end: '23:59' } },
    },
    recommendations: [
      {
        number: '1', organisation: 'Demo NHS Foundation Trust', finding: 'Risk assessments were not updated after changes in circumstances.', flags: [],
        text: 'The Trust should ensure risk assessments are reviewed whenever a service user\'s circumstances change.',
        actions: [
          action('a', 'Audit a sample of community caseloads for risk reviews after a change in circumstances.', -5, { status: 'in-progress', rag: 'red', statusText: 'Red' }),
          action('b', 'Add a prompt to the electronic record to review risk when an address or carer changes.', 0),
        ],
      },
      {
        number: '2', organisation: 'Demo NHS Foundation Trust', finding: 'Families were not routinely involved in care planning.', flags: [],
        text: 'The Trust should involve families and carers in care planning wherever the service user agrees.',
        actions: [
          action('a', 'Publish carer-involvement guidance for community teams.', 1, { status: 'not-started', rag: 'red', statusText: 'Red' }),
          action('b', 'Train team leaders in the Think Family approach.', 7),
        ],
      },
      {
        number: '3', organisation: 'Demo NHS Foundation Trust', finding: null, flags: [],
        text: 'The Trust should seek assurance that completed actions have improved practice.',
        actions: [
          action('a', 'Re-audit risk reviews six months after the prompt goes live and report to the committee.', 14, { status: 'not-started', rag: 'red', statusText: 'Red' }),
          action('b', 'Share the learning summary with all community teams.', -30, {
            status: 'complete', rag: 'green', statusText: 'Green', evidence: 'Learning summary circulated; team meeting minutes.', completed: { text: 'Complete', date: null, precision: 'none', complete: true },
          }),
        ],
      },
    ],
    warnings: [],
    discarded: [],
  };
}

/** A demo measure: its fields, the action it measures by label ("2 b"; null: the whole plan), and its readings. */
export interface DemoMeasure {
  fields: Omit<MeasureFields, 'actionId'>;
  action: string | null;
  values: { date: string; value: number; note: string | null }[];
}

/**
 * Outcome measures for the demo, shaped like seed 002's (audit compliance 60.49% → 89.87%;
 * attendance 76% of the target group): one plan-level indicator that is met, one action's
 * measure that is not yet, with readings dated before `today`.
 */
export function demoMeasures(today: string): DemoMeasure[] {
  return [
    {
      fields: { name: 'Risk assessments reviewed after a change in circumstances (audit)', unit: '%', target: 85, direction: 'increase' },
      action: null,
      values: [
        { date: addDays(today, -120), value: 60.49, note: 'Baseline audit of 40 community caseloads' },
        { date: addDays(today, -30), value: 89.87, note: 'Re-audit after the record prompt went live' },
      ],
    },
    {
      fields: { name: 'Team leaders trained in the Think Family approach', unit: '%', target: 90, direction: 'increase' },
      action: '2b',
      values: [
        { date: addDays(today, -60), value: 41, note: null },
        { date: addDays(today, -14), value: 76, note: '76% of the target group attended' },
      ],
    },
  ];
}
