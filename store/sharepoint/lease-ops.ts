import { z } from 'zod';
import type { Lease } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { parseInput, parseInstant } from '../validate.js';
import { leaseFields, leaseOf } from './item-fields.js';
import type { ListClient, ListItem } from './lists/list-client.js';
import { isGraphStatus } from './store-errors.js';

/**
 * Leases as a compare-and-swap on one list item per lease (FtKey = the lease's name). SharePoint
 * has no transactions, but it refuses a second item with the same FtKey (409) and a PATCH whose
 * `If-Match` eTag is stale (412): whoever writes first wins, the other learns it lost.
 */

/** What a released lease's expiry is set to: long past for any caller's "now". */
const RELEASED = '1970-01-01T00:00:00.000Z';
const RELEASE_ATTEMPTS = 4;

const Name = z.string().min(1);

export async function acquireLease(lists: ListClient, nameInput: unknown, holderInput: unknown, untilInput: unknown, nowInput: unknown): Promise<Lease | null> {
  const { wanted, now } = leaseRequest(nameInput, holderInput, untilInput, nowInput);
  let item = await lists.getByKey('leases', wanted.name);
  if (item === null) {
    const created = await createLease(lists, wanted);
    if (created === null) return null;
    const stored = leaseOf(created);
    // Our create, or a same-holder race we lost to ourselves.
    if (stored.holder === wanted.holder) return stored;
    item = created;
  }
  if (!takeable(leaseOf(item), wanted.holder, now)) return null;
  try {
    await lists.update('leases', item.id, leaseFields(wanted), item.eTag);
    return wanted;
  } catch (error) {
    if (!isGraphStatus(error, 412)) throw error;
  }
  // Someone wrote the item since it was read — another holder, or our own PATCH retried after
  // its answer was lost. One more read says which.
  const after = await lists.getByKey('leases', wanted.name);
  return after !== null && sameLease(leaseOf(after), wanted) ? wanted : null;
}

/** Expires the lease with `If-Match` if `holder` has it; anyone else's lease is left alone. */
export async function releaseLease(lists: ListClient, nameInput: unknown, holderInput: unknown): Promise<void> {
  const name = parseInput(Name, nameInput, 'lease name');
  const holder = parseInput(Name, holderInput, 'lease holder');
  for (let attempt = 0; attempt < RELEASE_ATTEMPTS; attempt++) {
    const item = await lists.getByKey('leases', name);
    if (item === null) return;
    const current = leaseOf(item);
    if (current.holder !== holder || current.expiresAt === RELEASED) return;
    try {
      await lists.update('leases', item.id, leaseFields({ ...current, expiresAt: RELEASED }), item.eTag);
      return;
    } catch (error) {
      if (!isGraphStatus(error, 412)) throw error;
    }
  }
  throw new StoreError('unavailable', `lease ${name} kept changing while it was being released; try again`);
}

/** The item created, the item another writer created first (the client's answer to a 409), or null if that is gone again. */
async function createLease(lists: ListClient, lease: Lease): Promise<ListItem | null> {
  try {
    return await lists.create('leases', leaseFields(lease));
  } catch (error) {
    if (isGraphStatus(error, 409)) return null;
    throw error;
  }
}

/** Free for `holder` at `now`: its own (renewal), or expired at or before `now`. */
function takeable(current: Lease, holder: string, now: string): boolean {
  return current.holder === holder || Date.parse(current.expiresAt) <= Date.parse(now);
}

function sameLease(a: Lease, b: Lease): boolean {
  return a.name === b.name && a.holder === b.holder && Date.parse(a.expiresAt) === Date.parse(b.expiresAt);
}

/** The caller's arguments, checked: instants canonical, and a lease that ends after it starts. */
function leaseRequest(nameInput: unknown, holderInput: unknown, untilInput: unknown, nowInput: unknown): { wanted: Lease; now: string } {
  const name = parseInput(Name, nameInput, 'lease name');
  const holder = parseInput(Name, holderInput, 'lease holder');
  const until = parseInstant(untilInput, 'lease until');
  const now = parseInstant(nowInput, 'now');
  if (Date.parse(until) <= Date.parse(now)) throw new StoreError('invalid', `invalid lease: it would end (${until}) before it starts (${now})`);
  return { wanted: { name, holder, expiresAt: until }, now };
}
