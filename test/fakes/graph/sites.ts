/**
 * Sites: addressed by id (`host,siteGuid,webGuid`) or by path (`host:/sites/quality`, optionally
 * closed with `:` and followed by more segments, e.g. `host:/sites/quality:/lists`).
 */
import { notFound } from './errors.js';
import type { FakeContext, SiteState } from './state.js';

export interface ResolvedSite {
  site: SiteState;
  /** The segments after the site. */
  rest: string[];
}

function byPath(ctx: FakeContext, hostname: string, path: string): SiteState | undefined {
  const wanted = `${hostname.toLowerCase()}${path.replace(/\/+$/, '').toLowerCase()}`;
  return [...ctx.sites.values()].find((s) => `${s.site.hostname.toLowerCase()}${s.site.path.toLowerCase()}` === wanted);
}

/** Resolves the segments after `/sites/`. */
export function resolveSite(ctx: FakeContext, segments: string[]): ResolvedSite {
  const [first = '', ...after] = segments;
  if (!first.endsWith(':')) {
    const site = ctx.sites.get(first.toLowerCase());
    if (!site) throw notFound(`Requested site could not be found`);
    return { site, rest: after };
  }
  const hostname = first.slice(0, -1);
  const close = after.findIndex((segment) => segment.endsWith(':'));
  const pathSegments = close === -1 ? after : after.slice(0, close + 1);
  const path = `/${pathSegments.join('/').replace(/:$/, '')}`;
  const site = byPath(ctx, hostname, path);
  if (!site) throw notFound(`Requested site could not be found`);
  return { site, rest: close === -1 ? [] : after.slice(close + 1) };
}

export function siteJson(state: SiteState): Record<string, unknown> {
  const { site } = state;
  const name = site.path.split('/').filter((part) => part !== '').pop() ?? site.hostname;
  return {
    createdDateTime: '2024-01-01T00:00:00Z',
    description: '',
    id: site.id,
    lastModifiedDateTime: '2024-01-01T00:00:00Z',
    name,
    webUrl: `https://${site.hostname}${site.path}`,
    displayName: site.displayName ?? name,
    siteCollection: { hostname: site.hostname },
  };
}
