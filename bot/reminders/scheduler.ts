import { randomUUID } from 'node:crypto';
import { withLogContext } from '../../app/logger.js';
import { OncePerDay } from './once-a-day.js';
import { LEASE_NAME, type RunnerDeps, type SweepReport, sweepOnce } from './reminder-runner.js';

export interface Scheduler {
  /** Runs a sweep soon (debounced), e.g. when someone has just installed the bot. */
  nudge(): void;
  /** Waits for the sweep in flight, stops the timer and gives the lease back. */
  stop(): Promise<void>;
  /** The last sweep's figures. */
  last(): SweepReport | null;
  /** When sweeps started and how the last one that finished went, for /health. */
  status(): SweepStatus;
}

export interface SweepStatus {
  /** When this scheduler started (the app's clock, ISO): the age of "no sweep yet". */
  startedAt: string;
  /** The last sweep that finished without an error; a sweep that found the lease taken counts. */
  lastSuccess: { at: string; durationMs: number; report: SweepReport } | null;
}

const NUDGE_DELAY_MS = 1_500;

/**
 * Sweeps every `intervalMs`, one at a time: a sweep never overlaps the one before, and every
 * promise is awaited. A failed sweep is logged and the next one runs as planned. Every sweep
 * writes one `info` line, so an operator can see that sweeps happen, and when they stop.
 */
export function startScheduler(runnerDeps: RunnerDeps, intervalMs: number): Scheduler {
  // Which instance wrote a line matters once there are several (docs/decisions/011).
  const deps = { ...runnerDeps, log: runnerDeps.log.child({ instanceId: runnerDeps.instanceId }), routingLogged: runnerDeps.routingLogged ?? new OncePerDay() };
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let dueAt = Infinity;
  let stopped = false;
  const status: SweepStatus = { startedAt: deps.now().toISOString(), lastSuccess: null };

  const sweep = async (): Promise<void> => {
    const started = performance.now();
    try {
      const report = await sweepOnce(deps);
      const durationMs = Math.round(performance.now() - started);
      status.lastSuccess = { at: deps.now().toISOString(), durationMs, report };
      deps.log.info('reminder sweep', sweepLine(report, durationMs));
    } catch (error) {
      deps.log.error('reminder sweep failed', { error: error instanceof Error ? error.message : String(error), durationMs: Math.round(performance.now() - started) });
    }
  };
  const run = (): Promise<void> => {
    // Every line of the sweep, the sender's included, names it.
    running ??= withLogContext({ sweepId: randomUUID().slice(0, 8) }, sweep).finally(() => {
      running = null;
    });
    return running;
  };
  /** Sets the next sweep `delay` ms from now — unless one is already due sooner, which stays. */
  const schedule = (delay: number, force = false): void => {
    if (stopped) return;
    const at = Date.now() + delay;
    if (!force && timer && dueAt <= at) return;
    if (timer) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = null;
      dueAt = Infinity;
      void run().then(() => {
        schedule(intervalMs, true);
      });
    }, delay);
  };
  schedule(0);
  return {
    nudge: () => {
      schedule(NUDGE_DELAY_MS);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await deps.store.releaseLease(LEASE_NAME, deps.instanceId);
    },
    last: () => status.lastSuccess?.report ?? null,
    status: () => ({ ...status }),
  };
}

/** Compact: an instance that found the lease taken says only that; the sweeping one gives its figures. */
function sweepLine(report: SweepReport, durationMs: number): Record<string, unknown> {
  if (!report.leader) return { sweeping: false, durationMs };
  const { planned, sent, failed, blocked, waiting, skipped } = report;
  return { sweeping: true, planned, sent, failed, blocked, waiting, skipped, unrouted: report.problems.length, durationMs };
}
