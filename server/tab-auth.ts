import { DEV_USER_HEADER } from '../core/views/tab-api.js';
import { AuthError } from '../edge/auth/auth-error.js';
import { bearerToken } from '../edge/auth/bearer.js';
import type { Caller } from '../edge/auth/caller.js';
import type { SsoValidator } from '../edge/auth/sso-validator.js';
import { UserAssertion } from '../edge/auth/user-assertion.js';

/** What the HTTP layer knows about a request before the API sees it. */
export interface InboundCredentials {
  authorization: string | undefined;
  devUser: string | undefined;
}

export interface Authenticated {
  /** Null only in local mode before a dev identity is picked: the API answers what needs none. */
  caller: Caller | null;
  /** The SSO token, for on-behalf-of calls; never logged. */
  assertion: UserAssertion | null;
}

/** Decides who is calling; throws AuthError (→ 401) when it cannot. */
export type Authenticate = (credentials: InboundCredentials) => Promise<Authenticated>;

/** Teams: a validated SSO bearer token, nothing else. A dev identity header means nothing here. */
export function teamsAuthentication(validator: SsoValidator): Authenticate {
  return async ({ authorization }) => {
    const token = bearerToken(authorization);
    return { caller: await validator.validate(token), assertion: new UserAssertion(token) };
  };
}

/**
 * Local mode (no tenant, the plain-browser tab): the caller is the dev identity the page picked,
 * an Entra object id some role names. The server only gets here from loopback.
 */
export function localAuthentication(lookup: (aadObjectId: string) => Promise<Caller | null>): Authenticate {
  return async ({ devUser }) => {
    const id = devUser?.trim() ?? '';
    if (id === '') return { caller: null, assertion: null };
    const caller = await lookup(id);
    if (caller === null) throw new AuthError('dev-identity', `No role names the dev identity "${id.slice(0, 64)}"; pick one of GET /api/dev/identities and send it as ${DEV_USER_HEADER}.`);
    return { caller, assertion: null };
  };
}
