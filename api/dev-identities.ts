import type { Role } from '../core/model/index.js';
import { rolesOf } from '../core/views/rights.js';
import type { DevIdentity } from '../core/views/tab-api.js';
import type { Caller } from '../edge/auth/caller.js';

/**
 * Local mode's people: everyone the roles name, as holder or deputy, with the roles they answer
 * for — the plain-browser tab offers them to pick who to be.
 */
export function devIdentities(roles: readonly Role[]): DevIdentity[] {
  const names = new Map<string, string>();
  for (const person of roles.flatMap((role) => [...role.holders, ...role.deputies])) {
    if (!names.has(person.aadObjectId)) names.set(person.aadObjectId, person.displayName);
  }
  return [...names]
    .map(([aadObjectId, displayName]) => ({ aadObjectId, displayName, roles: rolesOf(aadObjectId, roles) }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en') || a.aadObjectId.localeCompare(b.aadObjectId));
}

/** The caller a dev identity header names, or null when no role names that person. */
export function devCaller(aadObjectId: string, roles: readonly Role[]): Caller | null {
  const found = devIdentities(roles).find((identity) => identity.aadObjectId === aadObjectId);
  return found ? { tenantId: null, aadObjectId: found.aadObjectId, displayName: found.displayName, scopes: [] } : null;
}
