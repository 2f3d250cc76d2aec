import { afterEach, describe, expect, it } from 'vitest';
import { FaultPlan } from './faults.js';
import { startGraphFake, type GraphFake, type GraphFakeOptions } from './index.js';
import { call, createList, type GraphErrorBody, listPath, SITE, text } from './test-client.js';

const fakes: GraphFake[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

/** A fake with list L; the faults start after the list is made. */
async function start(options: GraphFakeOptions = {}): Promise<GraphFake> {
  const { faults, ...rest } = options;
  const fake = await startGraphFake(rest);
  fakes.push(fake);
  await createList(fake, 'L', [text('FtKey', { indexed: true, enforceUniqueValues: true })]);
  if (faults) fake.setFaults(faults);
  return fake;
}

async function statuses(fake: GraphFake, count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await call(fake, 'GET', `${listPath('L')}/items`)).status);
  return seen;
}

/** fetch rejects when the fake drops the connection; returns the status or 0 for a drop. */
async function statusOrDrop(fake: GraphFake, method: string, path: string, body?: unknown): Promise<number> {
  try {
    return (await call(fake, method, path, body)).status;
  } catch {
    return 0;
  }
}

describe('faults', () => {
  it('are decided by the seed: the same seed gives the same sequence, another seed another', async () => {
    const faults = { rate429: 0.3, rate503: 0.2, retryAfterSeconds: 0, seed: 42 };
    const [a, b, c] = await Promise.all([start(), start(), start()]);
    a.setFaults(faults);
    b.setFaults(faults);
    c.setFaults({ ...faults, seed: 43 });
    const [first, second, third] = [await statuses(a, 40), await statuses(b, 40), await statuses(c, 40)];
    expect(first).toEqual(second);
    expect(first).not.toEqual(third);
    expect(new Set(first)).toEqual(new Set([200, 429, 503]));
  });

  it('answer 429 and 503 with Retry-After and a Graph error, without running the request', async () => {
    const fake = await start({ faults: { rate429: 1, retryAfterSeconds: 7 } });
    const throttled = await call<GraphErrorBody>(fake, 'POST', `${listPath('L')}/items`, { fields: { FtKey: 'a' } });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    expect(throttled.body.error.code).toBe('activityLimitReached');
    fake.setFaults({ rate503: 1 });
    const unavailable = await call(fake, 'POST', `${listPath('L')}/items`, { fields: { FtKey: 'a' } });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('1');
    fake.setFaults({});
    expect(fake.items(SITE, 'L')).toEqual([]);
  });

  it('drop the connection with no response, logged with status 0', async () => {
    const fake = await start({ faults: { dropRate: 1 } });
    await expect(call(fake, 'GET', `${listPath('L')}/items`)).rejects.toThrow();
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', status: 0, batched: false });
  });

  it('apply about half of the dropped writes before the connection goes, so the write really happened', async () => {
    const fake = await start({ faults: { dropRate: 1, seed: 5 } });
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await statusOrDrop(fake, 'POST', `${listPath('L')}/items`, { fields: { FtKey: `k${i}` } }));
    expect(results.every((status) => status === 0)).toBe(true);
    const written = fake.items(SITE, 'L').map((item) => item.fields.FtKey);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(12);
    fake.setFaults({});
    const retry = await call<GraphErrorBody>(fake, 'POST', `${listPath('L')}/items`, { fields: { FtKey: written[0] } });
    expect(retry.status).toBe(409);
  });

  it('turn a dropped sub-request into a 504 whose write may or may not have happened', async () => {
    const fake = await start();
    let statuses: number[] = [];
    // The batch itself can be dropped too; try seeds in turn until one batch is answered.
    for (let seed = 1; statuses.length === 0 && seed < 50; seed++) {
      fake.setFaults({ dropRate: 0.5, seed });
      const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i), method: 'POST', url: `${listPath('L')}/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: { FtKey: `k${seed}-${i}` } } }));
      try {
        const reply = await call<{ responses: { status: number }[] }>(fake, 'POST', '/$batch', { requests });
        statuses = reply.body.responses.map((r) => r.status);
      } catch {
        // dropped: next seed
      }
    }
    expect(statuses).toContain(504);
    const created = statuses.filter((s) => s === 201).length;
    expect(fake.items(SITE, 'L').length).toBeGreaterThan(created);
  });

  it('refuse probabilities outside 0..1', async () => {
    const fake = await start();
    expect(() => { fake.setFaults({ rate429: 1.5 }); }).toThrow(RangeError);
    expect(() => { fake.setFaults({ rate429: 0.6, dropRate: 0.6 }); }).toThrow(RangeError);
    expect(() => { fake.setFaults({ retryAfterSeconds: 1.5 }); }).toThrow(RangeError);
  });
});

describe('FaultPlan', () => {
  it('makes permutations that are permutations and repeat with the seed', () => {
    const a = new FaultPlan({ seed: 9 });
    const b = new FaultPlan({ seed: 9 });
    const p = a.permutation(20);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(b.permutation(20)).toEqual(p);
  });

  it('decides nothing when no rates are set', () => {
    const plan = new FaultPlan({ seed: 1 });
    expect(Array.from({ length: 50 }, () => plan.decide(true).kind).every((kind) => kind === 'none')).toBe(true);
  });
});

describe('auth, latency and the request log', () => {
  it('requires the bearer token when requireBearer is set', async () => {
    const fake = await startGraphFake({ requireBearer: 'secret-token' });
    fakes.push(fake);
    const missing = await call<GraphErrorBody>(fake, 'GET', `/sites/${SITE}`);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('InvalidAuthenticationToken');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await call(fake, 'GET', `/sites/${SITE}`, undefined, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await call(fake, 'GET', `/sites/${SITE}`, undefined, { Authorization: 'Bearer secret-token' })).status).toBe(200);
  });

  it('waits latencyMs before answering, and setLatency changes it', async () => {
    const fake = await start({ latencyMs: 60 });
    let started = performance.now();
    await call(fake, 'GET', `/sites/${SITE}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    fake.setLatency(0);
    started = performance.now();
    await call(fake, 'GET', `/sites/${SITE}`);
    expect(performance.now() - started).toBeLessThan(55);
  });

  it('logs every request answered, in order, with method, path, status and batched', async () => {
    const fake = await start();
    await call(fake, 'GET', `/sites/${SITE}/lists/L/items?$top=1`);
    await call(fake, 'GET', '/sites/nowhere.example:/sites/x');
    expect(fake.requests).toEqual([
      { method: 'POST', path: `/v1.0/sites/${SITE}/lists`, status: 201, batched: false },
      { method: 'GET', path: `/v1.0/sites/${SITE}/lists/L/items?$top=1`, status: 200, batched: false },
      { method: 'GET', path: '/v1.0/sites/nowhere.example:/sites/x', status: 404, batched: false },
    ]);
  });

  it('echoes client-request-id', async () => {
    const fake = await start();
    const reply = await call(fake, 'GET', `/sites/${SITE}`, undefined, { 'client-request-id': 'abc-123' });
    expect(reply.headers.get('client-request-id')).toBe('abc-123');
  });
});
