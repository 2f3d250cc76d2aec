// POST /api/actions/:actionId/review and the decisions in GET /api/actions/:actionId, in process
// over the demo plan in SQLite: who may decide what, separation of duties, reasons, stale and
// raced decisions, and what the trail records. Every refusal leaves the store as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../app/logger.js';
import { ActionDetail, ApiErrorBody } from '../core/views/tab-api.js';
import type { PlanStore } from '../store/plan-store.js';
import type { ReturnedToLead } from './api-types.js';
import { type ApiCall, apiCaller, NOW, openTabApi, PEOPLE, tabApiOf, type TabWorld, TODAY } from '../test/support/tab-world.js';

let world: TabWorld;
let call: ApiCall;

beforeEach(async () => ({ world, call } = await openTabApi()));
afterEach(() => world.app.store.close());

const MEETING = { forum: 'Quality and Safety Committee', date: TODAY };
const review = (label: string, person: (typeof PEOPLE)[keyof typeof PEOPLE], body: unknown) => call('POST', `/api/actions/${world.id(label)}/review`, person, body);

function error(body: unknown): { code: string; message: string; fields?: Record<string, string> | undefined } {
  return ApiErrorBody.parse(body).error;
}

/** The action and its trail, to show a refusal wrote nothing. */
async function snapshot(label: string): Promise<unknown> {
  return [await world.app.store.getAction(world.id(label)), await world.app.store.listAudit({ planId: world.planId, entityId: world.id(label) })];
}

describe('assuring', () => {
  it('lets the plan\'s reviewer assure a complete action with evidence, at a meeting, from the tab', async () => {
    const before = await world.app.store.getAction(world.id('3b'));
    const answer = await review('3b', PEOPLE.reviewer, { decision: 'assure', meeting: MEETING, version: before?.version });
    expect(answer.status).toBe(200);
    const detail = ActionDetail.parse(answer.body);
    expect(detail.action.status).toBe('assured');
    expect(detail.action.review).toEqual({ outcome: 'assured', reason: null, by: PEOPLE.reviewer, at: NOW, meeting: MEETING });
    const [entry] = await world.app.store.listAudit({ planId: world.planId, entityId: world.id('3b') });
    expect(entry).toMatchObject({ actor: PEOPLE.reviewer, source: 'tab', meeting: MEETING, summary: 'Assured at Quality and Safety Committee on 10 Jun 2025.' });
    expect(entry?.changes.find((change) => change.field === 'status')).toEqual({ field: 'status', from: 'complete', to: 'assured' });
    // The detail shows the step in the history, and what the reviewer may do next.
    expect(detail.history.map((item) => item.id)).toEqual([entry?.id]);
    expect(detail.decisions).toEqual([{ decision: 'reopen', refusal: null }]);
  });

  it.each([
    ['the lead of another action', 'nurse'],
    ['a deputy of the lead role', 'deputy'],
    ['a stranger', 'stranger'],
  ] as const)('refuses %s with 403, writing nothing', async (_who, who) => {
    const before = await snapshot('3b');
    const answer = await review('3b', PEOPLE[who], { decision: 'assure' });
    expect([answer.status, error(answer.body).code, error(answer.body).message]).toEqual([403, 'Forbidden', 'Only a reviewer of this plan may assure or return its actions.']);
    expect(await snapshot('3b')).toEqual(before);
  });

  it('refuses the person who recorded the completion (422, the lifecycle\'s words); another reviewer assures it', async () => {
    const completed = await call('POST', `/api/actions/${world.id('1b')}/updates`, PEOPLE.lead, { note: 'Prompt live', status: 'complete', evidence: 'Release note 4.2', clientKey: 'complete-1b' });
    expect(completed.status).toBe(201);
    // The lead also edits the plan, so may review, but not their own completion.
    expect(ActionDetail.parse(completed.body).decisions).toEqual([
      { decision: 'assure', refusal: 'You recorded this action as complete; another reviewer must assure it.' },
      { decision: 'return', refusal: null },
      { decision: 'not-applicable', refusal: null },
    ]);
    const before = await snapshot('1b');
    const own = await review('1b', PEOPLE.lead, { decision: 'assure' });
    expect([own.status, error(own.body).code, error(own.body).fields?.decision]).toEqual([422, 'InvalidDecision', 'You recorded this action as complete; another reviewer must assure it.']);
    expect(await snapshot('1b')).toEqual(before);
    const other = await review('1b', PEOPLE.reviewer, { decision: 'assure' });
    expect([other.status, ActionDetail.parse(other.body).action.status]).toEqual([200, 'assured']);
  });

  it('refuses to assure without evidence', async () => {
    const action = await world.app.store.getAction(world.id('2a'));
    if (action === null) throw new Error('missing');
    await world.app.store.updateAction(action.id, { status: 'complete' }, action.version, NOW, { actor: PEOPLE.nurse, source: 'cli' });
    const answer = await review('2a', PEOPLE.reviewer, { decision: 'assure' });
    expect([answer.status, error(answer.body).fields?.decision]).toEqual([422, 'No evidence is recorded; it cannot be assured without it.']);
  });
});

describe('returning and the other decisions', () => {
  it('needs a reason to return; with one, the action is the lead\'s again', async () => {
    const before = await snapshot('3b');
    const bare = await review('3b', PEOPLE.reviewer, { decision: 'return', reason: '  ' });
    expect([bare.status, error(bare.body).fields]).toEqual([422, { reason: 'Give the reason for this decision.' }]);
    expect(await snapshot('3b')).toEqual(before);
    const answer = await review('3b', PEOPLE.reviewer, { decision: 'return', reason: 'Minutes from one team only', meeting: MEETING });
    const detail = ActionDetail.parse(answer.body);
    expect([answer.status, detail.action.status, detail.action.review?.outcome, detail.action.review?.reason]).toEqual([200, 'in-progress', 'returned', 'Minutes from one team only']);
    expect(detail.history.at(-1)?.summary).toBe('Returned to the lead at Quality and Safety Committee on 10 Jun 2025: Minutes from one team only');
  });

  it('leaves "not applicable" to editors, with a reason', async () => {
    const refused = await review('3a', PEOPLE.reviewer, { decision: 'not-applicable', reason: 'Superseded' });
    expect([refused.status, error(refused.body).message]).toEqual([403, 'Only an editor of this plan may take this decision.']);
    const answer = await review('3a', PEOPLE.lead, { decision: 'not-applicable', reason: 'Superseded by the national audit' });
    expect([answer.status, ActionDetail.parse(answer.body).action.status]).toEqual([200, 'not-applicable']);
    const reinstated = await review('3a', PEOPLE.lead, { decision: 'reinstate', reason: 'The national audit was cancelled' });
    expect(ActionDetail.parse(reinstated.body).action.status).toBe('in-progress');
  });

  it('refuses a decision the status does not allow with 422', async () => {
    const answer = await review('1a', PEOPLE.reviewer, { decision: 'assure' });
    expect([answer.status, error(answer.body).fields?.decision]).toEqual([422, 'Not possible: the action is in progress.']);
  });
});

describe('stale and raced decisions', () => {
  it('answers 409 for a decision taken on a version since changed, writing nothing', async () => {
    const before = await snapshot('3b');
    const answer = await review('3b', PEOPLE.reviewer, { decision: 'assure', version: 99 });
    expect([answer.status, error(answer.body).code]).toEqual([409, 'Conflict']);
    expect(await snapshot('3b')).toEqual(before);
  });

  it('answers 409 when someone else decided between the reviewer reading the action and the write', async () => {
    const id = world.id('3b');
    const store = world.app.store;
    const racing: PlanStore = new Proxy(store, {
      get(target, property) {
        if (property === 'listUpdates') {
          return async (actionId: string) => {
            const seen = await store.getAction(id);
            if (seen?.status === 'complete') await store.updateAction(id, { status: 'in-progress' }, seen.version, NOW, { actor: PEOPLE.lead, source: 'tab' });
            return store.listUpdates(actionId);
          };
        }
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const answer = await apiCaller(tabApiOf(world, { store: racing }))('POST', `/api/actions/${id}/review`, PEOPLE.reviewer, { decision: 'assure' });
    expect([answer.status, error(answer.body).code]).toEqual([409, 'Conflict']);
    expect((await store.getAction(id))?.status).toBe('in-progress');
  });
});

describe('requests that are not decisions', () => {
  it.each([
    ['no body', undefined, 400],
    ['a list', [{ decision: 'assure' }], 400],
    ['no decision', { reason: 'x' }, 422],
    ['an unknown decision', { decision: 'approve' }, 422],
    ['another field', { decision: 'assure', by: PEOPLE.reviewer }, 422],
  ])('answers %s with %s', async (_what, body, status) => {
    const before = await snapshot('3b');
    const answer = await review('3b', PEOPLE.reviewer, body);
    expect(answer.status).toBe(status);
    ApiErrorBody.parse(answer.body);
    expect(await snapshot('3b')).toEqual(before);
  });

  it('answers 404 for an action that does not exist', async () => {
    expect((await call('POST', '/api/actions/no-such-action/review', PEOPLE.reviewer, { decision: 'assure' })).status).toBe(404);
  });
});

describe('the detail\'s decisions and history', () => {
  it('offers a reviewer the decisions on a complete action and a lead none', async () => {
    const asReviewer = ActionDetail.parse((await call('GET', `/api/actions/${world.id('3b')}`, PEOPLE.reviewer)).body);
    expect(asReviewer.decisions).toEqual([{ decision: 'assure', refusal: null }, { decision: 'return', refusal: null }]);
    expect(ActionDetail.parse((await call('GET', `/api/actions/${world.id('2b')}`, PEOPLE.nurse)).body).decisions).toEqual([]);
  });

  it('lists the action\'s trail oldest first', async () => {
    await call('POST', `/api/actions/${world.id('1a')}/updates`, PEOPLE.lead, { note: 'Sample chosen', status: 'blocked', clientKey: 'history-1' });
    const detail = ActionDetail.parse((await call('GET', `/api/actions/${world.id('1a')}`, PEOPLE.stranger)).body);
    expect(detail.history.map((entry) => [entry.source, entry.changes.map((change) => `${change.field}: ${change.from ?? ''} → ${change.to ?? ''}`)])).toEqual([['tab', ['status: in-progress → blocked']]]);
  });
});

describe('editing the status directly', () => {
  it.each([
    ['to assured', '3b', 'assured'],
    ['to not applicable', '1a', 'not-applicable'],
  ])('refuses a status change %s with 422: only a decision does that', async (_what, label, status) => {
    const before = await snapshot(label);
    const action = await world.app.store.getAction(world.id(label));
    const answer = await call('PATCH', `/api/actions/${world.id(label)}`, PEOPLE.lead, { version: action?.version, fields: { status } });
    expect([answer.status, error(answer.body).fields]).toEqual([422, { status: 'Use a review decision (assure, return, reopen, not applicable, reinstate) for this change.' }]);
    expect(await snapshot(label)).toEqual(before);
  });

  it('refuses moving an assured action back by editing, and allows the progress statuses', async () => {
    await review('3b', PEOPLE.reviewer, { decision: 'assure' });
    const assured = await world.app.store.getAction(world.id('3b'));
    const back = await call('PATCH', `/api/actions/${world.id('3b')}`, PEOPLE.lead, { version: assured?.version, fields: { status: 'complete' } });
    expect(back.status).toBe(422);
    const open = await world.app.store.getAction(world.id('1a'));
    const blocked = await call('PATCH', `/api/actions/${world.id('1a')}`, PEOPLE.lead, { version: open?.version, fields: { status: 'blocked' } });
    expect([blocked.status, ActionDetail.parse(blocked.body).action.status]).toEqual([200, 'blocked']);
  });
});

describe('telling the lead', () => {
  it('tells the leads when a decision gives the action back, not when it assures', async () => {
    const notices: ReturnedToLead[] = [];
    const told = apiCaller(tabApiOf(world, { leads: { returned: (notice) => { notices.push(notice); return Promise.resolve(); } } }));
    await told('POST', `/api/actions/${world.id('3b')}/review`, PEOPLE.reviewer, { decision: 'return', reason: 'Minutes missing', meeting: MEETING });
    expect(notices.map((notice) => [notice.action.id, notice.action.leads, notice.decision, notice.review.reason, notice.review.by])).toEqual([
      [world.id('3b'), ['Head of Community Mental Health Services'], 'return', 'Minutes missing', PEOPLE.reviewer],
    ]);
    await told('POST', `/api/actions/${world.id('1a')}/review`, PEOPLE.lead, { decision: 'not-applicable', reason: 'Superseded' });
    expect(notices).toHaveLength(1);
  });

  it('records the decision even when telling fails, and logs it', async () => {
    const log = memoryLogger();
    const failing = apiCaller(tabApiOf(world, { log, leads: { returned: () => Promise.reject(new Error('Teams is down')) } }));
    const answer = await failing('POST', `/api/actions/${world.id('3b')}/review`, PEOPLE.reviewer, { decision: 'return', reason: 'Minutes missing' });
    expect(answer.status).toBe(200);
    await expect.poll(() => log.lines.filter((line) => line.level === 'warn').map((line) => line.message)).toEqual(['could not tell the leads their action came back']);
  });
});
