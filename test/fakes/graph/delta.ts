/**
 * `GET …/items/delta`: the first round enumerates every item; a deltaLink's token then yields
 * the items created or changed since (their latest state, once) and the ids of deleted ones.
 * Tokens name this fake, the list and a change sequence number; anything else is 410.
 */
import { badRequest, GraphFakeError, notAllowed } from './errors.js';
import { itemJson } from './item-json.js';
import type { ListData } from './list-data.js';
import { itemShape } from './odata-query.js';
import { linkWith, pageSize } from './paging.js';
import { type FakeContext, type FakeRequest, type FakeResponse, json, queryOption, type SiteState } from './state.js';

interface Cursor {
  /** Index into the list's change log where this page starts. */
  pos: number;
  /** True for the first enumeration, which does not report deletions. */
  initial: boolean;
}

function encode(ctx: FakeContext, list: ListData, kind: 'd' | 'n', a: number, b: number): string {
  return Buffer.from(`${kind}.${ctx.instance}.${list.id}.${a}.${b}`).toString('base64url');
}

/** First log index whose seq is greater than `seq`. */
function positionAfter(list: ListData, seq: number): number {
  let lo = 0;
  let hi = list.changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list.changes[mid]?.seq ?? 0) <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function resync(ctx: FakeContext, site: SiteState, list: ListData): GraphFakeError {
  const restart = `${ctx.baseUrl}/sites/${site.site.id}/lists/${list.id}/items/delta`;
  return new GraphFakeError(410, 'resyncRequired', 'The delta token is not valid or has expired; start a new delta enumeration.', { Location: restart });
}

function decodeCursor(ctx: FakeContext, site: SiteState, list: ListData, token: string | undefined): Cursor | 'latest' {
  if (token === undefined) return { pos: 0, initial: true };
  if (token === 'latest') return 'latest';
  const parts = Buffer.from(token, 'base64url').toString('utf8').split('.');
  const [kind, instance, listId, a, b] = parts;
  const numbers = /^\d+$/.test(a ?? '') && /^\d+$/.test(b ?? '');
  if (parts.length !== 5 || instance !== ctx.instance || listId !== list.id || !numbers) throw resync(ctx, site, list);
  const [first, second] = [Number(a), Number(b)];
  if (kind === 'd' && first <= list.seq) return { pos: positionAfter(list, first), initial: false };
  if (kind === 'n' && second <= list.changes.length) return { pos: second, initial: first === 1 };
  throw resync(ctx, site, list);
}

export function deltaToken(req: FakeRequest, fromSegment: string | undefined): string | undefined {
  return fromSegment ?? queryOption(req, 'token') ?? undefined;
}

export function handleDelta(ctx: FakeContext, req: FakeRequest, site: SiteState, list: ListData, token: string | undefined): FakeResponse {
  if (req.method !== 'GET') throw notAllowed(req.method, 'delta');
  if (queryOption(req, 'filter') !== undefined) throw badRequest('$filter is not supported on delta queries.');
  const path = `/sites/${site.site.id}/lists/${list.id}/items/delta`;
  const link = (value: string): string => linkWith(ctx, req, { token: value, $skiptoken: null }, path);
  const cursor = decodeCursor(ctx, site, list, token);
  if (cursor === 'latest') return json(200, { value: [], '@odata.deltaLink': link(encode(ctx, list, 'd', list.seq, 0)) });
  const shape = itemShape(req);
  const top = pageSize(ctx, req);
  const value: unknown[] = [];
  let pos = cursor.pos;
  for (; pos < list.changes.length && value.length < top; pos++) {
    const entry = list.changes[pos];
    const item = entry ? list.items.get(entry.id) : undefined;
    if (entry?.deleted === true && !cursor.initial) value.push({ id: String(entry.id), deleted: { state: 'deleted' } });
    else if (entry && item?.seq === entry.seq) value.push(itemJson(site, list, item, shape));
  }
  if (pos < list.changes.length) {
    const page = ctx.plan.emptyPage() ? { value: [], from: cursor.pos } : { value, from: pos };
    return json(200, { value: page.value, '@odata.nextLink': link(encode(ctx, list, 'n', cursor.initial ? 1 : 0, page.from)) });
  }
  return json(200, { value, '@odata.deltaLink': link(encode(ctx, list, 'd', list.seq, 0)) });
}
