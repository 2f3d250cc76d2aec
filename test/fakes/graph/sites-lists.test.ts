import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphFake, type GraphFake } from './index.js';
import { call, createList, type GraphErrorBody, listPath, type Page, SITE, text } from './test-client.js';

interface ListBody { id: string; displayName: string; name: string; description: string; list: { template: string }; columns?: { name: string }[] }

let fake: GraphFake;
beforeEach(async () => { fake = await startGraphFake(); });
afterEach(async () => { await fake.close(); });

describe('sites', () => {
  it('finds the default site by path and by id, with a request-id header', async () => {
    const byPath = await call<{ id: string; webUrl: string; name: string; displayName: string }>(fake, 'GET', '/sites/contoso.sharepoint.com:/sites/quality');
    expect(byPath.status).toBe(200);
    expect(byPath.body).toMatchObject({ id: SITE, webUrl: 'https://contoso.sharepoint.com/sites/quality', name: 'quality' });
    expect(byPath.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(byPath.headers.get('content-type')?.split(';')[0]).toBe('application/json');
    const byId = await call<{ id: string }>(fake, 'GET', `/sites/${encodeURIComponent(SITE)}`);
    expect(byId.body.id).toBe(SITE);
  });

  it('addresses lists through the path form closed with a colon', async () => {
    await createList(fake, 'Plans', []);
    const reply = await call<Page<ListBody>>(fake, 'GET', "/sites/contoso.sharepoint.com:/sites/quality:/lists?$filter=displayName eq 'Plans'");
    expect(reply.body.value.map((l) => l.displayName)).toEqual(['Plans']);
  });

  it('answers 404 itemNotFound with a Graph error body for an unknown site', async () => {
    const reply = await call<GraphErrorBody>(fake, 'GET', '/sites/contoso.sharepoint.com:/sites/nowhere');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('itemNotFound');
    expect(reply.body.error.innerError['request-id']).toBe(reply.headers.get('request-id'));
    expect(reply.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('serves several configured sites', async () => {
    const other = await startGraphFake({ sites: [{ id: 'x.sharepoint.com,a,b', hostname: 'x.sharepoint.com', path: '/sites/one', displayName: 'One' }] });
    try {
      const reply = await call<{ displayName: string }>(other, 'GET', '/sites/x.sharepoint.com:/sites/one');
      expect(reply.body.displayName).toBe('One');
      expect((await call(other, 'GET', `/sites/${SITE}`)).status).toBe(404);
    } finally {
      await other.close();
    }
  });

  it('rejects a URL without the version segment', async () => {
    const response = await fetch(fake.url.replace('/v1.0', '/sites'));
    expect(response.status).toBe(400);
    await response.text();
  });
});

describe('lists', () => {
  it('creates a list with built-in Title, ID, Created and Modified columns', async () => {
    const reply = await call<ListBody>(fake, 'POST', `/sites/${SITE}/lists`, { displayName: 'Followthrough Plans', description: 'Plans', columns: [text('FtKey')], list: { template: 'genericList' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ displayName: 'Followthrough Plans', name: 'FollowthroughPlans', description: 'Plans', list: { template: 'genericList' } });
    const columns = await call<Page<{ name: string; indexed: boolean; readOnly: boolean }>>(fake, 'GET', `${listPath(reply.body.id)}/columns`);
    const byName = Object.fromEntries(columns.body.value.map((c) => [c.name, c]));
    expect(Object.keys(byName)).toEqual(['Title', 'ID', 'Created', 'Modified', 'FtKey']);
    expect(byName.Created).toMatchObject({ indexed: true, readOnly: true });
    expect(byName.Modified).toMatchObject({ indexed: true, readOnly: true });
    expect(byName.Title).toMatchObject({ indexed: false, readOnly: false });
  });

  it('refuses a second list with the same title (any case) with 409 nameAlreadyExists', async () => {
    await createList(fake, 'Plans', []);
    const reply = await call<GraphErrorBody>(fake, 'POST', `/sites/${SITE}/lists`, { displayName: 'PLANS', list: { template: 'genericList' } });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('nameAlreadyExists');
  });

  it('creates nothing when one of the columns is invalid', async () => {
    const reply = await call<GraphErrorBody>(fake, 'POST', `/sites/${SITE}/lists`, { displayName: 'Bad', columns: [text('A'), { name: 'B', text: {}, enforceUniqueValues: true }] });
    expect(reply.status).toBe(400);
    expect((await call(fake, 'GET', listPath('Bad'))).status).toBe(404);
  });

  it('gets a list by id or by display name, and expands its columns', async () => {
    const id = await createList(fake, 'Followthrough Actions', [text('FtKey')]);
    const byName = await call<ListBody>(fake, 'GET', listPath('Followthrough Actions'));
    expect(byName.body.id).toBe(id);
    const byId = await call<ListBody>(fake, 'GET', `${listPath(id)}?$expand=columns`);
    expect(byId.body.displayName).toBe('Followthrough Actions');
    expect(byId.body.columns?.map((c) => c.name)).toContain('FtKey');
  });

  it('filters lists by displayName, selects properties and pages them', async () => {
    for (const name of ['A', 'B', 'C']) await createList(fake, name, []);
    const filtered = await call<Page<Record<string, unknown>>>(fake, 'GET', `/sites/${SITE}/lists?$filter=displayName eq 'B'&$select=id,displayName`);
    expect(filtered.body.value).toHaveLength(1);
    expect(Object.keys(filtered.body.value[0] ?? {}).filter((k) => !k.startsWith('@')).sort()).toEqual(['displayName', 'id']);
    const first = await call<Page<ListBody>>(fake, 'GET', `/sites/${SITE}/lists?$top=2`);
    expect(first.body.value.map((l) => l.displayName)).toEqual(['Documents', 'A']);
    const next = first.body['@odata.nextLink'] ?? '';
    expect(next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/sites\/.*\$skiptoken=/);
    const second = await call<Page<ListBody>>(fake, 'GET', next);
    expect(second.body.value.map((l) => l.displayName)).toEqual(['B', 'C']);
    expect(second.body['@odata.nextLink']).toBeUndefined();
  });

  it('renames and deletes a list', async () => {
    const id = await createList(fake, 'Old', []);
    const renamed = await call<ListBody>(fake, 'PATCH', listPath(id), { displayName: 'New', description: 'd' });
    expect(renamed.body).toMatchObject({ displayName: 'New', description: 'd', name: 'Old' });
    expect((await call(fake, 'GET', listPath('New'))).status).toBe(200);
    expect((await call(fake, 'DELETE', listPath('New'))).status).toBe(204);
    expect((await call(fake, 'GET', listPath(id))).status).toBe(404);
  });

  it('answers 400 for a segment it does not know and 405 for a method it does not support', async () => {
    expect((await call(fake, 'GET', `/sites/${SITE}/drives`)).status).toBe(400);
    expect((await call(fake, 'PUT', `/sites/${SITE}/lists`, {})).status).toBe(405);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await fetch(`${fake.url}/sites/${SITE}/lists`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{nope' });
    expect(response.status).toBe(400);
    await response.text();
  });
});
