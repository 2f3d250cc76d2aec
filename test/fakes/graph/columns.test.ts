import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphFake, type GraphFake } from './index.js';
import { call, createItems, createList, type GraphErrorBody, listPath, type Page, text } from './test-client.js';

interface ColumnBody { id: string; name: string; displayName: string; indexed: boolean; required: boolean; enforceUniqueValues: boolean; text?: Record<string, unknown>; dateTime?: { format: string }; choice?: { choices: string[] } }

let fake: GraphFake;
beforeEach(async () => {
  fake = await startGraphFake();
  await createList(fake, 'L', []);
});
afterEach(async () => { await fake.close(); });

const post = (body: Record<string, unknown>) => call<ColumnBody & GraphErrorBody>(fake, 'POST', `${listPath('L')}/columns`, body);

describe('columns', () => {
  it('creates columns of each type with Graph\'s facet defaults', async () => {
    const created = await Promise.all([
      post({ name: 'FtKey', displayName: 'Key', text: { maxLength: 100 }, indexed: true, enforceUniqueValues: true, required: true }),
      post({ name: 'FtData', text: { allowMultipleLines: true } }),
      post({ name: 'FtCount', number: {} }),
      post({ name: 'FtDone', boolean: {} }),
      post({ name: 'FtDue', dateTime: { format: 'dateOnly' }, indexed: true }),
      post({ name: 'FtStatus', choice: { choices: ['open', 'closed'] } }),
    ]);
    expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(created[0].body).toMatchObject({ name: 'FtKey', displayName: 'Key', indexed: true, enforceUniqueValues: true, required: true, text: { allowMultipleLines: false, maxLength: 100 } });
    expect(created[4].body.dateTime?.format).toBe('dateOnly');
    const listed = await call<Page<ColumnBody>>(fake, 'GET', `${listPath('L')}/columns`);
    expect(listed.body.value.map((c) => c.name)).toEqual(['Title', 'ID', 'Created', 'Modified', 'FtKey', 'FtData', 'FtCount', 'FtDone', 'FtDue', 'FtStatus']);
  });

  it.each([
    ['enforceUniqueValues without indexed', { name: 'A', text: {}, enforceUniqueValues: true }],
    ['an indexed multi-line text column', { name: 'A', text: { allowMultipleLines: true }, indexed: true }],
    ['no type facet', { name: 'A' }],
    ['two type facets', { name: 'A', text: {}, number: {} }],
    ['a name with spaces', { name: 'A B', text: {} }],
    ['a single-line text longer than 255', { name: 'A', text: { maxLength: 300 } }],
    ['an unsupported type', { name: 'A', personOrGroup: {} }],
  ])('refuses %s with 400', async (_, body) => {
    const reply = await post(body);
    expect(reply.status).toBe(400);
  });

  it('refuses a duplicate name, including the built-in ones, with 409', async () => {
    await post(text('FtKey'));
    expect((await post(text('ftkey'))).status).toBe(409);
    expect((await post(text('Title'))).status).toBe(409);
    expect((await post(text('Created'))).status).toBe(409);
  });

  it('allows 20 indexed columns per list (Created and Modified count) and refuses the next', async () => {
    for (let i = 0; i < 18; i++) expect((await post(text(`I${i}`, { indexed: true }))).status).toBe(201);
    const reply = await post(text('OneTooMany', { indexed: true }));
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toMatch(/20 indexed/);
  });

  it('PATCHes a column: indexing it indexes existing items, and uniqueness is refused over duplicates', async () => {
    const column = await post(text('Ref'));
    await createItems(fake, 'L', [{ Ref: 'a' }, { Ref: 'A' }]);
    const indexed = await call<ColumnBody>(fake, 'PATCH', `${listPath('L')}/columns/${column.body.id}`, { indexed: true });
    expect(indexed.body.indexed).toBe(true);
    const filtered = await call<Page<unknown>>(fake, 'GET', `${listPath('L')}/items?$filter=fields/Ref eq 'a'`);
    expect(filtered.body.value).toHaveLength(2);
    const unique = await call<GraphErrorBody>(fake, 'PATCH', `${listPath('L')}/columns/${column.body.id}`, { enforceUniqueValues: true });
    expect(unique.status).toBe(400);
    expect((await call(fake, 'PATCH', `${listPath('L')}/columns/${column.body.id}`, { number: {} })).status).toBe(400);
  });

  it('finds a column by name as well as id', async () => {
    await post(text('FtKey'));
    const reply = await call<ColumnBody>(fake, 'PATCH', `${listPath('L')}/columns/FtKey`, { displayName: 'Key' });
    expect(reply.body.displayName).toBe('Key');
    expect((await call(fake, 'GET', `${listPath('L')}/columns/Nope`)).status).toBe(404);
  });
});
