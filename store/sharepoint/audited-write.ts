import type { AuditEntry } from '../../core/model/index.js';
import { StoreError } from '../store-error.js';
import { type AuditLink, versionOfKey } from './audit-trail.js';
import { auditFields } from './item-fields.js';
import type { ListClient, ListWrite, ListWriteResult } from './lists/list-client.js';
import { MAX_WAIT_MS, type Pacing, pause } from './pacing.js';

/** Reads and write chains per audited call: 412s from edits elsewhere, throttling, lost answers. */
const ATTEMPTS = 8;

/** What the entity was when read: its version (0 when it does not exist yet) and FtAuditKey. */
export interface Seen {
  version: number;
  head: string | null;
}

export interface AuditStep {
  entry: AuditEntry;
  link: AuditLink;
}

/**
 * What an audited operation decides after reading: it is already done (its write landed, or
 * there is nothing to write), it is refused (a conflict — nothing of it may stay), or these
 * writes are to be made, after the audit item when there is one.
 */
export type Decision<T> =
  | { kind: 'done'; value: T; seen: Seen | null }
  | { kind: 'refuse'; error: StoreError; seen: Seen | null }
  | { kind: 'write'; value: T; seen: Seen; audit: AuditStep | null; writes: ListWrite[] };

/** Retried by reading again: the item moved (412), a create met its twin (409), the chain stopped (424) or was throttled or lost. */
const READ_AGAIN = new Set([0, 404, 409, 412, 424, 429, 502, 503, 504]);
const THROTTLED = new Set([0, 429, 503, 504]);

/**
 * Runs `decide` (read, then choose) and sends its writes as one chain: the audit item first,
 * then the entity writes, each only if the one before succeeded (audit-trail.ts). Anything
 * short of success reads again and decides again — so a write whose answer was lost is
 * recognised by the operation (its key is the entity's FtAuditKey) rather than made twice.
 * Audit items this call wrote that can no longer land are deleted at the end, best effort;
 * any left over are never shown (the trail only follows writes that landed).
 */
export async function auditedWrite<T>(lists: ListClient, pacing: Pacing, what: string, decide: () => Promise<Decision<T>>): Promise<T> {
  /** Audit keys this call may have written, with the item id when known. */
  const mine = new Map<string, string | null>();
  let waitMs: number | null = null;
  let waited = 0;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    waited += waitMs ?? 0;
    if (waited > MAX_WAIT_MS) break;
    await (waitMs === null ? pause(pacing, attempt) : pacing.sleep(waitMs));
    const decision = await decide();
    if (decision.kind === 'refuse') {
      if (decision.seen !== null) await forget(lists, mine, decision.seen);
      throw decision.error;
    }
    if (decision.kind === 'done') {
      if (decision.seen !== null) await forget(lists, mine, decision.seen);
      return decision.value;
    }
    const { audit } = decision;
    await forget(lists, mine, decision.seen, audit?.link.key);
    const chain = audit === null ? decision.writes : [await auditWrite(lists, mine, audit), ...decision.writes];
    const results = await lists.writeChain(chain);
    if (audit !== null) remember(mine, audit.link.key, results[0]);
    if (results.every((result) => result.ok)) {
      await forget(lists, mine, audit === null ? decision.seen : { version: audit.link.version, head: audit.link.key });
      return decision.value;
    }
    waitMs = nextWait(results, pacing, attempt, what);
  }
  throw new StoreError('unavailable', `${what} kept failing or being changed while it was written; try again`);
}

/** Creates the audit item, or rewrites the one an earlier attempt of this call left under the same key. */
async function auditWrite(lists: ListClient, mine: Map<string, string | null>, { entry, link }: AuditStep): Promise<ListWrite> {
  const fields = auditFields(entry, link);
  let itemId = mine.get(link.key) ?? null;
  if (mine.has(link.key) && itemId === null) itemId = (await lists.getByKey('audit', link.key, ['FtKey']))?.id ?? null;
  return itemId === null ? { kind: 'create', list: 'audit', fields } : { kind: 'update', list: 'audit', itemId, fields };
}

function remember(mine: Map<string, string | null>, key: string, result: ListWriteResult | undefined): void {
  if (result === undefined) return;
  if (result.ok) mine.set(key, result.item?.id ?? mine.get(key) ?? null);
  // 409: the key exists (an earlier attempt's lost answer); 0/5xx: it may exist. A 429 or 424 never ran.
  else if (result.status === 409 || result.status === 0 || result.status >= 500) mine.set(key, mine.get(key) ?? null);
}

/** How long to wait before reading again, or a StoreError for a failure reading again cannot cure. */
function nextWait(results: readonly ListWriteResult[], pacing: Pacing, attempt: number, what: string): number | null {
  let wait: number | null = null;
  for (const result of results) {
    if (result.ok) continue;
    if (!READ_AGAIN.has(result.status)) {
      throw new StoreError(result.status === 400 ? 'invalid' : 'unavailable', `${what} failed: Graph ${String(result.status)} ${result.code}: ${result.message}${result.requestId ? ` (request-id ${result.requestId})` : ''}`);
    }
    if (!THROTTLED.has(result.status)) continue;
    const asked = result.retryAfterMs ?? Math.round(pacing.random() * 250 * 2 ** attempt);
    if (asked > MAX_WAIT_MS) throw new StoreError('unavailable', `${what} failed: SharePoint asked to wait ${String(Math.ceil(asked / 1000))} s; try again later`);
    wait = Math.max(wait ?? 0, asked);
  }
  return wait;
}

/**
 * Deletes this call's audit items that cannot have landed now that the entity is `seen`: a key
 * for a version the entity has not reached, or for the version it is at when another write made
 * it (its FtAuditKey is not the key). A key for an older version is kept: it may have landed
 * and been followed by other writes, and then it is part of the trail.
 */
async function forget(lists: ListClient, mine: Map<string, string | null>, seen: Seen, writing?: string): Promise<void> {
  const stale = [...mine.keys()].filter((key) => key !== seen.head && key !== writing && (versionOfKey(key) ?? 0) >= seen.version);
  if (stale.length === 0) return;
  const known = new Map(stale.map((key) => [key, mine.get(key) ?? null]));
  for (const key of stale) mine.delete(key);
  try {
    const ids = await Promise.all(stale.map(async (key) => known.get(key) ?? (await lists.getByKey('audit', key, ['FtKey']))?.id ?? null));
    await lists.writeMany(ids.filter((id) => id !== null).map((itemId) => ({ kind: 'delete', list: 'audit', itemId })));
  } catch {
    // Best effort: the caller's answer does not depend on it, and a leftover entry is never shown.
  }
}
