import type { Person } from '../core/model/index.js';
import { CliError } from './cli-error.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person named on the command line, and whether a display name was given (an edit keeps the stored one otherwise). */
export interface PersonArg {
  person: Person;
  named: boolean;
}

/**
 * `<objectId>[=<Display Name>]`. The id must be an Entra object id (a GUID); it is stored in
 * lower case because Teams and `az ad user show` give it so, and holders are matched on it
 * exactly. Without a name the id stands in for one.
 */
export function parsePersonArg(value: string, option: string): PersonArg {
  const at = value.indexOf('=');
  const id = (at < 0 ? value : value.slice(0, at)).trim();
  const name = at < 0 ? '' : value.slice(at + 1).trim();
  if (!GUID.test(id)) {
    throw new CliError(`${option} "${value}": "${id}" is not an Entra object id (a GUID such as 5b3f1a27-8c64-4d0e-9f12-6a7b8c9d0e1f; \`az ad user show --id <email> --query id -o tsv\` prints it).`, 2);
  }
  const aadObjectId = id.toLowerCase();
  return { person: { aadObjectId, displayName: name === '' ? aadObjectId : name }, named: name !== '' };
}

/** Whether two ids name the same person: GUIDs are compared without regard to case. */
export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
