/**
 * Reading items a page at a time, with SharePoint's rules for `$filter`: every filtered field
 * must be indexed, unless the client sends `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`,
 * which works only while the list is within the list view threshold.
 */
import type { Column } from './columns.js';
import { isDateOnly } from './columns.js';
import { badRequest, isoSeconds } from './errors.js';
import { compareValues, type FieldValue, parseInstant } from './field-values.js';
import type { ListData, StoredItem } from './list-data.js';
import { type FilterNode, type Literal, opHolds, parseFilter } from './odata-filter.js';
import { decodeSkipToken, pageSize } from './paging.js';
import { type FakeContext, type FakeRequest, queryOption } from './state.js';

export const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface ItemPage {
  items: StoredItem[];
  /** Where the next page starts (the skiptoken's p_ID), or null on the last page. */
  afterId: number | null;
}

interface BoundFilter {
  test: (item: StoredItem) => boolean;
  columns: Column[];
  /** Ids that can match, from an equality on an indexed column; null = any item may match. */
  candidates: ReadonlySet<number> | null;
}

function stored(item: StoredItem, column: Column): FieldValue | undefined {
  switch (column.name) {
    case 'ID': return item.id;
    case 'Created': return isoSeconds(item.createdMs);
    case 'Modified': return isoSeconds(item.modifiedMs);
    default: return item.values.get(column.name);
  }
}

function mismatch(column: Column): Error {
  return badRequest(`The filter compares field '${column.name}' with a value of the wrong type.`);
}

/** The literal in the stored form of the column's values. */
function literalFor(column: Column, literal: Literal): FieldValue | null {
  if (literal.type === 'null') return null;
  const raw = literal.value;
  switch (column.kind) {
    case 'text':
    case 'choice':
      if (typeof raw !== 'string') throw mismatch(column);
      return raw;
    case 'number':
      if (typeof raw === 'number') return raw;
      if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
      throw mismatch(column);
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 0 || raw === 1) return raw === 1;
      throw mismatch(column);
    case 'dateTime': {
      const ms = typeof raw === 'string' ? parseInstant(raw) : null;
      if (ms === null) throw mismatch(column);
      return isDateOnly(column) ? `${isoSeconds(ms).slice(0, 10)}T00:00:00Z` : isoSeconds(ms);
    }
  }
}

function bindColumn(list: ListData, path: string[]): Column {
  const [prefix, name, ...rest] = path;
  if (prefix !== 'fields' || name === undefined || rest.length > 0) throw badRequest(`Invalid filter clause: '${path.join('/')}' is not a field; write fields/<name>.`);
  const column = list.column(name === 'id' ? 'ID' : name);
  if (!column) throw badRequest(`Field '${name}' is not recognized`);
  return column;
}

function bind(list: ListData, node: FilterNode): BoundFilter {
  if (node.kind !== 'compare') {
    const left = bind(list, node.left);
    const right = bind(list, node.right);
    const and = node.kind === 'and';
    return {
      test: and ? (item) => left.test(item) && right.test(item) : (item) => left.test(item) || right.test(item),
      columns: [...left.columns, ...right.columns],
      candidates: and ? (left.candidates ?? right.candidates) : null,
    };
  }
  const column = bindColumn(list, node.path);
  const value = literalFor(column, node.literal);
  const { op } = node;
  const test = (item: StoredItem): boolean => {
    const actual = stored(item, column);
    if (value === null) return op === 'eq' ? actual === undefined : op === 'ne' && actual !== undefined;
    if (actual === undefined) return op === 'ne';
    return opHolds(op, compareValues(actual, value));
  };
  const candidates = op === 'eq' && value !== null && column.indexed ? list.lookup(column.name, value) : null;
  return { test, columns: [column], candidates };
}

function prefersNonIndexed(req: FakeRequest): boolean {
  return (req.headers.prefer ?? '').toLowerCase().includes(PREFER_NON_INDEXED.toLowerCase());
}

/** Applies SharePoint's indexing rules; returns true when the query must scan (no usable index). */
function checkIndexing(ctx: FakeContext, req: FakeRequest, list: ListData, filter: BoundFilter): boolean {
  const unindexed = filter.columns.find((column) => !column.indexed);
  if (!unindexed) return false;
  if (!prefersNonIndexed(req)) {
    throw badRequest(`Field '${unindexed.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${PREFER_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`);
  }
  if (list.size > ctx.limits.threshold) {
    throw badRequest('The attempted operation is prohibited because it exceeds the list view threshold.');
  }
  return true;
}

/** First position in the ascending `ids` whose id is greater than `afterId`. */
function firstAfter(ids: readonly number[], afterId: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] ?? 0) <= afterId) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ids after `afterId`, ascending, of items that exist. */
function* candidateIds(list: ListData, afterId: number, only: ReadonlySet<number> | null): Generator<number> {
  const ids = only ? [...only].sort((a, b) => a - b) : list.idOrder;
  for (let at = firstAfter(ids, afterId); at < ids.length; at++) {
    const id = ids[at] ?? 0;
    if (list.items.has(id)) yield id;
  }
}

/**
 * One page. With an index (or no filter) it holds up to `top` matches; when it must scan, it
 * examines `top` items and returns those that match, so pages can be empty while more remain.
 */
export function queryItems(ctx: FakeContext, req: FakeRequest, list: ListData): ItemPage {
  const top = pageSize(ctx, req);
  const afterId = decodeSkipToken(req);
  const text = queryOption(req, 'filter');
  const filter = text === undefined ? null : bind(list, parseFilter(text));
  const scanning = filter !== null && checkIndexing(ctx, req, list, filter);
  const items: StoredItem[] = [];
  let examined = 0;
  let last = afterId;
  for (const id of candidateIds(list, afterId, filter?.candidates ?? null)) {
    if (items.length >= top || (scanning && examined >= top)) return finish(ctx, items, last, afterId);
    const item = list.items.get(id);
    examined++;
    last = id;
    if (item && (!filter || filter.test(item))) items.push(item);
  }
  return { items, afterId: null };
}

/** A page that has more after it; sometimes answered empty, as Graph does. */
function finish(ctx: FakeContext, items: StoredItem[], last: number, afterId: number): ItemPage {
  return ctx.plan.emptyPage() ? { items: [], afterId } : { items, afterId: last };
}
