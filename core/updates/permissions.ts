import { type Action, type Plan, type Role, roleKey } from '../model/index.js';

export type UpdateRight = 'lead' | 'deputy' | 'editor';

/**
 * Who may update an action: a holder or deputy of one of its lead roles, or a plan editor (a
 * holder or deputy of the plan owner's role). Decided from the sender's Entra object id as the
 * platform reports it — never from ids inside a card's data.
 */
export function updateRight(aadObjectId: string, action: Pick<Action, 'leads'>, plan: Pick<Plan, 'owner'>, roles: readonly Role[]): UpdateRight | null {
  const holds = roleMatcher(aadObjectId, roles);
  if (action.leads.some((lead) => holds(lead, 'holders'))) return 'lead';
  if (action.leads.some((lead) => holds(lead, 'deputies'))) return 'deputy';
  if (holds(plan.owner, 'holders') || holds(plan.owner, 'deputies')) return 'editor';
  return null;
}

/** The action's leads and deputies, for "my actions": does this person answer for this action? */
export function isLeadOrDeputy(aadObjectId: string, action: Pick<Action, 'leads'>, roles: readonly Role[]): boolean {
  const right = updateRight(aadObjectId, action, { owner: null }, roles);
  return right === 'lead' || right === 'deputy';
}

/** Holds, or deputises for, any of the named roles (matched as plans write them, by `roleKey`). */
export function holdsAnyRole(aadObjectId: string, names: readonly string[], roles: readonly Role[]): boolean {
  const holds = roleMatcher(aadObjectId, roles);
  return names.some((name) => holds(name, 'holders') || holds(name, 'deputies'));
}

function roleMatcher(aadObjectId: string, roles: readonly Role[]): (name: string | null, as: 'holders' | 'deputies') => boolean {
  const byKey = new Map(roles.map((role) => [role.key, role]));
  return (name, as) => name !== null && (byKey.get(roleKey(name))?.[as] ?? []).some((person) => person.aadObjectId === aadObjectId);
}
