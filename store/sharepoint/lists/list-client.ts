import type { ListKey } from '../list-schema.js';

/** A SharePoint list item as Graph returns it: its SharePoint id, eTag and the selected fields. */
export interface ListItem {
  id: string;
  eTag: string;
  fields: Record<string, unknown>;
}

/** A `$filter` clause on one indexed column; the client builds and escapes the OData. */
export interface FieldFilter {
  field: string;
  op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
  value: string | number | boolean;
}

export interface ListQuery {
  /** Clauses joined with `and`. Only indexed columns (list-schema.ts) may be filtered on. */
  where?: readonly FieldFilter[];
  /** Fields to return; FtKey is always included. */
  select?: readonly string[];
  /** Page size (`$top`); every `@odata.nextLink` is followed regardless. */
  pageSize?: number;
}

export type ListWrite =
  | { kind: 'create'; list: ListKey; fields: Record<string, unknown> }
  | { kind: 'update'; list: ListKey; itemId: string; eTag?: string; fields: Record<string, unknown> }
  | { kind: 'delete'; list: ListKey; itemId: string };

export type ListWriteResult =
  | { ok: true; item: ListItem | null }
  /** `retryAfterMs`: how long Graph asked to wait, when it throttled the write (writeChain only). */
  | { ok: false; status: number; code: string; message: string; requestId: string | null; retryAfterMs?: number | null };

/**
 * Operations on the app's lists in one site, over GraphHttp. Lists are addressed by their
 * schema key; the client resolves and caches their ids.
 */
export interface ListClient {
  /** All items matching the query, following every `@odata.nextLink`. */
  query(list: ListKey, query?: ListQuery): Promise<ListItem[]>;
  /** The item whose FtKey is `key`, or null. */
  getByKey(list: ListKey, key: string, select?: readonly string[]): Promise<ListItem | null>;
  /**
   * Creates an item whose fields include a unique FtKey. Safe to retry: if the outcome of an
   * attempt is unknown (dropped connection, 5xx), the item is looked up by FtKey before trying again.
   */
  create(list: ListKey, fields: Record<string, unknown>): Promise<ListItem>;
  /** PATCHes fields with `If-Match: eTag` (when given); a 412 comes back as GraphError status 412. */
  update(list: ListKey, itemId: string, fields: Record<string, unknown>, eTag?: string): Promise<ListItem>;
  delete(list: ListKey, itemId: string): Promise<void>;
  /**
   * Applies many writes in `$batch` requests of at most 20, retrying throttled items after their
   * Retry-After, creates idempotently. Returns one result per write, in order.
   */
  writeMany(writes: readonly ListWrite[]): Promise<ListWriteResult[]>;
  /**
   * Writes that must happen in this order, as one `$batch` in which each depends on the one
   * before: Graph stops at the first that fails and answers the rest 424 (not run). One round
   * trip and no retries — the caller reads the items again and decides what is left to do. A
   * lost answer makes every result status 0 (`unknownOutcome`): any of them may have happened.
   */
  writeChain(writes: readonly ListWrite[]): Promise<ListWriteResult[]>;
}
