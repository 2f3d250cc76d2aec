// The sender on a virtual clock: time only moves when every worker is waiting, so minutes of
// pacing run in milliseconds and every timing assertion is exact. The transport is an in-memory
// stand-in that answers after a latency and can be scripted per conversation.
import { describe, expect, it } from 'vitest';
import type { ConversationReference } from '../../core/model/conversation.js';
import type { OutboundActivity, ProactiveTransport } from './outbound.js';
import { SendError, type SendErrorDetails } from './send-error.js';
import { summarise, type SendItem, type SendResult } from './send-result.js';
import { createSender, type SenderClock, type SenderEvent, type SenderOptions } from './sender.js';
import { sendEventLogger } from './send-log.js';
import { memoryLogger } from '../../app/logger.js';

class VirtualClock implements SenderClock {
  private time = 0;
  private timers: { at: number; seq: number; fire: () => void }[] = [];
  private seq = 0;

  now = (): number => this.time;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      if (signal?.aborted === true) {
        resolve();
        return;
      }
      const onAbort = (): void => {
        this.timers = this.timers.filter((entry) => entry !== timer);
        resolve();
      };
      const timer = {
        at: this.time + Math.max(0, ms),
        seq: (this.seq += 1),
        fire: (): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });

  /** Runs `promise` to completion, advancing time to the next timer whenever nothing else can run. */
  async run<T>(promise: Promise<T>): Promise<T> {
    const state = { settled: false };
    promise.then(
      () => (state.settled = true),
      () => (state.settled = true),
    );
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (state.settled) return promise;
      if (this.timers.length === 0) throw new Error('virtual clock: nothing scheduled, yet the work is not done');
      const next = this.timers.reduce((a, b) => (b.at < a.at || (b.at === a.at && b.seq < a.seq) ? b : a));
      this.time = Math.max(this.time, next.at);
      const due = this.timers.filter((entry) => entry.at <= this.time).sort((a, b) => a.at - b.at || a.seq - b.seq);
      this.timers = this.timers.filter((entry) => entry.at > this.time);
      for (const entry of due) entry.fire();
    }
  }
}

interface Call {
  conversationId: string;
  text: string;
  start: number;
  /** When the service "received" it: halfway through the latency. */
  arrival: number;
  end: number;
  failed: boolean;
}

type Script = (call: { conversationId: string; text: string; attempt: number; start: number }) => SendErrorDetails | Error | null;

class FakeTransport implements ProactiveTransport {
  readonly calls: Call[] = [];
  private inFlight = 0;
  maxInFlight = 0;
  private readonly attempts = new Map<string, number>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly script: Script = () => null,
    private readonly latencyMs = 40,
  ) {}

  async send(reference: ConversationReference, activity: OutboundActivity): Promise<{ id: string }> {
    const conversationId = reference.conversation.id;
    const text = activity.text ?? '';
    const start = this.clock.now();
    const attempt = (this.attempts.get(text) ?? 0) + 1;
    this.attempts.set(text, attempt);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await this.clock.sleep(this.latencyMs);
    this.inFlight -= 1;
    const outcome = this.script({ conversationId, text, attempt, start });
    this.calls.push({ conversationId, text, start, arrival: start + this.latencyMs / 2, end: this.clock.now(), failed: outcome !== null });
    if (outcome instanceof Error) throw outcome;
    if (outcome !== null) throw new SendError(`scripted ${outcome.status}`, outcome);
    return { id: `id-${text}` };
  }

  update(): Promise<{ id: string }> {
    return Promise.reject(new Error('not used'));
  }

  /** Most calls (by arrival) in any window (t − windowMs, t], for one conversation or all. */
  maxIn(windowMs: number, conversationId?: string): number {
    const times = this.calls.filter((call) => conversationId === undefined || call.conversationId === conversationId).map((call) => call.arrival).sort((a, b) => a - b);
    let max = 0;
    let first = 0;
    times.forEach((end, last) => {
      while ((times[first] ?? Infinity) <= end - windowMs) first += 1;
      max = Math.max(max, last - first + 1);
    });
    return max;
  }
}

function reference(conversationId: string): ConversationReference {
  return { serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams', conversation: { id: conversationId }, bot: { id: '28:bot' } };
}

/** `perConversation` messages to each of `conversations` conversations, interleaved. */
function items(conversations: number, perConversation: number): SendItem[] {
  const result: SendItem[] = [];
  for (let n = 0; n < perConversation; n += 1) {
    for (let c = 0; c < conversations; c += 1) result.push({ recipient: `user-${c}`, reference: reference(`a:${c}`), activity: { text: `m-${c}-${n}` } });
  }
  return result;
}

async function run(clock: VirtualClock, transport: FakeTransport, list: SendItem[], options: Partial<SenderOptions> = {}): Promise<SendResult[]> {
  const sender = createSender({ transport, clock, random: () => 0.5, ...options });
  return clock.run(sender.sendAll(list));
}

describe('createSender: pacing', () => {
  it('sends one conversation at most 7 per second and 8 per 2 s, in order', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock);
    const results = await run(clock, transport, items(1, 20));
    expect(summarise(results)).toEqual({ total: 20, sent: 20, blocked: 0, failed: 0 });
    expect(transport.calls.map((call) => call.text)).toEqual(results.map((_, n) => `m-0-${n}`));
    expect(transport.maxIn(1_000)).toBeLessThanOrEqual(7);
    expect(transport.maxIn(2_000)).toBeLessThanOrEqual(8);
    // 8 per 2 s is the binding limit: 20 messages need two full windows and a bit.
    expect(clock.now()).toBeGreaterThan(4_000);
    expect(clock.now()).toBeLessThan(4_400);
  });

  it('keeps the whole app at its limit across many conversations, and close to it', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, () => null, 25);
    const results = await run(clock, transport, items(200, 1), { limits: { appPerSecond: 40 } });
    expect(summarise(results).sent).toBe(200);
    expect(transport.maxIn(1_000)).toBeLessThanOrEqual(40);
    expect(transport.maxIn(1_000)).toBeGreaterThanOrEqual(38);
    // 200 at 40/s: four full windows, then the last 40 start.
    expect(clock.now()).toBeGreaterThan(4_000);
    expect(clock.now()).toBeLessThan(4_300);
  });

  it('holds the limit at the service even when answers are slow (slots are kept from completion)', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, () => null, 400);
    await run(clock, transport, items(1, 15));
    expect(transport.maxIn(1_000)).toBeLessThanOrEqual(7);
    expect(transport.maxIn(2_000)).toBeLessThanOrEqual(8);
  });

  it('never has more requests in flight than its concurrency', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, () => null, 200);
    await run(clock, transport, items(30, 2), { concurrency: 4, limits: { appPerSecond: 1_000 } });
    expect(transport.maxInFlight).toBe(4);
    expect(transport.calls).toHaveLength(60);
  });

  it('gives every conversation its first message before anyone gets a second (round robin)', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock);
    const list = [...items(1, 5), ...items(5, 1).slice(1)];
    await run(clock, transport, list, { limits: { appPerSecond: 2 }, concurrency: 1 });
    expect(transport.calls.slice(0, 5).map((call) => call.conversationId)).toEqual(['a:0', 'a:1', 'a:2', 'a:3', 'a:4']);
  });

  it('applies limits across consecutive runs of the same sender', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, () => null, 10);
    const sender = createSender({ transport, clock });
    await clock.run(sender.sendAll(items(1, 7)));
    await clock.run(sender.sendAll(items(1, 7)));
    expect(transport.maxIn(1_000)).toBeLessThanOrEqual(7);
    expect(transport.maxIn(2_000)).toBeLessThanOrEqual(8);
  });

  it('returns nothing for nothing', async () => {
    const clock = new VirtualClock();
    expect(await run(clock, new FakeTransport(clock), [])).toEqual([]);
  });
});

describe('createSender: retries', () => {
  it('honours Retry-After for the throttled conversation only, then succeeds', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, ({ text, attempt }) => (text === 'm-0-0' && attempt === 1 ? { status: 429, code: 'Throttled', retryAfterMs: 2_000 } : null));
    const events: SenderEvent[] = [];
    const results = await run(clock, transport, items(3, 2), { onEvent: (event) => events.push(event) });
    expect(summarise(results)).toEqual({ total: 6, sent: 6, blocked: 0, failed: 0 });
    const throttled = transport.calls.filter((call) => call.conversationId === 'a:0');
    expect(throttled).toHaveLength(3);
    const [first, second] = throttled;
    expect((second?.start ?? 0) - (first?.end ?? 0)).toBeGreaterThanOrEqual(2_000);
    expect(results[0]).toMatchObject({ status: 'sent', attempts: 2, activityId: 'id-m-0-0' });
    // The others were not held up.
    expect(Math.max(...transport.calls.filter((call) => call.conversationId !== 'a:0').map((call) => call.end))).toBeLessThan(1_000);
    expect(events).toEqual([{ type: 'retry', recipient: 'user-0', conversationId: 'a:0', attempt: 1, delayMs: 2_000, status: 429, code: 'Throttled', retryAfterMs: 2_000, error: 'HTTP 429 Throttled: scripted 429' }]);
  });

  it('keeps a conversation in order while one of its messages waits to be retried', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, ({ text, attempt }) => (text === 'm-0-1' && attempt < 3 ? { status: 503, retryAfterMs: 300 } : null));
    await run(clock, transport, items(1, 4));
    expect(transport.calls.filter((call) => !call.failed).map((call) => call.text)).toEqual(['m-0-0', 'm-0-1', 'm-0-2', 'm-0-3']);
  });

  it('pauses every conversation when 429s look app-wide', async () => {
    const clock = new VirtualClock();
    // The "service" throttles everything for its first 500 ms.
    const transport = new FakeTransport(clock, ({ start }) => (start < 500 ? { status: 429, code: 'Throttled', retryAfterMs: 1_000 } : null), 20);
    const pauses: number[] = [];
    const results = await run(clock, transport, items(40, 1), {
      appWideThrottle: { minAnswers: 5 },
      onEvent: (event) => {
        if (event.type === 'app-paused') pauses.push(clock.now());
      },
    });
    expect(summarise(results).sent).toBe(40);
    expect(pauses.length).toBeGreaterThan(0);
    const pausedAt = pauses[0] ?? 0;
    // Nothing started during the pause (bar requests already in flight when it began).
    expect(transport.calls.filter((call) => call.start > pausedAt && call.start < pausedAt + 1_000)).toEqual([]);
  });

  it('reaches the log as a few warnings and a summary when throttled across the board', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, ({ attempt }) => (attempt === 1 ? { status: 429, code: 'Throttled', retryAfterMs: 1_000 } : null), 20);
    const log = memoryLogger();
    const onEvent = sendEventLogger(log, { perWindow: 5, now: clock.now, later: (ms, run) => { void clock.sleep(ms).then(run); } });
    const results = await run(clock, transport, items(60, 1), { onEvent });
    expect(summarise(results).sent).toBe(60);
    await clock.run(clock.sleep(60_000));
    const messages = log.lines.map((line) => line.message);
    expect(messages.filter((message) => message === 'proactive send retried')).toHaveLength(5);
    expect(messages.filter((message) => message === 'proactive send warnings held back')).toHaveLength(1);
    expect(JSON.stringify(log.lines)).not.toMatch(/user-\d|a:\d/);
  });

  it('does not pause the app for scattered 429s', async () => {
    const clock = new VirtualClock();
    let n = 0;
    const transport = new FakeTransport(clock, ({ attempt }) => ((n += 1) % 10 === 0 && attempt === 1 ? { status: 429, retryAfterMs: 1_000 } : null), 20);
    const events: SenderEvent[] = [];
    const results = await run(clock, transport, items(100, 1), { onEvent: (event) => events.push(event) });
    expect(summarise(results).sent).toBe(100);
    expect(events.filter((event) => event.type === 'app-paused')).toEqual([]);
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(10);
  });

  it('gives a 429\'s app-wide slot back, so scattered 429s do not lower the accepted rate', async () => {
    const clock = new VirtualClock();
    let n = 0;
    // Every 10th first attempt is refused; the app limit is 40/s over 200 conversations.
    const transport = new FakeTransport(clock, ({ attempt }) => ((n += 1) % 10 === 0 && attempt === 1 ? { status: 429, retryAfterMs: 1_000 } : null), 25);
    const results = await run(clock, transport, items(200, 1), { limits: { appPerSecond: 40 } });
    expect(summarise(results).sent).toBe(200);
    const accepted = transport.calls.filter((call) => !call.failed);
    const maxAccepted = (windowMs: number): number => {
      const times = accepted.map((call) => call.arrival).sort((a, b) => a - b);
      return Math.max(...times.map((end, last) => last - times.findIndex((at) => at > end - windowMs) + 1));
    };
    // Accepted requests stay within the limit…
    expect(maxAccepted(1_000)).toBeLessThanOrEqual(40);
    // …and the refused ones did not take their slots: with them counted, some window would hold
    // fewer than 40 accepted while the queue was still full; here the first second carries a full 40.
    const firstSecond = accepted.filter((call) => call.arrival < 1_000).length;
    expect(firstSecond).toBe(40);
  });

  it('backs off without Retry-After and gives up after maxAttempts with the last error', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, ({ conversationId }) => (conversationId === 'a:1' ? { status: 503, code: 'ServiceUnavailable' } : null));
    const results = await run(clock, transport, items(2, 1), { maxAttempts: 3, retry: { baseDelayMs: 100 } });
    expect(results[1]).toEqual({ recipient: 'user-1', conversationId: 'a:1', status: 'failed', attempts: 3, httpStatus: 503, code: 'ServiceUnavailable', reason: 'gave up after 3 attempts; last: HTTP 503 ServiceUnavailable: scripted 503' });
    const gaps = transport.calls.filter((call) => call.conversationId === 'a:1').map((call, i, all) => call.start - (all[i - 1]?.end ?? call.start));
    // Equal jitter with random 0.5: 75 ms, then 150 ms.
    expect(gaps).toEqual([0, 75, 150]);
  });

  it('retries a refused connection, but not a reset one (the message may have arrived)', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, ({ conversationId, attempt }) => {
      if (attempt > 1) return null;
      return conversationId === 'a:0' ? { status: 0, code: 'ECONNREFUSED' } : { status: 0, code: 'ECONNRESET', outcomeUnknown: true };
    });
    const results = await run(clock, transport, items(2, 1));
    expect(results[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(results[1]).toMatchObject({ status: 'failed', attempts: 1, httpStatus: 0, code: 'ECONNRESET' });
  });

  it('does not retry a permanent error, and goes on with the conversation', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, ({ text }) => (text === 'm-0-0' ? { status: 413, code: 'MessageSizeTooBig' } : null));
    const results = await run(clock, transport, items(1, 2));
    expect(results.map((result) => [result.status, result.attempts])).toEqual([['failed', 1], ['sent', 1]]);
  });

  it('fails, without waiting, when Retry-After is longer than the run will wait', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, () => ({ status: 429, retryAfterMs: 3_600_000 }));
    const results = await run(clock, transport, items(1, 1), { retry: { maxRetryAfterMs: 60_000 } });
    expect(results[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(clock.now()).toBeLessThan(1_000);
  });

  it('reports an unexpected throw as a failure for that message, not a rejection of the run', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, ({ text }) => (text === 'm-1-0' ? new TypeError('bug') : null));
    const results = await run(clock, transport, items(2, 1));
    expect(results[1]).toMatchObject({ status: 'failed', attempts: 1, code: 'UNEXPECTED', reason: 'no answer UNEXPECTED: unexpected error while sending: bug' });
    expect(results[0]).toMatchObject({ status: 'sent' });
  });
});

describe('createSender: blocked conversations', () => {
  it('never retries a blocked conversation and does not try the rest of its messages', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, ({ conversationId }) => (conversationId === 'a:1' ? { status: 403, code: 'ConversationBlockedByUser', blocked: true } : null));
    const results = await run(clock, transport, items(3, 3));
    expect(transport.calls.filter((call) => call.conversationId === 'a:1')).toHaveLength(1);
    const blocked = results.filter((result) => result.conversationId === 'a:1');
    expect(blocked.map((result) => [result.status, result.attempts])).toEqual([['blocked', 1], ['blocked', 0], ['blocked', 0]]);
    expect(summarise(results)).toEqual({ total: 9, sent: 6, blocked: 3, failed: 0 });
  });
});

describe('createSender: results', () => {
  it('answers one result per item, in the order given, naming the recipient', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock);
    const list = items(4, 3);
    const results = await run(clock, transport, list);
    expect(results.map((result) => result.recipient)).toEqual(list.map((item) => item.recipient));
    expect(results.map((result) => (result.status === 'sent' ? result.activityId : ''))).toEqual(list.map((item) => `id-${item.activity.text ?? ''}`));
  });

  it('finishes the run before surfacing an error thrown by an event listener', async () => {
    const clock = new VirtualClock();
    const transport = new FakeTransport(clock, ({ text, attempt }) => (text === 'm-0-0' && attempt === 1 ? { status: 503, retryAfterMs: 10 } : null));
    const sender = createSender({ transport, clock, concurrency: 2, onEvent: () => { throw new Error('listener broke'); } });
    await expect(clock.run(sender.sendAll(items(3, 2)))).rejects.toThrow('a worker failed');
    // The other worker carried on and sent everything, the retried message included.
    expect(transport.calls.filter((call) => !call.failed).map((call) => call.text).sort()).toEqual(['m-0-0', 'm-0-1', 'm-1-0', 'm-1-1', 'm-2-0', 'm-2-1']);
  });

  it.each([
    { options: { concurrency: 0 }, message: 'concurrency' },
    { options: { maxAttempts: 0 }, message: 'maxAttempts' },
    { options: { limits: { appPerSecond: 0 } }, message: 'appPerSecond' },
    { options: { limits: { perConversationPerSecond: 2.5 } }, message: 'perConversationPerSecond' },
  ])('refuses $options', ({ options, message }) => {
    const clock = new VirtualClock();
    expect(() => createSender({ transport: new FakeTransport(clock), ...options })).toThrow(message);
  });
});
