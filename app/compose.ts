import { readFile } from 'node:fs/promises';
import { type Config, isLoopback } from '../config/config.js';
import type { Caller } from '../edge/auth/caller.js';
import type { UserAssertion } from '../edge/auth/user-assertion.js';
import type { PlanStore } from '../store/plan-store.js';
import { createGraphHttp } from '../store/sharepoint/graph/create-graph-http.js';
import type { GraphHttp } from '../store/sharepoint/graph/graph-http.js';
import type { RequestEvent } from '../store/sharepoint/graph/middleware.js';
import { type AppCredentials, appOnlyTokenSource, ConsentRequiredError, onBehalfOfTokenSource, staticTokenSource, type TokenSource } from '../store/sharepoint/graph/token-source.js';
import { createListClient } from '../store/sharepoint/lists/graph-list-client.js';
import { resolveSiteId } from '../store/sharepoint/resolve-site.js';
import { createSharePointPlanStore } from '../store/sharepoint/sharepoint-plan-store.js';
import { openSqlitePlanStore } from '../store/sqlite/sqlite-plan-store.js';
import { type Clock, systemClock } from './clock.js';

/** Everything the app's entry points need, wired once: the composition root. */
export interface App {
  config: Config;
  store: PlanStore;
  clock: Clock;
}

/** Told about every Graph attempt (telemetry: app/graph-request-log.ts); never sees headers or bodies. */
export type OnGraphRequest = (event: RequestEvent) => void;

export async function composeApp(config: Config, overrides: Partial<Pick<App, 'clock' | 'store'>> & { onGraphRequest?: OnGraphRequest } = {}): Promise<App> {
  const store = overrides.store ?? (await STORES[config.STORE](config, overrides.onGraphRequest));
  return { config, store, clock: overrides.clock ?? systemClock };
}

/** One opener per STORE value; the type makes a new value fail to compile until it is wired here. */
const STORES: Record<Config['STORE'], (config: Config, onGraphRequest?: OnGraphRequest) => Promise<PlanStore>> = {
  sqlite: (config) => Promise.resolve(openSqlitePlanStore({ path: config.SQLITE_PATH })),
  sharepoint: async (config, onGraphRequest) => {
    const http = await graphFor(config, onGraphRequest);
    const siteId = await resolveSiteId(http, required(config.SHAREPOINT_SITE));
    return createSharePointPlanStore(createListClient(http, siteId));
  },
};

/** The app's own (app-only) Graph connection; the tab's on-behalf-of connection is per request. */
export async function graphFor(config: Config, onRequest?: OnGraphRequest): Promise<GraphHttp> {
  return createGraphHttp({ baseUrl: config.GRAPH_BASE_URL, tokens: await appTokens(config), ...(onRequest ? { onRequest } : {}) });
}

async function appTokens(config: Config): Promise<TokenSource> {
  // The Graph fake on loopback takes any bearer token; config refuses plain http anywhere else.
  if (isLoopback(config.GRAPH_BASE_URL)) return staticTokenSource('local-graph-fake');
  return appOnlyTokenSource(await appCredentials(config));
}

/** The app registration's credentials, for app-only and on-behalf-of tokens alike. */
async function appCredentials(config: Config): Promise<AppCredentials> {
  const tenantId = required(config.AZURE_TENANT_ID);
  const clientId = required(config.AZURE_CLIENT_ID);
  if (config.AZURE_CLIENT_CERTIFICATE_PATH !== undefined) {
    const privateKeyPem = await readFile(config.AZURE_CLIENT_CERTIFICATE_PATH, 'utf8');
    return { tenantId, clientId, certificate: { thumbprintSha256: required(config.AZURE_CLIENT_CERTIFICATE_THUMBPRINT), privateKeyPem } };
  }
  return { tenantId, clientId, clientSecret: required(config.AZURE_CLIENT_SECRET) };
}

/** The store the tab serves one person from. */
export type StoreFor = (caller: Caller, assertion: UserAssertion | null) => Promise<PlanStore>;

/**
 * SharePoint with a real tenant: the tab reads and writes the lists on behalf of the signed-in
 * person (their SSO token exchanged by MSAL, which caches per assertion), so SharePoint's own
 * permissions decide what they see. SQLite, and Graph's fake on loopback (which has no token
 * exchange), serve everyone from the app's store: undefined.
 */
export async function tabStoreFor(config: Config, onRequest?: OnGraphRequest): Promise<StoreFor | undefined> {
  if (config.STORE !== 'sharepoint' || config.TAB_SSO_CLIENT_ID === undefined || isLoopback(config.GRAPH_BASE_URL)) return undefined;
  const exchange = onBehalfOfTokenSource(await appCredentials(config));
  let siteId: Promise<string> | null = null;
  return async (_caller, assertion) => {
    if (assertion === null) throw new ConsentRequiredError('no_user_assertion', null, undefined);
    const http = createGraphHttp({ baseUrl: config.GRAPH_BASE_URL, tokens: exchange(assertion.reveal()), ...(onRequest ? { onRequest } : {}) });
    // The site's id is resolved once, as the first person, and kept.
    siteId ??= resolveSiteId(http, required(config.SHAREPOINT_SITE)).catch((error: unknown) => {
      siteId = null;
      throw error;
    });
    return createSharePointPlanStore(createListClient(http, await siteId));
  };
}

/** Config has already checked these; this only narrows the type. */
function required(value: string | undefined): string {
  if (value === undefined) throw new Error('configuration was not validated before use');
  return value;
}
