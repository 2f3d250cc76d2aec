import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthError, type AuthReason } from './auth-error.js';
import type { Caller } from './caller.js';

export interface SsoValidatorOptions {
  /** The signing keys: `remoteKeys(config.TAB_JWKS_URL)` in production, the Entra fake's JWKS in tests. */
  jwks: JWTVerifyGetKey;
  /** The tab app's Application ID URI (`api://<host>/<client id>`, v1 tokens) and its bare client id (v2 tokens). */
  audiences: readonly string[];
  /** Tenant ids whose people may use this deployment. */
  allowedTenants: readonly string[];
  /** The delegated scope the tab asks Teams for. */
  requiredScope?: string;
  clockToleranceSec?: number;
  now?: () => Date;
}

export interface SsoValidator {
  /** The caller named by a Teams SSO token, or an AuthError saying why not. */
  validate(bearerToken: string): Promise<Caller>;
}

/** Three base64url parts: a JWS in compact form (RFC 7515 §7.1). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Validates the token `authentication.getAuthToken()` gives the tab (Microsoft Learn, "Enable SSO
 * for tab app" and "Microsoft identity platform access tokens"): an RS256 signature by a key in
 * the JWKS, the app as audience, an issuer of the token's own tenant in either token version
 * (v2 `https://login.microsoftonline.com/{tid}/v2.0`, v1 `https://sts.windows.net/{tid}/`), a
 * tenant on the allow-list, the delegated scope, and the validity window. Tenant and person come
 * from the validated claims only.
 */
export function createSsoValidator(options: SsoValidatorOptions): SsoValidator {
  if (options.audiences.length === 0) throw new TypeError('createSsoValidator needs at least one audience');
  const tenants = new Set(options.allowedTenants.map((tenant) => tenant.toLowerCase()));
  const scope = options.requiredScope ?? 'access_as_user';
  return {
    async validate(token) {
      if (!COMPACT_JWS.test(token)) throw new AuthError('malformed', 'The sign-in token is not a JWT.');
      const payload = await verified(token, options);
      const tenantId = stringClaim(payload, 'tid');
      if (tenantId === null || !tenants.has(tenantId.toLowerCase())) throw new AuthError('tenant', 'This organisation is not allowed to use this Followthrough.');
      if (!issuersOf(tenantId).includes(stringClaim(payload, 'iss') ?? '')) throw new AuthError('issuer', 'The sign-in token was not issued by Microsoft Entra ID for your organisation.');
      const scopes = (stringClaim(payload, 'scp') ?? '').split(' ').filter((s) => s !== '');
      if (!scopes.includes(scope)) throw new AuthError('scope', `The sign-in token does not grant "${scope}".`);
      const aadObjectId = stringClaim(payload, 'oid');
      if (aadObjectId === null) throw new AuthError('claims', 'The sign-in token does not name a person (no oid claim).');
      return { tenantId, aadObjectId, displayName: stringClaim(payload, 'name'), scopes };
    },
  };
}

/** Both token versions' issuers for a tenant; the tenant comes from the token and was checked first. */
function issuersOf(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

async function verified(token: string, options: SsoValidatorOptions): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, options.jwks, {
      algorithms: ['RS256'],
      audience: [...options.audiences],
      clockTolerance: options.clockToleranceSec ?? 60,
      requiredClaims: ['exp', 'iss', 'tid', 'oid'],
      ...(options.now ? { currentDate: options.now() } : {}),
    });
    return payload;
  } catch (error) {
    throw fromJose(error);
  }
}

const MESSAGES: Record<AuthReason, string> = {
  missing: 'Sign in: no token was sent.',
  malformed: 'The sign-in token could not be read.',
  signature: 'The sign-in token\'s signature is not valid.',
  expired: 'The sign-in token has expired; sign in again.',
  'not-yet-valid': 'The sign-in token is not valid yet; check this computer\'s clock.',
  audience: 'The sign-in token was issued for another app.',
  issuer: 'The sign-in token was not issued by Microsoft Entra ID for your organisation.',
  tenant: 'This organisation is not allowed to use this Followthrough.',
  scope: 'The sign-in token does not grant access to Followthrough.',
  claims: 'The sign-in token lacks a claim Followthrough needs.',
  'keys-unavailable': 'Sign-in keys could not be fetched from Microsoft Entra ID; try again in a moment.',
  'dev-identity': 'Pick a dev identity.',
};

/** jose's errors, by class, to our reason codes; anything else means the keys could not be read. */
function fromJose(error: unknown): AuthError {
  const reason = reasonOf(error);
  return new AuthError(reason, MESSAGES[reason], { cause: error });
}

function reasonOf(error: unknown): AuthReason {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') return 'not-yet-valid';
    if (error.claim === 'aud') return 'audience';
    return 'claims';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys || error instanceof errors.JOSEAlgNotAllowed) {
    return 'signature';
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JOSENotSupported) return 'malformed';
  return 'keys-unavailable';
}

function stringClaim(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : null;
}
