import { GraphError, graphErrorOnly, isRecord } from '../graph/graph-error.js';
import type { GraphHttp } from '../graph/graph-http.js';
import { backoffDelay, sleep as realSleep } from '../graph/retry-policy.js';
import { listSpec, LISTS, type ListKey } from '../list-schema.js';
import { itemFromFieldValueSet, keyOf, pathSegment, toGraphFields, toListItem } from './item-mapping.js';
import type { ListClient, ListItem, ListQuery, ListWrite, ListWriteResult } from './list-client.js';
import { itemsQueryString } from './odata.js';
import { writeChain } from './write-chain.js';
import { writeMany, type WriteDeps } from './write-many.js';

export interface ListClientOptions {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Attempts of a create whose outcome is unknown, and rounds of writeMany. Default 8. */
  maxAttempts?: number;
  /** `$top` for queries that do not set their own. Graph's default (about 200) multiplies requests. */
  pageSize?: number;
}

/** Large enough that a plan or a sweep is a page or two, small enough to keep each response modest. */
const DEFAULT_PAGE_SIZE = 1000;

/** Backoff between the list client's own attempts (the HTTP layer has its own, per request). */
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** Graph may answer empty pages with a nextLink; this many in a row means something is wrong. */
const MAX_EMPTY_PAGES = 1000;

/** ListClient over GraphHttp, for the lists of list-schema.ts in one site. */
export function createListClient(http: GraphHttp, siteId: string, options: ListClientOptions = {}): ListClient {
  const site = `/sites/${pathSegment(siteId)}`;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = (attempt: number): number => backoffDelay({ baseDelayMs: BASE_DELAY_MS, maxDelayMs: MAX_DELAY_MS, random }, attempt);
  const listId = listIdResolver(http, site);
  const itemsPath = async (list: ListKey): Promise<string> => `${site}/lists/${pathSegment(await listId(list))}/items`;

  async function query(list: ListKey, request: ListQuery = {}): Promise<ListItem[]> {
    const spec = listSpec(list);
    const queryString = itemsQueryString(spec, { ...request, pageSize: request.pageSize ?? options.pageSize ?? DEFAULT_PAGE_SIZE });
    const pages = await readAll(http, `${await itemsPath(list)}${queryString}`);
    return pages.map((raw) => toListItem(spec, raw));
  }

  async function getByKey(list: ListKey, key: string, select?: readonly string[]): Promise<ListItem | null> {
    const items = await query(list, { where: [{ field: 'FtKey', op: 'eq', value: key }], ...(select ? { select } : {}) });
    return items[0] ?? null;
  }

  /**
   * POSTs the item. After an unknown outcome it looks the item up by FtKey before trying again,
   * and never POSTs while it cannot tell; a 409 whose FtKey exists returns the existing item.
   */
  async function create(list: ListKey, fields: Record<string, unknown>): Promise<ListItem> {
    const spec = listSpec(list);
    const key = keyOf(fields);
    const body = { fields: toGraphFields(spec, fields) };
    const path = await itemsPath(list);
    let uncertain = false;
    let conflict: GraphError | null = null;
    let lastError: GraphError | null = null;
    let wait = false;
    for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
      if (wait) await sleep(backoff(attempt - 1));
      wait = true;
      if (uncertain) {
        const found = await getByKey(list, key).catch(graphErrorOnly);
        if (found instanceof GraphError) {
          lastError = found;
          continue;
        }
        if (found) return found;
        if (conflict) throw conflict;
      }
      try {
        return toListItem(spec, (await http.send({ method: 'POST', path, body })).body);
      } catch (error) {
        const failure = graphErrorOnly(error);
        if (failure.status === 409) {
          // FtKey is unique: the item may exist already. Look it up straight away.
          conflict = failure;
          wait = false;
        } else if (failure.outcome !== 'unknown') throw failure;
        uncertain = true;
        lastError = failure;
      }
    }
    throw lastError ?? new Error('create made no attempt');
  }

  async function update(list: ListKey, itemId: string, fields: Record<string, unknown>, eTag?: string): Promise<ListItem> {
    const spec = listSpec(list);
    const body = toGraphFields(spec, fields);
    const response = await http.send({ method: 'PATCH', path: `${await itemsPath(list)}/${pathSegment(itemId)}/fields`, body, ...(eTag === undefined ? {} : { headers: { 'If-Match': eTag } }) });
    return itemFromFieldValueSet(spec, itemId, response.body);
  }

  /** Deletes the item; one already gone (404, e.g. deleted by an attempt whose answer was lost) counts as deleted. */
  async function remove(list: ListKey, itemId: string): Promise<void> {
    try {
      await http.send({ method: 'DELETE', path: `${await itemsPath(list)}/${pathSegment(itemId)}` });
    } catch (error) {
      if (!(error instanceof GraphError && error.status === 404 && error.code !== 'listNotFound')) throw error;
    }
  }

  const deps: WriteDeps = { http, itemsPath, getByKey, sleep, random, maxAttempts };
  return {
    query,
    getByKey,
    create,
    update,
    delete: remove,
    writeMany: (writes: readonly ListWrite[]): Promise<ListWriteResult[]> => writeMany(deps, writes),
    writeChain: (writes: readonly ListWrite[]): Promise<ListWriteResult[]> => writeChain(http, itemsPath, writes),
  };
}

/** Resolves list ids by display name with one request for all lists, cached; a miss is read again next time. */
function listIdResolver(http: GraphHttp, site: string): (list: ListKey) => Promise<string> {
  let loading: Promise<Map<string, string>> | null = null;
  return async (list) => {
    const load = (loading ??= loadListIds(http, site));
    let ids: Map<string, string>;
    try {
      ids = await load;
    } catch (error) {
      if (loading === load) loading = null;
      throw error;
    }
    const spec = listSpec(list);
    const id = ids.get(spec.displayName.toLowerCase());
    if (id !== undefined) return id;
    if (loading === load) loading = null;
    throw new GraphError({ status: 404, code: 'listNotFound', message: `The site has no list "${spec.displayName}": run \`followthrough provision\``, outcome: 'not-applied' });
  };
}

async function loadListIds(http: GraphHttp, site: string): Promise<Map<string, string>> {
  const wanted = new Set(LISTS.map((spec) => spec.displayName.toLowerCase()));
  const ids = new Map<string, string>();
  for (const raw of await readAll(http, `${site}/lists?$select=id,displayName`)) {
    if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.displayName !== 'string') continue;
    const name = raw.displayName.toLowerCase();
    if (wanted.has(name)) ids.set(name, raw.id);
  }
  return ids;
}

/** Every `value` of a collection, following each `@odata.nextLink` until there is none. Pages may be empty. */
export async function readAll(http: GraphHttp, firstPath: string): Promise<unknown[]> {
  const values: unknown[] = [];
  let path: string | null = firstPath;
  let emptyInARow = 0;
  while (path !== null) {
    const { body } = await http.send({ method: 'GET', path });
    if (!isRecord(body) || !Array.isArray(body.value)) {
      throw new GraphError({ status: 502, code: 'unexpectedResponse', message: 'Graph answered a collection request without a value array', outcome: 'not-applied' });
    }
    const page = body.value as unknown[];
    values.push(...page);
    emptyInARow = page.length === 0 ? emptyInARow + 1 : 0;
    const next = body['@odata.nextLink'];
    path = typeof next === 'string' && next !== '' ? next : null;
    if (path !== null && emptyInARow >= MAX_EMPTY_PAGES) {
      throw new GraphError({ status: 502, code: 'pagingStalled', message: `Graph answered ${MAX_EMPTY_PAGES} empty pages in a row`, outcome: 'not-applied' });
    }
  }
  return values;
}
