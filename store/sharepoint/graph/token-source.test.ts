import type { Configuration } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { GraphError } from './graph-error.js';
import { appOnlyTokenSource, ConsentRequiredError, msalConfiguration, onBehalfOfTokenSource, staticTokenSource, type AppCredentials, type ConfidentialApp } from './token-source.js';

const TENANT = '0b8f6f4e-6e0a-4c5e-9a4b-2f1d3c4b5a69';
const CLIENT = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';
const SECRET = 'Sup3r~Secret.Value';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';

/** An MSAL-like stub: records what it was asked and answers from a script. */
function stubApp(answer: () => Promise<{ accessToken: string } | null>) {
  const calls: { kind: string; request: unknown }[] = [];
  let configuration: Configuration | null = null;
  const createApp = (config: Configuration): ConfidentialApp => {
    configuration = config;
    return {
      acquireTokenByClientCredential: (request) => {
        calls.push({ kind: 'client', request });
        return answer();
      },
      acquireTokenOnBehalfOf: (request) => {
        calls.push({ kind: 'obo', request });
        return answer();
      },
    };
  };
  return { calls, createApp, configuration: () => configuration };
}

const msalError = (errorCode: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`AADSTS: ${errorCode} for client secret ${SECRET}`), { errorCode, ...extra });

describe('msalConfiguration', () => {
  it('builds a client-secret configuration for the tenant authority', () => {
    expect(msalConfiguration({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET })).toEqual({
      auth: { clientId: CLIENT, authority: `https://login.microsoftonline.com/${TENANT}`, clientSecret: SECRET },
    });
  });

  it('builds a certificate configuration, and honours an authority', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
    const config = msalConfiguration({ tenantId: 'contoso.onmicrosoft.com', clientId: CLIENT, certificate: { thumbprintSha256: 'ab'.repeat(32), privateKeyPem: pem } }, 'https://login.microsoftonline.us/contoso.onmicrosoft.com');
    expect(config.auth).toEqual({ clientId: CLIENT, authority: 'https://login.microsoftonline.us/contoso.onmicrosoft.com', clientCertificate: { thumbprintSha256: 'ab'.repeat(32), privateKey: pem } });
  });

  it.each<[string, AppCredentials, RegExp]>([
    ['common tenant', { tenantId: 'common', clientId: CLIENT, clientSecret: SECRET }, /tenantId/],
    ['bad client id', { tenantId: TENANT, clientId: 'followthrough', clientSecret: SECRET }, /clientId/],
    ['empty secret', { tenantId: TENANT, clientId: CLIENT, clientSecret: ' ' }, /clientSecret is empty/],
    ['sha-1 thumbprint', { tenantId: TENANT, clientId: CLIENT, certificate: { thumbprintSha256: 'ab'.repeat(20), privateKeyPem: '-----BEGIN PRIVATE KEY-----' } }, /thumbprintSha256/],
    ['certificate not a key', { tenantId: TENANT, clientId: CLIENT, certificate: { thumbprintSha256: 'ab'.repeat(32), privateKeyPem: '-----BEGIN CERTIFICATE-----' } }, /privateKeyPem/],
  ])('refuses %s, naming the field', (_, credentials, message) => {
    expect(() => msalConfiguration(credentials)).toThrow(message);
  });

  it('never repeats a secret in its messages', () => {
    const both = { tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, certificate: { thumbprintSha256: 'x', privateKeyPem: 'y' } } as unknown as AppCredentials;
    expect(() => msalConfiguration(both)).toThrow(/not both/);
    expect(() => msalConfiguration({ tenantId: 'http://evil', clientId: CLIENT, clientSecret: SECRET })).toThrow(expect.objectContaining({ message: expect.not.stringContaining(SECRET) as unknown }));
  });

  it('refuses a plain-http authority', () => {
    expect(() => msalConfiguration({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET }, 'http://login.example')).toThrow(/https/);
  });
});

describe('appOnlyTokenSource', () => {
  it('asks MSAL for the Graph .default scope and returns the token', async () => {
    const stub = stubApp(() => Promise.resolve({ accessToken: 'app-token' }));
    const tokens = appOnlyTokenSource({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET }, { createApp: stub.createApp });
    await expect(tokens.getToken()).resolves.toBe('app-token');
    expect(stub.calls).toEqual([{ kind: 'client', request: { scopes: ['https://graph.microsoft.com/.default'] } }]);
    expect(stub.configuration()?.auth.clientSecret).toBe(SECRET);
  });

  it('turns an MSAL failure into a GraphError that keeps the code and not the secret', async () => {
    const stub = stubApp(() => Promise.reject(msalError('invalid_client')));
    const tokens = appOnlyTokenSource({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET }, { createApp: stub.createApp });
    const error = await tokens.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 401, code: 'tokenUnavailable', outcome: 'not-applied' });
    expect((error as GraphError).message).toContain('invalid_client');
    expect((error as GraphError).message).not.toContain(SECRET);
  });

  it('treats an empty answer as no token', async () => {
    const stub = stubApp(() => Promise.resolve(null));
    const tokens = appOnlyTokenSource({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET }, { createApp: stub.createApp });
    await expect(tokens.getToken()).rejects.toMatchObject({ code: 'tokenUnavailable' });
  });

  it('builds a real MSAL application by default (no network until asked)', () => {
    expect(() => appOnlyTokenSource({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET })).not.toThrow();
  });
});

describe('onBehalfOfTokenSource', () => {
  const credentials = { tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET };

  it('exchanges the user\'s assertion', async () => {
    const stub = stubApp(() => Promise.resolve({ accessToken: 'user-graph-token' }));
    const forUser = onBehalfOfTokenSource(credentials, { createApp: stub.createApp, scopes: ['Sites.Read.All'] });
    await expect(forUser(JWT).getToken()).resolves.toBe('user-graph-token');
    expect(stub.calls).toEqual([{ kind: 'obo', request: { oboAssertion: JWT, scopes: ['Sites.Read.All'] } }]);
  });

  it.each(['invalid_grant', 'interaction_required', 'consent_required'])('maps %s to ConsentRequiredError, keeping a claims challenge', async (code) => {
    const stub = stubApp(() => Promise.reject(msalError(code, { claims: '{"access_token":{"acrs":{"essential":true}}}' })));
    const error = await onBehalfOfTokenSource(credentials, { createApp: stub.createApp })(JWT).getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsentRequiredError);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 'consentRequired', claims: '{"access_token":{"acrs":{"essential":true}}}' });
    expect((error as Error).message).not.toContain(JWT);
  });

  it('maps other failures to tokenUnavailable', async () => {
    const stub = stubApp(() => Promise.reject(msalError('invalid_client')));
    await expect(onBehalfOfTokenSource(credentials, { createApp: stub.createApp })(JWT).getToken()).rejects.toMatchObject({ code: 'tokenUnavailable' });
  });

  it('refuses an assertion that is not a JWT without echoing it', () => {
    const forUser = onBehalfOfTokenSource(credentials, { createApp: stubApp(() => Promise.resolve(null)).createApp });
    expect(() => forUser('not a token')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('not a token') as unknown }));
  });
});

describe('staticTokenSource', () => {
  it('always gives its token, and refuses an empty one', async () => {
    await expect(staticTokenSource('fake').getToken()).resolves.toBe('fake');
    expect(() => staticTokenSource('')).toThrow(TypeError);
  });
});
