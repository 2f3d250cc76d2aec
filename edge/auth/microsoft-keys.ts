import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/**
 * The keys behind a JWKS URL — in production Entra ID's common keys,
 * `https://login.microsoftonline.com/common/discovery/v2.0/keys` (the `jwks_uri` of the v2.0
 * OpenID metadata, config TAB_JWKS_URL). jose caches them and fetches again when a token names
 * a key not yet seen (Entra rolls its keys over without notice), at most once per cooldown.
 */
export function remoteKeys(url: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 60 * 60_000 });
}
