/** A fake of Entra ID's signing side: a JWKS over HTTP on loopback, and tokens signed with its keys. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export const FAKE_TENANT_ID = '2f1d6a52-0000-4000-8000-00000000e17a';
export const FAKE_CLIENT_ID = '7c9e4b1a-0000-4000-8000-0000000c1e47';

export interface EntraFakeOptions {
  tenantId?: string;
  clientId?: string;
  /** The clock tokens are minted by (iat, default nbf and exp). */
  now?: () => Date;
}

/** Claims to put in a minted token; `null` leaves a claim out. Times are seconds since the epoch. */
export interface TokenClaims {
  aud?: string | null;
  iss?: string | null;
  tid?: string | null;
  oid?: string | null;
  name?: string | null;
  scp?: string | null;
  exp?: number | null;
  nbf?: number | null;
  extra?: Record<string, unknown>;
}

export interface MintOptions {
  /** `other` signs with a key that is not in the JWKS: a forged signature. */
  key?: 'jwks' | 'other';
  /** The header's `kid`; by default the JWKS key's, so a forgery claims to be signed by it. */
  kid?: string;
}

export interface EntraFake {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Where the JWKS is served (the common endpoint's path). */
  jwksUrl: string;
  tenantId: string;
  clientId: string;
  /** The v2 issuer for a tenant (default the fake's). */
  issuer(tenantId?: string): string;
  mint(claims?: TokenClaims, options?: MintOptions): Promise<string>;
  /** How many times the JWKS was fetched. */
  keyRequests(): number;
  close(): Promise<void>;
}

/** Starts the fake on a free loopback port. */
export async function startEntraFake(options: EntraFakeOptions = {}): Promise<EntraFake> {
  const tenantId = options.tenantId ?? FAKE_TENANT_ID;
  const clientId = options.clientId ?? FAKE_CLIENT_ID;
  const now = options.now ?? (() => new Date());
  const signing = await keyPair(`fake-${randomUUID().slice(0, 8)}`);
  const other = await keyPair(`other-${randomUUID().slice(0, 8)}`);
  let requests = 0;
  const server = createServer((request, response) => {
    if (isKeysPath(request)) requests += 1;
    answer(request, response, { keys: [signing.jwk] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  const issuer = (tid = tenantId): string => `https://login.microsoftonline.com/${tid}/v2.0`;
  return {
    url,
    jwksUrl: `${url}/discovery/v2.0/keys`,
    tenantId,
    clientId,
    issuer,
    mint: (claims = {}, mintOptions = {}) => {
      const key = mintOptions.key === 'other' ? other : signing;
      return sign(key.privateKey, mintOptions.kid ?? signing.jwk.kid ?? '', defaults(claims, { tenantId, clientId, issuer, now: now() }));
    },
    keyRequests: () => requests,
    close: () => new Promise<void>((resolve, reject) => { server.close((error) => { if (error) reject(error); else resolve(); }); }),
  };
}

async function keyPair(kid: string): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' } };
}

/** A token as Entra issues one to the Teams client for the tab: v2, `access_as_user`, valid for an hour. */
function defaults(claims: TokenClaims, context: { tenantId: string; clientId: string; issuer: (tid?: string) => string; now: Date }): Record<string, unknown> {
  const seconds = Math.floor(context.now.getTime() / 1000);
  const tid = claims.tid === undefined ? context.tenantId : claims.tid;
  const all: Record<string, unknown> = {
    aud: claims.aud === undefined ? context.clientId : claims.aud,
    iss: claims.iss === undefined ? context.issuer(tid ?? undefined) : claims.iss,
    iat: seconds,
    nbf: claims.nbf === undefined ? seconds - 60 : claims.nbf,
    exp: claims.exp === undefined ? seconds + 3600 : claims.exp,
    tid,
    oid: claims.oid === undefined ? randomUUID() : claims.oid,
    name: claims.name === undefined ? 'Test Person' : claims.name,
    scp: claims.scp === undefined ? 'access_as_user' : claims.scp,
    ver: '2.0',
    ...claims.extra,
  };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== null));
}

function sign(privateKey: CryptoKey, kid: string, payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey);
}

/** The common keys path, and the per-tenant one (`/{tenant}/discovery/v2.0/keys`). */
function isKeysPath(request: IncomingMessage): boolean {
  const path = (request.url ?? '').split('?')[0] ?? '';
  return /^(\/[^/]+)?\/discovery\/v2\.0\/keys$/.test(path);
}

/** writeHead is not chained: restify, loaded in the same process, replaces it with one that returns nothing. */
function answer(request: IncomingMessage, response: ServerResponse, jwks: { keys: JWK[] }): void {
  if (!isKeysPath(request)) {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not_found' }));
  } else if (request.method !== 'GET') {
    response.writeHead(405, { allow: 'GET' });
    response.end();
  } else {
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=86400' });
    response.end(JSON.stringify(jwks));
  }
}
