// /health's rules on a hand-moved clock: when it says ok, degraded or unavailable, and how the
// store probe keeps a polling load balancer from reaching SharePoint more than every few seconds.
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../app/logger.js';
import { StoreError } from '../store/store-error.js';
import { createHealthCheck, judgeHealth, type SweepFigures, type SweepState } from './health.js';
import { type StoreCheck, storeProbe } from './health-probe.js';

const T0 = Date.parse('2025-06-10T09:00:00.000Z');
const MINUTE = 60_000;
const INTERVAL = 5 * MINUTE;
const iso = (ms: number): string => new Date(ms).toISOString();

const ok: StoreCheck = { ok: true, at: iso(T0), durationMs: 12 };
const figures = (at: number, sweeping = true): SweepFigures => ({ at: iso(at), durationMs: 800, sweeping, planned: 1, sent: 1, failed: 0, blocked: 0, waiting: 0, skipped: 0 });
const state = (last: SweepFigures | null, startedAt = T0 - 60 * MINUTE): SweepState => ({ startedAt: iso(startedAt), last });

describe('judgeHealth', () => {
  it.each([
    { name: 'a sweep 5 min ago', store: ok, sweeps: state(figures(T0 - 5 * MINUTE)), status: 'ok', reasons: [] },
    { name: 'a sweep exactly 3 intervals ago', store: ok, sweeps: state(figures(T0 - 15 * MINUTE)), status: 'ok', reasons: [] },
    { name: 'the last sweep 16 min ago', store: ok, sweeps: state(figures(T0 - 16 * MINUTE)), status: 'degraded', reasons: ['the last reminder sweep finished 16 min ago; one is due every 5 min'] },
    { name: 'a non-sweeping instance whose checks stopped', store: ok, sweeps: state(figures(T0 - 16 * MINUTE, false)), status: 'degraded', reasons: [expect.stringContaining('16 min ago') as unknown] },
    { name: 'no sweep yet, started a minute ago', store: ok, sweeps: state(null, T0 - MINUTE), status: 'ok', reasons: [] },
    { name: 'no sweep since a start 20 min ago', store: ok, sweeps: state(null, T0 - 20 * MINUTE), status: 'degraded', reasons: ['no reminder sweep has finished since the start 20 min ago; one is due every 5 min'] },
    { name: 'a store that timed out', store: { ok: false, at: iso(T0), durationMs: 5_000, reason: 'timeout' } as StoreCheck, sweeps: state(figures(T0)), status: 'unavailable', reasons: ['the store did not answer in time'] },
    { name: 'a store that failed, and sweeps stale', store: { ok: false, at: iso(T0), durationMs: 30, reason: 'unavailable' } as StoreCheck, sweeps: state(figures(T0 - 3 * 60 * MINUTE)), status: 'unavailable', reasons: ['the store could not be read (unavailable)', 'the last reminder sweep finished 3 h 0 min ago; one is due every 5 min'] },
  ])('$name: $status', ({ store, sweeps, status, reasons }) => {
    expect(judgeHealth({ storeCheck: store, sweeps, now: new Date(T0), sweepIntervalMs: INTERVAL })).toEqual({ status, reasons });
  });
});

describe('createHealthCheck', () => {
  it('answers the status, the facts, the store check and the last sweep', async () => {
    const sweep = figures(T0 - MINUTE);
    const check = createHealthCheck({ mode: 'azure', store: 'sharepoint', checkStore: () => Promise.resolve(ok), sweeps: () => state(sweep), sweepIntervalMs: INTERVAL, now: () => new Date(T0) });
    expect(await check()).toEqual({ status: 'ok', reasons: [], mode: 'azure', store: 'sharepoint', storeCheck: ok, lastSweep: sweep });
  });
});

/** A probe on a clock the test moves, whose reads and timeouts the test settles by hand. */
function probeHarness() {
  let time = T0;
  const reads: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  const timeouts: (() => void)[] = [];
  const log = memoryLogger();
  const probe = storeProbe({
    read: () => new Promise<void>((resolve, reject) => { reads.push({ resolve, reject }); }),
    now: () => new Date(time),
    cacheMs: 10_000,
    timeoutMs: 5_000,
    wait: (_ms, signal) => new Promise<void>((resolve) => {
      timeouts.push(resolve);
      signal.addEventListener('abort', () => { resolve(); }, { once: true });
    }),
    log,
  });
  return {
    probe,
    reads,
    timeouts,
    log,
    advance: (ms: number) => { time += ms; },
    settle: () => new Promise<void>((resolve) => setImmediate(resolve)),
  };
}

describe('storeProbe', () => {
  it('reads the store once and reuses the answer for the cache period', async () => {
    const h = probeHarness();
    const first = h.probe();
    const second = h.probe();
    expect(h.reads).toHaveLength(1);
    h.reads[0]?.resolve();
    expect(await first).toEqual({ ok: true, at: iso(T0), durationMs: expect.any(Number) as unknown });
    expect(await second).toBe(await first);
    h.advance(9_999);
    expect(await h.probe()).toBe(await first);
    expect(h.reads).toHaveLength(1);
    h.advance(1);
    const third = h.probe();
    expect(h.reads).toHaveLength(2);
    h.reads[1]?.resolve();
    expect(await third).toMatchObject({ ok: true, at: iso(T0 + 10_000) });
  });

  it.each([
    { error: new StoreError('unavailable', 'listing roles failed: Graph 503 serviceUnavailable (request-id 1f2e)'), reason: 'unavailable' },
    { error: new StoreError('not-found', 'finding a role failed: Graph 404 itemNotFound'), reason: 'not-found' },
    { error: new TypeError('fetch failed'), reason: 'error' },
  ])('says $reason for a read that fails, and keeps the error text out of the answer', async ({ error, reason }) => {
    const h = probeHarness();
    const answer = h.probe();
    h.reads[0]?.reject(error);
    const check = await answer;
    expect(check).toEqual({ ok: false, at: iso(T0), durationMs: expect.any(Number) as unknown, reason });
    expect(JSON.stringify(check)).not.toContain(error.message);
    // The log keeps the detail for the operator.
    expect(h.log.lines).toEqual([expect.objectContaining({ level: 'warn', message: 'health check: store not answering', reason, error: error.message })]);
  });

  it('gives up waiting after the timeout, and does not start a second read while the first still hangs', async () => {
    const h = probeHarness();
    const answer = h.probe();
    await h.settle();
    h.timeouts[0]?.();
    expect(await answer).toMatchObject({ ok: false, reason: 'timeout' });
    h.advance(10_000);
    const again = h.probe();
    await h.settle();
    expect(h.reads).toHaveLength(1);
    // The hung read answers at last: the check waiting on it is ok, and that is logged once.
    h.reads[0]?.resolve();
    expect(await again).toMatchObject({ ok: true });
    expect(h.log.lines.map((line) => [line.level, line.message])).toEqual([
      ['warn', 'health check: store not answering'],
      ['info', 'health check: store answering again'],
    ]);
  });

  it('logs only changes: a store down for many checks is one line', async () => {
    const h = probeHarness();
    for (let n = 0; n < 5; n += 1) {
      const answer = h.probe();
      h.reads[n]?.reject(new StoreError('unavailable', 'down'));
      await answer;
      h.advance(10_000);
    }
    expect(h.log.lines).toHaveLength(1);
  });
});
