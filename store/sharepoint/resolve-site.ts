import { StoreError } from '../store-error.js';
import type { GraphHttp } from './graph/graph-http.js';

/**
 * Turns the configured site — a URL as people copy it from the browser, or a Graph site id —
 * into the site id Graph paths need (`GET /sites/{hostname}:/{path}`).
 */
export async function resolveSiteId(http: GraphHttp, site: string): Promise<string> {
  if (!/^https?:\/\//i.test(site)) return site;
  const url = new URL(site);
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  const response = await http.send({ method: 'GET', path: path === '' ? `/sites/${url.hostname}` : `/sites/${url.hostname}:${path}` });
  const id = (response.body as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') throw new StoreError('unavailable', `Graph returned no id for the site ${site}`);
  return id;
}
