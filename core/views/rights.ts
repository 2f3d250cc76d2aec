import type { Action, Plan, Role } from '../model/index.js';
import { updateRight } from '../updates/permissions.js';
import type { ActionRights } from './tab-api.js';

/** What the caller may do with one action, from the same rule the cards use (one rule, no drift). */
export function rightsFor(aadObjectId: string, action: Pick<Action, 'leads'>, plan: Pick<Plan, 'owner'>, roles: readonly Role[]): ActionRights {
  return {
    canUpdate: updateRight(aadObjectId, action, plan, roles) !== null,
    canEdit: isPlanEditor(aadObjectId, plan, roles),
  };
}

/** Holds or deputises for the plan owner's role. */
export function isPlanEditor(aadObjectId: string, plan: Pick<Plan, 'owner'>, roles: readonly Role[]): boolean {
  // With no leads to match, updateRight can only answer 'editor' or nothing: its owner rule is the editor rule.
  return updateRight(aadObjectId, { leads: [] }, plan, roles) === 'editor';
}

/** Names of the roles the person holds or deputises for, sorted, each once. */
export function rolesOf(aadObjectId: string, roles: readonly Role[]): string[] {
  const names = roles.filter((role) => [...role.holders, ...role.deputies].some((person) => person.aadObjectId === aadObjectId)).map((role) => role.name);
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en'));
}
