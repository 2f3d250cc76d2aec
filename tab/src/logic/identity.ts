import type { DevIdentity } from '../../../core/views/tab-api.js';

/** "Alex Wilber", the Agents Playground's default user, who leads the demo plan's actions. */
export const DEMO_LEAD_ID = '00000000-0000-0000-0000-0000000000020';

/**
 * Who the plain-browser tab acts as in local mode: the remembered choice while it still exists,
 * else the demo lead, else the first person holding the most roles (most to see and do).
 */
export function chooseIdentity(people: readonly DevIdentity[], rememberedId: string | null): DevIdentity | null {
  const remembered = people.find((person) => person.aadObjectId === rememberedId);
  if (remembered) return remembered;
  const demoLead = people.find((person) => person.aadObjectId === DEMO_LEAD_ID);
  if (demoLead) return demoLead;
  let best: DevIdentity | null = null;
  for (const person of people) if (best === null || person.roles.length > best.roles.length) best = person;
  return best;
}

export interface RememberedIdentity {
  aadObjectId: string;
  displayName: string;
}

/** Reads what `rememberIdentity` wrote; anything else (edited by hand, older format) is ignored. */
export function readRemembered(stored: string | null): RememberedIdentity | null {
  if (stored === null) return null;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return null;
    const { aadObjectId, displayName } = value as Record<string, unknown>;
    return typeof aadObjectId === 'string' && aadObjectId !== '' && typeof displayName === 'string' ? { aadObjectId, displayName } : null;
  } catch {
    return null;
  }
}
