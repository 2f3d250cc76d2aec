/** Turning a URL (top-level or a $batch sub-request's) into the parts a handler reads. */
import { badRequest } from './errors.js';
import type { FakeRequest } from './state.js';

const VERSIONS = new Set(['v1.0', 'beta']);

export interface Target {
  segments: string[];
  rawPath: string;
  query: URLSearchParams;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`Invalid percent-encoding in '${segment}'.`, 'BadRequest');
  }
}

/** Splits `/sites/…?…` (already without the version) into decoded segments and query. */
function splitTarget(pathAndQuery: string): Target {
  const url = new URL(pathAndQuery, 'http://fake.invalid');
  const rawPath = url.pathname;
  const segments = rawPath.split('/').filter((segment) => segment !== '').map(decodeSegment);
  return { segments, rawPath, query: url.searchParams };
}

/** A top-level request URL, which must start with the version segment. */
export function topLevelTarget(url: string): Target {
  const match = /^\/([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(url);
  if (!match || !VERSIONS.has(match[1] ?? '')) throw badRequest('Invalid version: the URL must start with /v1.0/.', 'BadRequest');
  return splitTarget(`${match[2] ?? '/'}${match[3] ?? ''}`);
}

/** A sub-request URL: relative (`/sites/…` or `sites/…`), with or without the version, or absolute. */
export function batchTarget(url: string): Target {
  let rest = /^https?:\/\//i.test(url) ? url.replace(/^https?:\/\/[^/]+/i, '') : url;
  if (!rest.startsWith('/')) rest = `/${rest}`;
  const version = /^\/([^/?]+)(?=[/?]|$)/.exec(rest)?.[1];
  if (version !== undefined && VERSIONS.has(version)) rest = rest.slice(version.length + 1) || '/';
  return splitTarget(rest);
}

export function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') out[name.toLowerCase()] = value;
    else if (Array.isArray(value)) out[name.toLowerCase()] = value.map(String).join(', ');
  }
  return out;
}

export function makeRequest(method: string, target: Target, headers: Record<string, string>, body: unknown): FakeRequest {
  return { method: method.toUpperCase(), segments: target.segments, rawPath: target.rawPath, query: target.query, headers, body };
}

/** What the request log shows: the version and path with the query string. */
export function logPath(target: Target): string {
  const query = target.query.toString();
  return `/v1.0${target.rawPath}${query === '' ? '' : `?${decodeURIComponent(query.replace(/\+/g, '%20'))}`}`;
}
