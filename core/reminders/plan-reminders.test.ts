import { describe, expect, it } from 'vitest';
import { type Action, DEFAULT_REMINDER_SETTINGS, type FuzzyDate, type NewReminder, ReminderKind, type ReminderSettings, type Role, roleKey } from '../model/index.js';
import { planReminders } from './plan-reminders.js';
import type { ReminderInput, ReminderItem, ReminderPlan, ReminderPlanInfo, ReminderProblem } from './types.js';

/** Monday 30 June 2025, 11:15 BST. */
const NOW = '2025-06-30T10:15:00Z';
const AT_NOW = '2025-06-30T10:15:00.000Z';
const LONDON = 'Europe/London';
const HOLIDAYS = new Set(['2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26', '2026-01-01']);

function role(name: string, holders: string[], deputies: string[] = []): Role {
  const person = (id: string) => ({ aadObjectId: id, displayName: `Name of ${id}` });
  return { id: `r-${roleKey(name)}`, name, key: roleKey(name), holders: holders.map(person), deputies: deputies.map(person) };
}

const ROLES = [
  role('Medical Director', ['u-md']),
  role('Head of Quality', ['u-hq1', 'u-hq2'], ['u-hqd']),
  role('Ward Manager', [], ['u-wmd']),
  role('Vacant Post', []),
  role('Director of Nursing', ['u-dn']),
  role('Chief Executive', []),
];

function action(fields: Partial<Action> = {}): Action {
  return {
    id: 'a1', planId: 'p1', recommendationId: 'r1', position: 0, version: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
    ref: 'a', text: 'Audit the handover', leads: ['Medical Director'], leadText: 'Medical Director',
    due: { text: '30/06/2025', date: '2025-06-30', precision: 'day' }, revisions: [], status: 'in-progress', rag: 'amber', statusText: null,
    furtherAction: null, evidence: null, measurement: null, outcomes: null, monitoring: null, reportedTo: null, completed: null, other: [], flags: [],
    snoozedUntil: null, review: null,
    ...fields,
  };
}

const PLAN: ReminderPlanInfo = { id: 'p1', title: 'StEIS 2025/123', status: 'active', owner: 'Director of Nursing', reminders: null };

function item(fields: Partial<Action> = {}, plan: Partial<ReminderPlanInfo> = {}): ReminderItem {
  return { action: action(fields), plan: { ...PLAN, ...plan }, recommendationNumber: '1' };
}

function due(date: string): Pick<Action, 'due'> {
  return { due: { text: date, date, precision: 'day' } };
}

function sweep(items: ReminderItem[], input: Partial<ReminderInput> = {}): ReminderPlan {
  return planReminders({ now: NOW, timeZone: LONDON, holidays: HOLIDAYS, items, roles: ROLES, defaults: DEFAULT_REMINDER_SETTINGS, ...input });
}

/** The reminder a key stands for (`action|recipient|kind|occasion|due date`), in plan p1. */
function reminder(key: string, plannedFor = AT_NOW): NewReminder {
  const [actionId = '', recipient = '', kind = '', , dueDate = ''] = key.split('|');
  return { key, planId: 'p1', actionId, recipient, kind: ReminderKind.parse(kind), dueDate, plannedFor };
}

function keysOf(plan: ReminderPlan): string[] {
  return plan.reminders.map((entry) => entry.key);
}

describe('planReminders: a whole sweep, written out', () => {
  it('plans reminders, one digest per person, and reports what it could not route', () => {
    const items = [
      item({ id: 'a1', leads: ['Head of Quality', 'Medical Director'] }),
      item({ id: 'a2', leads: ['Medical Director'], ...due('2025-07-01') }),
      item({ id: 'a3', leads: ['Vacant Post'], ...due('2025-06-16') }),
      item({ id: 'a4', status: 'complete' }),
    ];
    expect(sweep(items)).toEqual({
      reminders: [
        { key: 'a1|u-hq1|due|D|2025-06-30', planId: 'p1', actionId: 'a1', recipient: 'u-hq1', kind: 'due', dueDate: '2025-06-30', plannedFor: '2025-06-30T10:15:00.000Z' },
        { key: 'a1|u-hq2|due|D|2025-06-30', planId: 'p1', actionId: 'a1', recipient: 'u-hq2', kind: 'due', dueDate: '2025-06-30', plannedFor: '2025-06-30T10:15:00.000Z' },
        { key: 'a1|u-md|due|D|2025-06-30', planId: 'p1', actionId: 'a1', recipient: 'u-md', kind: 'due', dueDate: '2025-06-30', plannedFor: '2025-06-30T10:15:00.000Z' },
        { key: 'a2|u-md|before-due|D-1|2025-07-01', planId: 'p1', actionId: 'a2', recipient: 'u-md', kind: 'before-due', dueDate: '2025-07-01', plannedFor: '2025-06-30T10:15:00.000Z' },
        { key: 'a3|u-dn|unassigned|D+14|2025-06-16', planId: 'p1', actionId: 'a3', recipient: 'u-dn', kind: 'unassigned', dueDate: '2025-06-16', plannedFor: '2025-06-30T10:15:00.000Z' },
        { key: 'a3|u-dn|escalation|D+14|2025-06-16', planId: 'p1', actionId: 'a3', recipient: 'u-dn', kind: 'escalation', dueDate: '2025-06-16', plannedFor: '2025-06-30T10:15:00.000Z' },
      ],
      digests: [
        { recipient: 'u-hq1', plannedFor: '2025-06-30T10:15:00.000Z', reminders: [reminder('a1|u-hq1|due|D|2025-06-30')] },
        { recipient: 'u-hq2', plannedFor: '2025-06-30T10:15:00.000Z', reminders: [reminder('a1|u-hq2|due|D|2025-06-30')] },
        { recipient: 'u-md', plannedFor: '2025-06-30T10:15:00.000Z', reminders: [reminder('a1|u-md|due|D|2025-06-30'), reminder('a2|u-md|before-due|D-1|2025-07-01')] },
        { recipient: 'u-dn', plannedFor: '2025-06-30T10:15:00.000Z', reminders: [reminder('a3|u-dn|unassigned|D+14|2025-06-16'), reminder('a3|u-dn|escalation|D+14|2025-06-16')] },
      ],
      problems: [{ kind: 'no-holder', planId: 'p1', actionId: 'a3', role: 'Vacant Post' }],
    });
  });
});

describe('rule 1: actions that get no reminders', () => {
  const disabled: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, enabled: false };
  const dueToday = ['a1|u-md|due|D|2025-06-30'];

  it.each([
    ['an open action due today', item(), dueToday],
    ['a closed plan', item({}, { status: 'closed' }), []],
    ['a draft plan (only closed plans are skipped)', item({}, { status: 'draft' }), dueToday],
    ['a complete action', item({ status: 'complete' }), []],
    ['an assured action', item({ status: 'assured' }), []],
    ['a not-applicable action', item({ status: 'not-applicable' }), []],
    ['a not-started action', item({ status: 'not-started' }), dueToday],
    ['a blocked action', item({ status: 'blocked' }), dueToday],
    ['an action whose status is unknown', item({ status: 'unknown' }), dueToday],
    ['an action with no due date', item({ due: null }), []],
    ['an "Ongoing" action', item({ due: { text: 'Ongoing', date: null, precision: 'ongoing', ongoing: true } }), []],
    ['a plan with reminders turned off', item({}, { reminders: disabled }), []],
    ['an action snoozed until today', item({ snoozedUntil: '2025-06-30' }), []],
    ['an action snoozed until later', item({ snoozedUntil: '2025-07-10' }), []],
    ['an action whose snooze ended yesterday', item({ snoozedUntil: '2025-06-29' }), dueToday],
  ])('%s', (_label, entry, keys) => {
    const planned = sweep([entry]);
    expect(planned.reminders).toEqual(keys.map((key) => reminder(key)));
    expect(planned.problems).toEqual([]);
  });

  it('turned off in the defaults: plans without their own settings are skipped', () => {
    expect(sweep([item()], { defaults: disabled })).toEqual({ reminders: [], digests: [], problems: [] });
  });
});

describe('rules 2–4: one action due Monday 30 June 2025 over time (lead: Medical Director; owner: Director of Nursing)', () => {
  it.each([
    ['2025-06-13T10:00:00Z', [], ''], // before the first offset
    ['2025-06-16T10:00:00Z', ['a1|u-md|before-due|D-14|2025-06-30'], '2025-06-16T10:00:00.000Z'],
    ['2025-06-23T10:00:00Z', ['a1|u-md|before-due|D-7|2025-06-30'], '2025-06-23T10:00:00.000Z'],
    ['2025-06-27T10:00:00Z', ['a1|u-md|before-due|D-1|2025-06-30'], '2025-06-27T10:00:00.000Z'], // Sunday's, moved back to Friday
    ['2025-06-28T10:00:00Z', ['a1|u-md|before-due|D-1|2025-06-30'], '2025-06-30T08:00:00.000Z'], // Saturday: sent Monday 09:00
    ['2025-06-30T10:00:00Z', ['a1|u-md|due|D|2025-06-30'], '2025-06-30T10:00:00.000Z'],
    ['2025-07-04T10:00:00Z', ['a1|u-md|due|D|2025-06-30'], '2025-07-04T10:00:00.000Z'],
    ['2025-07-07T10:00:00Z', ['a1|u-md|overdue|D+7|2025-06-30'], '2025-07-07T10:00:00.000Z'],
    ['2025-07-13T10:00:00Z', ['a1|u-md|overdue|D+7|2025-06-30'], '2025-07-14T08:00:00.000Z'],
    ['2025-07-14T10:00:00Z', ['a1|u-md|overdue|D+14|2025-06-30', 'a1|u-dn|escalation|D+14|2025-06-30'], '2025-07-14T10:00:00.000Z'],
    ['2025-07-18T10:00:00Z', ['a1|u-md|overdue|D+14|2025-06-30', 'a1|u-dn|escalation|D+14|2025-06-30'], '2025-07-18T10:00:00.000Z'],
    ['2025-07-21T10:00:00Z', ['a1|u-md|overdue|D+21|2025-06-30', 'a1|u-dn|escalation|D+21|2025-06-30'], '2025-07-21T10:00:00.000Z'],
    // D+56 is the August bank holiday: that occasion waits for Tuesday; on the holiday, D+49 is the latest
    ['2025-08-25T10:00:00Z', ['a1|u-md|overdue|D+49|2025-06-30', 'a1|u-dn|escalation|D+49|2025-06-30'], '2025-08-26T08:00:00.000Z'],
    ['2025-08-26T10:00:00Z', ['a1|u-md|overdue|D+56|2025-06-30', 'a1|u-dn|escalation|D+56|2025-06-30'], '2025-08-26T10:00:00.000Z'],
  ])('now %s → %j', (now, keys, plannedFor) => {
    expect(sweep([item()], { now }).reminders).toEqual(keys.map((key) => reminder(key, plannedFor)));
  });
});

describe('rule 3: occasions on weekends and bank holidays', () => {
  it.each([
    ['due Saturday 28 June, the day before', '2025-06-28', '2025-06-26T10:00:00Z', ['a1|u-md|before-due|D-7|2025-06-28'], '2025-06-26T10:00:00.000Z'],
    ['due Saturday 28 June, on Friday', '2025-06-28', '2025-06-27T10:00:00Z', ['a1|u-md|due|D|2025-06-28'], '2025-06-27T10:00:00.000Z'],
    ['due Saturday 28 June, a week on (D+7 is Saturday)', '2025-06-28', '2025-07-04T10:00:00Z', ['a1|u-md|due|D|2025-06-28'], '2025-07-04T10:00:00.000Z'],
    ['due Saturday 28 June, the Monday after D+7', '2025-06-28', '2025-07-07T10:00:00Z', ['a1|u-md|overdue|D+7|2025-06-28'], '2025-07-07T10:00:00.000Z'],
    ['due Christmas Day, on Christmas Eve', '2025-12-25', '2025-12-24T10:00:00Z', ['a1|u-md|due|D|2025-12-25'], '2025-12-24T10:00:00.000Z'],
    ['due Christmas Day, two days before', '2025-12-25', '2025-12-23T10:00:00Z', ['a1|u-md|before-due|D-7|2025-12-25'], '2025-12-23T10:00:00.000Z'],
    ['due Boxing Day, on Christmas Eve', '2025-12-26', '2025-12-24T10:00:00Z', ['a1|u-md|due|D|2025-12-26'], '2025-12-24T10:00:00.000Z'],
    ['due Boxing Day, on the Monday after', '2025-12-26', '2025-12-29T10:00:00Z', ['a1|u-md|due|D|2025-12-26'], '2025-12-29T10:00:00.000Z'],
    ['due 11 December, on Boxing Day (D+14 is Christmas Day)', '2025-12-11', '2025-12-26T10:00:00Z', ['a1|u-md|overdue|D+7|2025-12-11'], '2025-12-29T09:00:00.000Z'],
    ['due 11 December, on 29 December', '2025-12-11', '2025-12-29T10:00:00Z', ['a1|u-md|overdue|D+14|2025-12-11', 'a1|u-dn|escalation|D+14|2025-12-11'], '2025-12-29T10:00:00.000Z'],
  ])('%s', (_label, dueDate, now, keys, plannedFor) => {
    expect(sweep([item(due(dueDate))], { now }).reminders).toEqual(keys.map((key) => reminder(key, plannedFor)));
  });

  it('does not move anything when the plan counts every day', () => {
    const everyDay = { ...DEFAULT_REMINDER_SETTINGS, workingDaysOnly: false };
    const planned = sweep([item(due('2025-06-28'), { reminders: everyDay })], { now: '2025-06-28T10:00:00Z' });
    expect(planned.reminders).toEqual([reminder('a1|u-md|due|D|2025-06-28', '2025-06-28T10:00:00.000Z')]);
  });
});

describe('rule 4: catching up, and the same keys on every sweep of a day', () => {
  it('a sweep after days of downtime plans the latest occasion only', () => {
    const planned = sweep([item()], { now: '2025-07-09T10:00:00Z' });
    expect(planned.reminders).toEqual([reminder('a1|u-md|overdue|D+7|2025-06-30', '2025-07-09T10:00:00.000Z')]);
  });

  it('a year overdue: one reminder to the lead and one escalation, not 52 of each', () => {
    const planned = sweep([item()], { now: '2026-06-29T10:00:00Z' });
    expect(keysOf(planned)).toEqual(['a1|u-md|overdue|D+364|2025-06-30', 'a1|u-dn|escalation|D+364|2025-06-30']);
  });

  it('gives identical output for identical input and leaves the input as it was', () => {
    const input: ReminderInput = { now: NOW, timeZone: LONDON, holidays: HOLIDAYS, items: [item(), item({ id: 'a2', leads: [] })], roles: ROLES, defaults: DEFAULT_REMINDER_SETTINGS };
    const before = structuredClone(input);
    const first = planReminders(input);
    expect(planReminders(input)).toEqual(first);
    expect(input).toEqual(before);
  });

  it.each([
    ['2025-06-30T05:00:00Z', '2025-06-30T08:00:00.000Z'],
    ['2025-06-30T14:00:00Z', '2025-06-30T14:00:00.000Z'],
    ['2025-06-30T20:00:00Z', '2025-07-01T08:00:00.000Z'],
  ])('a later sweep on the same day (%s) plans the same keys', (now, plannedFor) => {
    const planned = sweep([item({ leads: ['Head of Quality'] })], { now });
    expect(planned.reminders).toEqual([reminder('a1|u-hq1|due|D|2025-06-30', plannedFor), reminder('a1|u-hq2|due|D|2025-06-30', plannedFor)]);
  });

  it('a revised due date starts a fresh series', () => {
    const revised = item({ revisions: [{ date: '2025-07-14', reason: 'Waiting for the audit tool', at: null, by: null }] });
    expect(sweep([revised]).reminders).toEqual([reminder('a1|u-md|before-due|D-14|2025-07-14')]);
  });

  it('never plans an occasion in the future', () => {
    expect(sweep([item(due('2025-07-15'))]).reminders).toEqual([]);
  });
});

describe('rule 5: recipients', () => {
  const noHolder = (role: string): ReminderProblem => ({ kind: 'no-holder', planId: 'p1', actionId: 'a1', role });
  const noOwner = (owner: string | null): ReminderProblem => ({ kind: 'no-owner', planId: 'p1', actionId: 'a1', owner });

  it.each([
    ['a role with holders and deputies: the holders', ['Head of Quality'], 'Director of Nursing', ['a1|u-hq1|due|D|2025-06-30', 'a1|u-hq2|due|D|2025-06-30'], []],
    ['a role with deputies only: the deputies', ['Ward Manager'], 'Director of Nursing', ['a1|u-wmd|due|D|2025-06-30'], []],
    ['several leads: each person once', ['Medical Director', 'Head of Quality', 'medical director'], 'Director of Nursing', ['a1|u-md|due|D|2025-06-30', 'a1|u-hq1|due|D|2025-06-30', 'a1|u-hq2|due|D|2025-06-30'], []],
    ['one lead role vacant: the others, and a problem', ['Medical Director', 'Vacant Post'], 'Director of Nursing', ['a1|u-md|due|D|2025-06-30'], [noHolder('Vacant Post')]],
    ['a lead role that does not exist: unassigned to the owner', ['Chief Nurse'], 'Director of Nursing', ['a1|u-dn|unassigned|D|2025-06-30'], [noHolder('Chief Nurse')]],
    ['every lead role vacant: unassigned to the owner', ['Vacant Post', 'Chief Nurse'], 'Director of Nursing', ['a1|u-dn|unassigned|D|2025-06-30'], [noHolder('Vacant Post'), noHolder('Chief Nurse')]],
    ['no lead at all: unassigned to the owner', [], 'Director of Nursing', ['a1|u-dn|unassigned|D|2025-06-30'], [{ kind: 'no-lead', planId: 'p1', actionId: 'a1' }]],
    ['unassigned, the owner role filled by deputies', ['Vacant Post'], 'Ward Manager', ['a1|u-wmd|unassigned|D|2025-06-30'], [noHolder('Vacant Post')]],
    ['unassigned, the owner role vacant', ['Vacant Post'], 'Chief Executive', [], [noHolder('Vacant Post'), noOwner('Chief Executive')]],
    ['unassigned, the plan has no owner', ['Vacant Post'], null, [], [noHolder('Vacant Post'), noOwner(null)]],
  ] as const)('%s', (_label, leads, owner, keys, problems) => {
    const planned = sweep([item({ leads: [...leads] }, { owner })]);
    expect(planned.reminders).toEqual(keys.map((key) => reminder(key)));
    expect(planned.problems).toEqual(problems);
  });

  const fourteenLate = '2025-07-14T10:00:00Z';
  const atFourteen = '2025-07-14T10:00:00.000Z';

  it.each([
    ['escalation to every holder of the owner role', ['Medical Director'], 'Head of Quality', ['a1|u-md|overdue|D+14|2025-06-30', 'a1|u-hq1|escalation|D+14|2025-06-30', 'a1|u-hq2|escalation|D+14|2025-06-30'], []],
    ['escalation with no owner: reported', ['Medical Director'], null, ['a1|u-md|overdue|D+14|2025-06-30'], [noOwner(null)]],
    ['unassigned and escalation both to the owner', [], 'Director of Nursing', ['a1|u-dn|unassigned|D+14|2025-06-30', 'a1|u-dn|escalation|D+14|2025-06-30'], [{ kind: 'no-lead', planId: 'p1', actionId: 'a1' }]],
    ['unassigned and escalation, owner vacant: one no-owner problem', ['Vacant Post'], 'Chief Executive', [], [noHolder('Vacant Post'), noOwner('Chief Executive')]],
  ] as const)('%s', (_label, leads, owner, keys, problems) => {
    const planned = sweep([item({ leads: [...leads] }, { owner })], { now: fourteenLate });
    expect(planned.reminders).toEqual(keys.map((key) => reminder(key, atFourteen)));
    expect(planned.problems).toEqual(problems);
  });
});

describe('snoozed actions: the lead is left alone, escalations still go', () => {
  it.each([
    ['before escalation: nothing', '2025-07-07T10:00:00Z', ['Medical Director'], [], []],
    ['escalating: the owner only', '2025-07-14T10:00:00Z', ['Medical Director'], ['a1|u-dn|escalation|D+14|2025-06-30'], []],
    ['lead role vacant: no unassigned reminder and nothing to route', '2025-06-30T10:00:00Z', ['Vacant Post'], [], []],
  ] as const)('%s', (_label, now, leads, keys, problems) => {
    const planned = sweep([item({ leads: [...leads], snoozedUntil: '2025-07-31' })], { now });
    expect(planned.reminders).toEqual(keys.map((key) => reminder(key, `${now.slice(0, 19)}.000Z`)));
    expect(planned.problems).toEqual(problems);
  });
});

describe("a plan's own settings override the defaults", () => {
  const own: ReminderSettings = {
    enabled: true,
    offsetsDays: [3],
    overdueEveryDays: 2,
    escalateAfterDaysOverdue: 4,
    workingDaysOnly: false,
    window: { start: '08:00', end: '12:00' },
  };

  it.each([
    ['2025-06-26T10:00:00Z', []],
    ['2025-06-27T10:00:00Z', ['a1|u-md|before-due|D-3|2025-06-30']],
    ['2025-06-30T10:00:00Z', ['a1|u-md|before-due|D-3|2025-06-30']], // no offset 0: no 'due' reminder
    ['2025-07-01T10:00:00Z', ['a1|u-md|before-due|D-3|2025-06-30']],
    ['2025-07-02T10:00:00Z', ['a1|u-md|overdue|D+2|2025-06-30']],
    ['2025-07-05T10:00:00Z', ['a1|u-md|overdue|D+4|2025-06-30', 'a1|u-dn|escalation|D+4|2025-06-30']], // a Saturday counts
  ])('now %s → %j', (now, keys) => {
    expect(keysOf(sweep([item({}, { reminders: own })], { now }))).toEqual(keys);
  });

  it.each([
    ['the plan\'s own', own, ['a1|u-md|before-due|D-3|2025-06-30', 'a1|u-md|before-due|D-1|2025-06-30']],
    ['the defaults', null, ['a1|u-md|before-due|D-1|2025-06-30', 'a1|u-md|before-due|D-1|2025-06-30']],
  ])('two plans on the same day, the first with %s settings', (_label, reminders, keys) => {
    const items = [item({}, { reminders }), item({}, { id: 'p2', reminders: null })];
    expect(keysOf(sweep(items, { now: '2025-06-27T10:00:00Z' }))).toEqual(keys);
  });

  it('uses the plan window: after it closes, the next day (any day) at its start', () => {
    const planned = sweep([item({}, { reminders: own })], { now: '2025-07-04T11:00:00Z' }); // Friday 12:00 BST
    expect(planned.reminders).toEqual([
      reminder('a1|u-md|overdue|D+4|2025-06-30', '2025-07-05T07:00:00.000Z'),
      reminder('a1|u-dn|escalation|D+4|2025-06-30', '2025-07-05T07:00:00.000Z'),
    ]);
  });

  it('uses the defaults given, for a plan without its own', () => {
    const defaults = { ...DEFAULT_REMINDER_SETTINGS, offsetsDays: [2] };
    expect(keysOf(sweep([item()], { now: '2025-06-27T10:00:00Z', defaults }))).toEqual(['a1|u-md|before-due|D-2|2025-06-30']);
  });
});

describe('rule 6: when reminders are planned for (09:00–17:00 London)', () => {
  it.each([
    ['Friday, before the window', '2025-07-04T06:00:00Z', '2025-07-04T08:00:00.000Z'],
    ['Friday, inside the window', '2025-07-04T12:34:56Z', '2025-07-04T12:34:56.000Z'],
    ['Friday, as the window closes', '2025-07-04T16:00:00Z', '2025-07-07T08:00:00.000Z'],
    ['Friday evening', '2025-07-04T20:00:00Z', '2025-07-07T08:00:00.000Z'],
    ['Saturday', '2025-07-05T10:00:00Z', '2025-07-07T08:00:00.000Z'],
  ])('%s (%s) → %s', (_label, now, plannedFor) => {
    expect(sweep([item(due('2025-07-04'))], { now }).reminders).toEqual([reminder('a1|u-md|due|D|2025-07-04', plannedFor)]);
  });
});

describe('rule 7: fuzzy dates are reminded by the date they were read as', () => {
  it.each<[string, FuzzyDate]>([
    ['a month', { text: 'Jun-25', date: '2025-06-30', precision: 'month' }],
    ['a financial quarter', { text: 'Q1 25/26', date: '2025-06-30', precision: 'quarter', start: '2025-04-01' }],
    ['a revised date written after the first', { text: 'March 2025 June 2025', date: '2025-06-30', precision: 'month', earlier: [{ text: 'March 2025', date: '2025-03-31', precision: 'month' }] }],
  ])('%s', (_label, fuzzy) => {
    expect(keysOf(sweep([item({ due: fuzzy })]))).toEqual(['a1|u-md|due|D|2025-06-30']);
  });

  it('a revision made in Followthrough wins over the date the plan wrote', () => {
    const revised = item({ due: { text: 'Q4 24/25', date: '2025-03-31', precision: 'quarter' }, revisions: [{ date: '2025-06-30', reason: 'Staffing', at: null, by: null }] });
    expect(keysOf(sweep([revised]))).toEqual(['a1|u-md|due|D|2025-06-30']);
  });
});

describe('digests: one card per person', () => {
  it('groups one person\'s reminders across actions and plans with the same window', () => {
    const items = [
      item({ id: 'a1' }),
      item({ id: 'a2', leads: ['Medical Director', 'Head of Quality'], ...due('2025-07-01') }),
      item({ id: 'a3', leads: ['Head of Quality'], ...due('2025-07-14') }, { id: 'p2' }),
    ];
    const planned = sweep(items);
    expect(planned.digests.map((digest) => [digest.recipient, digest.plannedFor, digest.reminders.map((entry) => entry.key)])).toEqual([
      ['u-md', AT_NOW, ['a1|u-md|due|D|2025-06-30', 'a2|u-md|before-due|D-1|2025-07-01']],
      ['u-hq1', AT_NOW, ['a2|u-hq1|before-due|D-1|2025-07-01', 'a3|u-hq1|before-due|D-14|2025-07-14']],
      ['u-hq2', AT_NOW, ['a2|u-hq2|before-due|D-1|2025-07-01', 'a3|u-hq2|before-due|D-14|2025-07-14']],
    ]);
    expect(planned.reminders.filter((entry) => entry.actionId === 'a3').map((entry) => entry.planId)).toEqual(['p2', 'p2']);
  });

  it('keeps plans with different windows in separate digests', () => {
    const early = { ...DEFAULT_REMINDER_SETTINGS, window: { start: '07:00', end: '08:00' } };
    const planned = sweep([item({ id: 'a1' }), item({ id: 'a2' }, { id: 'p2', reminders: early })]);
    expect(planned.digests.map((digest) => [digest.recipient, digest.plannedFor, digest.reminders.length])).toEqual([
      ['u-md', AT_NOW, 1],
      ['u-md', '2025-07-01T06:00:00.000Z', 1],
    ]);
  });
});
