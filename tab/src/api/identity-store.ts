import { z } from 'zod';
import { DevIdentity } from '../../../core/views/tab-api.js';
import { chooseIdentity, readRemembered, type RememberedIdentity } from '../logic/identity.js';
import type { TabHost } from '../teams/host.js';
import { ApiError } from './api-error.js';
import { createApi, type Credentials } from './client.js';

const STORAGE_KEY = 'followthrough.actAs';

export const DevIdentities = z.array(DevIdentity);

export type LocalIdentity = { mode: 'local'; credentials: Credentials; person: RememberedIdentity };

export type Identity = { mode: 'teams'; credentials: Credentials } | LocalIdentity | { mode: 'none'; problem: string };

/**
 * Who the tab calls the API as. In Teams: the SSO token. In a plain browser: local mode's
 * chosen person, remembered across visits — so a remembered choice costs no call at all and
 * the plan view stays one request (benchmark P5); the list of people is fetched when the
 * picker opens, or when nobody has been chosen yet.
 */
export async function resolveIdentity(host: TabHost, storage: Storage | null): Promise<Identity> {
  if (host.inTeams) return { mode: 'teams', credentials: { kind: 'teams', token: () => host.getToken() } };
  const remembered = readRemembered(safeRead(storage));
  if (remembered) return local(remembered);
  try {
    const people = await fetchPeople();
    const chosen = chooseIdentity(people, null);
    if (chosen === null) return { mode: 'none', problem: 'Local mode is running, but its demo roles name nobody to act as.' };
    rememberIdentity(storage, chosen);
    return local(chosen);
  } catch (error) {
    if (error instanceof ApiError && error.isNetwork) return { mode: 'none', problem: 'The Followthrough server could not be reached. Check that it is running, then reload.' };
    return { mode: 'none', problem: NOT_IN_TEAMS };
  }
}

const NOT_IN_TEAMS =
  'Open Followthrough from Microsoft Teams to sign in. In a plain browser the tab works only when the server runs in local mode (npm start), where you choose who to act as.';

export function fetchPeople(signal?: AbortSignal): Promise<DevIdentity[]> {
  return createApi({ kind: 'none' }).get('/api/dev/identities', DevIdentities, signal);
}

export function local(person: RememberedIdentity): LocalIdentity {
  return { mode: 'local', credentials: { kind: 'dev', userId: person.aadObjectId }, person: { aadObjectId: person.aadObjectId, displayName: person.displayName } };
}

export function rememberIdentity(storage: Storage | null, person: RememberedIdentity): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify({ aadObjectId: person.aadObjectId, displayName: person.displayName }));
  } catch (error) {
    // Private browsing can refuse storage; the choice then lasts until the page is closed.
    console.warn('Could not remember who to act as', error);
  }
}

function safeRead(storage: Storage | null): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** localStorage, or null where the browser refuses it (sandboxed frames throw on access). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
