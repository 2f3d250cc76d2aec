import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LeadNotifier } from '../api/api-types.js';
import { devCaller } from '../api/dev-identities.js';
import { createTabApi } from '../api/tab-api.js';
import { type Config, tabSso } from '../config/config.js';
import { remoteKeys } from '../edge/auth/microsoft-keys.js';
import { createSsoValidator } from '../edge/auth/sso-validator.js';
import { HttpError } from '../server/http-error.js';
import { createRateLimiter } from '../server/rate-limit.js';
import { type Authenticate, localAuthentication, teamsAuthentication } from '../server/tab-auth.js';
import type { TabServing } from '../server/tab-routes.js';
import { todayIn } from './clock.js';
import { type App, type OnGraphRequest, tabStoreFor } from './compose.js';
import type { Logger } from './logger.js';

/**
 * The Teams tab wired from a validated Config: its API over the app's store (or, with SharePoint,
 * a store on behalf of each person), who may call it, and where its built files are.
 * Local mode (no bot identity): callers are dev identities, from this machine only.
 */
export async function composeTab(config: Config, app: App, log: Logger, options: { local: boolean; staticDir?: string; leads?: LeadNotifier; onGraphRequest?: OnGraphRequest }): Promise<TabServing> {
  const storeFor = await tabStoreFor(config, options.onGraphRequest);
  const api = createTabApi({
    store: app.store,
    now: () => app.clock.now(),
    today: () => todayIn(app.clock, config.TIME_ZONE),
    timeZone: config.TIME_ZONE,
    mode: options.local ? 'local' : 'teams',
    log,
    ...(storeFor ? { storeFor } : {}),
    ...(options.leads ? { leads: options.leads } : {}),
  });
  return {
    api,
    authenticate: options.local ? localAuthentication(async (id) => devCaller(id, await app.store.listRoles())) : teamsAuthenticationFor(config, app, log),
    limiter: createRateLimiter({ perSecond: config.TAB_RATE_PER_SECOND, burst: config.TAB_RATE_BURST }),
    staticDir: options.staticDir ?? defaultStaticDir(),
  };
}

function teamsAuthenticationFor(config: Config, app: App, log: Logger): Authenticate {
  const sso = tabSso(config);
  if (sso === null) {
    // The bot works without the tab's Entra app; the tab cannot, and says which setting it lacks.
    log.warn('the tab\'s API is off: set TAB_SSO_CLIENT_ID (the Entra app the tab signs in with) to turn it on');
    return () => Promise.reject(new HttpError(503, 'TabNotConfigured', 'The tab is not set up on this server: TAB_SSO_CLIENT_ID is not set.'));
  }
  return teamsAuthentication(
    createSsoValidator({ jwks: remoteKeys(sso.jwksUrl), audiences: sso.audiences, allowedTenants: sso.allowedTenants, clockToleranceSec: 60, now: () => app.clock.now() }),
  );
}

/** dist/tab at the repository's root, whether this runs from source (app/) or built (dist/app/). */
function defaultStaticDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = basename(dirname(here)) === 'dist' ? dirname(dirname(here)) : dirname(here);
  return join(root, 'dist', 'tab');
}
