import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProtectedHeader, decodeJwt } from 'jose';
import { startEntraFake, type EntraFake } from './index.js';

let entra: EntraFake;

beforeAll(async () => {
  entra = await startEntraFake({ now: () => new Date('2025-06-10T09:00:00.000Z') });
});

afterAll(async () => {
  await entra.close();
});

describe('the Entra fake', () => {
  it('serves one RS256 signing key at the common and the per-tenant keys paths', async () => {
    for (const path of ['/discovery/v2.0/keys', `/${entra.tenantId}/discovery/v2.0/keys`]) {
      const body = (await (await fetch(`${entra.url}${path}`)).json()) as { keys: { kid: string; kty: string; alg: string; d?: string }[] };
      expect(body.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256' })]);
      expect(body.keys[0]?.d).toBeUndefined();
    }
    expect((await fetch(`${entra.url}/elsewhere`)).status).toBe(404);
    expect((await fetch(entra.jwksUrl, { method: 'POST' })).status).toBe(405);
  });

  it('mints a v2 token for the tab by default, naming its key', async () => {
    const token = await entra.mint({ oid: 'person-1' });
    const { keys } = (await (await fetch(entra.jwksUrl)).json()) as { keys: { kid: string }[] };
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', kid: keys[0]?.kid });
    expect(decodeJwt(token)).toMatchObject({ aud: entra.clientId, tid: entra.tenantId, iss: entra.issuer(), oid: 'person-1', scp: 'access_as_user', exp: new Date('2025-06-10T09:00:00.000Z').getTime() / 1000 + 3600 });
  });

  it('leaves out claims given as null', async () => {
    expect(Object.keys(decodeJwt(await entra.mint({ scp: null, name: null })))).not.toContain('scp');
  });
});
