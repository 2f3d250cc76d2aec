/**
 * The real @microsoft/microsoft-graph-client against the fake, to show the fake speaks what the
 * SDK expects (and to pin two SDK behaviours the store must live with).
 */
import { BatchRequestContent, BatchResponseContent, Client, type Context, HTTPMessageHandler, type Middleware } from '@microsoft/microsoft-graph-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphFake, type GraphFake } from './index.js';
import { createItems, createList, listPath, text } from './test-client.js';

let fake: GraphFake;
let client: Client;

/** Adds the bearer token to every request, whatever the host. */
class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly token: string) {}
  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers);
    headers.set('Authorization', `Bearer ${this.token}`);
    context.options = { ...context.options, headers };
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

beforeEach(async () => {
  fake = await startGraphFake({ defaultPageSize: 3 });
  await createList(fake, 'Plans', [text('FtKey', { indexed: true, enforceUniqueValues: true })]);
  client = Client.init({
    baseUrl: `${new URL(fake.url).origin}/`,
    defaultVersion: 'v1.0',
    authProvider: (done) => { done(null, 'token'); },
  });
});
afterEach(async () => { await fake.close(); });

/** The SDK only parses https nextLinks; the fake's are http, so strip origin and version first. */
const relative = (link: string): string => link.replace(/^https?:\/\/[^/]+\/v1\.0/, '');

describe('the Graph SDK against the fake', () => {
  it('reads the site and creates an item', async () => {
    const site = (await client.api('/sites/contoso.sharepoint.com:/sites/quality').get()) as { id: string };
    expect(site.id).toContain('contoso.sharepoint.com,');
    const item = (await client.api(`${listPath('Plans')}/items`).post({ fields: { FtKey: 'a' } })) as { id: string; eTag: string };
    expect(item.id).toBe('1');
  });

  it('turns a Graph error into a GraphError with status and code', async () => {
    await client.api(`${listPath('Plans')}/items`).post({ fields: { FtKey: 'a' } });
    await expect(client.api(`${listPath('Plans')}/items`).post({ fields: { FtKey: 'a' } })).rejects.toMatchObject({ statusCode: 409, code: 'nameAlreadyExists' });
  });

  it('retries a top-level 429 after Retry-After (RetryHandler)', async () => {
    fake.setFaults({ rate429: 0.5, retryAfterSeconds: 0, seed: 2 });
    for (let i = 0; i < 5; i++) await client.api(`${listPath('Plans')}/items`).top(1).get();
    expect(fake.requests.some((r) => r.status === 429)).toBe(true);
  });

  it('pages by following nextLinks made relative', async () => {
    await createItems(fake, 'Plans', Array.from({ length: 7 }, (_, i) => ({ FtKey: `k${i}` })));
    const keys: unknown[] = [];
    let response = (await client.api(`${listPath('Plans')}/items`).expand('fields(select=FtKey)').get()) as { value: { fields: { FtKey: unknown } }[]; '@odata.nextLink'?: string };
    for (;;) {
      keys.push(...response.value.map((item) => item.fields.FtKey));
      const next = response['@odata.nextLink'];
      if (next === undefined) break;
      response = (await client.api(relative(next)).get()) as typeof response;
    }
    expect(keys).toHaveLength(7);
  });

  it('sends a $batch and reads each response by id, with 429s left for the caller', async () => {
    fake.setFaults({ rate429: 0.4, retryAfterSeconds: 0, seed: 4 });
    const content = new BatchRequestContent(Array.from({ length: 10 }, (_, i) => ({
      id: String(i),
      request: new Request(`${fake.url}${listPath('Plans')}/items`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fields: { FtKey: `b${i}` } }) }),
    })));
    let raw: unknown;
    for (let attempt = 0; raw === undefined && attempt < 10; attempt++) {
      try {
        raw = await client.api('/$batch').post(await content.getContent());
      } catch {
        // the batch envelope itself was throttled past the SDK's retries; try again
      }
    }
    const responses = new BatchResponseContent(raw as { responses: [] }).getResponses();
    const statuses = [...responses.values()].map((r) => r.status);
    expect(statuses).toHaveLength(10);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    expect(statuses).toContain(429);
  });

  it('never sends a bearer token to an http URL, so requireBearer needs a middleware of our own', async () => {
    const guarded = await startGraphFake({ requireBearer: 'token' });
    try {
      const base = `${new URL(guarded.url).origin}/`;
      const stock = Client.init({ baseUrl: base, authProvider: (done) => { done(null, 'token'); } });
      // The stock AuthenticationHandler only adds the token for https Graph hosts and deletes it otherwise.
      await expect(stock.api('/sites/contoso.sharepoint.com:/sites/quality').header('Authorization', 'Bearer token').get()).rejects.toMatchObject({ statusCode: 401 });
      const own = Client.initWithMiddleware({ baseUrl: base, middleware: [new BearerMiddleware('token'), new HTTPMessageHandler()] });
      const site = (await own.api('/sites/contoso.sharepoint.com:/sites/quality').get()) as { id: string };
      expect(site.id).toContain('contoso');
    } finally {
      await guarded.close();
    }
  });
});
