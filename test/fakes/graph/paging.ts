/** Page sizes, `$skiptoken`s and absolute `@odata.nextLink`s built the way SharePoint's look. */
import { badRequest } from './errors.js';
import { type FakeContext, type FakeRequest, queryOption } from './state.js';

export function pageSize(ctx: FakeContext, req: FakeRequest): number {
  const top = queryOption(req, 'top');
  if (top === undefined) return ctx.limits.defaultPageSize;
  if (!/^\d+$/.test(top) || Number(top) < 1) throw badRequest(`Invalid $top value '${top}'.`);
  return Math.min(Number(top), ctx.limits.maxPageSize);
}

/** SharePoint's own token: `Paged=TRUE&p_ID=<last id of the previous page>`, base64url-encoded. */
export function encodeSkipToken(afterId: number): string {
  return Buffer.from(`Paged=TRUE&p_ID=${afterId}`).toString('base64url');
}

/** The id to continue after (0 = from the start). A token that is not ours is a 400. */
export function decodeSkipToken(req: FakeRequest): number {
  const token = queryOption(req, 'skiptoken') ?? queryOption(req, 'skipToken');
  if (token === undefined) return 0;
  const match = /^Paged=TRUE&p_ID=(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) throw badRequest('Invalid $skiptoken.');
  return Number(match[1]);
}

/** Encodes a query value but keeps the characters Graph leaves readable in its links. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%24/g, '$').replace(/%2C/g, ',').replace(/%28/g, '(').replace(/%29/g, ')').replace(/%2F/g, '/').replace(/%3D/g, '=').replace(/%3A/g, ':');
}

/** The request's own URL (absolute) with some query options replaced or removed (`null`). */
export function linkWith(ctx: FakeContext, req: FakeRequest, changes: Record<string, string | null>, path = req.rawPath): string {
  const dropped = new Set(Object.keys(changes).flatMap((name) => [name, name.replace(/^\$/, ''), name.toLowerCase(), name.replace(/^\$/, '').toLowerCase()]));
  const parts: string[] = [];
  for (const [name, value] of req.query) {
    if (!dropped.has(name) && !dropped.has(name.toLowerCase())) parts.push(`${name}=${encodeValue(value)}`);
  }
  for (const [name, value] of Object.entries(changes)) {
    if (value !== null) parts.push(`${name}=${encodeValue(value)}`);
  }
  return `${ctx.baseUrl}${path}${parts.length > 0 ? `?${parts.join('&')}` : ''}`;
}

export function nextLink(ctx: FakeContext, req: FakeRequest, afterId: number): string {
  return linkWith(ctx, req, { $skiptoken: encodeSkipToken(afterId), skiptoken: null, $skipToken: null });
}
