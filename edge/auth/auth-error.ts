/** Why a caller was not accepted; logged as the reason code, never with the token. */
export type AuthReason =
  | 'missing'
  | 'malformed'
  | 'signature'
  | 'expired'
  | 'not-yet-valid'
  | 'audience'
  | 'issuer'
  | 'tenant'
  | 'scope'
  | 'claims'
  | 'keys-unavailable'
  | 'dev-identity';

/** The sign-in boundary's one error type: a reason code and a message safe to show the caller. */
export class AuthError extends Error {
  constructor(
    readonly reason: AuthReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AuthError';
  }
}
