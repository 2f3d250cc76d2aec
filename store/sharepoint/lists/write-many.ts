import { GraphError, graphErrorBody, graphErrorOnly } from '../graph/graph-error.js';
import { MAX_BATCH, type GraphHttp, type GraphRequest, type GraphResponse } from '../graph/graph-http.js';
import { backoffDelay, parseRetryAfter } from '../graph/retry-policy.js';
import { listSpec, type ListKey } from '../list-schema.js';
import { itemFromFieldValueSet, keyOf, pathSegment, toGraphFields, toListItem } from './item-mapping.js';
import type { ListItem, ListWrite, ListWriteResult } from './list-client.js';

/**
 * Many writes in `$batch` requests of at most 20, in rounds. Each round first looks up creates
 * whose outcome is unknown (or that met a 409) by FtKey, sends what is left, and keeps only the
 * throttled sub-responses (429/503/504) for the next round, which waits for the largest
 * Retry-After among them plus jitter (backoff when none was given). Rounds are bounded.
 */
export interface WriteDeps {
  http: GraphHttp;
  itemsPath: (list: ListKey) => Promise<string>;
  getByKey: (list: ListKey, key: string) => Promise<ListItem | null>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  maxAttempts: number;
}

type Failure = Extract<ListWriteResult, { ok: false }>;

interface Pending {
  index: number;
  write: ListWrite;
  request: GraphRequest;
  /** FtKey of a create. */
  key: string | null;
  /** A create that may exist already: look it up before sending it again. */
  lookUpFirst: boolean;
  /** The 409 to report when the lookup finds nothing (another unique column clashed). */
  conflict: Failure | null;
  /** What to report if the rounds run out. */
  last: Failure | null;
}

const THROTTLED = new Set([429, 503, 504]);
const MAX_ROUND_DELAY_MS = 60_000;

export async function writeMany(deps: WriteDeps, writes: readonly ListWrite[]): Promise<ListWriteResult[]> {
  const results: (ListWriteResult | undefined)[] = writes.map(() => undefined);
  let pending: Pending[] = [];
  for (const [index, write] of writes.entries()) {
    try {
      pending.push(await prepare(deps, write, index));
    } catch (error) {
      results[index] = failureOf(graphErrorOnly(error));
    }
  }
  for (let round = 0; pending.length > 0; round += 1) {
    const next: Pending[] = [];
    const wait: { throttled: boolean; retryAfterMs: number | null } = { throttled: false, retryAfterMs: null };
    const retryLater = (entry: Pending, last: Failure, after: number | null): void => {
      entry.last = last;
      next.push(entry);
      wait.throttled = true;
      if (after !== null) wait.retryAfterMs = Math.max(wait.retryAfterMs ?? 0, after);
    };

    const toSend: Pending[] = [];
    for (const entry of pending) {
      if (!entry.lookUpFirst || entry.key === null) {
        toSend.push(entry);
        continue;
      }
      const found = await deps.getByKey(entry.write.list, entry.key).catch(graphErrorOnly);
      if (found instanceof GraphError) retryLater(entry, failureOf(found), found.retryAfterMs);
      else if (found) results[entry.index] = { ok: true, item: found };
      else if (entry.conflict) results[entry.index] = entry.conflict;
      else {
        entry.lookUpFirst = false;
        toSend.push(entry);
      }
    }

    for (let start = 0; start < toSend.length; start += MAX_BATCH) {
      const chunk = toSend.slice(start, start + MAX_BATCH);
      let responses: GraphResponse[];
      try {
        responses = await deps.http.sendBatch(chunk.map((entry) => entry.request));
      } catch (error) {
        const failure = graphErrorOnly(error);
        const again = failure.outcome === 'unknown' || THROTTLED.has(failure.status);
        for (const entry of chunk) {
          if (!again) {
            results[entry.index] = failureOf(failure);
            continue;
          }
          if (failure.outcome === 'unknown' && entry.write.kind === 'create') entry.lookUpFirst = true;
          retryLater(entry, failureOf(failure), failure.retryAfterMs);
        }
        continue;
      }
      chunk.forEach((entry, position) => {
        const response = responses[position] ?? { status: 502, headers: {}, body: null };
        const settled = settle(entry, response);
        if (settled === 'look-up') {
          next.push(entry);
        } else if (settled === 'throttled') {
          retryLater(entry, failureOfResponse(response), parseRetryAfter(response.headers['retry-after'], Date.now()));
        } else {
          results[entry.index] = settled;
        }
      });
    }

    pending = next;
    if (pending.length === 0) break;
    if (round + 1 >= deps.maxAttempts) {
      for (const entry of pending) results[entry.index] = entry.last ?? entry.conflict ?? gaveUp();
      break;
    }
    if (wait.throttled) await deps.sleep(roundDelay(deps, round, wait.retryAfterMs));
  }
  return results.map((result) => result ?? gaveUp());
}

async function prepare(deps: WriteDeps, write: ListWrite, index: number): Promise<Pending> {
  const request = await requestFor(deps.itemsPath, write);
  return { index, write, lookUpFirst: false, conflict: null, last: null, key: write.kind === 'create' ? keyOf(write.fields) : null, request };
}

/** The Graph request for one write; fields are checked against the schema before anything is sent. */
export async function requestFor(itemsPath: WriteDeps['itemsPath'], write: ListWrite): Promise<GraphRequest> {
  const spec = listSpec(write.list);
  const items = await itemsPath(write.list);
  switch (write.kind) {
    case 'create':
      keyOf(write.fields);
      return { method: 'POST', path: items, body: { fields: toGraphFields(spec, write.fields) } };
    case 'update':
      return { method: 'PATCH', path: `${items}/${pathSegment(write.itemId)}/fields`, body: toGraphFields(spec, write.fields), ...(write.eTag === undefined ? {} : { headers: { 'If-Match': write.eTag } }) };
    case 'delete':
      return { method: 'DELETE', path: `${items}/${pathSegment(write.itemId)}` };
  }
}

/** What one sub-response means for a write that is not retried here: the item, or the failure. */
export function resultOf(write: ListWrite, response: GraphResponse): ListWriteResult {
  if (response.status >= 200 && response.status < 300) {
    const spec = listSpec(write.list);
    try {
      if (write.kind === 'create') return { ok: true, item: toListItem(spec, response.body) };
      if (write.kind === 'update') return { ok: true, item: itemFromFieldValueSet(spec, write.itemId, response.body) };
      return { ok: true, item: null };
    } catch (error) {
      return failureOf(graphErrorOnly(error));
    }
  }
  if (write.kind === 'delete' && response.status === 404) return { ok: true, item: null };
  return { ...failureOfResponse(response), retryAfterMs: parseRetryAfter(response.headers['retry-after'], Date.now()) };
}

/** What one sub-response means for its write: a result, or that it must go round again. */
function settle(entry: Pending, response: GraphResponse): ListWriteResult | 'throttled' | 'look-up' {
  const { write } = entry;
  if (response.status >= 200 && response.status < 300) {
    const spec = listSpec(write.list);
    try {
      if (write.kind === 'create') return { ok: true, item: toListItem(spec, response.body) };
      if (write.kind === 'update') return { ok: true, item: itemFromFieldValueSet(spec, write.itemId, response.body) };
      return { ok: true, item: null };
    } catch (error) {
      const failure = graphErrorOnly(error);
      if (write.kind !== 'create') return failureOf(failure);
      entry.lookUpFirst = true;
      entry.last = failureOf(failure);
      return 'look-up';
    }
  }
  if (write.kind === 'delete' && response.status === 404) return { ok: true, item: null };
  if (write.kind === 'create' && response.status === 409) {
    entry.lookUpFirst = true;
    entry.conflict = failureOfResponse(response);
    return 'look-up';
  }
  if (THROTTLED.has(response.status)) {
    // A 503/504 may come after the work was done: a create is looked up before it is sent again.
    if (write.kind === 'create' && response.status !== 429) entry.lookUpFirst = true;
    return 'throttled';
  }
  return failureOfResponse(response);
}

function roundDelay(deps: WriteDeps, round: number, retryAfterMs: number | null): number {
  const delay = retryAfterMs === null ? backoffDelay({ baseDelayMs: 500, maxDelayMs: 30_000, random: deps.random }, round) : retryAfterMs + Math.floor(deps.random() * 500);
  return Math.min(delay, MAX_ROUND_DELAY_MS);
}

export function failureOf(error: GraphError): Failure {
  return { ok: false, status: error.status, code: error.code, message: error.message, requestId: error.requestId };
}

function failureOfResponse(response: GraphResponse): Failure {
  const parsed = graphErrorBody(response.body);
  return {
    ok: false,
    status: response.status,
    code: parsed.code ?? `http${response.status}`,
    message: parsed.message ?? `Graph answered ${response.status}`,
    requestId: response.headers['request-id'] ?? parsed.requestId,
  };
}

function gaveUp(): Failure {
  return { ok: false, status: 0, code: 'notAttempted', message: 'The write was not attempted', requestId: null };
}
