// GET /api/forums, GET /api/meetings and GET /api/plans/:planId/audit in process over the demo
// plan: the forum's meeting as the viewer may act on it, the query's rules, and the trail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorBody, AuditTrail, ForumList, MeetingView } from '../core/views/tab-api.js';
import { type ApiCall, openTabApi, PEOPLE, type TabWorld, TODAY } from '../test/support/tab-world.js';

const FORUM = 'Quality and Safety Committee';
const SINCE = '2025-05-26';
const MEETING = { forum: FORUM, date: TODAY };

let world: TabWorld;
let call: ApiCall;

beforeEach(async () => ({ world, call } = await openTabApi()));
afterEach(() => world.app.store.close());

async function meeting(person: (typeof PEOPLE)[keyof typeof PEOPLE], query: Record<string, string> = { forum: FORUM, since: SINCE }): Promise<MeetingView> {
  const answer = await call('GET', '/api/meetings', person, undefined, query);
  expect(answer.status).toBe(200);
  return MeetingView.parse(answer.body);
}

describe('GET /api/forums', () => {
  it('lists the forums the plans report to, each once', async () => {
    const answer = await call('GET', '/api/forums', PEOPLE.stranger);
    expect([answer.status, ForumList.parse(answer.body)]).toEqual([200, [FORUM]]);
    const upload = { fileName: 'plan.txt', contentBase64: readFileSync(join(import.meta.dirname, '../test/fixtures/plans/row-per-line.txt')).toString('base64') };
    expect((await call('POST', '/api/imports', PEOPLE.lead, upload)).status).toBe(201);
    expect(ForumList.parse((await call('GET', '/api/forums', PEOPLE.stranger)).body).length).toBeGreaterThanOrEqual(1);
  });
});

describe('GET /api/meetings', () => {
  it('shows the demo plan\'s meeting: overdue, awaiting assurance, measures, today\'s meeting', async () => {
    const view = await meeting(PEOPLE.reviewer);
    expect([view.forum, view.since, view.today, view.meeting]).toEqual([FORUM, SINCE, TODAY, MEETING]);
    const [plan] = view.plans;
    expect([view.plans.length, plan?.plan.id, plan?.scope, plan?.canReview]).toEqual([1, world.planId, 'plan', true]);
    expect(plan?.overdue.map((item) => [item.label, item.daysOverdue, item.escalated])).toEqual([['1 a', 5, false]]);
    expect(plan?.awaitingAssurance.map((item) => [item.label, item.canAssure, item.canReturn, item.evidence])).toEqual([['3 b', true, true, 'Learning summary circulated; team meeting minutes.']]);
    expect(plan?.measures.map((measure) => [measure.name, measure.state, measure.change])).toEqual([
      ['Risk assessments reviewed after a change in circumstances (audit)', 'met', 29.38],
      ['Team leaders trained in the Think Family approach', 'not-met', 35],
    ]);
    expect(view.counts).toMatchObject({ plans: 1, actions: 6, overdue: 1, awaitingAssurance: 1, measures: 2, measuresMet: 1 });
  });

  it('offers Approve / Return only to those who may take them', async () => {
    const lead = await meeting(PEOPLE.nurse);
    expect([lead.plans[0]?.canReview, lead.plans[0]?.awaitingAssurance[0]?.canAssure]).toEqual([false, false]);
  });

  it('lists what changed since and the decisions recorded at this meeting', async () => {
    await call('POST', `/api/actions/${world.id('1a')}/updates`, PEOPLE.lead, { note: 'Audit half done', status: 'blocked', revisedDue: '2025-07-31', revisedReason: 'Audit tool delayed', clientKey: 'meeting-1' });
    await call('POST', `/api/actions/${world.id('3b')}/review`, PEOPLE.reviewer, { decision: 'assure', meeting: MEETING });
    const [plan] = (await meeting(PEOPLE.lead)).plans;
    expect(plan?.statusChanges.map((change) => [change.label, change.from, change.to, change.source])).toEqual([['1 a', 'in-progress', 'blocked', 'tab'], ['3 b', 'complete', 'assured', 'tab']]);
    expect(plan?.revisedDates.map((item) => [item.label, item.to, item.reason])).toEqual([['1 a', '2025-07-31', 'Audit tool delayed']]);
    expect(plan?.decisions.map((item) => [item.label, item.kind, item.by.displayName])).toEqual([['3 b', 'assured', PEOPLE.reviewer.displayName]]);
    expect(plan?.awaitingAssurance).toEqual([]);
    // Another meeting's decisions are not this one's.
    const later = await meeting(PEOPLE.lead, { forum: FORUM, since: SINCE, date: '2025-06-24' });
    expect(later.plans[0]?.decisions).toEqual([]);
  });

  it('answers a forum no plan reports to with no plans', async () => {
    const view = await meeting(PEOPLE.lead, { forum: 'Audit Committee', since: SINCE });
    expect([view.plans, view.counts.plans]).toEqual([[], 0]);
  });

  it.each([
    ['no forum', { since: SINCE }, /forum/],
    ['a blank forum', { forum: '  ', since: SINCE }, /Choose the forum/],
    ['no since', { forum: FORUM }, /since/],
    ['a since that is not a date', { forum: FORUM, since: '26/05/2025' }, /YYYY-MM-DD/],
    ['a date that does not exist', { forum: FORUM, since: SINCE, date: '2025-02-30' }, /not a real calendar date/],
    ['a since after the meeting', { forum: FORUM, since: '2025-06-11' }, /after the meeting's date \(2025-06-10\)/],
  ])('answers 400 for %s', async (_what, query, message) => {
    const answer = await call('GET', '/api/meetings', PEOPLE.lead, undefined, query);
    const { error } = ApiErrorBody.parse(answer.body);
    expect([answer.status, error.code, error.message]).toEqual([400, 'BadRequest', expect.stringMatching(message)]);
  });
});

describe('GET /api/plans/:planId/audit', () => {
  it('lists every step newest first, named and with its source', async () => {
    await call('POST', `/api/actions/${world.id('3b')}/review`, PEOPLE.reviewer, { decision: 'return', reason: 'Minutes missing', meeting: MEETING });
    const action = await world.app.store.getAction(world.id('2a'));
    await call('PATCH', `/api/actions/${world.id('2a')}`, PEOPLE.lead, { version: action?.version, fields: { rag: 'amber' } });
    const answer = await call('GET', `/api/plans/${world.planId}/audit`, PEOPLE.stranger);
    expect(answer.status).toBe(200);
    const trail = AuditTrail.parse(answer.body);
    expect(trail.planId).toBe(world.planId);
    const steps = trail.entries.map((entry) => [entry.label, entry.entity, entry.source, entry.actor.displayName]);
    expect(steps.slice(0, 2)).toEqual([['2 a', 'action', 'tab', 'Alex Wilber'], ['3 b', 'action', 'tab', 'Megan Bowen']]);
    // Older: the demo's measures, the set-up of 2 b and the import, named as the plan names them.
    expect(steps).toContainEqual(['2 b', 'action', 'cli', 'Test set-up']);
    expect(steps).toContainEqual(['Team leaders trained in the Think Family approach', 'measure', 'import', 'Demo data']);
    expect(steps.at(-1)).toEqual(['Plan', 'plan', 'import', 'Demo data']);
    expect(trail.entries[1]?.meeting).toEqual(MEETING);
    const times = trail.entries.map((entry) => Date.parse(entry.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('answers 404 for a plan that does not exist', async () => {
    expect((await call('GET', '/api/plans/no-such-plan/audit', PEOPLE.lead)).status).toBe(404);
  });
});
