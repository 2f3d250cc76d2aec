// GET /health on the real server (startBot: SQLite in memory, local mode) with the app's clock in
// the test's hands: sweeps that stop make it `degraded`, a store that cannot be read makes it
// `unavailable` with a 503, and a load balancer polling it reaches the store once per few seconds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../app/clock.js';
import { DEMO_USER } from '../../app/demo.js';
import { memoryLogger } from '../../app/logger.js';
import { startBot, type RunningBot } from '../../app/start-bot.js';
import { loadConfig } from '../../config/config.js';
import type { PlanStore } from '../../store/plan-store.js';
import { StoreError } from '../../store/store-error.js';
import { openSqlitePlanStore } from '../../store/sqlite/index.js';

const NOW = Date.parse('2025-06-10T09:00:00.000Z');
const SWEEP_SECONDS = 300;
const BROKEN = 'finding a role failed: Graph 503 serviceUnavailable: internal detail (request-id 9d1c)';

interface Harness {
  bot: RunningBot;
  log: ReturnType<typeof memoryLogger>;
  advance: (ms: number) => void;
  /** Makes every store read through the probe fail (true) or work again (false). */
  breakStore: (broken: boolean) => void;
  probeReads: () => number;
}

let running: RunningBot | null = null;

afterEach(async () => {
  const bot = running;
  running = null;
  if (bot) await bot.stop();
});

/** The store the health check reads, with a switch that breaks its reads as Graph going down would. */
function switchable(store: PlanStore): { store: PlanStore; setBroken: (broken: boolean) => void; reads: () => number } {
  let broken = false;
  let reads = 0;
  const proxy = new Proxy(store, {
    get(target, key) {
      if (key === 'findRole') {
        return (name: string) => {
          reads += 1;
          return broken ? Promise.reject(new StoreError('unavailable', BROKEN)) : target.findRole(name);
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: proxy, setBroken: (value) => { broken = value; }, reads: () => reads };
}

async function start(): Promise<Harness> {
  let time = NOW;
  const clock: Clock = { now: () => new Date(time) };
  const log = memoryLogger();
  const wrapped = switchable(openSqlitePlanStore({ path: ':memory:' }));
  const bot = await startBot(loadConfig({ SQLITE_PATH: ':memory:', PLAYGROUND: 'off', REMINDER_SWEEP_SECONDS: String(SWEEP_SECONDS) }), { port: 0, playground: false, clock, log, store: wrapped.store });
  running = bot;
  // The first sweep starts at once; wait for it to finish (on the real clock: it is not time-based).
  await vi.waitFor(() => {
    expect(bot.scheduler.status().lastSuccess).not.toBeNull();
  });
  return { bot, log, advance: (ms) => { time += ms; }, breakStore: wrapped.setBroken, probeReads: wrapped.reads };
}

async function health(harness: Harness): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const response = await fetch(`${harness.bot.url}/health`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}

describe('/health', () => {
  it('is ok after a sweep, with the sweep\'s time, duration, figures and the lease', async () => {
    const harness = await start();
    const answer = await health(harness);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: 'ok',
      reasons: [],
      mode: 'local',
      store: 'sqlite',
      storeCheck: { ok: true, at: new Date(NOW).toISOString(), durationMs: expect.any(Number) as unknown },
      lastSweep: { at: new Date(NOW).toISOString(), durationMs: expect.any(Number) as unknown, sweeping: true, planned: expect.any(Number) as unknown, sent: 0, failed: 0, blocked: 0, waiting: expect.any(Number) as unknown, skipped: 0 },
    });
    // Nobody is named: the demo's people are in the store, not in the answer.
    expect(answer.text).not.toContain(DEMO_USER.aadObjectId);
    expect(harness.log.lines).toContainEqual(expect.objectContaining({ level: 'info', message: 'reminder sweep', sweeping: true }));
  });

  it('is degraded (still 200) once no sweep has finished for three sweep intervals', async () => {
    const harness = await start();
    harness.advance(3 * SWEEP_SECONDS * 1000);
    expect((await health(harness)).body.status).toBe('ok');
    harness.advance(60_000);
    const answer = await health(harness);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'degraded', reasons: ['the last reminder sweep finished 16 min ago; one is due every 5 min'], lastSweep: { at: new Date(NOW).toISOString() } });
  });

  it('is unavailable with a 503 while the store cannot be read, without the error\'s text, and ok again after', async () => {
    const harness = await start();
    expect((await health(harness)).status).toBe(200);
    harness.breakStore(true);
    // The last answer is kept for 10 s: a store that just failed is seen once that has passed.
    harness.advance(10_000);
    const down = await health(harness);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', reasons: ['the store could not be read (unavailable)'], storeCheck: { ok: false, reason: 'unavailable' } });
    expect(down.text).not.toMatch(/Graph|request-id|internal detail/);
    expect(harness.log.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'health check: store not answering', reason: 'unavailable', error: BROKEN }));

    harness.breakStore(false);
    harness.advance(10_000);
    const up = await health(harness);
    expect(up.status).toBe(200);
    expect(up.body.status).toBe('ok');
  });

  it('reads the store once however often it is polled within 10 s', async () => {
    const harness = await start();
    const before = harness.probeReads();
    for (let n = 0; n < 20; n += 1) {
      expect((await health(harness)).status).toBe(200);
      harness.advance(400);
    }
    // 20 polls over 8 s of the app's clock: one read.
    expect(harness.probeReads() - before).toBe(1);
  });
});
