import { Lease } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { parseInstant } from '../validate.js';
import { idArg } from './arguments.js';
import type { Db } from './open-database.js';
import { inWriteTransaction, sql } from './statements.js';
import { parseRow, type Row } from './validate.js';

/**
 * Insert the lease, or take it over when it has expired (at or before `now`) or is already
 * this holder's. RETURNING gives a row only when this holder now has it: when the update's
 * WHERE fails, nothing is written and nothing is returned.
 */
const TAKE = `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @until)
  ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE leases.holder = excluded.holder OR leases.expires_at <= @now
  RETURNING name, holder, expires_at`;

/**
 * Takes or renews the named lease, in one BEGIN IMMEDIATE transaction: of two connections
 * racing for a free lease, the second waits for the first and then sees it held.
 */
export function acquireLease(db: Db, nameInput: unknown, holderInput: unknown, untilInput: unknown, nowInput: unknown): Lease | null {
  const { name, holder, until, now } = leaseRequest(nameInput, holderInput, untilInput, nowInput);
  return inWriteTransaction(db, () => {
    const row = sql(db, TAKE).get({ name, holder, until, now });
    return row ? rowToLease(row) : null;
  });
}

/** Gives the lease up if `holder` has it (expired or not); someone else's lease is left alone. */
export function releaseLease(db: Db, nameInput: unknown, holderInput: unknown): void {
  const name = idArg(nameInput, 'lease name');
  const holder = idArg(holderInput, 'lease holder');
  sql(db, 'DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder);
}

/** The caller's arguments, checked: instants canonical, and a lease that ends after it starts. */
function leaseRequest(nameInput: unknown, holderInput: unknown, untilInput: unknown, nowInput: unknown): { name: string; holder: string; until: string; now: string } {
  const name = idArg(nameInput, 'lease name');
  const holder = idArg(holderInput, 'lease holder');
  const until = parseInstant(untilInput, 'lease until');
  const now = parseInstant(nowInput, 'now');
  if (Date.parse(until) <= Date.parse(now)) throw new StoreError('invalid', `invalid lease: it would end (${until}) before it starts (${now})`);
  return { name, holder, until, now };
}

function rowToLease(row: Row): Lease {
  return parseRow(Lease, { name: row.name, holder: row.holder, expiresAt: row.expires_at }, `lease ${String(row.name)}`);
}
