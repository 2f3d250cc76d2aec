import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphFake, type GraphFake } from './index.js';
import { call, createList, type GraphErrorBody, type ItemBody, listPath, SITE, text } from './test-client.js';

let fake: GraphFake;
const items = (): string => `${listPath('Actions')}/items`;

beforeEach(async () => {
  fake = await startGraphFake();
  await createList(fake, 'Actions', [
    text('FtKey', { indexed: true, enforceUniqueValues: true, required: true }),
    { name: 'FtData', text: { allowMultipleLines: true } },
    { name: 'FtVersion', number: {} },
    { name: 'FtDone', boolean: {} },
    { name: 'FtDue', dateTime: { format: 'dateOnly' }, indexed: true },
    { name: 'FtAt', dateTime: { format: 'dateTime' } },
    { name: 'FtStatus', choice: { choices: ['open', 'closed'] }, indexed: true },
  ]);
});
afterEach(async () => { await fake.close(); });

const create = (fields: Record<string, unknown>) => call<ItemBody & GraphErrorBody>(fake, 'POST', items(), { fields });

describe('creating items', () => {
  it('answers 201 with the item, its eTag (also as a header) and every field', async () => {
    const reply = await create({ Title: 'First', FtKey: 'k1', FtData: '{"a":1}', FtVersion: 3, FtDone: false, FtDue: '2025-01-31', FtAt: '2025-01-31T10:15:00+01:00', FtStatus: 'open' });
    expect(reply.status).toBe(201);
    expect(reply.body.id).toBe('1');
    expect(reply.body.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(reply.headers.get('etag')).toBe(reply.body.eTag);
    expect(reply.body.fields).toMatchObject({
      '@odata.etag': reply.body.eTag, id: '1', Title: 'First', FtKey: 'k1', FtData: '{"a":1}', FtVersion: 3, FtDone: false,
      FtDue: '2025-01-31T00:00:00Z', FtAt: '2025-01-31T09:15:00Z', FtStatus: 'open', ContentType: 'Item', _UIVersionString: '1.0',
    });
    expect(reply.body.fields?.Created).toBe(reply.body.createdDateTime);
    expect(reply.body.fields?.Modified).toBe(reply.body.lastModifiedDateTime);
  });

  it('gives ids that count up and are never reused', async () => {
    await create({ FtKey: 'a' });
    const second = await create({ FtKey: 'b' });
    await call(fake, 'DELETE', `${items()}/${second.body.id}`);
    expect((await create({ FtKey: 'c' })).body.id).toBe('3');
  });

  it.each([
    ['a missing required field', { Title: 'x' }, /FtKey.*required/],
    ['an unknown field', { FtKey: 'k', Nope: 1 }, /Nope/],
    ['a read-only field', { FtKey: 'k', Created: '2025-01-01T00:00:00Z' }, /read-only/],
    ['a string in a number field', { FtKey: 'k', FtVersion: '3' }, /FtVersion/],
    ['an impossible date', { FtKey: 'k', FtDue: '2025-02-30' }, /FtDue/],
    ['a value that is not one of the choices', { FtKey: 'k', FtStatus: 'maybe' }, /FtStatus/],
    ['single-line text over 255 characters', { FtKey: 'k'.repeat(256) }, /255/],
  ])('refuses %s with 400', async (_, fields, message) => {
    const reply = await create(fields);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalidRequest');
    expect(reply.body.error.message).toMatch(message);
  });

  it('refuses a duplicate in a unique column (case-insensitively) with 409 naming the column', async () => {
    await create({ FtKey: 'Key-1' });
    const reply = await create({ FtKey: 'key-1' });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('nameAlreadyExists');
    expect(reply.body.error.message).toContain('FtKey');
    expect(fake.items(SITE, 'Actions')).toHaveLength(1);
  });
});

describe('reading an item', () => {
  it('returns the item with fields expanded, all or selected', async () => {
    await create({ Title: 'T', FtKey: 'k', FtVersion: 1 });
    const plain = await call<ItemBody>(fake, 'GET', `${items()}/1`);
    expect(plain.body.fields).toBeUndefined();
    const all = await call<ItemBody>(fake, 'GET', `${items()}/1?expand=fields`);
    expect(all.body.fields).toMatchObject({ Title: 'T', FtKey: 'k' });
    const selected = await call<ItemBody>(fake, 'GET', `${items()}/1?$expand=fields($select=FtKey,FtVersion)`);
    expect(selected.body.fields).toEqual({ '@odata.etag': selected.body.eTag, FtKey: 'k', FtVersion: 1 });
    const top = await call(fake, 'GET', `${items()}/1?$select=id,eTag`);
    expect(Object.keys(top.body).filter((k) => !k.startsWith('@')).sort()).toEqual(['eTag', 'id']);
  });

  it('answers 404 for an item that does not exist', async () => {
    const reply = await call<GraphErrorBody>(fake, 'GET', `${items()}/99`);
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('itemNotFound');
  });
});

describe('updating and deleting', () => {
  it('PATCHes fields, returns them all with the new eTag, and bumps the version', async () => {
    const created = await create({ FtKey: 'k', FtVersion: 1 });
    const reply = await call(fake, 'PATCH', `${items()}/1/fields`, { FtVersion: 2, FtData: 'x' }, { 'If-Match': created.body.eTag });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ FtKey: 'k', FtVersion: 2, FtData: 'x', _UIVersionString: '2.0' });
    expect(reply.body['@odata.etag']).toMatch(/,2"$/);
    expect(reply.headers.get('etag')).toBe(reply.body['@odata.etag']);
    const cleared = await call(fake, 'PATCH', `${items()}/1/fields`, { FtData: null });
    expect(cleared.body.FtData).toBeUndefined();
  });

  it('answers 412 preconditionFailed when If-Match is stale, and accepts *', async () => {
    const created = await create({ FtKey: 'k' });
    await call(fake, 'PATCH', `${items()}/1/fields`, { Title: 'changed' });
    const stale = await call<GraphErrorBody>(fake, 'PATCH', `${items()}/1/fields`, { Title: 'mine' }, { 'If-Match': created.body.eTag });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('preconditionFailed');
    expect(fake.items(SITE, 'Actions')[0]?.fields.Title).toBe('changed');
    expect((await call(fake, 'PATCH', `${items()}/1/fields`, { Title: 'mine' }, { 'If-Match': '*' })).status).toBe(200);
  });

  it('enforces uniqueness and required fields on update', async () => {
    await create({ FtKey: 'a' });
    await create({ FtKey: 'b' });
    expect((await call(fake, 'PATCH', `${items()}/2/fields`, { FtKey: 'A' })).status).toBe(409);
    expect((await call(fake, 'PATCH', `${items()}/2/fields`, { FtKey: 'b' })).status).toBe(200);
    expect((await call(fake, 'PATCH', `${items()}/2/fields`, { FtKey: null })).status).toBe(400);
  });

  it('deletes with 204, honouring If-Match', async () => {
    const created = await create({ FtKey: 'k' });
    await call(fake, 'PATCH', `${items()}/1/fields`, { Title: 'changed' });
    expect((await call(fake, 'DELETE', `${items()}/1`, undefined, { 'If-Match': created.body.eTag })).status).toBe(412);
    const current = fake.items(SITE, 'Actions')[0]?.eTag ?? '';
    const deleted = await call(fake, 'DELETE', `${items()}/1`, undefined, { 'If-Match': current });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expect(fake.items(SITE, 'Actions')).toEqual([]);
    expect((await call(fake, 'DELETE', `${items()}/1`)).status).toBe(404);
  });

  it('frees a unique value when its item is deleted', async () => {
    await create({ FtKey: 'k' });
    await call(fake, 'DELETE', `${items()}/1`);
    expect((await create({ FtKey: 'k' })).status).toBe(201);
  });
});
