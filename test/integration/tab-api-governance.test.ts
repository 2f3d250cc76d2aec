// Governance over HTTP (issue 6), in local mode: the real server (startBot: restify, the API,
// SQLite in memory with the demo plan) on a free port, called as the tab calls it with dev
// identities. Reviews and separation of duties, closing and reopening the plan, the meeting view,
// the audit trail, measures, and the board papers read back; then each of the five seed plans,
// imported over the API, gives a meeting view and both exports. Every JSON answer is parsed
// with its contract schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.js';
import { memoryLogger } from '../../app/logger.js';
import { startBot, type RunningBot } from '../../app/start-bot.js';
import { loadConfig } from '../../config/config.js';
import { Plan } from '../../core/model/index.js';
import {
  ActionDetail,
  ApiErrorBody,
  AuditTrail,
  DEV_USER_HEADER,
  ForumList,
  ImportCommitted,
  MeasureItem,
  MeasuresView,
  MeetingView,
} from '../../core/views/tab-api.js';
import { docxTables, readDocx, readWorkbook, sheet } from '../support/paper-readers.js';
import { seedFiles } from '../support/seeds.js';
import { NOW, PEOPLE, seedTabWorld, TODAY, type TabWorld } from '../support/tab-world.js';

const FORUM = 'Quality and Safety Committee';
const SINCE = '2025-05-26';
const MEETING = { forum: FORUM, date: TODAY };

interface Harness {
  bot: RunningBot;
  world: TabWorld;
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

async function start(): Promise<Harness> {
  const tabDir = mkdtempSync(join(tmpdir(), 'followthrough-dist-tab-'));
  const bot = await startBot(loadConfig({ SQLITE_PATH: ':memory:', PLAYGROUND: 'off' }), { port: 0, playground: false, clock: fixedClock(NOW), log: memoryLogger(), tabDir });
  running = { bot, world: await seedTabWorld(bot.app), tabDir };
  return running;
}

type Person = { aadObjectId: string };

async function send(method: string, path: string, person: Person, body?: unknown): Promise<Response> {
  const harness = running;
  if (harness === null) throw new Error('not started');
  const headers: Record<string, string> = { [DEV_USER_HEADER]: person.aadObjectId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  return fetch(`${harness.bot.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function call(method: string, path: string, person: Person, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await send(method, path, person, body);
  return { status: response.status, json: await response.json() };
}

/** A file answer's bytes, after checking it is one: 200, its type, saved under its name, not cached. */
async function download(path: string, person: Person, type: string): Promise<Uint8Array> {
  const response = await send('GET', path, person);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(type);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+-board-paper-\d{4}-\d{2}-\d{2}\.(xlsx|docx|html)"$/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return new Uint8Array(await response.arrayBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const query = (params: Record<string, string>): string => new URLSearchParams(params).toString();

function errorOf(json: unknown): { code: string; message: string; fields?: Record<string, string> | undefined } {
  return ApiErrorBody.parse(json).error;
}

describe('reviews over HTTP', () => {
  it('refuses a lead (403, nothing written); the completer cannot assure; a reviewer can, with the meeting in the trail', async () => {
    const { world, bot } = await start();
    const store = bot.app.store;
    const id = world.id('1b');

    const lead = await call('POST', `/api/actions/${world.id('3b')}/review`, PEOPLE.nurse, { decision: 'assure' });
    expect([lead.status, errorOf(lead.json).code]).toEqual([403, 'Forbidden']);
    expect(await store.listAudit({ planId: world.planId, entityId: world.id('3b') })).toEqual([]);

    const completed = await call('POST', `/api/actions/${id}/updates`, PEOPLE.lead, { note: 'Prompt live in the record', status: 'complete', evidence: 'Release note 4.2', clientKey: 'governance-1' });
    expect(completed.status).toBe(201);
    const seen = ActionDetail.parse(completed.json).action;

    const own = await call('POST', `/api/actions/${id}/review`, PEOPLE.lead, { decision: 'assure', version: seen.version });
    expect([own.status, errorOf(own.json).message]).toEqual([422, 'You recorded this action as complete; another reviewer must assure it.']);
    const unexplained = await call('POST', `/api/actions/${id}/review`, PEOPLE.reviewer, { decision: 'return', version: seen.version });
    expect([unexplained.status, errorOf(unexplained.json).fields?.reason]).toEqual([422, 'Give the reason for this decision.']);
    const stale = await call('POST', `/api/actions/${id}/review`, PEOPLE.reviewer, { decision: 'assure', version: seen.version - 1 });
    expect([stale.status, errorOf(stale.json).code]).toEqual([409, 'Conflict']);
    expect(await store.getAction(id)).toEqual(seen);

    const assured = await call('POST', `/api/actions/${id}/review`, PEOPLE.reviewer, { decision: 'assure', version: seen.version, meeting: MEETING });
    expect(assured.status).toBe(200);
    const detail = ActionDetail.parse(assured.json);
    expect([detail.action.status, detail.action.review?.outcome, detail.action.review?.by, detail.action.review?.meeting]).toEqual(['assured', 'assured', PEOPLE.reviewer, MEETING]);
    expect(detail.history.map((entry) => [entry.actor.displayName, entry.source, entry.meeting])).toEqual([['Alex Wilber', 'tab', null], ['Megan Bowen', 'tab', MEETING]]);

    const trail = AuditTrail.parse((await call('GET', `/api/plans/${world.planId}/audit`, PEOPLE.deputy)).json);
    expect(trail.entries.filter((entry) => entry.entityId === id).map((entry) => [entry.label, entry.source, entry.summary])).toEqual([
      ['1 b', 'tab', 'Assured at Quality and Safety Committee on 10 Jun 2025.'],
      ['1 b', 'tab', null],
    ]);
    expect(trail.entries.at(-1)).toMatchObject({ label: 'Plan', source: 'import' });
  });
});

describe('closing the plan over HTTP', () => {
  it('is refused while actions are open (naming them), allowed once all are assured or not applicable; reopening needs a reason', async () => {
    const { world } = await start();
    const version = async (): Promise<number> => (await running?.bot.app.store.getPlan(world.planId))?.plan.version ?? 0;
    const refused = await call('POST', `/api/plans/${world.planId}/status`, PEOPLE.lead, { change: 'close', version: await version() });
    expect(refused.status).toBe(422);
    expect(errorOf(refused.json).message).toContain('Action 1 a is in progress. Action 1 b is in progress.');

    for (const label of ['1a', '1b', '2a', '2b', '3a']) {
      expect((await call('POST', `/api/actions/${world.id(label)}/review`, PEOPLE.lead, { decision: 'not-applicable', reason: 'Superseded by the trust-wide policy', meeting: MEETING })).status).toBe(200);
    }
    expect((await call('POST', `/api/actions/${world.id('3b')}/review`, PEOPLE.reviewer, { decision: 'assure', meeting: MEETING })).status).toBe(200);

    const closed = await call('POST', `/api/plans/${world.planId}/status`, PEOPLE.lead, { change: 'close', version: await version(), meeting: MEETING });
    expect([closed.status, Plan.parse(closed.json).status]).toEqual([200, 'closed']);
    const bare = await call('POST', `/api/plans/${world.planId}/status`, PEOPLE.lead, { change: 'reopen', version: await version() });
    expect([bare.status, errorOf(bare.json).fields?.reason]).toEqual([422, 'Give the reason for reopening the plan.']);
    const reopened = await call('POST', `/api/plans/${world.planId}/status`, PEOPLE.lead, { change: 'reopen', reason: 'New recommendation from the coroner', version: await version() });
    expect([reopened.status, Plan.parse(reopened.json).status]).toEqual([200, 'active']);

    // The meeting lists today's decisions: five not applicable, one assured, the plan closed and reopened.
    const view = MeetingView.parse((await call('GET', `/api/meetings?${query({ forum: FORUM, since: SINCE })}`, PEOPLE.lead)).json);
    expect(view.plans[0]?.decisions.map((decision) => decision.kind)).toEqual(['not-applicable', 'not-applicable', 'not-applicable', 'not-applicable', 'not-applicable', 'assured', 'plan-closed']);
  });
});

describe('the meeting view over HTTP', () => {
  it('shows the demo plan at its forum: overdue, awaiting assurance with Approve for the reviewer, measures', async () => {
    const { world } = await start();
    expect(ForumList.parse((await call('GET', '/api/forums', PEOPLE.deputy)).json)).toEqual([FORUM]);
    const answer = await call('GET', `/api/meetings?${query({ forum: FORUM, since: SINCE })}`, PEOPLE.reviewer);
    expect(answer.status).toBe(200);
    const view = MeetingView.parse(answer.json);
    const [plan] = view.plans;
    expect([view.meeting, plan?.plan.id, plan?.canReview]).toEqual([MEETING, world.planId, true]);
    expect(plan?.overdue.map((item) => item.label)).toEqual(['1 a']);
    expect(plan?.awaitingAssurance.map((item) => [item.label, item.canAssure])).toEqual([['3 b', true]]);
    expect(plan?.outcomes).toEqual({ total: 2, met: 1, notMet: 1, noTarget: 0, noValues: 0 });
    const bad = await call('GET', `/api/meetings?${query({ forum: FORUM })}`, PEOPLE.reviewer);
    expect([bad.status, errorOf(bad.json).code]).toEqual([400, 'BadRequest']);
  });
});

describe('measures over HTTP', () => {
  it('creates, edits (409 when stale) and records values', async () => {
    const { world } = await start();
    const listed = MeasuresView.parse((await call('GET', `/api/plans/${world.planId}/measures`, PEOPLE.lead)).json);
    expect(listed.items.map((item) => item.status.state)).toEqual(['met', 'not-met']);

    const created = await call('POST', `/api/plans/${world.planId}/measures`, PEOPLE.lead, { name: 'Carers involved in care plans', unit: '%', target: 75, actionId: world.id('2a') });
    expect(created.status).toBe(201);
    const { measure } = MeasureItem.parse(created.json);
    const fields = { name: measure.name, unit: '%', target: 80, direction: 'increase', actionId: measure.actionId };
    const edited = await call('PATCH', `/api/measures/${measure.id}`, PEOPLE.lead, { version: measure.version, fields });
    expect([edited.status, MeasureItem.parse(edited.json).measure.target]).toEqual([200, 80]);
    const stale = await call('PATCH', `/api/measures/${measure.id}`, PEOPLE.lead, { version: measure.version, fields: { ...fields, target: 60 } });
    expect([stale.status, errorOf(stale.json).code]).toEqual([409, 'Conflict']);

    const recorded = await call('POST', `/api/measures/${measure.id}/values`, PEOPLE.reviewer, { date: '2025-06-01', value: 82.5, note: 'Case-note audit' });
    const item = MeasureItem.parse(recorded.json);
    expect([recorded.status, item.status.latest, item.status.state]).toEqual([200, { date: '2025-06-01', value: 82.5 }, 'met']);
    const forbidden = await call('POST', `/api/measures/${measure.id}/values`, PEOPLE.nurse, { date: '2025-06-02', value: 10 });
    expect([forbidden.status, errorOf(forbidden.json).code]).toEqual([403, 'Forbidden']);
  });
});

describe('board papers over HTTP', () => {
  it('exports the plan as XLSX, DOCX and HTML, read back with its actions, RAG and measures', async () => {
    const { world } = await start();
    const base = `/api/plans/${world.planId}/export`;
    const workbook = await readWorkbook(await download(`${base}?format=xlsx`, PEOPLE.deputy, XLSX));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Actions', 'Outcome measures']);
    expect(sheet(workbook, 'Actions').rowCount).toBe(7);
    const tables = docxTables(await readDocx(await download(`${base}?format=docx`, PEOPLE.deputy, DOCX)));
    expect(tables[1]?.slice(1).map((row) => row.cells[0]?.text)).toEqual(['1 a', '1 b', '2 a', '2 b', '3 a', '3 b']);
    const html = new TextDecoder().decode(await download(`${base}?format=html`, PEOPLE.deputy, 'text/html; charset=utf-8'));
    expect(html).toContain('Think Family');
    const bad = await call('GET', `${base}?format=odt`, PEOPLE.deputy);
    expect([bad.status, errorOf(bad.json).code]).toEqual([400, 'BadRequest']);
  });

  it('exports the meeting as XLSX and DOCX, read back with each part of the meeting', async () => {
    await start();
    const path = (format: string) => `/api/meetings/export?${query({ forum: FORUM, since: SINCE, format })}`;
    const workbook = await readWorkbook(await download(path('xlsx'), PEOPLE.deputy, XLSX));
    expect(sheet(workbook, 'Summary').getCell('A1').value).toBe(`${FORUM}: meeting of 10 Jun 2025`);
    expect(sheet(workbook, 'Awaiting assurance').getRow(3).getCell(2).value).toBe('3 b');
    const read = await readDocx(await download(path('docx'), PEOPLE.deputy, DOCX));
    const headings = read.blocks.flatMap((block) => (block.kind === 'paragraph' && block.style === 'Heading2' ? [block.text] : []));
    expect(headings).toContain('Decisions at this meeting');
    const bad = await call('GET', `/api/meetings/export?${query({ forum: FORUM, since: SINCE, format: 'pdf' })}`, PEOPLE.deputy);
    expect(bad.status).toBe(400);
  });
});

const seeds = seedFiles();
/** Plans that name no forum are given one, as an editor would before the first meeting (the tab has no plan-fields route yet). */
const FALLBACK_FORUM = 'Quality and Safety Committee';

describe('the five seed plans over HTTP', () => {
  it('has all five seeds to work on', () => {
    expect(seeds.map((seed) => seed.id)).toEqual(['000', '001', '002', '003', '004']);
  });

  it('imports each, and each gives a meeting view and both exports', async () => {
    const { bot } = await start();
    for (const seed of seeds) {
      const committed = await call('POST', '/api/imports', PEOPLE.lead, { fileName: `seed-${seed.id}.txt`, contentBase64: Buffer.from(seed.text).toString('base64') });
      expect(committed.status, `seed ${seed.id}`).toBe(201);
      const { planId } = ImportCommitted.parse(committed.json);
      const tree = await bot.app.store.getPlan(planId);
      if (tree === null) throw new Error(`seed ${seed.id} was not stored`);
      let forum = tree.plan.forums[0];
      if (forum === undefined) {
        forum = FALLBACK_FORUM;
        await bot.app.store.updatePlanFields(planId, { forums: [forum] }, tree.plan.version, NOW, { actor: PEOPLE.lead, source: 'cli' });
      }
      const actions = tree.recommendations.reduce((n, rec) => n + rec.actions.length, 0);

      const view = MeetingView.parse((await call('GET', `/api/meetings?${query({ forum, since: SINCE })}`, PEOPLE.lead)).json);
      const mine = view.plans.find((plan) => plan.plan.id === planId);
      expect(mine?.counts.actions, `seed ${seed.id}`).toBe(actions);

      const planXlsx = await readWorkbook(await download(`/api/plans/${planId}/export?format=xlsx`, PEOPLE.lead, XLSX));
      expect(sheet(planXlsx, 'Actions').rowCount, `seed ${seed.id}`).toBe(actions + 1);
      const planDocx = docxTables(await readDocx(await download(`/api/plans/${planId}/export?format=docx`, PEOPLE.lead, DOCX)));
      expect(planDocx[1]?.length, `seed ${seed.id}`).toBe(actions + 1);

      const meetingPath = (format: string) => `/api/meetings/export?${query({ forum, since: SINCE, format })}`;
      const meetingXlsx = await readWorkbook(await download(meetingPath('xlsx'), PEOPLE.lead, XLSX));
      expect(meetingXlsx.worksheets.map((w) => w.name)).toContain('Awaiting assurance');
      const meetingDocx = await readDocx(await download(meetingPath('docx'), PEOPLE.lead, DOCX));
      expect(meetingDocx.blocks.some((block) => block.kind === 'paragraph' && block.text === `${forum}: meeting of 10 Jun 2025`), `seed ${seed.id}`).toBe(true);
    }
  });
});
