// POST /api/plans/:planId/status in process over the demo plan: closing is refused while anything
// is open (and says what), allowed once every action is assured or not applicable; reopening
// needs a reason; editors only; a stale version is a 409. Each step is in the trail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionDetail, ApiErrorBody } from '../core/views/tab-api.js';
import { Plan } from '../core/model/index.js';
import { type ApiCall, NOW, openTabApi, PEOPLE, type TabWorld, TODAY } from '../test/support/tab-world.js';

let world: TabWorld;
let call: ApiCall;

beforeEach(async () => ({ world, call } = await openTabApi()));
afterEach(() => world.app.store.close());

const MEETING = { forum: 'Quality and Safety Committee', date: TODAY };

async function version(): Promise<number> {
  return (await world.app.store.getPlan(world.planId))?.plan.version ?? 0;
}

const status = async (person: (typeof PEOPLE)[keyof typeof PEOPLE], body: Record<string, unknown>) => call('POST', `/api/plans/${world.planId}/status`, person, { version: await version(), ...body });

/** Every open demo action marked not applicable by the editor, and the complete one assured by the reviewer. */
async function settleEveryAction(): Promise<void> {
  for (const label of ['1a', '1b', '2a', '2b', '3a']) {
    const answer = await call('POST', `/api/actions/${world.id(label)}/review`, PEOPLE.lead, { decision: 'not-applicable', reason: 'Covered by the new policy', meeting: MEETING });
    expect(answer.status).toBe(200);
  }
  expect((await call('POST', `/api/actions/${world.id('3b')}/review`, PEOPLE.reviewer, { decision: 'assure', meeting: MEETING })).status).toBe(200);
}

describe('closing a plan', () => {
  it('is refused while actions are open, naming each (422), and writes nothing', async () => {
    const before = await world.app.store.getPlan(world.planId);
    const answer = await status(PEOPLE.lead, { change: 'close' });
    expect(answer.status).toBe(422);
    const { error } = ApiErrorBody.parse(answer.body);
    expect(error.code).toBe('InvalidStatusChange');
    expect(error.message).toBe(
      'The plan cannot close yet: 6 things stand in the way. Action 1 a is in progress. Action 1 b is in progress. Action 2 a is not started. Action 2 b is in progress. Action 3 a is not started. Action 3 b is complete.',
    );
    expect(error.fields?.plan).toBe(error.message);
    expect(await world.app.store.getPlan(world.planId)).toEqual(before);
  });

  it('is allowed once every action is assured or not applicable, and recorded with the meeting', async () => {
    await settleEveryAction();
    const answer = await status(PEOPLE.lead, { change: 'close', meeting: MEETING });
    expect(answer.status).toBe(200);
    expect(Plan.parse(answer.body).status).toBe('closed');
    const [entry] = await world.app.store.listAudit({ planId: world.planId, entityId: world.planId }).then((entries) => entries.slice(-1));
    expect(entry).toMatchObject({ entity: 'plan', actor: PEOPLE.lead, source: 'tab', meeting: MEETING, summary: 'Plan closed at Quality and Safety Committee on 10 Jun 2025: all 6 actions are assured or not applicable.' });
    // A closed plan takes no decisions until it is reopened.
    const decision = await call('POST', `/api/actions/${world.id('3b')}/review`, PEOPLE.reviewer, { decision: 'reopen', reason: 'Audit found gaps' });
    expect([decision.status, ApiErrorBody.parse(decision.body).error.fields?.decision]).toEqual([422, 'The plan is closed; reopen it first.']);
  });

  it('is refused for a plan already closed', async () => {
    await settleEveryAction();
    await status(PEOPLE.lead, { change: 'close' });
    const again = await status(PEOPLE.lead, { change: 'close' });
    expect([again.status, ApiErrorBody.parse(again.body).error.message]).toEqual([422, 'The plan is already closed.']);
  });
});

describe('reopening a plan', () => {
  it('needs a reason, and is recorded with it', async () => {
    await settleEveryAction();
    await status(PEOPLE.lead, { change: 'close' });
    const bare = await status(PEOPLE.lead, { change: 'reopen' });
    expect([bare.status, ApiErrorBody.parse(bare.body).error.fields]).toEqual([422, { reason: 'Give the reason for reopening the plan.' }]);
    const answer = await status(PEOPLE.lead, { change: 'reopen', reason: 'The coroner asked for a further action' });
    expect([answer.status, Plan.parse(answer.body).status]).toEqual([200, 'active']);
    const trail = await world.app.store.listAudit({ planId: world.planId, entityId: world.planId });
    expect(trail.at(-1)?.summary).toBe('Plan reopened: The coroner asked for a further action');
    // Open again: a reviewer may reopen an assured action.
    const decision = await call('POST', `/api/actions/${world.id('3b')}/review`, PEOPLE.reviewer, { decision: 'reopen', reason: 'Audit found gaps' });
    expect(ActionDetail.parse(decision.body).action.status).toBe('in-progress');
  });

  it('is refused for a plan that is not closed', async () => {
    const answer = await status(PEOPLE.lead, { change: 'reopen', reason: 'Why not' });
    expect([answer.status, ApiErrorBody.parse(answer.body).error.fields?.plan]).toEqual([422, 'The plan is not closed.']);
  });
});

describe('who and when', () => {
  it.each([['the reviewer', 'reviewer'], ['a deputy lead', 'deputy'], ['a stranger', 'stranger']] as const)('refuses %s with 403, writing nothing', async (_who, who) => {
    const before = await world.app.store.getPlan(world.planId);
    const answer = await status(PEOPLE[who], { change: 'close' });
    expect([answer.status, ApiErrorBody.parse(answer.body).error.code]).toEqual([403, 'Forbidden']);
    expect(await world.app.store.getPlan(world.planId)).toEqual(before);
  });

  it('answers 409 for a version since changed', async () => {
    await settleEveryAction();
    const seen = await version();
    // Another editor changes the plan after this one opened it.
    await world.app.store.updatePlanFields(world.planId, { forums: ['Quality and Safety Committee', 'Trust Board'] }, seen, NOW, { actor: PEOPLE.lead, source: 'tab' });
    const answer = await call('POST', `/api/plans/${world.planId}/status`, PEOPLE.lead, { change: 'close', version: seen });
    expect([answer.status, ApiErrorBody.parse(answer.body).error.code]).toEqual([409, 'Conflict']);
    expect((await world.app.store.getPlan(world.planId))?.plan.status).toBe('active');
  });

  it.each([
    ['no version', { change: 'close' }],
    ['an unknown change', { change: 'archive', version: 1 }],
    ['another field', { change: 'close', version: 1, status: 'closed' }],
  ])('answers 400 for %s', async (_what, body) => {
    const answer = await call('POST', `/api/plans/${world.planId}/status`, PEOPLE.lead, body);
    expect([answer.status, ApiErrorBody.parse(answer.body).error.code]).toEqual([400, 'BadRequest']);
  });

  it('answers 404 for a plan that does not exist', async () => {
    expect((await call('POST', '/api/plans/no-such-plan/status', PEOPLE.lead, { change: 'close', version: 1 })).status).toBe(404);
  });
});
