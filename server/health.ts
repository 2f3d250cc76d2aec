import type { StoreCheck } from './health-probe.js';

/**
 * What GET /health answers (docs/operations.md): whether this instance can do its work. The
 * store must answer (else `unavailable`, HTTP 503, and App Service takes the instance out of the
 * load balancer); reminder sweeps must keep finishing (else `degraded`, still 200: restarting
 * the instance would not fill a role or bring SharePoint back, but an operator should look).
 * Nothing in it names a person, a conversation, a token or an error's text.
 */
export type HealthStatus = 'ok' | 'degraded' | 'unavailable';

/** One finished sweep, as /health shows it. */
export interface SweepFigures {
  /** When it finished (ISO). */
  at: string;
  durationMs: number;
  /** Whether this instance held the reminder lease: it is the one that sweeps. */
  sweeping: boolean;
  planned: number;
  sent: number;
  failed: number;
  blocked: number;
  waiting: number;
  skipped: number;
}

export interface SweepState {
  /** When the scheduler started (ISO): how long "no sweep yet" has lasted. */
  startedAt: string;
  /** The last sweep that finished without an error (one that found the lease taken counts). */
  last: SweepFigures | null;
}

export interface HealthReport {
  status: HealthStatus;
  /** Why it is not `ok`, in a few words each; empty when it is. */
  reasons: string[];
  mode: string;
  store: string;
  storeCheck: StoreCheck;
  lastSweep: SweepFigures | null;
}

export interface HealthOptions {
  /** Shown as they are: `local` or `azure`; `sqlite` or `sharepoint`. */
  mode: string;
  store: string;
  /** The store's answer to a cheap read, time-boxed and cached (health-probe.ts). */
  checkStore: () => Promise<StoreCheck>;
  sweeps: () => SweepState;
  sweepIntervalMs: number;
  now: () => Date;
}

/** Sweeps missed before /health says `degraded`: one late sweep is not news, three are. */
export const STALE_AFTER_SWEEPS = 3;

export function createHealthCheck(options: HealthOptions): () => Promise<HealthReport> {
  return async () => {
    const storeCheck = await options.checkStore();
    const sweeps = options.sweeps();
    return { ...judgeHealth({ storeCheck, sweeps, now: options.now(), sweepIntervalMs: options.sweepIntervalMs }), mode: options.mode, store: options.store, storeCheck, lastSweep: sweeps.last };
  };
}

export function judgeHealth(input: { storeCheck: StoreCheck; sweeps: SweepState; now: Date; sweepIntervalMs: number }): { status: HealthStatus; reasons: string[] } {
  const reasons: string[] = [];
  const { storeCheck, sweeps } = input;
  if (!storeCheck.ok) reasons.push(storeCheck.reason === 'timeout' ? 'the store did not answer in time' : `the store could not be read (${storeCheck.reason})`);
  const ageMs = input.now.getTime() - Date.parse(sweeps.last?.at ?? sweeps.startedAt);
  const stale = ageMs > STALE_AFTER_SWEEPS * input.sweepIntervalMs;
  if (stale) {
    const every = `one is due every ${span(input.sweepIntervalMs)}`;
    reasons.push(sweeps.last === null ? `no reminder sweep has finished since the start ${span(ageMs)} ago; ${every}` : `the last reminder sweep finished ${span(ageMs)} ago; ${every}`);
  }
  if (!storeCheck.ok) return { status: 'unavailable', reasons };
  return { status: stale ? 'degraded' : 'ok', reasons };
}

/** "45 s", "16 min", "3 h 5 min": enough to read at a glance. */
function span(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${String(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${String(minutes)} min`;
  return `${String(Math.floor(minutes / 60))} h ${String(minutes % 60)} min`;
}
