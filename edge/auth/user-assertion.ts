import { inspect } from 'node:util';

const REDACTED = '[user assertion redacted]';

/**
 * The caller's raw SSO token, kept only so the SharePoint store can exchange it on behalf of the
 * user. It prints as a placeholder however it is logged or serialised; `reveal()` is the one way
 * to read it, and only the token exchange should call it.
 */
export class UserAssertion {
  readonly #token: string;

  constructor(token: string) {
    this.#token = token;
  }

  reveal(): string {
    return this.#token;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
