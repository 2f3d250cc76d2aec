import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ConfigError, loadConfig } from '../../config/config.js';
import { parseEnvFile } from '../../scripts/app-package/env-file.js';
import { placeholdersIn } from '../../scripts/app-package/template.js';

/**
 * The deployment files checked offline (no Azure, no tenant, no Bicep compiler): the Bicep's app
 * settings against config/config.ts, secrets only as Key Vault references, the Agents Toolkit
 * files' steps against the toolkit's schema (v1.11, transcribed below) and against each other,
 * the Entra manifest against the documented permissions. When the devDependencies
 * `web-tree-sitter` and `tree-sitter-bicep` are installed, the Bicep is also parsed with a real
 * Bicep grammar. infra/README.md says what this does and does not prove.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const BICEP_FILES = ['infra/azure.bicep', ...readdirSync(join(ROOT, 'infra/modules')).filter((f) => f.endsWith('.bicep')).map((f) => `infra/modules/${f}`)];

// ---------------------------------------------------------------------------------------------
// A small reader of Bicep's top level: statements (a declaration with its decorators) found by
// balancing brackets outside strings and comments. Enough for names, decorators and object keys.

interface Declaration {
  kind: string;
  name: string;
  decorators: string[];
  text: string;
}

function withoutComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (char === '\\' && inString) i += 1;
    else if (char === "'") inString = !inString;
    else if (!inString && char === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

function bracketDepthChange(line: string): number {
  let inString = false;
  let change = 0;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] ?? '';
    if (char === '\\' && inString) i += 1;
    else if (char === "'") inString = !inString;
    else if (!inString && '([{'.includes(char)) change += 1;
    else if (!inString && ')]}'.includes(char)) change -= 1;
  }
  return change;
}

function declarations(source: string): Declaration[] {
  const found: Declaration[] = [];
  let decorators: string[] = [];
  let current = '';
  let depth = 0;
  for (const raw of source.split('\n')) {
    const line = withoutComment(raw).trimEnd();
    if (current === '' && line.trim() === '') continue;
    current += `${line}\n`;
    depth += bracketDepthChange(line);
    if (depth !== 0) continue;
    const text = current.trim();
    current = '';
    if (text.startsWith('@')) {
      decorators.push(text);
      continue;
    }
    const head = /^(\w+)\s+([A-Za-z_]\w*)?/.exec(text);
    found.push({ kind: head?.[1] ?? '', name: head?.[2] ?? '', decorators, text });
    decorators = [];
  }
  return found;
}

const BICEP = new Map(BICEP_FILES.map((file) => [file, declarations(read(file))]));

function declared(file: string, kind: string): Declaration[] {
  return (BICEP.get(file) ?? []).filter((d) => d.kind === kind);
}

function find(file: string, kind: string, name: string): Declaration {
  const found = declared(file, kind).find((d) => d.name === name);
  if (!found) throw new Error(`${file} declares no ${kind} ${name}`);
  return found;
}

interface Param {
  name: string;
  type: string;
  defaultValue: string | null;
  allowed: string[] | null;
  secure: boolean;
}

function params(file: string): Param[] {
  return declared(file, 'param').map((d) => {
    const match = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*([\s\S]+))?$/.exec(d.text);
    const allowed = d.decorators.find((text) => text.startsWith('@allowed('));
    return {
      name: d.name,
      type: match?.[2] ?? '',
      defaultValue: match?.[3]?.trim() ?? null,
      allowed: allowed === undefined ? null : [...allowed.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? ''),
      secure: d.decorators.includes('@secure()'),
    };
  });
}

/** The keys of an object literal's first level, from the `{` at `open` in `text`. */
function objectKeys(text: string, open: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of text.slice(open).split('\n')) {
    if (depth === 1) {
      const key = /^\s*([A-Za-z_]\w*|'[^']+'):/.exec(line);
      if (key?.[1] !== undefined) keys.push(key[1]);
    }
    depth += bracketDepthChange(line);
    if (depth <= 0) break;
  }
  return keys;
}

interface ModuleUse {
  symbol: string;
  file: string;
  params: string[];
}

function moduleUses(file: string): ModuleUse[] {
  return declared(file, 'module').map((d) => {
    const path = /^module\s+\w+\s+'([^']+)'/.exec(d.text)?.[1] ?? '';
    const open = d.text.indexOf('{', d.text.indexOf('params:'));
    return { symbol: d.name, file: join(dirname(file), path), params: objectKeys(d.text, open) };
  });
}

/** App settings: every UPPER_SNAKE key in a `var <something>Settings` object (azure.bicep, web-app.bicep). */
interface Setting {
  name: string;
  value: string;
  group: string;
}

const SETTINGS_FILES = ['infra/azure.bicep', 'infra/modules/web-app.bicep'];

function settingGroups(file: string): Declaration[] {
  return declared(file, 'var').filter((d) => d.name.endsWith('Settings') && d.name !== 'appSettings');
}

const SETTINGS: Setting[] = SETTINGS_FILES.flatMap((file) =>
  settingGroups(file).flatMap((group) =>
    [...group.text.matchAll(/^\s*([A-Z][A-Z0-9_]*):\s*(.+?)\s*$/gm)].map((m) => ({ name: m[1] ?? '', value: m[2] ?? '', group: group.name })),
  ),
);
const setting = (name: string): Setting | undefined => SETTINGS.find((s) => s.name === name);

// ---------------------------------------------------------------------------------------------
// config/config.ts: the names it reads, found by letting it read a recording environment.

function configKeys(): string[] {
  const asked: string[] = [];
  const recorder = new Proxy<Record<string, string | undefined>>({}, {
    get: (_target, key) => {
      if (typeof key === 'string') asked.push(key);
      return undefined;
    },
  });
  loadConfig(recorder);
  return [...new Set(asked)];
}

function configProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

const problemsNaming = (name: string, problems: string[]): string[] => problems.filter((p) => p.startsWith(`${name}=`) || p.startsWith(`${name}:`));

/** Settings that are not config's: read by App Service itself, or by a library at start-up. */
const NOT_CONFIG: Record<string, string> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service deployment (build the uploaded sources on Linux)',
};

/** Settings config/config.ts never echoes (its SECRET set) are found by name: each must come from Key Vault. */
const SECRET_NAME = /SECRET|PASSWORD|CONNECTION_STRING/;

// ---------------------------------------------------------------------------------------------
// The Agents Toolkit files.

type Yaml = Record<string, unknown>;

function isRecord(value: unknown): value is Yaml {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, what: string): Yaml {
  if (!isRecord(value)) throw new Error(`${what} is not a mapping`);
  return value;
}

function steps(project: Yaml, lifecycle: string): Yaml[] {
  const list = project[lifecycle];
  if (!Array.isArray(list)) return [];
  return list.map((step, index) => record(step, `${lifecycle}[${String(index)}]`));
}

const PROJECTS = { 'm365agents.yml': 'env/.env.dev.example', 'm365agents.local.yml': 'env/.env.local' } as const;
type ProjectFile = keyof typeof PROJECTS;
const project = (file: ProjectFile): Yaml => record(parseYaml(read(file)), file);
const LIFECYCLES = ['provision', 'deploy', 'publish'];

/**
 * The toolkit's actions this repository uses, as its YAML schema v1.11 defines them
 * (packages/fx-core/resource/yaml-schema/v1.11/yaml.schema.json): required and optional `with`
 * keys, and what `writeToEnvironmentFile` may name.
 */
interface ActionShape {
  required: string[];
  optional: string[];
  writes?: { required: string[]; optional: string[] };
}

const ACTIONS: Record<string, ActionShape> = {
  'teamsApp/create': { required: ['name'], optional: [], writes: { required: ['teamsAppId'], optional: ['teamsAppTenantId'] } },
  'aadApp/create': {
    required: ['name', 'generateClientSecret', 'signInAudience'],
    optional: ['generateServicePrincipal', 'serviceManagementReference', 'clientSecretExpireDays', 'clientSecretDescription', 'uniqueName'],
    writes: { required: ['clientId', 'objectId'], optional: ['clientSecret', 'tenantId', 'authority', 'authorityHost'] },
  },
  'aadApp/update': { required: ['manifestPath', 'outputFilePath'], optional: [] },
  'arm/deploy': { required: ['subscriptionId', 'resourceGroupName', 'templates'], optional: ['bicepCliVersion'] },
  'teamsApp/validateManifest': { required: ['manifestPath'], optional: [] },
  'teamsApp/validateAppPackage': { required: ['appPackagePath'], optional: [] },
  'teamsApp/zipAppPackage': { required: ['manifestPath', 'outputZipPath', 'outputFolder'], optional: [] },
  'teamsApp/update': { required: ['appPackagePath'], optional: [] },
  'teamsApp/publishAppPackage': { required: ['appPackagePath'], optional: [], writes: { required: ['publishedAppId'], optional: [] } },
  'cli/runNpmCommand': { required: ['args'], optional: ['workingDirectory'] },
  'azureAppService/zipDeploy': { required: ['artifactFolder', 'resourceId'], optional: ['workingDirectory', 'ignoreFile', 'dryRun', 'outputZipFile'] },
  'botFramework/create': { required: ['botId', 'name', 'messagingEndpoint'], optional: ['description', 'iconUrl', 'channels'] },
  'file/createOrUpdateEnvironmentFile': { required: ['envs', 'target'], optional: [] },
};

const uses = (step: Yaml): string => String(step.uses);
const withOf = (step: Yaml): Yaml => (isRecord(step.with) ? step.with : {});
const writesOf = (step: Yaml): Record<string, string> =>
  isRecord(step.writeToEnvironmentFile) ? Object.fromEntries(Object.entries(step.writeToEnvironmentFile).map(([k, v]) => [k, String(v)])) : {};
const pathIn = (step: Yaml, key: string): string | null => (typeof withOf(step)[key] === 'string' ? String(withOf(step)[key]) : null);

function armTemplates(step: Yaml): { path: string; parameters: string | null }[] {
  const templates = withOf(step).templates;
  if (!Array.isArray(templates)) return [];
  return templates.map((t) => {
    const template = record(t, 'template');
    return { path: String(template.path), parameters: typeof template.parameters === 'string' ? template.parameters : null };
  });
}

const bicepOutputs = (file: string): string[] => declared(file.replace(/^\.\//, ''), 'output').map((d) => d.name);

/** What a step adds to the environment: its writeToEnvironmentFile names and its fixed outputs. */
function outputsOf(step: Yaml): string[] {
  const fixed: Record<string, string[]> = {
    'teamsApp/create': ['TEAMS_APP_TENANT_ID'],
    'teamsApp/update': ['TEAMS_APP_TENANT_ID', 'TEAMS_APP_UPDATE_TIME'],
    'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
  };
  // arm/deploy writes each output upper-cased (outputs here are already upper case).
  const arm = uses(step) === 'arm/deploy' ? armTemplates(step).flatMap((t) => bicepOutputs(t.path).map((name) => name.toUpperCase())) : [];
  return [...Object.values(writesOf(step)), ...(fixed[uses(step)] ?? []), ...arm];
}

/** The `${{NAME}}`s a step reads: in its own text and in the files it renders. */
function readsOf(step: Yaml): string[] {
  const files = [pathIn(step, 'manifestPath'), ...armTemplates(step).map((t) => t.parameters)].filter((f): f is string => f !== null);
  return [...new Set([JSON.stringify(step), ...files.map((f) => read(f))].flatMap((text) => placeholdersIn(text)))];
}

/** For each step, the names it reads that nothing before it provides. */
function unprovided(file: ProjectFile): string[] {
  const doc = project(file);
  const all = LIFECYCLES.flatMap((lifecycle) => steps(doc, lifecycle));
  const written = new Set(all.flatMap(outputsOf));
  // Values in the env file that no step writes are the admin's (or a developer's, by hand).
  const given = [...parseEnvFile(read(PROJECTS[file]), PROJECTS[file]).keys()].filter((name) => !written.has(name));
  const missing: string[] = [];
  const afterProvision = new Set([...given, ...steps(doc, 'provision').flatMap(outputsOf)]);
  for (const lifecycle of LIFECYCLES) {
    const available = new Set(lifecycle === 'provision' ? given : afterProvision);
    for (const step of steps(doc, lifecycle)) {
      const own = uses(step) === 'aadApp/update' ? outputsOf(step) : [];
      for (const name of readsOf(step)) if (!available.has(name) && !own.includes(name)) missing.push(`${lifecycle} ${uses(step)}: ${name}`);
      for (const name of outputsOf(step)) available.add(name);
    }
  }
  return missing;
}

// ---------------------------------------------------------------------------------------------

describe('infra/azure.bicep: parameters, modules and outputs', () => {
  it.each(BICEP_FILES)('%s: every parameter and output is described', (file) => {
    const undescribed = [...declared(file, 'param'), ...declared(file, 'output')].filter((d) => !d.decorators.some((text) => text.startsWith('@description(')));
    expect(undescribed.map((d) => `${d.kind} ${d.name}`)).toEqual([]);
  });

  it.each(BICEP_FILES)('%s: every parameter is typed', (file) => {
    expect(params(file).filter((p) => !['string', 'int', 'bool', 'object', 'array'].includes(p.type)).map((p) => p.name)).toEqual([]);
  });

  it('passes every module exactly the parameters it declares, all the required ones, and reads only outputs it has', () => {
    const problems: string[] = [];
    for (const file of BICEP_FILES) {
      for (const use of moduleUses(file)) {
        const declaredParams = params(use.file);
        for (const name of use.params) if (!declaredParams.some((p) => p.name === name)) problems.push(`${use.symbol}: no param ${name} in ${use.file}`);
        for (const p of declaredParams) if (p.defaultValue === null && !use.params.includes(p.name)) problems.push(`${use.symbol}: required param ${p.name} not given`);
        for (const m of read(file).matchAll(new RegExp(`\\b${use.symbol}\\.outputs\\.(\\w+)`, 'g'))) {
          if (!bicepOutputs(use.file).includes(m[1] ?? '')) problems.push(`${use.symbol}: no output ${m[1] ?? ''} in ${use.file}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(moduleUses('infra/azure.bicep').map((use) => basename(use.file)).sort()).toEqual(['bot.bicep', 'key-vault.bicep', 'monitoring.bicep', 'web-app.bicep']);
  });

  it('azure.parameters.json gives only declared parameters, every required one, secrets only to @secure() ones', () => {
    const given = record(record(JSON.parse(read('infra/azure.parameters.json')), 'parameters file').parameters, 'parameters');
    const declaredParams = params('infra/azure.bicep');
    expect(Object.keys(given).filter((name) => !declaredParams.some((p) => p.name === name))).toEqual([]);
    expect(declaredParams.filter((p) => p.defaultValue === null && !(p.name in given)).map((p) => p.name)).toEqual([]);
    for (const [name, entry] of Object.entries(given)) {
      const value = record(entry, name).value;
      const p = declaredParams.find((candidate) => candidate.name === name);
      expect(p?.secure ?? false, `${name} carries a secret`).toBe(typeof value === 'string' && /\$\{\{\s*SECRET_/.test(value));
      if (typeof value === 'string' && p?.allowed && !value.includes('${{')) expect(p.allowed, name).toContain(value);
      if (p?.type === 'int') expect(typeof value, name).toBe('number');
    }
  });

  it('outputs what the toolkit and the app package need, under their env names', () => {
    expect(bicepOutputs('infra/azure.bicep')).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'MANAGED_IDENTITY_CLIENT_ID']));
    expect(bicepOutputs('infra/azure.bicep').filter((name) => name !== name.toUpperCase())).toEqual([]);
  });
});

describe('infra: the web app runs what the repository builds', () => {
  const site = find('infra/modules/web-app.bicep', 'resource', 'site').text;
  const property = (name: string): string | undefined => new RegExp(`^\\s*${name}:\\s*(.+?)\\s*$`, 'm').exec(site)?.[1];

  it.each([
    ['httpsOnly', 'true'],
    ['alwaysOn', 'true'],
    ['ftpsState', "'Disabled'"],
    ['minTlsVersion', "'1.2'"],
    ['scmMinTlsVersion', "'1.2'"],
    ['linuxFxVersion', "'NODE|${nodeVersion}'"],
    ['keyVaultReferenceIdentity', 'identityId'],
  ])('%s is %s', (name, value) => {
    expect(property(name)).toBe(value);
  });

  it("health checks the server's health route", () => {
    const path = /^'(.+)'$/.exec(property('healthCheckPath') ?? '')?.[1] ?? '';
    expect(read('server/create-server.ts')).toContain(`server.get('${path}'`);
  });

  it('starts the built server, and the bot endpoint is the route the server serves', () => {
    expect(property('appCommandLine')).toBe("'node dist/server/main.js'");
    expect(existsSync(join(ROOT, 'server/main.ts'))).toBe(true);
    expect(read('tsconfig.json')).toMatch(/"outDir":\s*"dist"/);
    expect(find('infra/azure.bicep', 'output', 'BOT_ENDPOINT').text).toMatch(/\/api\/messages'$/);
    expect(read('server/create-server.ts')).toContain("server.post('/api/messages'");
  });

  it('offers only Node versions the repository supports', () => {
    const engines = String(record(JSON.parse(read('package.json')), 'package.json').engines ? record(record(JSON.parse(read('package.json')), 'package.json').engines, 'engines').node : '');
    const supported = [...engines.matchAll(/>=(\d+)/g)].map((m) => m[1]);
    for (const file of ['infra/azure.bicep', 'infra/modules/web-app.bicep']) {
      const allowed = params(file).find((p) => p.name === 'nodeVersion')?.allowed ?? [];
      expect(allowed.length).toBeGreaterThan(0);
      for (const version of allowed) expect(supported, version).toContain(/^(\d+)/.exec(version)?.[1]);
    }
  });
});

describe('infra: app settings', () => {
  const known = configKeys();

  it('finds the settings (the reader works)', () => {
    expect(SETTINGS.map((s) => s.name)).toEqual(expect.arrayContaining(['STORE', 'BOT_APP_ID', 'PUBLIC_URL', 'AZURE_CLIENT_SECRET']));
    expect(known).toEqual(expect.arrayContaining(['STORE', 'BOT_APP_ID', 'TAB_SSO_CLIENT_ID']));
  });

  it('sets only settings config/config.ts reads (or the listed platform ones), each once', () => {
    expect(SETTINGS.filter((s) => !known.includes(s.name) && !(s.name in NOT_CONFIG)).map((s) => s.name)).toEqual([]);
    const names = SETTINGS.map((s) => s.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('applies every group of settings', () => {
    const groups = settingGroups('infra/azure.bicep').map((d) => d.name).sort();
    const union = /union\(([^)]*)\)/.exec(find('infra/azure.bicep', 'var', 'appSettings').text)?.[1] ?? '';
    expect(union.split(',').map((s) => s.trim()).sort()).toEqual(groups);
    expect(find('infra/modules/web-app.bicep', 'resource', 'appSettings').text).toContain('union(settings, siteSettings)');
  });

  it('puts every secret in Key Vault: its setting is a reference to a secret the vault module writes', () => {
    const secretNames = [...find('infra/azure.bicep', 'var', 'secretNames').text.matchAll(/^\s*(\w+):\s*'([^']+)'/gm)].map((m) => m[1] ?? '');
    const vault = read('infra/modules/key-vault.bicep');
    const secrets = SETTINGS.filter((s) => SECRET_NAME.test(s.name));
    expect(secrets.map((s) => s.name).sort()).toEqual(['APPLICATIONINSIGHTS_CONNECTION_STRING', 'AZURE_CLIENT_SECRET', 'BOT_APP_PASSWORD']);
    for (const s of secrets) {
      const reference = /^'@Microsoft\.KeyVault\(SecretUri=\$\{vaultUri\}secrets\/\$\{secretNames\.(\w+)\}\/\)'$/.exec(s.value);
      expect(reference, `${s.name} = ${s.value}`).not.toBeNull();
      expect(secretNames).toContain(reference?.[1]);
      expect(vault).toContain(`name: secretNames.${reference?.[1] ?? ''}`);
    }
  });

  it('has no value that is, or comes straight from, a secret', () => {
    const secureParams = BICEP_FILES.flatMap((file) => params(file).filter((p) => p.secure).map((p) => p.name));
    expect(secureParams.length).toBeGreaterThan(0);
    const secretLooking = (literal: string): boolean =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(literal) ||
      /password|secret|sig=|key=/i.test(literal) ||
      (/^[A-Za-z0-9+/=_\-.~]{16,}$/.test(literal) && /\d/.test(literal) && /[A-Za-z]/.test(literal));
    for (const s of SETTINGS) {
      const literal = /^'([^'$]*)'$/.exec(s.value)?.[1];
      if (literal !== undefined) expect(secretLooking(literal), `${s.name} = ${s.value}`).toBe(false);
      // A secure parameter's name after a dot is a property (secretNames.x), not the parameter.
      for (const name of secureParams) expect(s.value, s.name).not.toMatch(new RegExp(`(?<![.\\w])${name}\\b`));
    }
  });

  it("offers for each setting only values config accepts for it", () => {
    const problems: string[] = [];
    for (const s of SETTINGS) {
      const p = params('infra/azure.bicep').find((candidate) => candidate.name === s.value);
      const values = [...(p?.allowed ?? []), ...(p?.defaultValue?.startsWith("'") ? [p.defaultValue.slice(1, -1)] : [])];
      const literal = /^'([^'$]*)'$/.exec(s.value)?.[1];
      for (const value of literal === undefined ? values : [literal]) {
        if (known.includes(s.name)) problems.push(...problemsNaming(s.name, configProblems({ [s.name]: value })));
      }
    }
    expect(problems).toEqual([]);
  });

  // Which group applies when, as azure.bicep says; the scenarios below start config with what Azure would give it.
  const CONDITIONS: Record<string, string> = {
    sqliteSettings: "store == 'sqlite'",
    sharePointSettings: 'sharePointSiteGiven',
    teamsAppSettings: 'teamsAppIdGiven',
    graphSettings: 'graphNeeded',
    botSecretSettings: 'managedIdentityBot',
  };

  it('applies each optional group on the condition the scenarios assume', () => {
    for (const [group, condition] of Object.entries(CONDITIONS)) expect(find('infra/azure.bicep', 'var', group).text).toMatch(new RegExp(`= ${condition.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\?`));
    expect(find('infra/azure.bicep', 'var', 'graphNeeded').text).toBe("var graphNeeded = store == 'sharepoint' || proactiveInstall == 'on'");
    expect(find('infra/azure.bicep', 'var', 'botSecretSettings').text).toMatch(/\? \{\} : \{/);
  });

  const GUID = '0f1e2d3c-4b5a-4697-8877-665544332211';
  const SAMPLE: Record<string, string> = {
    BOT_APP_ID: GUID,
    BOT_TENANT_ID: GUID,
    TAB_SSO_CLIENT_ID: GUID,
    AZURE_TENANT_ID: GUID,
    AZURE_CLIENT_ID: GUID,
    TEAMS_APP_ID: GUID,
    PUBLIC_URL: 'https://followthrough-dev-abc123.azurewebsites.net',
    SHAREPOINT_SITE: 'https://contoso.sharepoint.com/sites/quality',
  };
  /** What App Service would resolve each Key Vault reference to. */
  const FROM_KEY_VAULT: Record<string, string> = {
    AZURE_CLIENT_SECRET: 'client-secret-from-key-vault',
    BOT_APP_PASSWORD: 'bot-secret-from-key-vault',
    APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${GUID};IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/`,
  };

  it.each([
    { store: 'sharepoint', proactiveInstall: 'off', botAppType: 'UserAssignedMSI' },
    { store: 'sharepoint', proactiveInstall: 'on', botAppType: 'SingleTenant' },
    { store: 'sqlite', proactiveInstall: 'off', botAppType: 'UserAssignedMSI' },
    { store: 'sqlite', proactiveInstall: 'on', botAppType: 'UserAssignedMSI' },
  ])('gives config everything it needs: %o', (scenario) => {
    const on: Record<string, boolean> = {
      "store == 'sqlite'": scenario.store === 'sqlite',
      sharePointSiteGiven: scenario.store === 'sharepoint',
      teamsAppIdGiven: true,
      graphNeeded: scenario.store === 'sharepoint' || scenario.proactiveInstall === 'on',
      managedIdentityBot: scenario.botAppType === 'UserAssignedMSI',
    };
    const applies = (group: string): boolean => {
      const condition = CONDITIONS[group];
      if (condition === undefined) return true;
      // botSecretSettings is the "else" branch: it applies when the bot is not a managed identity.
      return group === 'botSecretSettings' ? !on[condition] : on[condition] === true;
    };
    const chosen: Record<string, string> = { store: scenario.store, proactiveInstall: scenario.proactiveInstall, botAppType: scenario.botAppType };
    const env: Record<string, string> = {};
    for (const s of SETTINGS.filter((candidate) => applies(candidate.group))) {
      const literal = /^'([^'$]*)'$/.exec(s.value)?.[1];
      const fromParam = chosen[s.value] ?? params('infra/azure.bicep').find((p) => p.name === s.value)?.defaultValue?.replace(/^'(.*)'$/, '$1');
      env[s.name] = (s.value.startsWith("'@Microsoft.KeyVault(") ? FROM_KEY_VAULT[s.name] : (literal ?? SAMPLE[s.name] ?? fromParam)) ?? `unknown:${s.value}`;
    }
    expect(Object.entries(env).filter(([, value]) => value.startsWith('unknown:'))).toEqual([]);
    expect(configProblems(env)).toEqual([]);
  });

  it('signs the tab in and reads SharePoint as the same Entra app, as config requires', () => {
    expect(setting('TAB_SSO_CLIENT_ID')?.value).toBe('aadAppClientId');
    expect(setting('AZURE_CLIENT_ID')?.value).toBe('aadAppClientId');
  });
});

describe('m365agents.yml and m365agents.local.yml', () => {
  const FILES = Object.keys(PROJECTS) as ProjectFile[];

  it.each(FILES)('%s: is a v1.11 project whose steps are the schema\'s actions with the schema\'s inputs', (file) => {
    const doc = project(file);
    expect(doc.version).toBe('v1.11');
    expect(read(file).split('\n')[0]).toBe('# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
    expect(doc.environmentFolderPath).toBe('./env');
    expect(Object.keys(doc).filter((key) => !['version', 'environmentFolderPath', 'projectId', 'additionalMetadata', ...LIFECYCLES].includes(key))).toEqual([]);
    const problems: string[] = [];
    for (const lifecycle of LIFECYCLES) {
      for (const step of steps(doc, lifecycle)) {
        const where = `${lifecycle} ${uses(step)}`;
        const shape = ACTIONS[uses(step)];
        if (!shape) {
          problems.push(`${where}: not an action this test knows`);
          continue;
        }
        problems.push(...Object.keys(step).filter((key) => !['uses', 'with', 'writeToEnvironmentFile', 'name', 'env'].includes(key)).map((key) => `${where}: unknown key ${key}`));
        const given = Object.keys(withOf(step));
        problems.push(...shape.required.filter((key) => !given.includes(key)).map((key) => `${where}: missing with.${key}`));
        problems.push(...given.filter((key) => !shape.required.includes(key) && !shape.optional.includes(key)).map((key) => `${where}: unknown with.${key}`));
        const writes = writesOf(step);
        const wantsSecret = withOf(step).generateClientSecret === true;
        const writeShape = shape.writes ?? { required: [], optional: [] };
        const required = wantsSecret ? [...writeShape.required, 'clientSecret'] : writeShape.required;
        problems.push(...required.filter((key) => !(key in writes)).map((key) => `${where}: missing writeToEnvironmentFile.${key}`));
        problems.push(...Object.keys(writes).filter((key) => !required.includes(key) && !writeShape.optional.includes(key)).map((key) => `${where}: unknown writeToEnvironmentFile.${key}`));
        for (const [key, name] of Object.entries(writes)) {
          const pattern = key === 'clientSecret' ? /^SECRET_[A-Z0-9_]+$/ : /^[A-Z][A-Z0-9_]*$/;
          if (!pattern.test(name)) problems.push(`${where}: ${key} is written to ${name}, not an allowed name`);
        }
        if (uses(step) === 'arm/deploy') {
          for (const template of armTemplates(step)) if (!template.path.endsWith('.bicep') || template.parameters === null) problems.push(`${where}: template needs a .bicep path and parameters`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(FILES)('%s: every ${{NAME}} a step reads is in the env file or written by an earlier step', (file) => {
    expect(unprovided(file)).toEqual([]);
  });

  it.each(FILES)('%s: every file a step reads exists, and every package it uploads was zipped before it', (file) => {
    const doc = project(file);
    const problems: string[] = [];
    for (const lifecycle of LIFECYCLES) {
      const zipped: string[] = [];
      for (const step of steps(doc, lifecycle)) {
        const inputs = [pathIn(step, 'manifestPath'), pathIn(step, 'ignoreFile'), pathIn(step, 'artifactFolder'), ...armTemplates(step).flatMap((t) => [t.path, t.parameters])];
        for (const path of inputs) if (path !== null && !existsSync(join(ROOT, path))) problems.push(`${lifecycle} ${uses(step)}: ${path} does not exist`);
        const zip = pathIn(step, 'outputZipPath');
        if (zip !== null) zipped.push(zip);
        const upload = pathIn(step, 'appPackagePath');
        if (upload !== null && !zipped.includes(upload)) problems.push(`${lifecycle} ${uses(step)}: ${upload} is not zipped earlier in ${lifecycle}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('deploys to the web app the Bicep outputs, and provisions the Bicep this folder holds', () => {
    const doc = project('m365agents.yml');
    const zipDeploy = steps(doc, 'deploy').find((step) => uses(step) === 'azureAppService/zipDeploy');
    expect(pathIn(zipDeploy ?? {}, 'resourceId')).toBe('${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(bicepOutputs('infra/azure.bicep')).toContain('BOT_AZURE_APP_SERVICE_RESOURCE_ID');
    const arm = steps(doc, 'provision').find((step) => uses(step) === 'arm/deploy');
    expect(armTemplates(arm ?? {})).toEqual([{ path: './infra/azure.bicep', parameters: './infra/azure.parameters.json' }]);
  });

  it("the app package's every ${{NAME}} is set in env/ or written by provisioning, before it is zipped", () => {
    const manifest = placeholdersIn(read('appPackage/manifest.json'));
    for (const file of FILES) {
      const doc = project(file);
      const provision = steps(doc, 'provision');
      const zipAt = provision.findIndex((step) => uses(step) === 'teamsApp/zipAppPackage');
      expect(zipAt, file).toBeGreaterThan(0);
      const env = [...parseEnvFile(read(PROJECTS[file]), PROJECTS[file]).keys()];
      const before = new Set([...env, ...provision.slice(0, zipAt).flatMap(outputsOf)]);
      expect(manifest.filter((name) => !before.has(name)), file).toEqual([]);
    }
  });

  it('the local file writes only settings config/config.ts reads', () => {
    const deploy = steps(project('m365agents.local.yml'), 'deploy').find((step) => uses(step) === 'file/createOrUpdateEnvironmentFile');
    const envs = Object.keys(record(withOf(deploy ?? {}).envs, 'envs'));
    expect(envs.length).toBeGreaterThan(0);
    expect(envs.filter((name) => !configKeys().includes(name))).toEqual([]);
    // Written where git ignores it: the bot's secret is in it.
    expect(pathIn(deploy ?? {}, 'target')).toMatch(/^\.\/\.env\.[a-z-]+$/);
  });

  it('names the Entra app as aad.manifest.json does (aadApp/update renames it otherwise)', () => {
    const manifestName = record(JSON.parse(read('aad.manifest.json')), 'aad.manifest.json').name;
    for (const file of FILES) {
      const sso = steps(project(file), 'provision').find((step) => uses(step) === 'aadApp/create' && writesOf(step).clientId === 'AAD_APP_CLIENT_ID');
      expect(withOf(sso ?? {}).name, file).toBe(manifestName);
    }
  });
});

// Microsoft's own YAML schema ships only inside @microsoft/m365agentstoolkit-cli, whose install
// builds a native keyring module (keytar) that cannot build on a clean machine here. It was run
// against both files during development (installed outside the repository, 2026-11-23: valid);
// the shapes transcribed above check every step on every run.

describe('aad.manifest.json: the tab\'s single sign-on app', () => {
  const manifest = record(JSON.parse(read('aad.manifest.json')), 'aad.manifest.json');
  const list = (value: unknown): Yaml[] => (Array.isArray(value) ? value.map((item, index) => record(item, `[${String(index)}]`)) : []);

  it('exposes access_as_user at api://<TAB_DOMAIN>/<client id>, the resource the Teams manifest names', () => {
    const teams = record(record(JSON.parse(read('appPackage/manifest.json')), 'manifest').webApplicationInfo, 'webApplicationInfo');
    expect(manifest.identifierUris).toEqual([teams.resource]);
    expect(manifest.appId).toBe(teams.id);
    const scopes = list(manifest.oauth2Permissions);
    expect(scopes.map((s) => [s.value, s.type, s.isEnabled, s.id])).toEqual([['access_as_user', 'User', true, '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']]);
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
  });

  it('pre-authorises both Teams clients (desktop and mobile; web) for access_as_user', () => {
    const clients = list(manifest.preAuthorizedApplications).map((app) => [app.appId, app.permissionIds]);
    expect(clients).toEqual([
      ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', ['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']],
      ['5e3ce6c0-2b1f-4285-8d4b-75ee78787346', ['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']],
    ]);
  });

  it('asks for exactly the Microsoft Graph permissions infra/README.md lists, and nothing else', () => {
    const readme = read('infra/README.md');
    const section = readme.slice(readme.indexOf('### Granted by aad.manifest.json'));
    const rows = section.split('\n').slice(1).filter((line, index, lines) => line.startsWith('|') && lines.slice(0, index).every((l) => l.startsWith('|') || l.trim() === '' || !l.includes('###')));
    const documented = rows
      .map((row) => row.split('|').map((cell) => cell.trim()))
      .filter((cells) => /^`[\w.]+`$/.test(cells[1] ?? ''))
      .map((cells) => `${(cells[1] ?? '').replaceAll('`', '')} ${cells[2] === 'Application' ? 'Role' : 'Scope'}`);
    const resources = list(manifest.requiredResourceAccess);
    expect(resources.map((r) => r.resourceAppId)).toEqual(['Microsoft Graph']);
    const requested = list(resources[0]?.resourceAccess).map((access) => `${String(access.id)} ${String(access.type)}`);
    expect(documented.length).toBeGreaterThan(0);
    expect(requested.sort()).toEqual(documented.sort());
    // Tenant-wide SharePoint access is what Sites.Selected exists to avoid.
    expect(requested.filter((p) => /^Sites\.(Read|ReadWrite|Manage|FullControl)\.All /.test(p))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A real Bicep grammar (tree-sitter-bicep, run as WebAssembly by web-tree-sitter; both from npm).
// Not the Bicep compiler: it proves the files parse as Bicep, that every name they use is
// declared, and that every function they call is one of Bicep's, but not resource types.

interface SyntaxNode {
  type: string;
  text: string;
  startIndex: number;
  endIndex: number;
  isMissing: boolean;
  startPosition: { row: number; column: number };
  children: SyntaxNode[];
  namedChildren: SyntaxNode[];
  parent: SyntaxNode | null;
  childForFieldName(name: string): SyntaxNode | null;
}

interface BicepParser {
  parse(source: string): { rootNode: SyntaxNode } | null;
}

const TREE_SITTER_PACKAGES = ['web-tree-sitter', 'tree-sitter-bicep'];

/** The grammar check is part of npm test: both packages are devDependencies, so a missing one fails here. */
async function bicepParser(): Promise<BicepParser> {
  const grammar = createRequire(import.meta.url).resolve('tree-sitter-bicep/tree-sitter-bicep.wasm');
  const specifier = TREE_SITTER_PACKAGES[0] ?? '';
  const loaded: unknown = await import(specifier);
  if (!isRecord(loaded) || typeof loaded.Parser !== 'function' || typeof loaded.Language !== 'function') throw new Error('web-tree-sitter has an unexpected shape');
  const api = loaded as unknown as {
    Parser: { init(): Promise<void>; new (): BicepParser & { setLanguage(language: unknown): void } };
    Language: { load(path: string): Promise<unknown> };
  };
  await api.Parser.init();
  const parser = new api.Parser();
  parser.setLanguage(await api.Language.load(grammar));
  return parser;
}

/** Bicep's functions and decorators that these files may call (https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions). */
const BICEP_FUNCTIONS = new Set(
  ('allowed description secure minLength maxLength minValue maxValue metadata batchSize export sealed discriminator ' +
    'any array bool int json string concat contains empty first last length min max range skip take union intersection indexOf lastIndexOf ' +
    'startsWith endsWith replace split substring toLower toUpper trim uniqueString guid newGuid uri uriComponent uriComponentToString ' +
    'base64 base64ToString base64ToJson dataUri dataUriToString format padLeft utcNow dateTimeAdd dateTimeFromEpoch dateTimeToEpoch ' +
    'items filter map reduce sort toObject flatten objectKeys shallowMerge coalesce join tryGet ' +
    'resourceGroup subscription tenant managementGroup deployment environment resourceId subscriptionResourceId tenantResourceId ' +
    'extensionResourceId managementGroupResourceId reference listKeys pickZones providers getSecret ' +
    'loadTextContent loadFileAsBase64 loadJsonContent loadYamlContent readEnvironmentVariable').split(/\s+/),
);

function walk(node: SyntaxNode, visit: (node: SyntaxNode) => void): void {
  visit(node);
  for (const child of node.children) walk(child, visit);
}

const at = (file: string, node: SyntaxNode): string => `${file}:${String(node.startPosition.row + 1)}:${String(node.startPosition.column + 1)}`;

const DECLARATIONS = ['parameter_declaration', 'variable_declaration', 'resource_declaration', 'module_declaration', 'output_declaration', 'type_declaration', 'user_defined_function'];

/** Names a file declares (and loop and lambda variables: over-generous, but never hides a typo at top level). */
function declaredNames(root: SyntaxNode): Set<string> {
  const names = new Set(['az', 'sys']);
  walk(root, (node) => {
    if (DECLARATIONS.includes(node.type)) {
      const name = node.namedChildren.find((child) => child.type === 'identifier');
      if (name && node.type !== 'output_declaration') names.add(name.text);
    }
    if (node.type === 'loop_variable' || node.type === 'loop_enumerator') names.add(node.text);
    if (node.type === 'lambda_expression') for (const child of node.namedChildren.slice(0, -1)) names.add(child.text);
  });
  return names;
}

/** web-tree-sitter hands out a new object per access: nodes are the same when they span the same text. */
const same = (a: SyntaxNode | null | undefined, b: SyntaxNode): boolean => a?.type === b.type && a.startIndex === b.startIndex && a.endIndex === b.endIndex;

function isReference(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (DECLARATIONS.includes(parent.type) && same(parent.namedChildren[0], node)) return false;
  if (parent.type === 'object_property' && same(parent.namedChildren[0], node)) return false;
  if (parent.type === 'call_expression' && same(parent.childForFieldName('function'), node)) return false;
  if (parent.type === 'lambda_expression' && !same(parent.namedChildren.at(-1), node)) return false;
  return true;
}

describe('infra: Bicep parsed with a Bicep grammar', async () => {
  const parser = await bicepParser();
  const trees = BICEP_FILES.map((file) => ({ file, root: parser.parse(read(file))?.rootNode ?? null }));

  it('every file parses, with nothing missing and nothing left over', () => {
    const problems: string[] = [];
    for (const { file, root } of trees) {
      if (root === null) problems.push(`${file}: not parsed`);
      else walk(root, (node) => {
        if (node.type === 'ERROR' || node.isMissing) problems.push(`${at(file, node)} ${node.isMissing ? 'missing' : 'unexpected'} ${JSON.stringify(node.text.slice(0, 40))}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('every name used is declared, and every function called is Bicep\'s', () => {
    const problems: string[] = [];
    for (const { file, root } of trees) {
      if (root === null) continue;
      const names = declaredNames(root);
      walk(root, (node) => {
        if (node.type === 'identifier' && isReference(node) && !names.has(node.text)) problems.push(`${at(file, node)} ${node.text} is not declared`);
        const callee = node.type === 'call_expression' ? node.childForFieldName('function') : null;
        const name = callee?.type === 'member_expression' ? callee.childForFieldName('property')?.text : callee?.text;
        if (callee && name !== undefined && !BICEP_FUNCTIONS.has(name)) problems.push(`${at(file, node)} ${name}() is not a Bicep function`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('the checks can fail: a typo and a broken line are caught', () => {
    const root = parser.parse("param a string\nvar b = toUpper(aa)\nvar c = uniqString(a)\nparam d string = \n")?.rootNode;
    expect(root).toBeDefined();
    if (!root) return;
    const names = declaredNames(root);
    const found: string[] = [];
    walk(root, (node) => {
      if (node.type === 'ERROR' || node.isMissing) found.push('syntax');
      if (node.type === 'identifier' && isReference(node) && !names.has(node.text)) found.push(node.text);
      const callee = node.type === 'call_expression' ? node.childForFieldName('function') : null;
      if (callee && !BICEP_FUNCTIONS.has(callee.text)) found.push(`${callee.text}()`);
    });
    expect(found).toEqual(expect.arrayContaining(['syntax', 'aa', 'uniqString()']));
  });
});
