// Two real server processes (server/main.ts under tsx, as `npm start` runs the built one) share
// one SQLite file and one Bot Connector fake. Both answer the bot and the tab; only the lease
// holder sweeps. The sweeping one is SIGKILLed while it sends; the other takes the lease once it
// has expired and every due reminder reaches its person — none lost, at most one repeated (the
// send in flight when the process died: docs/decisions/007 and 011).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock, todayIn } from '../../app/clock.js';
import { DEMO_USER } from '../../app/demo.js';
import { PlanDraft } from '../../core/model/index.js';
import { DEV_USER_HEADER } from '../../core/views/tab-api.js';
import { openSqlitePlanStore, type SqlitePlanStore } from '../../store/sqlite/sqlite-plan-store.js';
import { type ConnectorFake, startConnectorFake } from '../fakes/connector/index.js';
import { freePort } from '../support/free-port.js';
import { messageActivity } from '../support/teams-activities.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PEOPLE = 16;
/** Each send takes this long at the connector, so a sweep lasts a few seconds and can be killed mid-way. */
const SEND_LATENCY_MS = 150;
const SWEEP_SECONDS = 2;
/** Longer than a whole sweep (about 16 × 150 ms), so a live sweeper never loses the lease mid-sweep. */
const LEASE_SECONDS = 10;
const KILL_AFTER_SENDS = 4;
const PLAN_TITLE = 'Two instances: learning from incidents';

interface Instance {
  name: string;
  child: ChildProcess;
  url: string;
  /** Its JSON log lines (stderr), parsed. */
  lines: Record<string, unknown>[];
  exited: Promise<void>;
  output: () => string;
}

let dir: string;
let dbPath: string;
let store: SqlitePlanStore;
let fake: ConnectorFake;
const instances: Instance[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'followthrough-two-'));
  dbPath = join(dir, 'shared.db');
  // Opening it here creates the schema, so the two servers never race to migrate.
  store = openSqlitePlanStore({ path: dbPath });
  fake = await startConnectorFake({ latencyMs: SEND_LATENCY_MS });
  // One after the other: in local mode each loads the demo plan at start-up.
  instances.push(await startInstance('instance-a'));
  instances.push(await startInstance('instance-b'));
}, 45_000);

afterAll(async () => {
  for (const instance of instances) if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGKILL');
  await Promise.all(instances.map((instance) => instance.exited));
  await store.close();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startInstance(name: string): Promise<Instance> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    SQLITE_PATH: dbPath,
    PLAYGROUND: 'off',
    INSTANCE_ID: name,
    LOG_LEVEL: 'debug',
    REMINDER_SWEEP_SECONDS: String(SWEEP_SECONDS),
    REMINDER_LEASE_SECONDS: String(LEASE_SECONDS),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8_000);
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    for (const line of complete) if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => { resolve(); }));
  const output = () => `${name} stdout:\n${stdout}\nstderr:\n${stderr}`;
  const deadline = Date.now() + 20_000;
  while (!stdout.includes('is running at')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not start: ${output()}`);
    await sleep(50);
  }
  return { name, child, url: `http://127.0.0.1:${String(port)}`, lines, exited, output };
}

const person = (index: number) => ({ aadObjectId: `aad-two-${String(index)}`, displayName: `Lead ${String(index)}` });
const conversationOf = (index: number) => `a:two-${String(index)}`;

/** A plan of PEOPLE actions due today, each led by its own person, whose conversation points at the fake. */
async function seedDueReminders(): Promise<string> {
  const today = todayIn(systemClock, 'Europe/London');
  const now = new Date().toISOString();
  for (let index = 0; index < PEOPLE; index += 1) {
    const lead = person(index);
    await store.saveRole({ name: `Two lead ${String(index)}`, holders: [lead], deputies: [] });
    await store.saveConversation({
      ...lead,
      tenantId: 'tenant-two',
      reference: {
        serviceUrl: fake.url,
        channelId: 'msteams',
        conversation: { id: conversationOf(index), conversationType: 'personal', tenantId: 'tenant-two' },
        bot: { id: '28:followthrough', name: 'Followthrough' },
        user: { id: `29:two-${String(index)}`, aadObjectId: lead.aadObjectId },
      },
      usable: true,
      unusableReason: null,
      updatedAt: now,
    });
  }
  const draft = PlanDraft.parse({
    // Every day and all day, so the reminders are due whenever the test runs.
    plan: { title: PLAN_TITLE, references: ['TWO/1'], status: 'active', reminders: { workingDaysOnly: false, window: { start: '00:00', end: '23:59' } } },
    recommendations: [{
      number: '1',
      text: 'Learning from incidents.',
      organisation: null,
      finding: null,
      actions: Array.from({ length: PEOPLE }, (_, index) => ({ ref: `a${String(index)}`, text: `Share the learning, part ${String(index)}`, leads: [`Two lead ${String(index)}`], due: { text: today, date: today, precision: 'day' }, status: 'in-progress', rag: null })),
    }],
  });
  return store.savePlan(draft, { now, contentKey: null });
}

function leaseHolder(): { holder: string; expiresAt: string } | null {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT holder, expires_at FROM leases WHERE name = ?').get('reminder-sweep') as { holder: string; expires_at: string } | undefined;
    return row === undefined ? null : { holder: row.holder, expiresAt: row.expires_at };
  } finally {
    db.close();
  }
}

/** Deliveries per reminder conversation the fake accepted. */
function deliveries(): number[] {
  return Array.from({ length: PEOPLE }, (_, index) => fake.activities(conversationOf(index)).length);
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}\n${instances.map((instance) => instance.output()).join('\n')}`);
    await sleep(20);
  }
}

/** The tab's list of plans, as local mode's default person. */
const tabPlans = (instance: Instance) => fetch(`${instance.url}/api/plans`, { headers: { [DEV_USER_HEADER]: DEMO_USER.aadObjectId } });

/** The lines where an instance says it sent a reminder card, in the order they were written. */
function sends(instance: Instance): { at: number; sweepId: unknown; reminderIds: string[] }[] {
  return instance.lines
    .filter((line) => line.message === 'reminder card sent')
    .map((line) => ({ at: Date.parse(String(line.time)), sweepId: line.sweepId, reminderIds: line.reminderIds as string[] }));
}

describe('two instances sharing one store', () => {
  it('both answer the bot and the tab, with request ids', async () => {
    for (const instance of instances) {
      const activity = messageActivity({ aadObjectId: 'aad-visitor', displayName: 'Visitor' }, 'help', { serviceUrl: fake.url, conversation: { id: `a:visitor-${instance.name}`, conversationType: 'personal' } });
      const bot = await fetch(`${instance.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': `visit-${instance.name}` }, body: JSON.stringify(activity) });
      expect(bot.status).toBe(200);
      expect(bot.headers.get('x-request-id')).toBe(`visit-${instance.name}`);
      await waitFor(`${instance.name} replied`, () => fake.activities(`a:visitor-${instance.name}`).length === 1, 5_000);
      // The turn was logged under the request's id and a turn id, and the message text was not logged.
      expect(instance.lines).toContainEqual(expect.objectContaining({ message: 'bot turn', requestId: `visit-${instance.name}`, turnId: expect.any(String) as unknown }));

      const tab = await tabPlans(instance);
      expect(tab.status).toBe(200);
      expect(tab.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  }, 20_000);

  it('sweeps on one instance at a time; killed mid-sweep, the other takes over after the lease and nothing is lost', async () => {
    const planId = await seedDueReminders();
    // Both see the same plan straight away.
    for (const instance of instances) expect(await (await tabPlans(instance)).text()).toContain(PLAN_TITLE);

    await waitFor(`${String(KILL_AFTER_SENDS)} reminders were delivered`, () => deliveries().filter((n) => n > 0).length >= KILL_AFTER_SENDS, 20_000);
    const lease = leaseHolder();
    const sweeper = instances.find((instance) => instance.name === lease?.holder);
    const survivor = instances.find((instance) => instance !== sweeper);
    if (lease === null || sweeper === undefined || survivor === undefined) throw new Error(`no instance holds the lease: ${JSON.stringify(lease)}`);
    // Exactly one sweeps: the other's last sweep found the lease taken.
    const health = (await (await fetch(`${survivor.url}/health`)).json()) as { lastSweep: { sweeping: boolean } | null };
    expect(health.lastSweep?.sweeping).toBe(false);

    sweeper.child.kill('SIGKILL');
    await sweeper.exited;
    const killedAt = Date.now();
    const deliveredBeforeKill = deliveries().filter((n) => n > 0).length;
    expect(deliveredBeforeKill).toBeLessThan(PEOPLE);

    await waitFor('every reminder was sent', async () => {
      const reminders = await store.listReminders({ planId });
      return reminders.length === PEOPLE && reminders.every((entry) => entry.state === 'sent');
    }, 30_000);

    // None lost; at most one repeat for the one crash (the send in flight when it died).
    const counts = deliveries();
    expect(counts.every((n) => n >= 1)).toBe(true);
    expect(counts.reduce((sum, n) => sum + n - 1, 0)).toBeLessThanOrEqual(1);

    // One at a time: the sweeper sent everything until it died, the survivor everything after,
    // and only once the dead instance's lease had run out.
    const before = sends(sweeper);
    const after = sends(survivor);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(Math.min(...after.map((send) => send.at))).toBeGreaterThanOrEqual(Date.parse(lease.expiresAt) - 50);
    expect(Math.max(...before.map((send) => send.at))).toBeLessThanOrEqual(killedAt);
    expect(leaseHolder()?.holder).toBe(survivor.name);
    // Every send is logged with its sweep and reminder ids.
    const ids = new Set((await store.listReminders({ planId })).map((entry) => entry.id));
    const logged = new Set([...before, ...after].flatMap((send) => send.reminderIds));
    expect([...ids].every((id) => logged.has(id))).toBe(true);
    expect([...before, ...after].every((send) => typeof send.sweepId === 'string')).toBe(true);
  }, 60_000);
});
