import type { PlanStore } from '../../store/plan-store.js';
import { createGraphHttp } from '../../store/sharepoint/graph/create-graph-http.js';
import type { GraphHttp } from '../../store/sharepoint/graph/graph-http.js';
import { staticTokenSource } from '../../store/sharepoint/graph/token-source.js';
import { createListClient, readAll } from '../../store/sharepoint/lists/graph-list-client.js';
import { pathSegment } from '../../store/sharepoint/lists/item-mapping.js';
import { provision } from '../../store/sharepoint/provision.js';
import { resolveSiteId } from '../../store/sharepoint/resolve-site.js';
import { createSharePointPlanStore } from '../../store/sharepoint/sharepoint-plan-store.js';
import { DEFAULT_SITE, type GraphFake, type GraphFakeRequestLog, startGraphFake } from '../../test/fakes/graph/index.js';

const TOKEN = 'bench-token';
const SITE_URL = `https://${DEFAULT_SITE.hostname}${DEFAULT_SITE.path}`;

/** The fake's page size when a request sends no `$top` (the fake's own default, set explicitly). */
export const FAKE_PAGE_SIZE = 200;

export interface SharePointFixture {
  fake: GraphFake;
  siteId: string;
  /** The store over the fake, as the app wires it (GraphHttp → list client → store). */
  store: PlanStore;
  /** Another store over its own GraphHttp and list client: a second writer, as another process would be. */
  openStore(): PlanStore;
  /** Where the fake's request log is now; pass it to `requestsSince`. */
  mark(): number;
  /** Requests that went over the wire since `mark`: top-level ones only ($batch sub-requests left out). */
  requestsSince(mark: number): GraphFakeRequestLog[];
  /** The display name of the list whose items a logged request touched, or null (sites, lists, $batch). */
  listOf(entry: GraphFakeRequestLog): string | null;
  close(): Promise<void>;
}

/**
 * Starts a Graph fake on loopback, provisions the app's lists in its site and opens a store on
 * it, wired as the app wires it: the store's own retry policy, with real waits.
 */
export async function startSharePointFixture(): Promise<SharePointFixture> {
  const fake = await startGraphFake({ requireBearer: TOKEN, defaultPageSize: FAKE_PAGE_SIZE });
  try {
    const open = (): { http: GraphHttp; store: (siteId: string) => PlanStore } => {
      const http = createGraphHttp({ baseUrl: fake.url, tokens: staticTokenSource(TOKEN) });
      return { http, store: (siteId) => createSharePointPlanStore(createListClient(http, siteId)) };
    };
    const first = open();
    const siteId = await resolveSiteId(first.http, SITE_URL);
    await provision(first.http, siteId);
    const names = await listNames(first.http, siteId);
    return {
      fake,
      siteId,
      store: first.store(siteId),
      openStore: () => open().store(siteId),
      mark: () => fake.requests.length,
      requestsSince: (mark) => fake.requests.slice(mark).filter((entry) => !entry.batched),
      listOf: (entry) => {
        const id = /\/lists\/([^/?]+)\/items/.exec(entry.path)?.[1];
        return id === undefined ? null : (names.get(decodeURIComponent(id).toLowerCase()) ?? null);
      },
      close: () => fake.close(),
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

async function listNames(http: GraphHttp, siteId: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const raw of await readAll(http, `/sites/${pathSegment(siteId)}/lists?$select=id,displayName`)) {
    const { id, displayName } = raw as { id?: unknown; displayName?: unknown };
    if (typeof id === 'string' && typeof displayName === 'string') names.set(id.toLowerCase(), displayName);
  }
  return names;
}

/** Counts of logged requests by list (or by method and path kind when no list is named), e.g. "actions 25, plans 1". */
export function requestsByList(fixture: SharePointFixture, entries: readonly GraphFakeRequestLog[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const list = fixture.listOf(entry);
    const key = list === null ? `${entry.method} ${entry.path.includes('$batch') ? '$batch' : 'other'}` : `${entry.method} ${list.replace(/^Followthrough /, '').toLowerCase()}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
