/** Small fetch helpers for the fake's own tests: plain HTTP, as any client would speak it. */
import { DEFAULT_SITE } from './types.js';
import type { GraphFake } from './types.js';

export const SITE = DEFAULT_SITE.id;

export interface Reply<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface GraphErrorBody {
  error: { code: string; message: string; innerError: Record<string, string> };
}

export interface ItemBody {
  id: string;
  eTag: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  fields?: Record<string, unknown>;
  deleted?: { state: string };
}

export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface BatchReply {
  responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[];
}

/** One request; `path` is relative to the fake's URL (e.g. `/sites/…`) or absolute (a nextLink). */
export async function call<T = Record<string, unknown>>(fake: GraphFake, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const url = /^https?:/.test(path) ? path : `${fake.url}${path}`;
  const init: RequestInit = { method, headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text === '' ? null : JSON.parse(text)) as T };
}

export function listPath(name: string): string {
  return `/sites/${SITE}/lists/${encodeURIComponent(name)}`;
}

export async function createList(fake: GraphFake, displayName: string, columns: Record<string, unknown>[]): Promise<string> {
  const reply = await call<{ id: string }>(fake, 'POST', `/sites/${SITE}/lists`, { displayName, columns, list: { template: 'genericList' } });
  if (reply.status !== 201) throw new Error(`creating list ${displayName}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id;
}

/** Creates items through $batch, 20 at a time; throws unless every one is 201. */
export async function createItems(fake: GraphFake, list: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 20) {
    const requests = rows.slice(start, start + 20).map((fields, i) => ({
      id: String(start + i),
      method: 'POST',
      url: `${listPath(list)}/items`,
      headers: { 'Content-Type': 'application/json' },
      body: { fields },
    }));
    const reply = await call<BatchReply>(fake, 'POST', '/$batch', { requests });
    const failed = reply.body.responses.find((r) => r.status !== 201);
    if (failed) throw new Error(`batch create failed: ${JSON.stringify(failed)}`);
  }
}

/** Follows every nextLink; returns all items and the size of each page. */
export async function readAll(fake: GraphFake, path: string, headers: Record<string, string> = {}): Promise<{ items: ItemBody[]; pageSizes: number[]; last: Page<ItemBody> }> {
  const items: ItemBody[] = [];
  const pageSizes: number[] = [];
  let next: string | undefined = path;
  for (;;) {
    const reply: Reply<Page<ItemBody>> = await call<Page<ItemBody>>(fake, 'GET', next, undefined, headers);
    if (reply.status !== 200) throw new Error(`GET ${next}: ${reply.status} ${JSON.stringify(reply.body)}`);
    items.push(...reply.body.value);
    pageSizes.push(reply.body.value.length);
    next = reply.body['@odata.nextLink'];
    if (next === undefined) return { items, pageSizes, last: reply.body };
  }
}

export const text = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ name, text: {}, ...extra });
