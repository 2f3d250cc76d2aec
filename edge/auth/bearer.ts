import { AuthError } from './auth-error.js';

/** Longer than any Entra access token; a bigger header is refused before any parsing. */
const MAX_TOKEN_LENGTH = 16 * 1024;

/** The token from an `Authorization: Bearer <token>` header (RFC 6750 §2.1). */
export function bearerToken(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw new AuthError('missing', 'Sign in: this request needs an Authorization: Bearer token from Teams.');
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  const token = match?.[1];
  if (token === undefined || token.length > MAX_TOKEN_LENGTH) throw new AuthError('malformed', 'The Authorization header must be "Bearer" followed by a token.');
  return token;
}
