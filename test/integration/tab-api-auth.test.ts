// Teams mode from outside: the real server with a bot identity and the tab's Entra app set, its
// SSO validator fetching keys from the Entra fake over HTTP. Tokens the fake mints, right and
// wrong in every way that matters, go through the server as the Teams tab sends them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.js';
import { memoryLogger } from '../../app/logger.js';
import { startBot, type RunningBot } from '../../app/start-bot.js';
import { loadConfig } from '../../config/config.js';
import { ApiErrorBody, DEV_USER_HEADER, Me, PlanListResponse } from '../../core/views/tab-api.js';
import { startEntraFake, type EntraFake, type MintOptions, type TokenClaims } from '../fakes/entra/index.js';
import { NOW, PEOPLE, seedTabWorld, type TabWorld } from '../support/tab-world.js';

const SECONDS = new Date(NOW).getTime() / 1000;
const BOT_APP_ID = '6a1b2c3d-0000-4000-8000-00000000abcd';
const OTHER_TENANT = '99999999-0000-4000-8000-000000000999';
const PUBLIC_URL = 'https://followthrough.example.nhs.uk';

let entra: EntraFake;
let harness: { bot: RunningBot; world: TabWorld; url: string; log: ReturnType<typeof memoryLogger> } | null = null;

beforeAll(async () => {
  entra = await startEntraFake({ now: () => new Date(NOW) });
});

afterAll(async () => {
  await entra.close();
});

afterEach(async () => {
  const current = harness;
  harness = null;
  if (current) await current.bot.stop();
});

async function start(env: Record<string, string> = {}) {
  const log = memoryLogger();
  const config = loadConfig({
    SQLITE_PATH: ':memory:',
    PLAYGROUND: 'off',
    BOT_APP_ID,
    BOT_TENANT_ID: entra.tenantId,
    PUBLIC_URL,
    TAB_SSO_CLIENT_ID: entra.clientId,
    TAB_JWKS_URL: entra.jwksUrl,
    ...env,
  });
  const bot = await startBot(config, { port: 0, playground: false, clock: fixedClock(NOW), log });
  const world = await seedTabWorld(bot.app);
  harness = { bot, world, url: bot.url.replace('localhost', '127.0.0.1'), log };
  return harness;
}

const tokenFor = (person: { aadObjectId: string; displayName: string }, claims: TokenClaims = {}, options: MintOptions = {}): Promise<string> =>
  entra.mint({ oid: person.aadObjectId, name: person.displayName, ...claims }, options);

async function get(path: string, headers: Record<string, string>): Promise<Response> {
  if (!harness) throw new Error('not started');
  return fetch(`${harness.url}${path}`, { headers });
}

describe('the tab API in Teams mode', () => {
  it('answers /api/me for a valid token, with the token\'s oid, tenant and name', async () => {
    await start();
    const response = await get('/api/me', { authorization: `Bearer ${await tokenFor(PEOPLE.nurse)}` });
    expect(response.status).toBe(200);
    expect(Me.parse(await response.json())).toEqual({ aadObjectId: PEOPLE.nurse.aadObjectId, displayName: 'Nina Nurse', tenantId: entra.tenantId, mode: 'teams', roles: ['Head of Nursing'] });
  });

  it('accepts a v1 token for the api:// Application ID URI', async () => {
    await start();
    const token = await tokenFor(PEOPLE.lead, { aud: `api://followthrough.example.nhs.uk/${entra.clientId}`, iss: `https://sts.windows.net/${entra.tenantId}/` });
    const response = await get('/api/plans', { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(PlanListResponse.parse(await response.json())).toHaveLength(1);
  });

  it.each<[string, () => Promise<Record<string, string>>]>([
    ['no Authorization header', () => Promise.resolve({})],
    ['a header that is not Bearer', () => Promise.resolve({ authorization: 'Basic dXNlcjpwYXNz' })],
    ['a malformed token', () => Promise.resolve({ authorization: 'Bearer not.a-token' })],
    ['an expired token', async () => ({ authorization: `Bearer ${await tokenFor(PEOPLE.lead, { exp: SECONDS - 600 })}` })],
    ['a token not valid yet', async () => ({ authorization: `Bearer ${await tokenFor(PEOPLE.lead, { nbf: SECONDS + 600 })}` })],
    ['a token for another app', async () => ({ authorization: `Bearer ${await tokenFor(PEOPLE.lead, { aud: '11111111-0000-4000-8000-000000000000' })}` })],
    ['a token from the wrong issuer', async () => ({ authorization: `Bearer ${await tokenFor(PEOPLE.lead, { iss: 'https://login.example.com/v2.0' })}` })],
    ['a token from a tenant not allowed', async () => ({ authorization: `Bearer ${await tokenFor(PEOPLE.lead, { tid: OTHER_TENANT })}` })],
    ['a token without access_as_user', async () => ({ authorization: `Bearer ${await tokenFor(PEOPLE.lead, { scp: 'User.Read' })}` })],
    ['a token signed by a key not in the JWKS', async () => ({ authorization: `Bearer ${await tokenFor(PEOPLE.lead, {}, { key: 'other' })}` })],
    ['a dev identity header (local mode only)', () => Promise.resolve({ [DEV_USER_HEADER]: PEOPLE.lead.aadObjectId })],
  ])('refuses %s with 401 and a JSON error, never logging the token', async (_what, headers) => {
    const { log } = await start();
    const sent = await headers();
    const response = await get('/api/me', sent);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(ApiErrorBody.parse(await response.json()).error.code).toBe('Unauthorized');
    const token = sent.authorization?.replace(/^\S+ /, '');
    if (token) expect(JSON.stringify(log.lines)).not.toContain(token);
  });

  it('refuses a lead updating someone else\'s action with 403, writing nothing', async () => {
    const { world, url } = await start();
    const id = world.id('1a');
    const before = await world.app.store.getAction(id);
    const response = await fetch(`${url}/api/actions/${id}/updates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(PEOPLE.nurse)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'Done by me', status: 'complete', evidence: 'Report', clientKey: 'nurse-click-1' }),
    });
    expect(response.status).toBe(403);
    expect(ApiErrorBody.parse(await response.json()).error.code).toBe('Forbidden');
    expect(await world.app.store.getAction(id)).toEqual(before);
    expect((await world.app.store.listUpdates(id)).filter((update) => update.source === 'tab')).toEqual([]);
  });

  it('records the lead\'s own update under the token\'s identity, whatever the body says', async () => {
    const { world, url } = await start();
    const id = world.id('2b');
    const response = await fetch(`${url}/api/actions/${id}/updates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(PEOPLE.nurse)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'Training booked', status: 'in-progress', clientKey: 'nurse-click-2' }),
    });
    expect(response.status).toBe(201);
    const recorded = (await world.app.store.listUpdates(id)).filter((update) => update.source === 'tab');
    expect(recorded.map((update) => update.author)).toEqual([{ aadObjectId: PEOPLE.nurse.aadObjectId, displayName: 'Nina Nurse' }]);
  });

  it('has no dev identities in Teams mode (404 even when signed in)', async () => {
    await start();
    expect((await get('/api/dev/identities', { authorization: `Bearer ${await tokenFor(PEOPLE.lead)}` })).status).toBe(404);
  });

  it('answers 503 (not 401) when Entra\'s keys cannot be fetched', async () => {
    await start({ TAB_JWKS_URL: 'http://127.0.0.1:9/discovery/v2.0/keys' });
    const response = await get('/api/me', { authorization: `Bearer ${await tokenFor(PEOPLE.lead)}` });
    expect([response.status, ApiErrorBody.parse(await response.json()).error.code]).toEqual([503, 'Unavailable']);
  });

  it('answers 503 naming the setting when the tab\'s Entra app is not configured', async () => {
    const log = memoryLogger();
    const bot = await startBot(loadConfig({ SQLITE_PATH: ':memory:', PLAYGROUND: 'off', BOT_APP_ID, BOT_TENANT_ID: entra.tenantId }), { port: 0, playground: false, clock: fixedClock(NOW), log });
    try {
      const response = await fetch(`${bot.url.replace('localhost', '127.0.0.1')}/api/me`, { headers: { authorization: `Bearer ${await tokenFor(PEOPLE.lead)}` } });
      expect(response.status).toBe(503);
      expect(ApiErrorBody.parse(await response.json()).error.message).toContain('TAB_SSO_CLIENT_ID');
      expect(log.lines.map((line) => line.message)).toContainEqual(expect.stringContaining('TAB_SSO_CLIENT_ID'));
    } finally {
      await bot.stop();
    }
  });
});
