// The tab API in process over a real SQLite store holding the demo plan: every route's happy path
// checked against the contract's schemas, and each refusal with its status and nothing written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../app/logger.js';
import { ActionDetail, ApiErrorBody, Dashboard, DevIdentity, ImportCommitted, ImportPreview, Me, MyActions, PlanListResponse, PlanView } from '../core/views/tab-api.js';
import type { Caller } from '../edge/auth/caller.js';
import type { PlanStore } from '../store/plan-store.js';
import { callerOf, NOW, PEOPLE, TODAY, tabWorld, type TabWorld } from '../test/support/tab-world.js';
import { createTabApi, type ApiRequest, type TabApi } from './tab-api.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '../test/fixtures/plans/row-per-line.txt'));

let world: TabWorld;
let api: TabApi;
let log: ReturnType<typeof memoryLogger>;

beforeEach(async () => {
  world = await tabWorld();
  log = memoryLogger();
  api = createTabApi({ store: world.app.store, now: () => new Date(NOW), today: () => TODAY, mode: 'local', log });
});

afterEach(async () => {
  await world.app.store.close();
});

const lead = callerOf(PEOPLE.lead);
const deputy = callerOf(PEOPLE.deputy);
const nurse = callerOf(PEOPLE.nurse);
const stranger = callerOf(PEOPLE.stranger);

function call(method: string, path: string, caller: Caller | null, body?: unknown, query?: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const request: ApiRequest = { method, path, caller, ...(body === undefined ? {} : { body }), ...(query ? { query } : {}) };
  return api.handle(request);
}

/** The error's code, after checking the body has the contract's error shape. */
function errorCode(body: unknown): string {
  return ApiErrorBody.parse(body).error.code;
}

/** The real store with one method replaced: a fault injected at the port, the rest untouched. */
function withOverrides(store: PlanStore, overrides: Partial<PlanStore>): PlanStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const own = (overrides as Record<string | symbol, unknown>)[property];
      if (own !== undefined) return own;
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const update = (over: Record<string, unknown> = {}) => ({ note: 'Audit sample chosen', status: 'in-progress', clientKey: 'click-0001', ...over });

describe('reading', () => {
  it('GET /api/me: the caller and the roles they hold or deputise for', async () => {
    const answer = await call('GET', '/api/me', lead);
    expect(answer.status).toBe(200);
    expect(Me.parse(answer.body)).toEqual({ aadObjectId: PEOPLE.lead.aadObjectId, displayName: 'Alex Wilber', tenantId: null, mode: 'local', roles: ['Associate Director of Quality Governance', 'Head of Community Mental Health Services'] });
    expect(Me.parse((await call('GET', '/api/me', deputy)).body).roles).toEqual(['Head of Community Mental Health Services']);
    expect(Me.parse((await call('GET', '/api/me', stranger)).body).roles).toEqual([]);
  });

  it('GET /api/dev/identities: everyone the roles name, without a caller, in local mode only', async () => {
    const answer = await call('GET', '/api/dev/identities', null);
    expect(answer.status).toBe(200);
    const identities = DevIdentity.array().parse(answer.body);
    expect(identities.map((identity) => identity.displayName)).toEqual(['Alex Wilber', 'Dee Deputy', 'Megan Bowen', 'Nina Nurse']);
    expect(identities.find((identity) => identity.displayName === 'Dee Deputy')?.roles).toEqual(['Head of Community Mental Health Services']);
    const teams = createTabApi({ store: world.app.store, now: () => new Date(NOW), today: () => TODAY, mode: 'teams', log });
    const refused = await teams.handle({ method: 'GET', path: '/api/dev/identities', caller: lead });
    expect([refused.status, errorCode(refused.body)]).toEqual([404, 'NotFound']);
  });

  it('GET /api/plans lists the demo plan', async () => {
    const answer = await call('GET', '/api/plans', stranger);
    expect(answer.status).toBe(200);
    expect(PlanListResponse.parse(answer.body)).toEqual([expect.objectContaining({ id: world.planId, recommendations: 3, actions: 6 })]);
  });

  it('GET /api/plans/:planId: the whole plan with each action\'s rights for this caller', async () => {
    const view = PlanView.parse((await call('GET', `/api/plans/${world.planId}`, nurse)).body);
    expect(view.today).toBe(TODAY);
    expect(view.canEdit).toBe(false);
    const rights = Object.fromEntries(view.recommendations.flatMap((rec) => rec.actions.map((row) => [`${rec.number ?? ''}${row.action.ref ?? ''}`, row.rights.canUpdate])));
    expect(rights).toEqual({ '1a': false, '1b': false, '2a': false, '2b': true, '3a': false, '3b': false });
    expect(PlanView.parse((await call('GET', `/api/plans/${world.planId}`, lead)).body).canEdit).toBe(true);
  });

  it('GET /api/plans/:planId/dashboard counts as of today, soonDays from the query', async () => {
    const answer = await call('GET', `/api/plans/${world.planId}/dashboard`, stranger);
    const board = Dashboard.parse(answer.body);
    expect(board.total).toBe(6);
    expect(board.overdue.map((item) => item.label)).toEqual([expect.stringMatching(/^1\s*a$/)]);
    const wider = Dashboard.parse((await call('GET', `/api/plans/${world.planId}/dashboard`, stranger, undefined, { soonDays: '30' })).body);
    expect(wider.dueSoon.length).toBeGreaterThan(board.dueSoon.length - 1);
    const bad = await call('GET', `/api/plans/${world.planId}/dashboard`, stranger, undefined, { soonDays: 'lots' });
    expect([bad.status, errorCode(bad.body)]).toEqual([400, 'BadRequest']);
  });

  it('GET /api/my-actions: open actions the caller leads or deputises for, soonest first', async () => {
    const mine = MyActions.parse((await call('GET', '/api/my-actions', lead)).body);
    expect(mine.items.map((item) => item.action.id)).toEqual([world.id('1a'), world.id('1b'), world.id('2a'), world.id('3a')]);
    expect(MyActions.parse((await call('GET', '/api/my-actions', deputy)).body).items).toHaveLength(4);
    expect(MyActions.parse((await call('GET', '/api/my-actions', nurse)).body).items.map((item) => item.action.id)).toEqual([world.id('2b')]);
    expect(MyActions.parse((await call('GET', '/api/my-actions', stranger)).body).items).toEqual([]);
  });

  it('GET /api/actions/:actionId: the action, its history and the caller\'s rights', async () => {
    const detail = ActionDetail.parse((await call('GET', `/api/actions/${world.id('2b')}`, nurse)).body);
    expect(detail.action.id).toBe(world.id('2b'));
    expect(detail.rights).toEqual({ canUpdate: true, canEdit: false });
    expect(detail.plan.id).toBe(world.planId);
  });

  it.each([
    ['a plan', '/api/plans/no-such-plan'],
    ['a dashboard', '/api/plans/no-such-plan/dashboard'],
    ['an action', '/api/actions/no-such-action'],
    ['a route', '/api/nothing-here'],
  ])('answers 404 for %s that does not exist', async (_what, path) => {
    const answer = await call('GET', path, lead);
    expect([answer.status, errorCode(answer.body)]).toEqual([404, 'NotFound']);
  });

  it('answers 405 for a wrong method, 400 for a malformed escape and 401 without a caller', async () => {
    expect((await call('DELETE', '/api/plans', lead)).status).toBe(405);
    expect((await call('GET', '/api/actions/%E0%A4%A', lead)).status).toBe(400);
    const anonymous = await call('GET', '/api/plans', null);
    expect([anonymous.status, errorCode(anonymous.body)]).toEqual([401, 'Unauthorized']);
  });
});

describe('POST /api/actions/:actionId/updates', () => {
  it('records a lead\'s update with the card\'s rules and answers 201 with the fresh detail', async () => {
    const answer = await call('POST', `/api/actions/${world.id('1a')}/updates`, lead, update({ status: 'blocked', revisedDue: '2025-07-31', revisedReason: 'Audit tool delayed' }));
    expect(answer.status).toBe(201);
    const detail = ActionDetail.parse(answer.body);
    expect(detail.action.status).toBe('blocked');
    expect(detail.action.revisions.at(-1)).toMatchObject({ date: '2025-07-31', reason: 'Audit tool delayed', by: { aadObjectId: PEOPLE.lead.aadObjectId } });
    expect(detail.updates.at(-1)).toMatchObject({ source: 'tab', note: 'Audit sample chosen', author: { aadObjectId: PEOPLE.lead.aadObjectId, displayName: 'Alex Wilber' }, idempotencyKey: `${world.id('1a')}:tab:click-0001` });
    expect((await world.app.store.listAudit({ planId: world.planId, entityId: world.id('1a') })).map((entry) => [entry.actor, entry.source])).toEqual([[PEOPLE.lead, 'tab']]);
  });

  it('lets a deputy and a plan editor update', async () => {
    expect((await call('POST', `/api/actions/${world.id('1b')}/updates`, deputy, update())).status).toBe(201);
    expect((await call('POST', `/api/actions/${world.id('2b')}/updates`, lead, update())).status).toBe(201);
  });

  it('records a double click once: the same clientKey twice gives one update and the same answer', async () => {
    const path = `/api/actions/${world.id('2a')}/updates`;
    const body = update({ status: 'complete', evidence: 'Guidance published on the intranet' });
    const [first, second] = await Promise.all([call('POST', path, lead, body), call('POST', path, lead, body)]);
    const third = await call('POST', path, lead, body);
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201]);
    const updates = await world.app.store.listUpdates(world.id('2a'));
    expect(updates.filter((u) => u.source === 'tab')).toHaveLength(1);
    expect(ActionDetail.parse(third.body).action.evidence).toBe('Guidance published on the intranet');
  });

  it('scopes the client key by action: the same key on two actions records two updates', async () => {
    await call('POST', `/api/actions/${world.id('1a')}/updates`, lead, update());
    await call('POST', `/api/actions/${world.id('1b')}/updates`, lead, update());
    expect((await world.app.store.listUpdates(world.id('1b'))).filter((u) => u.source === 'tab')).toHaveLength(1);
  });

  it('refuses a lead updating someone else\'s action with 403, writing nothing', async () => {
    const before = await world.app.store.getAction(world.id('1a'));
    const answer = await call('POST', `/api/actions/${world.id('1a')}/updates`, nurse, update({ status: 'complete', evidence: 'x' }));
    expect([answer.status, errorCode(answer.body)]).toEqual([403, 'Forbidden']);
    expect(await world.app.store.getAction(world.id('1a'))).toEqual(before);
    expect((await world.app.store.listUpdates(world.id('1a'))).filter((u) => u.source === 'tab')).toEqual([]);
  });

  it('answers 422 with a message per input, as the card shows them', async () => {
    const answer = await call('POST', `/api/actions/${world.id('1a')}/updates`, lead, update({ note: ' ', status: 'complete', revisedDue: '2025-01-01' }));
    expect(answer.status).toBe(422);
    const { error } = ApiErrorBody.parse(answer.body);
    expect(error.code).toBe('InvalidUpdate');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['evidence', 'note', 'revisedDue', 'revisedReason']);
  });

  it.each([
    ['no client key', { note: 'x', status: 'in-progress' }],
    ['a client key too short', update({ clientKey: 'abc' })],
    ['no body at all', undefined],
    ['a list', [update()]],
  ])('answers 400 for %s', async (_what, body) => {
    const answer = await call('POST', `/api/actions/${world.id('1a')}/updates`, lead, body);
    expect([answer.status, errorCode(answer.body)]).toEqual([400, 'BadRequest']);
  });

  it('refuses an input the card does not have (such as another actor) with 422', async () => {
    const answer = await call('POST', `/api/actions/${world.id('1a')}/updates`, nurse, update({ author: { aadObjectId: PEOPLE.lead.aadObjectId } }));
    expect(answer.status).toBe(403);
    const own = await call('POST', `/api/actions/${world.id('1a')}/updates`, lead, update({ aadObjectId: PEOPLE.nurse.aadObjectId }));
    expect(own.status).toBe(422);
  });

  it('answers 409 when someone changed the same field meanwhile (not a repeat of this click)', async () => {
    const id = world.id('1b');
    const seen = await world.app.store.getAction(id);
    if (seen === null) throw new Error('missing');
    // Another editor moves the status between the lead reading the action and submitting.
    const racing = createTabApi({
      store: withOverrides(world.app.store, { recordProgress: async (...args) => { await world.app.store.updateAction(id, { status: 'blocked' }, seen.version, NOW, { actor: PEOPLE.deputy, source: 'tab' }); return world.app.store.recordProgress(...args); } }),
      now: () => new Date(NOW), today: () => TODAY, mode: 'local', log,
    });
    const answer = await racing.handle({ method: 'POST', path: `/api/actions/${id}/updates`, caller: lead, body: update({ status: 'complete', evidence: 'Prompt live' }) });
    expect([answer.status, errorCode(answer.body)]).toEqual([409, 'Conflict']);
    expect((await world.app.store.listUpdates(id)).filter((u) => u.source === 'tab')).toEqual([]);
  });
});

describe('PATCH /api/actions/:actionId', () => {
  it('lets a plan editor change fields at the version they saw', async () => {
    const before = await world.app.store.getAction(world.id('3a'));
    const answer = await call('PATCH', `/api/actions/${world.id('3a')}`, lead, { version: before?.version, fields: { text: 'Re-audit after three months', rag: 'amber' } });
    expect(answer.status).toBe(200);
    const detail = ActionDetail.parse(answer.body);
    expect([detail.action.text, detail.action.rag, detail.action.version]).toEqual(['Re-audit after three months', 'amber', (before?.version ?? 0) + 1]);
    // The trail names the editor and the tab.
    const [entry] = await world.app.store.listAudit({ planId: world.planId, entityId: world.id('3a') });
    expect([entry?.actor, entry?.source, entry?.changes.map((change) => change.field).sort()]).toEqual([PEOPLE.lead, 'tab', ['rag', 'text']]);
  });

  it('changes only the fields sent: evidence and the rest stay as they were', async () => {
    const before = await world.app.store.getAction(world.id('3b'));
    const answer = await call('PATCH', `/api/actions/${world.id('3b')}`, lead, { version: before?.version, fields: { reportedTo: 'Board' } });
    const after = ActionDetail.parse(answer.body).action;
    expect([after.reportedTo, after.evidence, after.text]).toEqual(['Board', before?.evidence, before?.text]);
    expect(after.evidence).toMatch(/Learning summary/);
  });

  it('answers 409 for a stale version, changing nothing', async () => {
    const before = await world.app.store.getAction(world.id('3a'));
    const answer = await call('PATCH', `/api/actions/${world.id('3a')}`, lead, { version: (before?.version ?? 1) + 5, fields: { text: 'Stale' } });
    expect([answer.status, errorCode(answer.body)]).toEqual([409, 'Conflict']);
    expect(await world.app.store.getAction(world.id('3a'))).toEqual(before);
  });

  it.each([
    ['a lead who does not edit the plan', 'nurse', '2b'],
    ['a deputy', 'deputy', '1a'],
    ['a stranger', 'stranger', '1a'],
  ] as const)('refuses %s with 403', async (_what, who, label) => {
    const before = await world.app.store.getAction(world.id(label));
    const answer = await call('PATCH', `/api/actions/${world.id(label)}`, callerOf(PEOPLE[who]), { version: before?.version, fields: { text: 'Changed' } });
    expect([answer.status, errorCode(answer.body)]).toEqual([403, 'Forbidden']);
    expect(await world.app.store.getAction(world.id(label))).toEqual(before);
  });

  it('answers 422 per field for values the model refuses, and 400 for an edit that is not one', async () => {
    const invalid = await call('PATCH', `/api/actions/${world.id('3a')}`, lead, { version: 1, fields: { status: 'finished', leads: 'Head of Nursing', due: null } });
    expect(invalid.status).toBe(422);
    expect(Object.keys(ApiErrorBody.parse(invalid.body).error.fields ?? {}).sort()).toEqual(['due', 'leads', 'status']);
    const fixed = await call('PATCH', `/api/actions/${world.id('3a')}`, lead, { version: 1, fields: { text: 'ok', snoozedUntil: '2025-07-01' } });
    expect([fixed.status, Object.keys(ApiErrorBody.parse(fixed.body).error.fields ?? {})]).toEqual([422, ['snoozedUntil']]);
    for (const body of [{ fields: { text: 'x' } }, { version: 1, fields: {} }, { version: 0, fields: { text: 'x' } }, 'text']) {
      const answer = await call('PATCH', `/api/actions/${world.id('3a')}`, lead, body);
      expect([answer.status, errorCode(answer.body)]).toEqual([400, 'BadRequest']);
    }
  });
});

describe('imports', () => {
  const upload = (over: Record<string, unknown> = {}) => ({ fileName: 'plan.txt', contentBase64: FIXTURE.toString('base64'), ...over });

  it('previews a file: counts, warnings, columns and similar plans, writing nothing', async () => {
    const answer = await call('POST', '/api/imports/preview', stranger, upload());
    expect(answer.status).toBe(200);
    const preview = ImportPreview.parse(answer.body);
    expect([preview.recommendations, preview.actions]).toEqual([3, 3]);
    expect(preview.columns.map((column) => column.field)).toContain('lead');
    expect(preview.similar).toEqual([]);
    expect(await world.app.store.listPlans()).toHaveLength(1);
  });

  it('commits a file, then refuses the same content again (409) and replaces it on request', async () => {
    const first = await call('POST', '/api/imports', stranger, upload());
    expect(first.status).toBe(201);
    const { planId } = ImportCommitted.parse(first.body);
    const tree = await world.app.store.getPlan(planId);
    expect(tree?.recommendations).toHaveLength(3);
    const again = await call('POST', '/api/imports', stranger, upload());
    expect([again.status, errorCode(again.body)]).toEqual([409, 'DuplicatePlan']);
    const preview = ImportPreview.parse((await call('POST', '/api/imports/preview', stranger, upload())).body);
    expect(preview.similar.map((plan) => plan.id)).toEqual([planId]);
    const replaced = await call('POST', '/api/imports', stranger, upload({ replacePlanId: planId }));
    expect([replaced.status, ImportCommitted.parse(replaced.body).planId]).toEqual([201, planId]);
    expect(await world.app.store.listPlans()).toHaveLength(2);
    expect((await world.app.store.listAudit({ planId })).map((entry) => [entry.actor, entry.source, entry.summary])).toEqual([
      [PEOPLE.stranger, 'tab', 'Imported from plan.txt'],
      [PEOPLE.stranger, 'tab', 'Replaced by an import of plan.txt'],
    ]);
  });

  it('answers 404 when the plan to replace does not exist', async () => {
    const answer = await call('POST', '/api/imports', stranger, upload({ replacePlanId: 'no-such-plan' }));
    expect(answer.status).toBe(404);
  });

  it.each([
    ['no plan table', upload({ contentBase64: Buffer.from('Just the minutes of a meeting.').toString('base64') }), /no action-plan table/],
    ['a PDF', upload({ fileName: 'plan.pdf', contentBase64: Buffer.from('%PDF-1.7 binary').toString('base64') }), /PDF files cannot be imported/],
    ['a broken Word file', upload({ fileName: 'plan.docx', contentBase64: Buffer.from('PK\u0003\u0004 not a zip').toString('base64') }), /plan\.docx/],
  ])('answers 400 with the reader\'s message for %s', async (_what, body, message) => {
    const answer = await call('POST', '/api/imports/preview', stranger, body);
    expect(answer.status).toBe(400);
    const { error } = ApiErrorBody.parse(answer.body);
    expect([error.code, error.message]).toEqual(['UnreadableFile', expect.stringMatching(message)]);
  });

  it('answers 400 for content that is not base64, a missing name, or a field the importer does not know', async () => {
    expect((await call('POST', '/api/imports/preview', stranger, upload({ contentBase64: 'not base64!' }))).status).toBe(400);
    expect((await call('POST', '/api/imports/preview', stranger, upload({ fileName: '' }))).status).toBe(400);
    const mapped = await call('POST', '/api/imports/preview', stranger, upload({ mapping: { 'Action owner': 'owner' } }));
    expect([mapped.status, errorCode(mapped.body)]).toEqual([400, 'BadRequest']);
  });

  it('reads the columns as a person corrected them, and commits the plan read that way', async () => {
    const guessed = ImportPreview.parse((await call('POST', '/api/imports/preview', stranger, upload())).body);
    expect(guessed.columns).toContainEqual({ heading: 'Update', field: 'progress' });
    const mapping = { Update: 'evidence', 'Action owner': 'other', Nowhere: 'lead' };
    const corrected = ImportPreview.parse((await call('POST', '/api/imports/preview', stranger, upload({ mapping }))).body);
    expect(corrected.columns).toContainEqual({ heading: 'Update', field: 'evidence' });
    expect(corrected.columns).toContainEqual({ heading: 'Action owner', field: 'other' });
    expect(corrected.warnings.map((warning) => warning.message).join(' ')).toContain('"Nowhere"');
    expect(corrected.warnings.map((warning) => warning.message).join(' ')).not.toContain('"Action owner"');
    const committed = await call('POST', '/api/imports', stranger, upload({ mapping }));
    const tree = await world.app.store.getPlan(ImportCommitted.parse(committed.body).planId);
    const first = tree?.recommendations[0]?.actions[0];
    expect(first?.evidence).toContain('Baseline audit done in January');
    expect(first?.leads).toEqual([]);
    expect(first?.other).toContainEqual({ label: 'Action owner', value: 'Head of Clinical Systems' });
  });

  it('answers 413 for a file over the limit, before reading it', async () => {
    const small = createTabApi({ store: world.app.store, now: () => new Date(NOW), today: () => TODAY, mode: 'local', log, maxImportBytes: 1024 });
    const answer = await small.handle({ method: 'POST', path: '/api/imports/preview', caller: stranger, body: upload({ contentBase64: Buffer.alloc(2048, 65).toString('base64') }) });
    expect([answer.status, errorCode(answer.body)]).toEqual([413, 'FileTooLarge']);
  });

  it('keeps a hostile file name inside its temporary folder', async () => {
    const answer = await call('POST', '/api/imports/preview', stranger, upload({ fileName: '../../etc/passwd.txt' }));
    expect(answer.status).toBe(200);
  });
});

describe('failures', () => {
  it('turns an unexpected failure into a logged 500 that shows no detail', async () => {
    const broken = createTabApi({ store: withOverrides(world.app.store, { listPlans: () => Promise.reject(new Error('disk on fire at /var/db')) }), now: () => new Date(NOW), today: () => TODAY, mode: 'local', log });
    const answer = await broken.handle({ method: 'GET', path: '/api/plans', caller: lead });
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('disk on fire');
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([expect.objectContaining({ message: 'tab API request failed', path: '/api/plans' })]);
  });

  it('serves each caller from storeFor when given, with their assertion', async () => {
    const seen: string[] = [];
    const perUser = createTabApi({
      store: world.app.store, now: () => new Date(NOW), today: () => TODAY, mode: 'teams', log,
      storeFor: (caller) => { seen.push(caller.aadObjectId); return Promise.resolve(world.app.store); },
    });
    expect((await perUser.handle({ method: 'GET', path: '/api/plans', caller: nurse })).status).toBe(200);
    expect(seen).toEqual([PEOPLE.nurse.aadObjectId]);
  });
});
