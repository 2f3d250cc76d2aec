/** Everything one fake holds: its options, its sites and their lists, plus the shapes handlers share. */
import { badRequest, notFound } from './errors.js';
import type { FaultPlan } from './faults.js';
import type { ListData } from './list-data.js';
import type { GraphFakeSite } from './types.js';

export interface Limits {
  defaultPageSize: number;
  maxPageSize: number;
  threshold: number;
}

export interface SiteState {
  site: GraphFakeSite;
  lists: ListData[];
}

/** One request as a handler sees it, whether it came over HTTP or inside a $batch. */
import type { TeamworkState } from './teamwork.js';

export interface FakeRequest {
  method: string;
  /** Path segments after the version segment, percent-decoded. */
  segments: string[];
  /** Path after the version segment as received (still encoded), for building links. */
  rawPath: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface FakeContext {
  sites: Map<string, SiteState>;
  limits: Limits;
  plan: FaultPlan;
  /** e.g. http://127.0.0.1:43123/v1.0 */
  baseUrl: string;
  /** Distinguishes this fake's delta tokens from any other's. */
  instance: string;
  /** Teams app installations for users (proactive install). */
  teamwork: TeamworkState;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, headers, body };
}

export function noContent(): FakeResponse {
  return { status: 204, headers: {} };
}

export function findList(site: SiteState, key: string): ListData {
  const lower = key.toLowerCase();
  const list = site.lists.find((l) => l.id === lower) ?? site.lists.find((l) => l.displayName.toLowerCase() === lower);
  if (!list) throw notFound(`List '${key}' does not exist at site with URL '${site.site.hostname}${site.site.path}'.`);
  return list;
}

/** The JSON body of a POST or PATCH, which must be an object. */
export function bodyObject(req: FakeRequest): Record<string, unknown> {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object.', 'BadRequest');
  return body as Record<string, unknown>;
}

/** A query option by its name with or without the `$` (Graph accepts both). */
export function queryOption(req: FakeRequest, name: string): string | undefined {
  return req.query.get(`$${name}`) ?? req.query.get(name) ?? undefined;
}
