import { ApiError } from './api-error.js';
import type { RouteContext, ApiResponse, RouteHandler } from './api-types.js';

export type Method = 'GET' | 'POST' | 'PATCH';

export type RouteDefinition =
  | { method: Method; pattern: string; anonymous?: false; handle: RouteHandler }
  /** Answers without a caller (local mode's identity picker needs the list before anyone is picked). */
  | { method: Method; pattern: string; anonymous: true; handle: (context: Omit<RouteContext, 'caller'>) => Promise<ApiResponse> };

export type RouteMatch =
  | { kind: 'found'; route: RouteDefinition; params: Record<string, string> }
  /** The path exists, the method does not. */
  | { kind: 'method'; allowed: Method[] }
  | { kind: 'none' };

/** Matches `/api/plans/:planId`-style patterns segment by segment; parameters are decoded. */
export function matchRoute(routes: readonly RouteDefinition[], method: string, path: string): RouteMatch {
  const segments = path.split('/');
  const allowed: Method[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (params === null) continue;
    if (route.method === method) return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'method', allowed } : { kind: 'none' };
}

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | null {
  const parts = pattern.split('/');
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) {
      if (segment === '') return null;
      params[part.slice(1)] = decodeSegment(segment);
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape (`%E0%A4%A`) is the client's mistake, not a route to look for.
    throw new ApiError(400, 'BadRequest', 'The address has a malformed %-escape.');
  }
}
