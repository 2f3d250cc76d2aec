// The tab's API from outside, in local mode: the real server (startBot: restify, the API, SQLite
// in memory with the demo plan) on a free port, called as the plain-browser tab calls it, with a
// dev identity. Every route once, each answer checked against the contract's schemas.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.js';
import { memoryLogger } from '../../app/logger.js';
import { startBot, type RunningBot } from '../../app/start-bot.js';
import { loadConfig } from '../../config/config.js';
import {
  ActionDetail,
  ApiErrorBody,
  Dashboard,
  DEV_USER_HEADER,
  DevIdentity,
  ImportCommitted,
  ImportPreview,
  Me,
  MyActions,
  PlanListResponse,
  PlanView,
} from '../../core/views/tab-api.js';
import { NOW, PEOPLE, seedTabWorld, type TabWorld } from '../support/tab-world.js';

const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/plans/row-per-line.txt'));

interface Harness {
  bot: RunningBot;
  world: TabWorld;
  url: string;
  tabDir: string;
}

let running: Harness | null = null;

afterEach(async () => {
  const harness = running;
  running = null;
  if (harness) {
    await harness.bot.stop();
    rmSync(harness.tabDir, { recursive: true, force: true });
  }
});

async function start(env: Record<string, string> = {}): Promise<Harness> {
  const tabDir = mkdtempSync(join(tmpdir(), 'followthrough-dist-tab-'));
  const bot = await startBot(loadConfig({ SQLITE_PATH: ':memory:', PLAYGROUND: 'off', ...env }), { port: 0, playground: false, clock: fixedClock(NOW), log: memoryLogger(), tabDir });
  const world = await seedTabWorld(bot.app);
  running = { bot, world, url: bot.url, tabDir };
  return running;
}

async function call(harness: Harness, method: string, path: string, person: { aadObjectId: string } | null, body?: unknown): Promise<{ status: number; json: unknown; headers: Headers }> {
  const headers: Record<string, string> = person ? { [DEV_USER_HEADER]: person.aadObjectId } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${harness.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: response.status, json: await response.json(), headers: response.headers };
}

describe('the tab API in local mode, every route', () => {
  it('answers each route as the contract says', async () => {
    const harness = await start();
    const { world } = harness;
    const lead = PEOPLE.lead;

    const identities = await call(harness, 'GET', '/api/dev/identities', null);
    expect(DevIdentity.array().parse(identities.json).map((identity) => identity.aadObjectId)).toContain(lead.aadObjectId);

    const me = await call(harness, 'GET', '/api/me', lead);
    expect(Me.parse(me.json)).toMatchObject({ aadObjectId: lead.aadObjectId, mode: 'local' });

    const plans = PlanListResponse.parse((await call(harness, 'GET', '/api/plans', lead)).json);
    expect(plans.map((plan) => plan.id)).toEqual([world.planId]);

    const view = PlanView.parse((await call(harness, 'GET', `/api/plans/${world.planId}`, lead)).json);
    expect(view.recommendations.flatMap((rec) => rec.actions)).toHaveLength(6);

    const board = Dashboard.parse((await call(harness, 'GET', `/api/plans/${world.planId}/dashboard`, lead)).json);
    expect(board.total).toBe(6);

    const mine = MyActions.parse((await call(harness, 'GET', '/api/my-actions', lead)).json);
    expect(mine.items.length).toBeGreaterThan(0);

    const detail = ActionDetail.parse((await call(harness, 'GET', `/api/actions/${world.id('1a')}`, lead)).json);
    expect(detail.rights).toEqual({ canUpdate: true, canEdit: true });

    const posted = await call(harness, 'POST', `/api/actions/${world.id('1a')}/updates`, lead, { note: 'Audit under way', status: 'in-progress', clientKey: 'integration-1' });
    expect(posted.status).toBe(201);
    expect(ActionDetail.parse(posted.json).updates.at(-1)?.note).toBe('Audit under way');

    const patched = await call(harness, 'PATCH', `/api/actions/${world.id('1a')}`, lead, { version: ActionDetail.parse(posted.json).action.version, fields: { measurement: 'Re-audit score' } });
    expect([patched.status, ActionDetail.parse(patched.json).action.measurement]).toEqual([200, 'Re-audit score']);

    const upload = { fileName: 'plan.txt', contentBase64: FIXTURE.toString('base64') };
    const preview = await call(harness, 'POST', '/api/imports/preview', lead, upload);
    expect(ImportPreview.parse(preview.json).actions).toBe(3);
    const committed = await call(harness, 'POST', '/api/imports', lead, upload);
    expect(committed.status).toBe(201);
    expect(await harness.bot.app.store.getPlan(ImportCommitted.parse(committed.json).planId)).not.toBeNull();
  });

  it('records a double click once', async () => {
    const harness = await start();
    const path = `/api/actions/${harness.world.id('2a')}/updates`;
    const body = { note: 'Guidance drafted', status: 'in-progress', clientKey: 'double-click-1' };
    const answers = await Promise.all([call(harness, 'POST', path, PEOPLE.lead, body), call(harness, 'POST', path, PEOPLE.lead, body)]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect((await harness.bot.app.store.listUpdates(harness.world.id('2a'))).filter((update) => update.source === 'tab')).toHaveLength(1);
  });

  it.each([
    ['400: an update without its client key', 'POST', '/updates', { note: 'x', status: 'in-progress' }, PEOPLE.lead, 400],
    ['403: the nurse updating the lead\'s action', 'POST', '/updates', { note: 'x', status: 'in-progress', clientKey: 'nurse-click-1' }, PEOPLE.nurse, 403],
    ['403: a deputy editing fields', 'PATCH', '', { version: 1, fields: { text: 'New' } }, PEOPLE.deputy, 403],
    ['409: an edit at a stale version', 'PATCH', '', { version: 99, fields: { text: 'New' } }, PEOPLE.lead, 409],
    ['422: complete without evidence', 'POST', '/updates', { note: 'Done', status: 'complete', clientKey: 'lead-click-9' }, PEOPLE.lead, 422],
  ] as const)('%s', async (_what, method, suffix, body, person, status) => {
    const harness = await start();
    const id = harness.world.id('1b');
    const before = await harness.bot.app.store.getAction(id);
    const answer = await call(harness, method, `/api/actions/${id}${suffix}`, person, body);
    expect(answer.status).toBe(status);
    ApiErrorBody.parse(answer.json);
    expect(await harness.bot.app.store.getAction(id)).toEqual(before);
  });

  it('404 for an action that does not exist', async () => {
    const harness = await start();
    const answer = await call(harness, 'GET', '/api/actions/gone', PEOPLE.lead);
    expect([answer.status, ApiErrorBody.parse(answer.json).error.code]).toEqual([404, 'NotFound']);
  });

  it('limits the rate per caller as configured: 429 with Retry-After', async () => {
    const harness = await start({ TAB_RATE_PER_SECOND: '1', TAB_RATE_BURST: '2' });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 3; i++) {
      const answer = await call(harness, 'GET', '/api/me', PEOPLE.lead);
      statuses.push(answer.status);
      retryAfter = answer.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(retryAfter).toBe('1');
  });

  it('serves the built tab from its folder, the app\'s routes as index.html, and 503 before a build', async () => {
    const harness = await start();
    expect((await fetch(`${harness.url}/tab/actions/${harness.world.id('1a')}`)).status).toBe(503);
    writeFileSync(join(harness.tabDir, 'index.html'), '<!doctype html><title>Tab</title>');
    const deepLink = await fetch(`${harness.url}/tab/actions/${harness.world.id('1a')}`);
    expect([deepLink.status, deepLink.headers.get('content-type'), await deepLink.text()]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>Tab</title>']);
  });

  it('keeps the bot\'s own routes as they were', async () => {
    const harness = await start();
    expect((await fetch(`${harness.url}/health`)).status).toBe(200);
    expect((await fetch(`${harness.url}/api/messages`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${harness.url}/api/messages`)).status).toBe(405);
  });
});
