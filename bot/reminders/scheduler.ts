import { randomUUID } from 'node:crypto';
import { withLogContext } from '../../app/logger.js';
import { LEASE_NAME, type RunnerDeps, type SweepReport, sweepOnce } from './reminder-runner.js';

export interface Scheduler {
  /** Runs a sweep soon (debounced), e.g. when someone has just installed the bot. */
  nudge(): void;
  /** Waits for the sweep in flight, stops the timer and gives the lease back. */
  stop(): Promise<void>;
  /** The last sweep's figures, for /health. */
  last(): SweepReport | null;
}

const NUDGE_DELAY_MS = 1_500;

/**
 * Sweeps every `intervalMs`, one at a time: a sweep never overlaps the one before, and every
 * promise is awaited. A failed sweep is logged and the next one runs as planned.
 */
export function startScheduler(runnerDeps: RunnerDeps, intervalMs: number): Scheduler {
  // Which instance wrote a line matters once there are several (docs/decisions/011).
  const deps = { ...runnerDeps, log: runnerDeps.log.child({ instanceId: runnerDeps.instanceId }) };
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let dueAt = Infinity;
  let stopped = false;
  let lastReport: SweepReport | null = null;

  const run = (): Promise<void> => {
    // Every line of the sweep, the sender's included, names it.
    running ??= withLogContext({ sweepId: randomUUID().slice(0, 8) }, async () => {
      try {
        lastReport = await sweepOnce(deps);
        if (lastReport.leader && (lastReport.sent + lastReport.failed + lastReport.blocked > 0)) deps.log.info('reminder sweep', { ...lastReport, problems: lastReport.problems.length });
      } catch (error) {
        deps.log.error('reminder sweep failed', { error: error instanceof Error ? error.message : String(error) });
      } finally {
        running = null;
      }
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
    last: () => lastReport,
  };
}
