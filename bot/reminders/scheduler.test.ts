// The scheduler and the runner over an in-memory SQLite store, as an operator sees them in the
// logs: one line per sweep, even when it did nothing, and a routing problem once a day rather
// than at every sweep. Nobody has a conversation here, so nothing is sent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../app/logger.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/model/index.js';
import type { PlanStore } from '../../store/plan-store.js';
import { openSqlitePlanStore } from '../../store/sqlite/index.js';
import { LEAD_ROLE, NOW, OPEN_URL, TIME_ZONE, worldPlan } from '../../test/support/bot-world.js';
import { createCardRenderer } from '../service/card-renderer.js';
import { OncePerDay } from './once-a-day.js';
import { type RunnerDeps, sweepOnce } from './reminder-runner.js';
import type { Delivery } from './reminder-sender.js';
import { type Scheduler, startScheduler } from './scheduler.js';

const NEXT_DAY = '2025-06-11T09:00:00.000Z';
const nothingToSend: Delivery = { deliver: (items) => Promise.resolve(items.map((item) => ({ recipient: item.recipient, outcome: 'sent' as const }))) };

let store: PlanStore;
let scheduler: Scheduler | null = null;

beforeEach(async () => {
  store = openSqlitePlanStore({ path: ':memory:' });
  // No roles saved: every lead role is held by nobody, so reminders cannot be routed.
  await store.savePlan(worldPlan(), { now: NOW, contentKey: null });
});
afterEach(async () => {
  await scheduler?.stop();
  scheduler = null;
  await store.close();
});

function deps(log: ReturnType<typeof memoryLogger>, now: string, extra: Partial<RunnerDeps> = {}): RunnerDeps {
  return {
    store,
    delivery: nothingToSend,
    render: createCardRenderer({ formatTime: (instant) => instant }),
    now: () => new Date(now),
    timeZone: TIME_ZONE,
    holidays: () => new Set(),
    defaults: DEFAULT_REMINDER_SETTINGS,
    instanceId: 'instance-a',
    leaseMs: 60_000,
    openUrl: OPEN_URL,
    log,
    ...extra,
  };
}

const unrouted = (log: ReturnType<typeof memoryLogger>) => log.lines.filter((line) => line.message === 'reminder could not be routed');

describe('the scheduler', () => {
  it('writes one info line per sweep with its figures, and keeps the last for /health', async () => {
    const log = memoryLogger();
    scheduler = startScheduler(deps(log, NOW), 60_000);
    const running = scheduler;
    expect(running.status()).toEqual({ startedAt: NOW, lastSuccess: null });
    await vi.waitFor(() => {
      expect(running.status().lastSuccess).not.toBeNull();
    });
    const sweeps = log.lines.filter((line) => line.message === 'reminder sweep');
    expect(sweeps).toEqual([expect.objectContaining({ level: 'info', instanceId: 'instance-a', sweepId: expect.any(String) as unknown, sweeping: true, planned: 0, sent: 0, failed: 0, blocked: 0, waiting: 0, skipped: 0, unrouted: expect.any(Number) as unknown, durationMs: expect.any(Number) as unknown })]);
    expect(sweeps[0]?.unrouted).toBeGreaterThan(0);
    expect(running.status().lastSuccess).toMatchObject({ at: NOW, durationMs: expect.any(Number) as unknown, report: { leader: true } });
  });

  it('has an instance that found the lease taken say only that', async () => {
    await store.acquireLease('reminder-sweep', 'someone-else', NEXT_DAY, NOW);
    const log = memoryLogger();
    scheduler = startScheduler(deps(log, NOW), 60_000);
    const running = scheduler;
    await vi.waitFor(() => {
      expect(running.status().lastSuccess).not.toBeNull();
    });
    expect(log.lines.filter((line) => line.message === 'reminder sweep')).toEqual([expect.objectContaining({ level: 'info', sweeping: false, durationMs: expect.any(Number) as unknown })]);
    expect(log.lines.find((line) => line.message === 'reminder sweep')).not.toHaveProperty('planned');
    expect(unrouted(log)).toEqual([]);
  });

  it('keeps no success from a sweep that failed, and logs the failure', async () => {
    const log = memoryLogger();
    const broken: PlanStore = { ...store, acquireLease: () => Promise.reject(new Error('store down')), releaseLease: () => Promise.resolve() };
    scheduler = startScheduler(deps(log, NOW, { store: broken }), 60_000);
    await vi.waitFor(() => {
      expect(log.lines.map((line) => line.message)).toContain('reminder sweep failed');
    });
    expect(scheduler.status().lastSuccess).toBeNull();
  });
});

describe('routing problems in the log', () => {
  it('are written once per action and day when the sweeps share a memory', async () => {
    const log = memoryLogger();
    const routingLogged = new OncePerDay();
    await sweepOnce(deps(log, NOW, { routingLogged }));
    const first = unrouted(log).length;
    expect(first).toBeGreaterThan(0);
    expect(unrouted(log)).toContainEqual(expect.objectContaining({ level: 'warn', kind: 'no-holder', role: LEAD_ROLE }));
    await sweepOnce(deps(log, NOW, { routingLogged }));
    expect(unrouted(log)).toHaveLength(first);
    await sweepOnce(deps(log, NEXT_DAY, { routingLogged }));
    expect(unrouted(log).length).toBeGreaterThan(first);
  });

  it('are written at every sweep without one (a runner used on its own)', async () => {
    const log = memoryLogger();
    await sweepOnce(deps(log, NOW));
    const first = unrouted(log).length;
    await sweepOnce(deps(log, NOW));
    expect(unrouted(log)).toHaveLength(first * 2);
  });
});

describe('OncePerDay', () => {
  it('answers true the first time a key is seen each day', () => {
    const once = new OncePerDay();
    expect([once.first('a', '2025-06-10'), once.first('a', '2025-06-10'), once.first('b', '2025-06-10'), once.first('a', '2025-06-11'), once.first('a', '2025-06-11')]).toEqual([true, false, true, true, false]);
  });
});
