import { type Person, type Role, roleKey } from '../model/index.js';

/** Who answers for a role name as a plan writes it: its holders, else its deputies, else nobody. */
export interface RoleDirectory {
  people(name: string): readonly Person[];
}

/** The people an action's leads resolve to (each once), and the lead roles nobody answers for. */
export interface LeadRecipients {
  people: readonly Person[];
  vacant: readonly string[];
}

const NOBODY: readonly Person[] = [];

/** Indexes roles by key once; names are resolved once each and remembered. */
export function roleDirectory(roles: readonly Role[]): RoleDirectory {
  const byKey = new Map<string, { holders: Person[]; deputies: Person[] }>();
  for (const role of roles) {
    const entry = byKey.get(role.key) ?? { holders: [], deputies: [] };
    entry.holders.push(...role.holders);
    entry.deputies.push(...role.deputies);
    byKey.set(role.key, entry);
  }
  const resolved = new Map<string, readonly Person[]>();
  return {
    people(name) {
      let people = resolved.get(name);
      if (people === undefined) {
        const entry = byKey.get(roleKey(name));
        people = entry === undefined ? NOBODY : uniquePeople(entry.holders.length > 0 ? entry.holders : entry.deputies);
        resolved.set(name, people);
      }
      return people;
    },
  };
}

/** Everyone who answers for any of `leads`, once each, in the order the leads are written. */
export function leadRecipients(leads: readonly string[], directory: RoleDirectory): LeadRecipients {
  const vacant = leads.filter((lead) => directory.people(lead).length === 0);
  const staffed = leads.filter((lead) => directory.people(lead).length > 0);
  const only = staffed.length === 1 ? staffed[0] : undefined;
  const people = only === undefined ? uniquePeople(staffed.flatMap((lead) => directory.people(lead))) : directory.people(only);
  return { people, vacant };
}

function uniquePeople(people: readonly Person[]): readonly Person[] {
  const seen = new Set<string>();
  return people.filter((person) => {
    if (seen.has(person.aadObjectId)) return false;
    seen.add(person.aadObjectId);
    return true;
  });
}
