/**
 * Who is calling the tab's API: taken from a validated Teams SSO token (or, in local mode, from
 * the dev identity picked in the browser). Never from ids in a request body.
 */
export interface Caller {
  /** The token's `tid`; null for local mode's dev identity. */
  tenantId: string | null;
  /** The token's `oid`: the person's Entra object id, the same id the bot sees and roles name. */
  aadObjectId: string;
  /** The token's `name` claim, when it has one. */
  displayName: string | null;
  /** The delegated scopes granted (`scp`), e.g. `access_as_user`. */
  scopes: string[];
}
