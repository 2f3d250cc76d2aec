/**
 * Decides whether 429s look app-wide (the per-app-per-tenant limit, or the service shedding
 * load) rather than about one conversation. Teams' 429 does not say which limit was hit, and our
 * own pacing keeps every conversation under its limit, so the signal is the pattern: a large
 * share of recent answers were 429s, spread over several conversations. A scattering of
 * throttled requests (Teams returns some at random under load) does not pause everyone.
 * Pure bookkeeping over times the caller passes in.
 */

export interface AppWideThrottleOptions {
  /** Look at the answers of the last … ms. */
  windowMs: number;
  /** Decide only once at least this many answers are in the window. */
  minAnswers: number;
  /** App-wide when at least this share of them were 429s … */
  fraction: number;
  /** … from at least this many conversations. */
  minConversations: number;
}

export const DEFAULT_APP_WIDE_THROTTLE: AppWideThrottleOptions = { windowMs: 2_000, minAnswers: 10, fraction: 0.5, minConversations: 2 };

interface Answer {
  at: number;
  conversationId: string;
  throttled: boolean;
}

export class ThrottleMonitor {
  private answers: Answer[] = [];
  private readonly options: AppWideThrottleOptions;

  constructor(options: AppWideThrottleOptions = DEFAULT_APP_WIDE_THROTTLE) {
    if (!(options.fraction > 0 && options.fraction <= 1)) throw new RangeError(`appWideThrottle.fraction must be in (0, 1], got ${options.fraction}`);
    if (!(options.windowMs > 0)) throw new RangeError(`appWideThrottle.windowMs must be > 0, got ${options.windowMs}`);
    this.options = { ...options };
  }

  record(at: number, conversationId: string, throttled: boolean): void {
    this.answers.push({ at, conversationId, throttled });
    this.prune(at);
  }

  looksAppWide(now: number): boolean {
    this.prune(now);
    const { minAnswers, fraction, minConversations } = this.options;
    if (this.answers.length < Math.max(1, minAnswers)) return false;
    const throttled = this.answers.filter((answer) => answer.throttled);
    if (throttled.length < fraction * this.answers.length) return false;
    return new Set(throttled.map((answer) => answer.conversationId)).size >= minConversations;
  }

  private prune(now: number): void {
    const cutoff = now - this.options.windowMs;
    let drop = 0;
    while (drop < this.answers.length && (this.answers[drop]?.at ?? Infinity) <= cutoff) drop += 1;
    if (drop > 0) this.answers = this.answers.slice(drop);
  }
}
