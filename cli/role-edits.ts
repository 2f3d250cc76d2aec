import type { Person } from '../core/model/index.js';
import { CliError } from './cli-error.js';
import { type PersonArg, sameId } from './person-arg.js';

/** Who a role maps to. A person is either a holder or a deputy, never both. */
export interface RoleMembers {
  holders: Person[];
  deputies: Person[];
}

type Place = 'holder' | 'deputy';

/** A person as the tool prints them: the name, and the id an admin needs to remove them. */
export function personLabel(person: Person): string {
  return person.displayName === person.aadObjectId ? person.aadObjectId : `${person.displayName} (${person.aadObjectId})`;
}

/**
 * `roles set`: the given people are added, or moved to the place given, or renamed when a new
 * name is given; with `replace` they become the role's only members. A person already there
 * keeps their stored name (and email) unless a name is given.
 */
export function addToRole(current: RoleMembers, given: { holders: PersonArg[]; deputies: PersonArg[] }, replace: boolean): RoleMembers {
  refuseRepeats([...given.holders, ...given.deputies]);
  const existing = (id: string): Person | undefined => [...current.holders, ...current.deputies].find((p) => sameId(p.aadObjectId, id));
  const merge = (arg: PersonArg): Person => {
    const before = existing(arg.person.aadObjectId);
    return before === undefined ? arg.person : { ...before, aadObjectId: arg.person.aadObjectId, displayName: arg.named ? arg.person.displayName : before.displayName };
  };
  const place = (people: Person[], mine: PersonArg[], others: PersonArg[]): Person[] => {
    const kept = replace ? [] : people.filter((p) => !others.some((o) => sameId(o.person.aadObjectId, p.aadObjectId))).map((p) => {
      const same = mine.find((m) => sameId(m.person.aadObjectId, p.aadObjectId));
      return same === undefined ? p : merge(same);
    });
    const added = mine.filter((m) => !kept.some((p) => sameId(p.aadObjectId, m.person.aadObjectId))).map(merge);
    return [...kept, ...added];
  };
  return { holders: place(current.holders, given.holders, given.deputies), deputies: place(current.deputies, given.deputies, given.holders) };
}

/** `roles remove`: takes each person off, holder or deputy; one that is neither is an error naming them. */
export function removeFromRole(current: RoleMembers, ids: readonly string[], roleName: string): RoleMembers {
  for (const id of ids) {
    if (![...current.holders, ...current.deputies].some((p) => sameId(p.aadObjectId, id))) {
      throw new CliError(`"${id}" is neither a holder nor a deputy of "${roleName}". \`followthrough roles\` lists who is.`);
    }
  }
  const keep = (p: Person): boolean => !ids.some((id) => sameId(id, p.aadObjectId));
  return { holders: current.holders.filter(keep), deputies: current.deputies.filter(keep) };
}

/** What an edit changed, one line per person: added, removed, moved between holder and deputy, renamed. */
export function describeChanges(before: RoleMembers, after: RoleMembers): string[] {
  const places = (members: RoleMembers): [Person, Place][] => [...members.holders.map((p): [Person, Place] => [p, 'holder']), ...members.deputies.map((p): [Person, Place] => [p, 'deputy'])];
  const old = places(before);
  const now = places(after);
  const changes: string[] = [];
  for (const [person, place] of now) {
    const was = old.find(([p]) => sameId(p.aadObjectId, person.aadObjectId));
    if (was === undefined) changes.push(`added ${place} ${personLabel(person)}`);
    else if (was[1] !== place) changes.push(`${personLabel(person)}: ${was[1]} → ${place}`);
    if (was !== undefined && was[0].displayName !== person.displayName) changes.push(`renamed ${was[0].displayName} → ${person.displayName} (${person.aadObjectId})`);
  }
  for (const [person, place] of old) {
    if (!now.some(([p]) => sameId(p.aadObjectId, person.aadObjectId))) changes.push(`removed ${place} ${personLabel(person)}`);
  }
  return changes;
}

function refuseRepeats(people: readonly PersonArg[]): void {
  const seen = new Set<string>();
  for (const { person } of people) {
    if (seen.has(person.aadObjectId)) throw new CliError(`${person.aadObjectId} is named more than once; give each person once, as --holder or as --deputy.`, 2);
    seen.add(person.aadObjectId);
  }
}
