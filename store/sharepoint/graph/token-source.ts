import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import { GraphError, isRecord } from './graph-error.js';

/**
 * Where Graph access tokens come from. The HTTP layer asks for one per request; MSAL keeps them
 * cached and refreshes them, so asking is cheap. Tokens never appear in errors or logs.
 */
export interface TokenSource {
  getToken(): Promise<string>;
}

export type AppCredentials =
  | { tenantId: string; clientId: string; clientSecret: string }
  | { tenantId: string; clientId: string; certificate: { thumbprintSha256: string; privateKeyPem: string } };

/** The part of MSAL's ConfidentialClientApplication we use; tests pass a stub through `createApp`. */
export interface ConfidentialApp {
  acquireTokenByClientCredential(request: { scopes: string[] }): Promise<{ accessToken: string } | null>;
  acquireTokenOnBehalfOf(request: { oboAssertion: string; scopes: string[] }): Promise<{ accessToken: string } | null>;
}

export interface TokenSourceOptions {
  /** The full authority URL; defaults to `https://login.microsoftonline.com/{tenantId}`. */
  authority?: string;
  scopes?: readonly string[];
  createApp?: (configuration: Configuration) => ConfidentialApp;
}

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** A user's token could not be exchanged without them: the tab must ask for consent (or sign-in) again. */
export class ConsentRequiredError extends GraphError {
  /** A claims challenge to pass back to the client, when Entra sent one. */
  readonly claims: string | null;

  constructor(msalCode: string, claims: string | null, cause: unknown) {
    super({ status: 401, code: 'consentRequired', message: `The user must consent or sign in again (${msalCode})`, outcome: 'not-applied', cause });
    this.name = 'ConsentRequiredError';
    this.claims = claims;
  }
}

/** A fixed token, for the Graph fake and tests. */
export function staticTokenSource(token: string): TokenSource {
  if (token === '') throw new TypeError('staticTokenSource needs a non-empty token');
  return { getToken: () => Promise.resolve(token) };
}

/** App-only (client credentials) tokens for Graph, with a client secret or a certificate. */
export function appOnlyTokenSource(credentials: AppCredentials, options: TokenSourceOptions = {}): TokenSource {
  const app = confidentialApp(credentials, options);
  const scopes = [...(options.scopes ?? [GRAPH_DEFAULT_SCOPE])];
  return {
    async getToken() {
      const result = await app.acquireTokenByClientCredential({ scopes }).catch((error: unknown) => {
        throw tokenError(error);
      });
      return accessTokenOf(result);
    },
  };
}

/**
 * On-behalf-of tokens: given the credentials once, returns a function that makes a TokenSource
 * for one user's assertion (the SSO token the tab sent). `invalid_grant` and
 * `interaction_required` become ConsentRequiredError.
 */
export function onBehalfOfTokenSource(credentials: AppCredentials, options: TokenSourceOptions = {}): (userAssertion: string) => TokenSource {
  const app = confidentialApp(credentials, options);
  const scopes = [...(options.scopes ?? [GRAPH_DEFAULT_SCOPE])];
  return (userAssertion) => {
    if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(userAssertion)) throw new TypeError('onBehalfOfTokenSource needs the user\'s token (a JWT) as the assertion');
    return {
      async getToken() {
        const result = await app.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes }).catch((error: unknown) => {
          throw tokenError(error);
        });
        return accessTokenOf(result);
      },
    };
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;

/** Checks the credentials and builds the MSAL configuration; messages name fields, never values of secrets. */
export function msalConfiguration(credentials: AppCredentials, authority?: string): Configuration {
  if (!TENANT.test(credentials.tenantId)) throw new TypeError('tenantId must be the tenant\'s GUID or domain (not "common" or "organizations")');
  if (!GUID.test(credentials.clientId)) throw new TypeError('clientId must be the app registration\'s GUID');
  const authorityUrl = authority ?? `https://login.microsoftonline.com/${credentials.tenantId}`;
  if (!authorityUrl.startsWith('https://')) throw new TypeError('authority must be an https URL');
  if ('clientSecret' in credentials) {
    if ('certificate' in credentials) throw new TypeError('give either clientSecret or certificate, not both');
    if (credentials.clientSecret.trim() === '') throw new TypeError('clientSecret is empty');
    return { auth: { clientId: credentials.clientId, authority: authorityUrl, clientSecret: credentials.clientSecret } };
  }
  const { thumbprintSha256, privateKeyPem } = credentials.certificate;
  if (!/^[0-9a-f]{64}$/i.test(thumbprintSha256)) throw new TypeError('certificate.thumbprintSha256 must be 64 hex digits (the SHA-256 thumbprint)');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKeyPem)) throw new TypeError('certificate.privateKeyPem must be a PEM private key');
  return { auth: { clientId: credentials.clientId, authority: authorityUrl, clientCertificate: { thumbprintSha256, privateKey: privateKeyPem } } };
}

function confidentialApp(credentials: AppCredentials, options: TokenSourceOptions): ConfidentialApp {
  const configuration = msalConfiguration(credentials, options.authority);
  return (options.createApp ?? ((config) => new ConfidentialClientApplication(config)))(configuration);
}

function accessTokenOf(result: { accessToken: string } | null): string {
  if (!result || result.accessToken === '') {
    throw new GraphError({ status: 401, code: 'tokenUnavailable', message: 'MSAL returned no access token for Microsoft Graph', outcome: 'not-applied' });
  }
  return result.accessToken;
}

const CONSENT_CODES = new Set(['invalid_grant', 'interaction_required', 'consent_required', 'login_required']);

/** Maps an MSAL failure to a GraphError, keeping MSAL's error code (never its request). */
export function tokenError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  const msalCode = isRecord(error) && typeof error.errorCode === 'string' && error.errorCode !== '' ? error.errorCode : 'unknown_error';
  if (CONSENT_CODES.has(msalCode)) {
    const claims = isRecord(error) && typeof error.claims === 'string' && error.claims !== '' ? error.claims : null;
    return new ConsentRequiredError(msalCode, claims, error);
  }
  return new GraphError({ status: 401, code: 'tokenUnavailable', message: `Could not get a token for Microsoft Graph (${msalCode})`, outcome: 'not-applied', cause: error });
}
