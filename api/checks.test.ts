// GET /api/plans/:planId/checks in process over the demo plan in SQLite: the answer parses with
// the report's schema, follows what is stored, and a missing plan is a 404.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../app/logger.js';
import { IntegrityReport } from '../core/assurance/integrity-report.js';
import { ApiErrorBody } from '../core/views/tab-api.js';
import { callerOf, NOW, NURSE_ROLE, PEOPLE, TODAY, tabWorld, type TabWorld } from '../test/support/tab-world.js';
import { createTabApi, type TabApi } from './tab-api.js';

let world: TabWorld;
let api: TabApi;

beforeEach(async () => {
  world = await tabWorld();
  api = createTabApi({ store: world.app.store, now: () => new Date(NOW), today: () => TODAY, mode: 'local', log: memoryLogger() });
});

afterEach(async () => {
  await world.app.store.close();
});

async function checks(planId = world.planId): Promise<IntegrityReport> {
  const answer = await api.handle({ method: 'GET', path: `/api/plans/${planId}/checks`, caller: callerOf(PEOPLE.stranger) });
  expect(answer.status).toBe(200);
  return IntegrityReport.parse(answer.body);
}

describe('GET /api/plans/:planId/checks', () => {
  it('checks the demo plan as of today: no errors, the silent overdue action a warning linked to it', async () => {
    const report = await checks();
    expect(report).toMatchObject({ planId: world.planId, checkedOn: TODAY, counts: { errors: 0, warnings: 1 } });
    expect(report.findings).toEqual([
      {
        code: 'overdue-without-update', severity: 'warning', label: '1 a', actionId: world.id('1a'), recommendationId: expect.any(String) as string,
        message: 'Action 1 a: 5 days overdue (due 05/06/2025) with no update since.',
      },
    ]);
  });

  it('follows the store: an update since the due date clears the warning; a role left to deputies adds one', async () => {
    await world.app.store.addUpdate({
      actionId: world.id('1a'), planId: world.planId, at: NOW, author: { aadObjectId: PEOPLE.lead.aadObjectId, displayName: PEOPLE.lead.displayName }, source: 'tab', note: 'Audit under way',
    });
    await world.app.store.saveRole({ name: NURSE_ROLE, holders: [], deputies: [PEOPLE.nurse] });
    const report = await checks();
    expect(report.findings.map((finding) => [finding.code, finding.severity, finding.label])).toEqual([['lead-role-unheld', 'warning', '2 b']]);
    expect(report.findings[0]?.message).toBe(`Action 2 b: the lead role "${NURSE_ROLE}" is held by deputies only.`);
  });

  it('answers 404 for a plan that does not exist and 401 without a caller', async () => {
    const missing = await api.handle({ method: 'GET', path: '/api/plans/no-such-plan/checks', caller: callerOf(PEOPLE.lead) });
    expect([missing.status, ApiErrorBody.parse(missing.body).error.code]).toEqual([404, 'NotFound']);
    const anonymous = await api.handle({ method: 'GET', path: `/api/plans/${world.planId}/checks`, caller: null });
    expect(anonymous.status).toBe(401);
  });
});
