import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEV_USER_HEADER } from '../../../core/views/tab-api.js';
import { ApiError } from './api-error.js';
import { apiPath, createApi, type Credentials } from './client.js';

interface Seen {
  path: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: string, seen: Seen[] = []) {
  return (path: string, init: RequestInit): Promise<Response> => {
    seen.push({ path, init });
    return Promise.resolve(new Response(body, { status }));
  };
}

const Thing = z.object({ name: z.string() });
const header = (seen: Seen[], name: string): string | undefined => (seen[0]?.init.headers as Record<string, string> | undefined)?.[name];

describe('createApi', () => {
  it('sends the dev identity in local mode', async () => {
    const seen: Seen[] = [];
    await createApi({ kind: 'dev', userId: 'u-20' }, fakeFetch(200, '{"name":"x"}', seen)).get('/api/me', Thing);
    expect(header(seen, DEV_USER_HEADER)).toBe('u-20');
    expect(header(seen, 'authorization')).toBeUndefined();
  });

  it('sends the Teams token as a bearer token, asking Teams each time', async () => {
    const seen: Seen[] = [];
    let asked = 0;
    const credentials: Credentials = { kind: 'teams', token: () => Promise.resolve(`token-${String(++asked)}`) };
    const api = createApi(credentials, fakeFetch(200, '{"name":"x"}', seen));
    await api.get('/api/me', Thing);
    await api.send('POST', '/api/x', { a: 1 }, Thing);
    expect(seen.map((call) => (call.init.headers as Record<string, string>).authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(seen[1]?.init.body).toBe('{"a":1}');
  });

  it('turns a failed sign-in into a 401', async () => {
    const api = createApi({ kind: 'teams', token: () => Promise.reject(new Error('consent')) }, fakeFetch(200, '{}'));
    await expect(api.get('/api/me', Thing)).rejects.toMatchObject({ status: 401, code: 'SignInFailed' });
  });

  it('reads the API’s error body, fields included', async () => {
    const body = JSON.stringify({ error: { code: 'Invalid', message: 'Check the note.', fields: { note: 'Too long' } } });
    const failure = await createApi({ kind: 'none' }, fakeFetch(422, body)).get('/api/x', Thing).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 422, code: 'Invalid', message: 'Check the note.', fields: { note: 'Too long' } });
  });

  it('words an error that is not the API’s own', async () => {
    await expect(createApi({ kind: 'none' }, fakeFetch(502, '<html>Bad gateway</html>')).get('/api/x', Thing)).rejects.toMatchObject({ status: 502, message: 'The server is not answering; try again in a moment.' });
  });

  it('reports a network failure as status 0', async () => {
    const api = createApi({ kind: 'none' }, () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.get('/api/x', Thing)).rejects.toMatchObject({ status: 0, isNetwork: true });
  });

  it('refuses an answer that does not match the contract', async () => {
    await expect(createApi({ kind: 'none' }, fakeFetch(200, '{"name":3}')).get('/api/x', Thing)).rejects.toMatchObject({ code: 'UnexpectedAnswer' });
  });
});

describe('download', () => {
  it('fetches a file with the bearer token and hands back its bytes and suggested name', async () => {
    const seen: Seen[] = [];
    const fetchFile = (path: string, init: RequestInit): Promise<Response> => {
      seen.push({ path, init });
      return Promise.resolve(new Response(new Uint8Array([80, 75, 3, 4]), { status: 200, headers: { 'content-disposition': 'attachment; filename="paper.docx"' } }));
    };
    const file = await createApi({ kind: 'teams', token: () => Promise.resolve('t-1') }, fetchFile).download('/api/plans/p/export?format=docx');
    expect(header(seen, 'authorization')).toBe('Bearer t-1');
    expect(file.disposition).toBe('attachment; filename="paper.docx"');
    expect([...new Uint8Array(await file.blob.arrayBuffer())]).toEqual([80, 75, 3, 4]);
  });

  it('reads the API’s error for a refused file', async () => {
    const body = JSON.stringify({ error: { code: 'Forbidden', message: 'Not your plan.' } });
    await expect(createApi({ kind: 'none' }, fakeFetch(403, body)).download('/api/x')).rejects.toMatchObject({ status: 403, code: 'Forbidden', message: 'Not your plan.' });
  });

  it('reports a network failure as status 0', async () => {
    await expect(createApi({ kind: 'none' }, () => Promise.reject(new TypeError('Failed to fetch'))).download('/api/x')).rejects.toMatchObject({ status: 0 });
  });
});

describe('apiPath', () => {
  it('escapes ids in paths', () => {
    expect(apiPath`/api/actions/${'a/b?c'}/updates`).toBe('/api/actions/a%2Fb%3Fc/updates');
  });
});
