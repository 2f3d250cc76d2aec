export { AuthError, type AuthReason } from './auth-error.js';
export { bearerToken } from './bearer.js';
export type { Caller } from './caller.js';
export { remoteKeys } from './microsoft-keys.js';
export { createSsoValidator, type SsoValidator, type SsoValidatorOptions } from './sso-validator.js';
export { UserAssertion } from './user-assertion.js';
