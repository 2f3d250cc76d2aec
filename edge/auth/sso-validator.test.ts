// The validator against keys served over HTTP by the Entra fake, fetched by jose's remote JWKS
// as in production: every way a token can be wrong is refused with its reason.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEntraFake, type EntraFake } from '../../test/fakes/entra/index.js';
import { AuthError } from './auth-error.js';
import { bearerToken } from './bearer.js';
import { remoteKeys } from './microsoft-keys.js';
import { createSsoValidator, type SsoValidator } from './sso-validator.js';
import { UserAssertion } from './user-assertion.js';

const NOW = new Date('2025-06-10T09:00:00.000Z');
const SECONDS = NOW.getTime() / 1000;
const OID = '0a0a0a0a-0000-4000-8000-000000000001';
const OTHER_TENANT = '99999999-0000-4000-8000-000000000999';

let entra: EntraFake;
let validator: SsoValidator;
let appIdUri: string;

beforeAll(async () => {
  entra = await startEntraFake({ now: () => NOW });
  appIdUri = `api://followthrough.example.nhs.uk/${entra.clientId}`;
  validator = createSsoValidator({ jwks: remoteKeys(entra.jwksUrl), audiences: [appIdUri, entra.clientId], allowedTenants: [entra.tenantId], clockToleranceSec: 60, now: () => NOW });
});

afterAll(async () => {
  await entra.close();
});

async function reason(token: string): Promise<string> {
  try {
    await validator.validate(token);
    return 'accepted';
  } catch (error) {
    if (error instanceof AuthError) return error.reason;
    throw error;
  }
}

describe('createSsoValidator', () => {
  it('accepts a v2 token and takes the caller from its claims', async () => {
    const caller = await validator.validate(await entra.mint({ oid: OID, name: 'Ann Lead', scp: 'User.Read access_as_user' }));
    expect(caller).toEqual({ tenantId: entra.tenantId, aadObjectId: OID, displayName: 'Ann Lead', scopes: ['User.Read', 'access_as_user'] });
  });

  it('accepts a v1 token: the api:// audience and the sts.windows.net issuer', async () => {
    const token = await entra.mint({ oid: OID, aud: appIdUri, iss: `https://sts.windows.net/${entra.tenantId}/`, name: null, extra: { ver: '1.0' } });
    expect(await validator.validate(token)).toMatchObject({ aadObjectId: OID, displayName: null });
  });

  it('accepts a token just past its expiry within the clock tolerance', async () => {
    expect(await reason(await entra.mint({ exp: SECONDS - 30 }))).toBe('accepted');
  });

  it.each<[string, () => Promise<string>, string]>([
    ['not a JWT', () => Promise.resolve('not-a-token'), 'malformed'],
    ['a JWT whose parts are not JSON', () => Promise.resolve('eyJhbGciOi.eyJzdWIiOi.c2ln'), 'malformed'],
    ['expired', () => entra.mint({ exp: SECONDS - 120 }), 'expired'],
    ['not yet valid', () => entra.mint({ nbf: SECONDS + 600 }), 'not-yet-valid'],
    ['for another app', () => entra.mint({ aud: 'api://elsewhere.example/11111111-0000-4000-8000-000000000000' }), 'audience'],
    ['with no audience', () => entra.mint({ aud: null }), 'audience'],
    ['issued by someone else', () => entra.mint({ iss: 'https://evil.example/v2.0' }), 'issuer'],
    ['issued for another tenant than its tid', () => entra.mint({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), 'issuer'],
    ['from a tenant not allowed', () => entra.mint({ tid: OTHER_TENANT }), 'tenant'],
    ['without access_as_user', () => entra.mint({ scp: 'User.Read' }), 'scope'],
    ['an app-only token (roles, no scp)', () => entra.mint({ scp: null, extra: { roles: ['access_as_user'] } }), 'scope'],
    ['without an oid', () => entra.mint({ oid: null }), 'claims'],
    ['without a tid', () => entra.mint({ tid: null }), 'claims'],
    ['without an expiry', () => entra.mint({ exp: null }), 'claims'],
    ['forged: signed by another key under the real kid', () => entra.mint({}, { key: 'other' }), 'signature'],
    ['forged: signed by a key the JWKS does not have', () => entra.mint({}, { key: 'other', kid: 'unknown-kid' }), 'signature'],
  ])('refuses a token %s', async (_what, token, expected) => {
    expect(await reason(await token())).toBe(expected);
  });

  it('refuses a token with alg "none" without looking for a key', async () => {
    const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: entra.clientId, tid: entra.tenantId, oid: OID, scp: 'access_as_user', iss: entra.issuer(), exp: SECONDS + 60 })}.${part({ x: 1 })}`;
    expect(await reason(unsigned)).toBe('signature');
  });

  it('says the keys are unavailable (not that the token is bad) when the JWKS cannot be fetched', async () => {
    const offline = createSsoValidator({ jwks: remoteKeys('http://127.0.0.1:9/discovery/v2.0/keys'), audiences: [entra.clientId], allowedTenants: [entra.tenantId], now: () => NOW });
    await expect(offline.validate(await entra.mint())).rejects.toMatchObject({ reason: 'keys-unavailable' });
  });

  it('fetches the keys once for many tokens', async () => {
    const before = entra.keyRequests();
    const fresh = createSsoValidator({ jwks: remoteKeys(entra.jwksUrl), audiences: [entra.clientId], allowedTenants: [entra.tenantId], now: () => NOW });
    for (let i = 0; i < 5; i++) await fresh.validate(await entra.mint());
    expect(entra.keyRequests() - before).toBe(1);
  });

  it('never puts the token in its error message', async () => {
    const token = await entra.mint({ exp: SECONDS - 3600 });
    const error = await validator.validate(token).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).not.toContain(token.slice(0, 20));
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer   abc.def.ghi', 'abc.def.ghi'],
  ])('reads %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    ['Basic dXNlcjpwYXNz', 'malformed'],
    ['Bearer', 'malformed'],
    ['Bearer a b', 'malformed'],
    [`Bearer ${'a'.repeat(17_000)}`, 'malformed'],
  ])('refuses %j as %s', (header, expected) => {
    expect(() => bearerToken(header)).toThrow(expect.objectContaining({ reason: expected }) as Error);
  });
});

describe('UserAssertion', () => {
  it('prints as a placeholder however it is logged, and reveals the token only when asked', () => {
    const assertion = new UserAssertion('eyJ.secret.token');
    for (const printed of [String(assertion), JSON.stringify({ assertion }), inspect({ assertion })]) expect(printed).not.toContain('secret');
    expect(assertion.reveal()).toBe('eyJ.secret.token');
  });
});
