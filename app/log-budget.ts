/**
 * Keeps a storm of like warnings (Teams or Graph throttling the app) from flooding the logs: the
 * first `perWindow` lines of a window are written, the rest only counted by kind, and one summary
 * says how many were held back once the window is over. An operator still sees that it happened,
 * how much, and a few examples; Log Analytics is not billed for thousands of copies.
 */
export interface LogBudgetOptions {
  /** Lines written per window before the rest are held back. */
  perWindow: number;
  windowMs: number;
  /** Writes the summary of what was held back: counts by kind. */
  summarise: (held: Record<string, number>, windowMs: number) => void;
  /** Monotonic milliseconds (default performance.now). */
  now?: () => number;
  /** Calls `run` after `ms` (default: a timer that does not keep the process alive). */
  later?: (ms: number, run: () => void) => void;
}

export interface LogBudget {
  /** True: write this line. False: it has been counted for the window's summary instead. */
  admit: (kind: string) => boolean;
  /** Writes the summary now, if anything was held back, and starts a new window. */
  flush: () => void;
}

const unrefTimer = (ms: number, run: () => void): void => {
  setTimeout(run, ms).unref();
};

export function createLogBudget(options: LogBudgetOptions): LogBudget {
  const now = options.now ?? (() => performance.now());
  const later = options.later ?? unrefTimer;
  let started = -Infinity;
  let written = 0;
  let held = new Map<string, number>();
  // Tells a timer set for an earlier window that its window is already closed.
  let window = 0;

  const close = (): void => {
    if (held.size > 0) options.summarise(Object.fromEntries(held), options.windowMs);
    held = new Map();
    written = 0;
    started = -Infinity;
    window += 1;
  };

  return {
    admit: (kind) => {
      const at = now();
      if (at - started >= options.windowMs) {
        close();
        started = at;
      }
      if (written < options.perWindow) {
        written += 1;
        return true;
      }
      if (held.size === 0) {
        // The summary must come even if the storm stops and no later line arrives to close the window.
        const mine = window;
        later(Math.max(0, started + options.windowMs - at), () => {
          if (mine === window) close();
        });
      }
      held.set(kind, (held.get(kind) ?? 0) + 1);
      return false;
    },
    flush: close,
  };
}
