import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, reminderLeaseMs, tabSso } from './config.js';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-000000000000';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('loadConfig', () => {
  it('runs a fresh machine on defaults: SQLite, UK time', () => {
    expect(loadConfig({})).toMatchObject({ STORE: 'sqlite', SQLITE_PATH: '.followthrough/followthrough.db', TIME_ZONE: 'Europe/London', GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0' });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ STORE: '  ', TIME_ZONE: '' }).STORE).toBe('sqlite');
  });

  it.each([
    [{ STORE: 'mongo' }, /^STORE="mongo": /],
    [{ TIME_ZONE: 'Mars/Olympus' }, /^TIME_ZONE="Mars\/Olympus": not an IANA time zone/],
    [{ STORE: 'sharepoint' }, /^SHAREPOINT_SITE: required when STORE=sharepoint/],
    [{ STORE: 'sharepoint', SHAREPOINT_SITE: 'https://contoso.sharepoint.com/sites/q' }, /^AZURE_TENANT_ID: required when STORE=sharepoint/],
    [{ STORE: 'sharepoint', SHAREPOINT_SITE: 's', AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT }, /exactly one of AZURE_CLIENT_CERTIFICATE_PATH/],
    [{ STORE: 'sharepoint', SHAREPOINT_SITE: 's', AZURE_TENANT_ID: 'contoso', AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: 'x' }, /^AZURE_TENANT_ID="contoso": must be the tenant id/],
    [{ STORE: 'sharepoint', SHAREPOINT_SITE: 's', AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_CERTIFICATE_PATH: '/k.pem' }, /^AZURE_CLIENT_CERTIFICATE_THUMBPRINT: required/],
    [{ GRAPH_BASE_URL: 'http://graph.example.com/v1.0' }, /^GRAPH_BASE_URL=.*must be https/],
  ])('names the setting at fault: %j', (env, message) => {
    expect(problems(env).some((p) => message.test(p))).toBe(true);
  });

  it('never echoes a client secret', () => {
    const found = problems({ STORE: 'sharepoint', SHAREPOINT_SITE: 's', AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: 'sup3r-secret', AZURE_CLIENT_CERTIFICATE_PATH: '/k.pem' });
    expect(found.join(' ')).not.toContain('sup3r-secret');
  });

  it('needs no Entra credentials when Graph is the fake on loopback', () => {
    expect(loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE: 'https://contoso.sharepoint.com/sites/quality', GRAPH_BASE_URL: 'http://127.0.0.1:8765/v1.0' }).STORE).toBe('sharepoint');
  });

  it('accepts app-only credentials with a certificate', () => {
    const config = loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE: 's', AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_CERTIFICATE_PATH: '/k.pem', AZURE_CLIENT_CERTIFICATE_THUMBPRINT: 'a'.repeat(64) });
    expect(config.AZURE_CLIENT_CERTIFICATE_PATH).toBe('/k.pem');
  });
});

describe('loadConfig: the bot', () => {
  it('is in local mode with no bot identity, on port 3978', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3978, BOT_APP_TYPE: 'UserAssignedMSI', PLAYGROUND: 'auto', REMINDER_APP_RATE: 40 });
    expect(loadConfig({}).BOT_APP_ID).toBeUndefined();
  });

  it.each([
    [{ BOT_APP_ID: CLIENT }, /^BOT_TENANT_ID: required with BOT_APP_ID/],
    [{ BOT_APP_ID: CLIENT, BOT_TENANT_ID: TENANT, BOT_APP_TYPE: 'SingleTenant' }, /^BOT_APP_PASSWORD: required when BOT_APP_TYPE=SingleTenant/],
    [{ REMINDER_APP_RATE: '80' }, /^REMINDER_APP_RATE="80"/],
    [{ PORT: 'eighty' }, /^PORT="eighty"/],
  ])('names the bot setting at fault: %j', (env, message) => {
    expect(problems(env).some((p) => message.test(p))).toBe(true);
  });

  it('never echoes the bot password', () => {
    expect(problems({ BOT_APP_ID: CLIENT, BOT_APP_PASSWORD: 'hunter2-secret', BOT_APP_TYPE: 'Nonsense' }).join(' ')).not.toContain('hunter2-secret');
  });
});

describe('loadConfig: the tab', () => {
  const OTHER_TENANT = '77777777-0000-4000-8000-000000000777';

  it('has no SSO settings in local mode, and rate limits of 20 a second, 60 at once', () => {
    const config = loadConfig({});
    expect(tabSso(config)).toBeNull();
    expect(config).toMatchObject({ TAB_RATE_PER_SECOND: 20, TAB_RATE_BURST: 60, TAB_JWKS_URL: 'https://login.microsoftonline.com/common/discovery/v2.0/keys' });
  });

  it('fills the defaults: the Application ID URI from PUBLIC_URL, the tenants from the bot and the app', () => {
    const config = loadConfig({ BOT_APP_ID: CLIENT, BOT_TENANT_ID: TENANT, TAB_SSO_CLIENT_ID: CLIENT, PUBLIC_URL: 'https://followthrough.example.nhs.uk' });
    expect(tabSso(config)).toEqual({
      clientId: CLIENT,
      audiences: [`api://followthrough.example.nhs.uk/${CLIENT}`, CLIENT],
      allowedTenants: [TENANT],
      jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    });
  });

  it('takes an explicit Application ID URI, tenant list and loopback JWKS', () => {
    const config = loadConfig({ TAB_SSO_CLIENT_ID: CLIENT, TAB_SSO_APP_ID_URI: `api://tab.example/${CLIENT}`, TAB_ALLOWED_TENANTS: ` ${TENANT}, ${OTHER_TENANT} `, TAB_JWKS_URL: 'http://127.0.0.1:9999/discovery/v2.0/keys', TAB_RATE_PER_SECOND: '2.5', TAB_RATE_BURST: '5' });
    expect(tabSso(config)).toMatchObject({ audiences: [`api://tab.example/${CLIENT}`, CLIENT], allowedTenants: [TENANT, OTHER_TENANT], jwksUrl: 'http://127.0.0.1:9999/discovery/v2.0/keys' });
    expect([config.TAB_RATE_PER_SECOND, config.TAB_RATE_BURST]).toEqual([2.5, 5]);
  });

  it.each([
    [{ TAB_SSO_CLIENT_ID: 'followthrough-tab' }, /^TAB_SSO_CLIENT_ID="followthrough-tab": must be the tab app/],
    [{ TAB_SSO_CLIENT_ID: CLIENT }, /^TAB_ALLOWED_TENANTS: required with TAB_SSO_CLIENT_ID/],
    [{ TAB_SSO_APP_ID_URI: 'https://tab.example/x' }, /^TAB_SSO_APP_ID_URI=.*must be the Application ID URI/],
    [{ TAB_ALLOWED_TENANTS: `${TENANT},contoso.onmicrosoft.com` }, /^TAB_ALLOWED_TENANTS=.*tenant ids \(GUIDs\)/],
    [{ TAB_ALLOWED_TENANTS: ' , ' }, /^TAB_ALLOWED_TENANTS=.*tenant ids/],
    [{ TAB_JWKS_URL: 'http://keys.example.com/keys' }, /^TAB_JWKS_URL=.*must be https/],
    [{ TAB_RATE_PER_SECOND: '0' }, /^TAB_RATE_PER_SECOND="0"/],
    [{ TAB_RATE_BURST: '2.5' }, /^TAB_RATE_BURST="2.5"/],
    [{ STORE: 'sharepoint', SHAREPOINT_SITE: 's', AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: 'x', TAB_SSO_CLIENT_ID: OTHER_TENANT }, /^TAB_SSO_CLIENT_ID=.*must equal AZURE_CLIENT_ID when STORE=sharepoint/],
  ])('names the tab setting at fault: %j', (env, message) => {
    expect(problems(env).some((p) => message.test(p))).toBe(true);
  });
});

describe('loadConfig: more than one instance', () => {
  it.each([
    [{}, 600_000],
    [{ REMINDER_SWEEP_SECONDS: '10' }, 60_000],
    [{ REMINDER_SWEEP_SECONDS: '2', REMINDER_LEASE_SECONDS: '6' }, 6_000],
  ])('leases the sweep for as long as %j says: %i ms', (env, ms) => {
    expect(reminderLeaseMs(loadConfig(env))).toBe(ms);
  });

  it.each([
    [{ REMINDER_SWEEP_SECONDS: '1' }, /^REMINDER_SWEEP_SECONDS="1"/],
    [{ STORE: 'sharepoint', SHAREPOINT_SITE: 's', GRAPH_BASE_URL: 'http://127.0.0.1:8765/v1.0', REMINDER_SWEEP_SECONDS: '5' }, /^REMINDER_SWEEP_SECONDS="5": must be at least 10 when STORE=sharepoint/],
    [{ REMINDER_LEASE_SECONDS: '4' }, /^REMINDER_LEASE_SECONDS="4"/],
    [{ REMINDER_SWEEP_SECONDS: '30', REMINDER_LEASE_SECONDS: '30' }, /^REMINDER_LEASE_SECONDS="30": must be longer than REMINDER_SWEEP_SECONDS \(30\)/],
  ])('names the sweep setting at fault: %j', (env, message) => {
    expect(problems(env).some((p) => message.test(p))).toBe(true);
  });
});

describe('loadConfig: Application Insights', () => {
  const KEY = '0b0c0d0e-1111-4222-8333-444455556666';

  it.each([
    `InstrumentationKey=${KEY};IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/;LiveEndpoint=https://uksouth.livediagnostics.monitor.azure.com/;ApplicationId=${CLIENT}`,
    `ingestionendpoint=http://127.0.0.1:4318/; instrumentationkey=${KEY};`,
  ])('takes a connection string as the resource shows it: %s', (value) => {
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: value }).APPLICATIONINSIGHTS_CONNECTION_STRING).toBe(value);
  });

  it('is off by default', () => {
    expect(loadConfig({}).APPLICATIONINSIGHTS_CONNECTION_STRING).toBeUndefined();
  });

  it.each([
    KEY,
    `InstrumentationKey=${KEY}`,
    'IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
    `InstrumentationKey=not-a-guid;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/`,
    `InstrumentationKey=${KEY};IngestionEndpoint=http://ingest.example.com/`,
    `InstrumentationKey=${KEY};IngestionEndpoint=somewhere`,
  ])('refuses %s, naming the setting and never echoing it', (value) => {
    const found = problems({ APPLICATIONINSIGHTS_CONNECTION_STRING: value });
    expect(found).toEqual([expect.stringMatching(/^APPLICATIONINSIGHTS_CONNECTION_STRING=\(hidden\): must be an Application Insights connection string: InstrumentationKey=/)]);
    expect(found.join(' ')).not.toContain(value);
  });
});
