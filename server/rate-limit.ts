export interface RateLimit {
  /** Requests a caller may make each second, on average. */
  perSecond: number;
  /** Requests a caller may make at once after a quiet spell. */
  burst: number;
}

export interface RateLimiter {
  /** Takes one request's token for `key`: 0 when allowed, else the whole seconds to wait before trying again. */
  take(key: string): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Past this many callers, buckets that have refilled are forgotten (a full bucket is the same as none). */
const PRUNE_AT = 10_000;

/**
 * A token bucket per caller: `burst` requests at once, refilled at `perSecond`. The tab makes a
 * few calls per screen; a runaway loop or a script gets 429 with Retry-After instead of the
 * store's (or Graph's) whole budget.
 */
export function createRateLimiter(limit: RateLimit, now: () => number = () => performance.now()): RateLimiter {
  if (!(limit.perSecond > 0) || !(limit.burst >= 1)) throw new RangeError('a rate limit needs perSecond > 0 and burst >= 1');
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, at: number): number => Math.min(limit.burst, bucket.tokens + ((at - bucket.at) / 1000) * limit.perSecond);
  return {
    take(key) {
      const at = now();
      if (buckets.size >= PRUNE_AT) {
        for (const [name, bucket] of buckets) if (refill(bucket, at) >= limit.burst) buckets.delete(name);
      }
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at };
      const tokens = refill(bucket, at);
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at });
        return 0;
      }
      buckets.set(key, { tokens, at });
      return Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));
    },
  };
}
