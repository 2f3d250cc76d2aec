import { z } from 'zod';

/**
 * Every setting the app reads, parsed once at start-up (docs/decisions/002). Nothing else
 * reads `process.env`. A bad or missing value stops the app with a message naming it.
 */
const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';
/** Entra ID's signing keys for every tenant: the `jwks_uri` of the common v2.0 OpenID metadata. */
const MICROSOFT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const Schema = z
  .object({
    STORE: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
    SQLITE_PATH: z.string().min(1).default('.followthrough/followthrough.db'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** IANA zone whose calendar decides "today" for due dates. NHS England works on UK time. */
    TIME_ZONE: z.string().default('Europe/London').refine(isTimeZone, 'not an IANA time zone, e.g. Europe/London'),
    /** The SharePoint site holding the lists: its URL (https://contoso.sharepoint.com/sites/quality) or Graph site id. */
    SHAREPOINT_SITE: z.string().min(1).optional(),
    /** Graph's root. Only tests and local demos change it, to the Graph fake on loopback. */
    GRAPH_BASE_URL: z.url().default(GRAPH_ROOT).refine(isSafeRemoteUrl, 'must be https, or http on loopback (127.0.0.1, localhost) for the Graph fake'),
    AZURE_TENANT_ID: z.guid('must be the tenant id (a GUID)').optional(),
    AZURE_CLIENT_ID: z.guid('must be the app registration client id (a GUID)').optional(),
    AZURE_CLIENT_SECRET: z.string().min(1).optional(),
    /** PEM file with the app's certificate private key (preferred over a secret). */
    AZURE_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
    AZURE_CLIENT_CERTIFICATE_THUMBPRINT: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the certificate SHA-256 thumbprint (64 hex digits)').optional(),
    /** The bot server's port; the Agents Playground and Teams call /api/messages here. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3978),
    /** The Azure Bot's app id. Unset means local mode: no JWTs, loopback only, the Playground as client. */
    BOT_APP_ID: z.guid('must be the bot\'s app (client) id, a GUID').optional(),
    BOT_APP_TYPE: z.enum(['UserAssignedMSI', 'SingleTenant']).default('UserAssignedMSI'),
    BOT_TENANT_ID: z.guid('must be the tenant id (a GUID)').optional(),
    /** Only for a SingleTenant bot with a secret; a managed identity needs none. */
    BOT_APP_PASSWORD: z.string().min(1).optional(),
    /** The server's public base URL, for links in cards. Defaults to http://localhost:PORT. */
    PUBLIC_URL: z.url().optional(),
    /** How often the reminder sweep runs. Below 10 s only with SQLite (tests, demos): each SharePoint sweep reads the lists. */
    REMINDER_SWEEP_SECONDS: z.coerce.number().int().min(2).max(86_400).default(300),
    /**
     * How long the sweeping instance holds the reminder lease: after it dies, another instance
     * takes over this long after its last sweep began. It must outlast a sweep. Default: twice
     * the sweep interval, at least 60 s.
     */
    REMINDER_LEASE_SECONDS: z.coerce.number().int().min(5).max(86_400).optional(),
    /** App-wide sends per second; Teams allows 50 per app per tenant (older documents: 30). */
    REMINDER_APP_RATE: z.coerce.number().int().min(1).max(50).default(40),
    /**
     * Reminder messages in flight at once. A crash can repeat at most this many reminders, so the
     * default of 1 keeps "at most one repeat per crash"; raise it only for very large volumes.
     */
    REMINDER_SENDS_IN_FLIGHT: z.coerce.number().int().min(1).max(32).default(1),
    /** In local mode, start the Microsoft 365 Agents Playground beside the bot. */
    PLAYGROUND: z.enum(['auto', 'off']).default('auto'),
    PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
    /** Names this process in the reminder lease; defaults to host and process id. */
    INSTANCE_ID: z.string().min(1).optional(),
    /** Install the app through Graph for leads who never did, so reminders can reach them. */
    PROACTIVE_INSTALL: z.enum(['off', 'on']).default('off'),
    /** The app's id in its Teams manifest; the org catalog is searched by it. */
    TEAMS_APP_ID: z.guid('must be the Teams app manifest id (a GUID)').optional(),
    /** The Bot Connector for the tenant's region (UK tenants: https://smba.trafficmanager.net/uk/). */
    TEAMS_SERVICE_URL: z.url().default('https://smba.trafficmanager.net/uk/'),
    /** The Entra app the tab's SSO token is issued for (the manifest's webApplicationInfo.id). Outside local mode the tab needs it. */
    TAB_SSO_CLIENT_ID: z.guid('must be the tab app registration\'s client id (a GUID)').optional(),
    /** That app's Application ID URI; defaults to api://<PUBLIC_URL host>/<TAB_SSO_CLIENT_ID>. */
    TAB_SSO_APP_ID_URI: z.string().regex(/^api:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be the Application ID URI, e.g. api://followthrough.example.nhs.uk/<client id>').optional(),
    /** Tenants whose people may use the tab, comma-separated; defaults to AZURE_TENANT_ID and BOT_TENANT_ID. */
    TAB_ALLOWED_TENANTS: z
      .string()
      .refine((list) => tenantList(list).length > 0 && tenantList(list).every((tenant) => GUID.test(tenant)), 'must be tenant ids (GUIDs) separated by commas')
      .transform(tenantList)
      .optional(),
    /** Where the SSO tokens' signing keys are. Only tests change it, to the Entra fake on loopback. */
    TAB_JWKS_URL: z.url().default(MICROSOFT_JWKS_URL).refine(isSafeRemoteUrl, 'must be https, or http on loopback (127.0.0.1, localhost) for the Entra fake'),
    /** Tab API requests per second per person, on average, and at once. */
    TAB_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(20),
    TAB_RATE_BURST: z.coerce.number().int().min(1).max(10_000).default(60),
    /** Application Insights: when set, requests, dependencies and logs go there through OpenTelemetry. Unset: nothing of OpenTelemetry starts. */
    APPLICATIONINSIGHTS_CONNECTION_STRING: z
      .string()
      .refine(isConnectionString, 'must be an Application Insights connection string: InstrumentationKey=<GUID>;IngestionEndpoint=https://<region>.in.applicationinsights.azure.com/ (copy it from the resource\'s Overview page)')
      .optional(),
  })
  .superRefine((config, context) => {
    const require = (name: keyof typeof config, why: string): void => {
      if (config[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: `required ${why}` });
    };
    if (config.BOT_APP_ID !== undefined) {
      require('BOT_TENANT_ID', 'with BOT_APP_ID');
      if (config.BOT_APP_TYPE === 'SingleTenant') require('BOT_APP_PASSWORD', 'when BOT_APP_TYPE=SingleTenant');
    }
    if (config.PROACTIVE_INSTALL === 'on') {
      require('TEAMS_APP_ID', 'when PROACTIVE_INSTALL=on');
      require('BOT_APP_ID', 'when PROACTIVE_INSTALL=on');
    }
    if (config.TAB_SSO_CLIENT_ID !== undefined && config.TAB_ALLOWED_TENANTS === undefined && config.AZURE_TENANT_ID === undefined && config.BOT_TENANT_ID === undefined) {
      require('TAB_ALLOWED_TENANTS', 'with TAB_SSO_CLIENT_ID when neither AZURE_TENANT_ID nor BOT_TENANT_ID is set');
    }
    // On-behalf-of: the app the user's token was issued for is the one that exchanges it.
    const onBehalfOf = config.STORE === 'sharepoint' && config.TAB_SSO_CLIENT_ID !== undefined && !isLoopback(config.GRAPH_BASE_URL);
    if (onBehalfOf && config.AZURE_CLIENT_ID !== undefined && config.AZURE_CLIENT_ID.toLowerCase() !== config.TAB_SSO_CLIENT_ID?.toLowerCase()) {
      context.addIssue({ code: 'custom', path: ['TAB_SSO_CLIENT_ID'], message: 'must equal AZURE_CLIENT_ID when STORE=sharepoint: the tab reads SharePoint on behalf of the user, which only the app their token was issued for can do' });
    }
    if (config.STORE === 'sharepoint' && config.REMINDER_SWEEP_SECONDS < 10) {
      context.addIssue({ code: 'custom', path: ['REMINDER_SWEEP_SECONDS'], message: 'must be at least 10 when STORE=sharepoint: every sweep reads the SharePoint lists' });
    }
    // The sweeping instance renews the lease at each sweep; a shorter lease lapses in between and leadership flaps.
    if (config.REMINDER_LEASE_SECONDS !== undefined && config.REMINDER_LEASE_SECONDS <= config.REMINDER_SWEEP_SECONDS) {
      context.addIssue({ code: 'custom', path: ['REMINDER_LEASE_SECONDS'], message: `must be longer than REMINDER_SWEEP_SECONDS (${String(config.REMINDER_SWEEP_SECONDS)}), so the sweeping instance keeps the lease from one sweep to the next` });
    }
    const graphNeeded = config.STORE === 'sharepoint' || config.PROACTIVE_INSTALL === 'on';
    if (config.STORE === 'sharepoint') require('SHAREPOINT_SITE', 'when STORE=sharepoint');
    if (!graphNeeded || isLoopback(config.GRAPH_BASE_URL)) return;
    require('AZURE_TENANT_ID', 'when STORE=sharepoint or PROACTIVE_INSTALL=on');
    require('AZURE_CLIENT_ID', 'when STORE=sharepoint or PROACTIVE_INSTALL=on');
    const credentials = [config.AZURE_CLIENT_SECRET, config.AZURE_CLIENT_CERTIFICATE_PATH].filter((v) => v !== undefined).length;
    if (credentials !== 1) {
      context.addIssue({ code: 'custom', path: ['AZURE_CLIENT_CERTIFICATE_PATH'], message: 'give exactly one of AZURE_CLIENT_CERTIFICATE_PATH (preferred) or AZURE_CLIENT_SECRET when STORE=sharepoint or PROACTIVE_INSTALL=on' });
    }
    if (config.AZURE_CLIENT_CERTIFICATE_PATH !== undefined) require('AZURE_CLIENT_CERTIFICATE_THUMBPRINT', 'with AZURE_CLIENT_CERTIFICATE_PATH');
  });

export type Config = Readonly<z.infer<typeof Schema>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Settings whose values must never be echoed back, even when wrong. */
const SECRET = new Set(['AZURE_CLIENT_SECRET', 'BOT_APP_PASSWORD', 'APPLICATIONINSIGHTS_CONNECTION_STRING']);

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const known = Object.fromEntries(Object.keys(Schema.shape).map((key) => [key, emptyToUndefined(env[key])]));
  const parsed = Schema.safeParse(known);
  if (parsed.success) return Object.freeze(parsed.data);
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = env[name];
      const shown = value === undefined || value === '' ? '' : SECRET.has(name) ? '=(hidden)' : `="${value}"`;
      return `${name}${shown}: ${issue.message}`;
    }),
  );
}

/** How long a sweep's lease lasts: REMINDER_LEASE_SECONDS, or twice the sweep interval and at least a minute. */
export function reminderLeaseMs(config: Pick<Config, 'REMINDER_LEASE_SECONDS' | 'REMINDER_SWEEP_SECONDS'>): number {
  return (config.REMINDER_LEASE_SECONDS ?? Math.max(60, config.REMINDER_SWEEP_SECONDS * 2)) * 1000;
}

/** True when Graph is the local fake: then no Entra credentials are needed. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

/** https, or plain http only to a fake on this machine. */
function isSafeRemoteUrl(url: string): boolean {
  return new URL(url).protocol === 'https:' || isLoopback(url);
}

/**
 * `Key=value` pairs separated by semicolons, as the Application Insights resource shows it: an
 * instrumentation key (a GUID) and an ingestion endpoint (https, or http on loopback for a fake).
 */
function isConnectionString(value: string): boolean {
  const pairs = new Map(
    value
      .split(';')
      .map((pair) => pair.trim())
      .filter((pair) => pair !== '')
      .map((pair) => [pair.slice(0, Math.max(0, pair.indexOf('='))).toLowerCase(), pair.slice(pair.indexOf('=') + 1)]),
  );
  const key = pairs.get('instrumentationkey');
  const endpoint = pairs.get('ingestionendpoint');
  return key !== undefined && GUID.test(key) && endpoint !== undefined && URL.canParse(endpoint) && isSafeRemoteUrl(endpoint);
}

function tenantList(list: string): string[] {
  return list.split(',').map((tenant) => tenant.trim()).filter((tenant) => tenant !== '');
}

/** The tab's SSO settings with their defaults filled in; null when the tab has no Entra app (local mode). */
export interface TabSso {
  clientId: string;
  /** The Application ID URI (v1 tokens' audience) and the bare client id (v2 tokens'). */
  audiences: string[];
  allowedTenants: string[];
  jwksUrl: string;
}

export function tabSso(config: Config): TabSso | null {
  const clientId = config.TAB_SSO_CLIENT_ID;
  if (clientId === undefined) return null;
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${String(config.PORT)}`;
  const appIdUri = config.TAB_SSO_APP_ID_URI ?? `api://${new URL(publicUrl).host}/${clientId}`;
  const tenants = config.TAB_ALLOWED_TENANTS ?? [config.AZURE_TENANT_ID, config.BOT_TENANT_ID].filter((tenant): tenant is string => tenant !== undefined);
  return { clientId, audiences: [appIdUri, clientId], allowedTenants: [...new Set(tenants.map((tenant) => tenant.toLowerCase()))], jwksUrl: config.TAB_JWKS_URL };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    // Intl throws RangeError for an unknown zone: that is the answer, not a failure.
    return false;
  }
}
