import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphFake, type GraphFake } from './index.js';
import { call, createItems, createList, type GraphErrorBody, type ItemBody, listPath, type Page, readAll, text } from './test-client.js';

let fake: GraphFake;
const deltaPath = `${listPath('Actions')}/items/delta`;
const items = `${listPath('Actions')}/items`;

beforeEach(async () => {
  fake = await startGraphFake();
  await createList(fake, 'Actions', [text('FtKey')]);
  await createItems(fake, 'Actions', [{ FtKey: 'a' }, { FtKey: 'b' }, { FtKey: 'c' }]);
});
afterEach(async () => { await fake.close(); });

async function deltaRound(path: string): Promise<{ items: ItemBody[]; deltaLink: string; pages: number }> {
  const all = await readAll(fake, path);
  const deltaLink = all.last['@odata.deltaLink'];
  if (deltaLink === undefined) throw new Error('no deltaLink on the last page');
  return { items: all.items, deltaLink, pages: all.pageSizes.length };
}

describe('items delta', () => {
  it('first enumerates every item, in pages, then ends with a deltaLink', async () => {
    const round = await deltaRound(`${deltaPath}?$top=2&expand=fields(select=FtKey)`);
    expect(round.items.map((i) => i.fields?.FtKey)).toEqual(['a', 'b', 'c']);
    expect(round.pages).toBe(2);
    expect(round.deltaLink).toMatch(/\/items\/delta\?.*token=/);
  });

  it('then returns only what changed since, including deletions, once each with its latest state', async () => {
    const first = await deltaRound(`${deltaPath}?expand=fields`);
    await call(fake, 'PATCH', `${items}/2/fields`, { Title: 'one' });
    await call(fake, 'PATCH', `${items}/2/fields`, { Title: 'two' });
    await call(fake, 'DELETE', `${items}/1`);
    await createItems(fake, 'Actions', [{ FtKey: 'd' }]);
    const second = await deltaRound(first.deltaLink);
    expect(second.items).toHaveLength(3);
    expect(second.items.find((i) => i.id === '2')?.fields?.Title).toBe('two');
    expect(second.items.find((i) => i.id === '1')).toEqual({ id: '1', deleted: { state: 'deleted' } });
    expect(second.items.find((i) => i.id === '4')?.fields?.FtKey).toBe('d');
    const third = await deltaRound(second.deltaLink);
    expect(third.items).toEqual([]);
  });

  it('does not report items deleted before the first enumeration', async () => {
    await call(fake, 'DELETE', `${items}/3`);
    const round = await deltaRound(deltaPath);
    expect(round.items.map((i) => i.id)).toEqual(['1', '2']);
  });

  it('accepts the token as a function parameter and token=latest', async () => {
    const latest = await call<Page<ItemBody>>(fake, 'GET', `${deltaPath}?token=latest`);
    expect(latest.body.value).toEqual([]);
    const token = new URL(latest.body['@odata.deltaLink'] ?? '').searchParams.get('token') ?? '';
    await createItems(fake, 'Actions', [{ FtKey: 'e' }]);
    const round = await deltaRound(`${listPath('Actions')}/items/delta(token='${token}')`);
    expect(round.items.map((i) => i.id)).toEqual(['4']);
  });

  it('answers 410 resyncRequired, with a Location to start again, for a token it does not know', async () => {
    const reply = await call<GraphErrorBody>(fake, 'GET', `${deltaPath}?token=not-a-token`);
    expect(reply.status).toBe(410);
    expect(reply.body.error.code).toBe('resyncRequired');
    expect(reply.headers.get('location')).toMatch(/\/items\/delta$/);
  });

  it('answers 410 for a token from another list', async () => {
    await createList(fake, 'Other', []);
    const other = await call<Page<unknown>>(fake, 'GET', `${listPath('Other')}/items/delta`);
    const token = new URL(other.body['@odata.deltaLink'] ?? '').searchParams.get('token') ?? '';
    expect((await call(fake, 'GET', `${deltaPath}?token=${token}`)).status).toBe(410);
  });
});
