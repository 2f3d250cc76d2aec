// The measures routes in process over the demo plan and its two measures: who may add, change and
// record; per-input 422s; a stale edit is a 409; every answer parsed with the contract's schema.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Measure } from '../core/model/index.js';
import { ApiErrorBody, MeasureItem, MeasuresView } from '../core/views/tab-api.js';
import { type ApiCall, NOW, openTabApi, PEOPLE, type TabWorld, TODAY } from '../test/support/tab-world.js';

let world: TabWorld;
let call: ApiCall;

beforeEach(async () => ({ world, call } = await openTabApi()));
afterEach(() => world.app.store.close());

type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

/** The demo's measures: the plan-level indicator, then 2 b's (led by the nurse in this world). */
async function demoMeasures(): Promise<{ plan: Measure; training: Measure }> {
  const [plan, training] = await world.app.store.listMeasures(world.planId);
  if (plan === undefined || training === undefined) throw new Error('the demo has two measures');
  return { plan, training };
}

function fieldsOf(body: unknown): Record<string, string> | undefined {
  return ApiErrorBody.parse(body).error.fields;
}

describe('GET /api/plans/:planId/measures', () => {
  it('lists the measures with where each stands and the headline count', async () => {
    const answer = await call('GET', `/api/plans/${world.planId}/measures`, PEOPLE.stranger);
    const view = MeasuresView.parse(answer.body);
    expect([answer.status, view.planId, view.outcomes]).toEqual([200, world.planId, { total: 2, met: 1, notMet: 1, noTarget: 0, noValues: 0 }]);
    expect(view.items.map((item) => [item.status.first?.value, item.status.latest?.value, item.status.state, item.measure.actionId])).toEqual([
      [60.49, 89.87, 'met', null],
      [41, 76, 'not-met', world.id('2b')],
    ]);
  });

  it.each([
    ['the editor', 'lead', true, true],
    ['the reviewer', 'reviewer', false, true],
    ['a lead (records for their own action only)', 'nurse', false, false],
    ['a stranger', 'stranger', false, false],
  ] as const)('gives %s canEdit %s and canRecord %s', async (_who, who, canEdit, canRecord) => {
    const view = MeasuresView.parse((await call('GET', `/api/plans/${world.planId}/measures`, PEOPLE[who])).body);
    expect([view.canEdit, view.canRecord]).toEqual([canEdit, canRecord]);
  });

  it('answers 404 for a plan that does not exist', async () => {
    expect((await call('GET', '/api/plans/no-such-plan/measures', PEOPLE.lead)).status).toBe(404);
  });
});

describe('POST /api/plans/:planId/measures', () => {
  it('lets an editor add a measure for an action, 201, audited', async () => {
    const answer = await call('POST', `/api/plans/${world.planId}/measures`, PEOPLE.lead, { name: 'Caseloads audited', unit: 'caseloads', target: 40, actionId: world.id('1a') });
    expect(answer.status).toBe(201);
    const item = MeasureItem.parse(answer.body);
    expect([item.measure.name, item.measure.direction, item.measure.version, item.status.state]).toEqual(['Caseloads audited', 'increase', 1, 'no-values']);
    const [entry] = await world.app.store.listAudit({ planId: world.planId, entityId: item.measure.id });
    expect([entry?.entity, entry?.source, entry?.actor]).toEqual(['measure', 'tab', PEOPLE.lead]);
  });

  it.each([['the reviewer', 'reviewer'], ['a lead', 'nurse'], ['a stranger', 'stranger']] as const)('refuses %s with 403, adding nothing', async (_who, who) => {
    const answer = await call('POST', `/api/plans/${world.planId}/measures`, PEOPLE[who], { name: 'Sneaky' });
    expect([answer.status, ApiErrorBody.parse(answer.body).error.code]).toEqual([403, 'Forbidden']);
    expect(await world.app.store.listMeasures(world.planId)).toHaveLength(2);
  });

  it.each([
    ['no name', { unit: '%' }, ['name']],
    ['a target that is not a number', { name: 'x', target: 'ninety' }, ['target']],
    ['a direction it does not know', { name: 'x', direction: 'up' }, ['direction']],
    ['an action of another plan', { name: 'x', actionId: 'elsewhere' }, ['actionId']],
    ['a field it does not take', { name: 'x', values: [] }, ['values']],
  ])('answers 422 per input for %s', async (_what, body, fields) => {
    const answer = await call('POST', `/api/plans/${world.planId}/measures`, PEOPLE.lead, body);
    expect([answer.status, Object.keys(fieldsOf(answer.body) ?? {})]).toEqual([422, fields]);
    expect(await world.app.store.listMeasures(world.planId)).toHaveLength(2);
  });

  it('answers 400 for a body that is not a measure at all', async () => {
    expect((await call('POST', `/api/plans/${world.planId}/measures`, PEOPLE.lead, ['x'])).status).toBe(400);
  });
});

describe('PATCH /api/measures/:measureId', () => {
  it('lets an editor change a measure at the version they saw, then refuses that version (409)', async () => {
    const { plan } = await demoMeasures();
    const fields = { name: plan.name, unit: '%', target: 95, direction: 'increase', actionId: null };
    const answer = await call('PATCH', `/api/measures/${plan.id}`, PEOPLE.lead, { version: plan.version, fields });
    const item = MeasureItem.parse(answer.body);
    expect([answer.status, item.measure.target, item.measure.version, item.status.state]).toEqual([200, 95, plan.version + 1, 'not-met']);
    const stale = await call('PATCH', `/api/measures/${plan.id}`, PEOPLE.lead, { version: plan.version, fields: { ...fields, target: 50 } });
    expect([stale.status, ApiErrorBody.parse(stale.body).error.code]).toEqual([409, 'Conflict']);
    expect((await demoMeasures()).plan.target).toBe(95);
  });

  it('refuses a non-editor (403), answers 404 for no such measure, 422 per field and 400 without a version', async () => {
    const { plan } = await demoMeasures();
    const forbidden = await call('PATCH', `/api/measures/${plan.id}`, PEOPLE.reviewer, { version: plan.version, fields: { name: 'x' } });
    expect(forbidden.status).toBe(403);
    expect((await call('PATCH', '/api/measures/no-such-measure', PEOPLE.lead, { version: 1, fields: { name: 'x' } })).status).toBe(404);
    const invalid = await call('PATCH', `/api/measures/${plan.id}`, PEOPLE.lead, { version: plan.version, fields: { name: '', target: 'x' } });
    expect([invalid.status, Object.keys(fieldsOf(invalid.body) ?? {}).sort()]).toEqual([422, ['name', 'target']]);
    expect((await call('PATCH', `/api/measures/${plan.id}`, PEOPLE.lead, { fields: { name: 'x' } })).status).toBe(400);
    expect((await demoMeasures()).plan).toEqual(plan);
  });
});

describe('POST /api/measures/:measureId/values', () => {
  const record = (measure: Measure, person: Person, body: unknown) => call('POST', `/api/measures/${measure.id}/values`, person, body);

  it('lets the lead of the measured action record a value, which the series shows in date order', async () => {
    const { training } = await demoMeasures();
    const answer = await record(training, PEOPLE.nurse, { date: TODAY, value: 92, note: 'All but two trained' });
    const item = MeasureItem.parse(answer.body);
    expect([answer.status, item.status.latest, item.status.state]).toEqual([200, { date: TODAY, value: 92 }, 'met']);
    expect(item.measure.values.at(-1)).toEqual({ date: TODAY, value: 92, note: 'All but two trained', by: PEOPLE.nurse, at: NOW });
    const [entry] = (await world.app.store.listAudit({ planId: world.planId, entityId: training.id })).slice(-1);
    expect([entry?.source, entry?.actor]).toEqual(['tab', PEOPLE.nurse]);
  });

  it('lets editors and reviewers record on any measure; refuses a lead on another\'s (403)', async () => {
    const { plan } = await demoMeasures();
    expect((await record(plan, PEOPLE.reviewer, { date: '2025-06-01', value: 91 })).status).toBe(200);
    expect((await record(plan, PEOPLE.lead, { date: '2025-06-02', value: 92 })).status).toBe(200);
    const refused = await record(plan, PEOPLE.nurse, { date: '2025-06-03', value: 10 });
    expect([refused.status, ApiErrorBody.parse(refused.body).error.code]).toEqual([403, 'Forbidden']);
    expect((await demoMeasures()).plan.values.map((value) => value.value)).toEqual([60.49, 89.87, 91, 92]);
  });

  it.each([
    ['a date after today', { date: '2025-06-11', value: 1 }, ['date']],
    ['a value that is not a number', { date: TODAY, value: '76%' }, ['value']],
    ['no date', { value: 1 }, ['date']],
    ['someone else as author', { date: TODAY, value: 1, by: PEOPLE.lead }, ['by']],
  ])('answers 422 per input for %s, recording nothing', async (_what, body, fields) => {
    const { training } = await demoMeasures();
    const answer = await record(training, PEOPLE.lead, body);
    expect([answer.status, Object.keys(fieldsOf(answer.body) ?? {})]).toEqual([422, fields]);
    expect((await demoMeasures()).training.values).toEqual(training.values);
  });
});
