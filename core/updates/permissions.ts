import { type Action, type Plan, type Role, roleKey } from '../model/index.js';

export type UpdateRight = 'lead' | 'deputy' | 'editor';

/**
 * Who may update an action: a holder or deputy of one of its lead roles, or a plan editor (a
 * holder or deputy of the plan owner's role). Decided from the sender's Entra object id as the
 * platform reports it — never from ids inside a card's data.
 */
export function updateRight(aadObjectId: string, action: Pick<Action, 'leads'>, plan: Pick<Plan, 'owner'>, roles: readonly Role[]): UpdateRight | null {
  const byKey = new Map(roles.map((role) => [role.key, role]));
  const holds = (name: string | null, as: 'holders' | 'deputies'): boolean =>
    name !== null && (byKey.get(roleKey(name))?.[as] ?? []).some((person) => person.aadObjectId === aadObjectId);
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
