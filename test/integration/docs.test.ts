import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../../cli/run-cli.js';
import { ConfigError, loadConfig } from '../../config/config.js';
import { Role, roleKey } from '../../core/model/index.js';
import { parseEnvFile } from '../../scripts/app-package/env-file.js';
import { placeholdersIn } from '../../scripts/app-package/template.js';

/**
 * Keeps the admin guides honest (issue 7: "the deployment guide is followed step by step as a new
 * admin would, checking every command and setting it names exists in the repository"). Every
 * `npm run` script, `followthrough` command and option, setting name, repository path and
 * relative link in the guides must exist; the guide's examples (the role item, the provisioning
 * settings, the test plan) must work; the permissions page must list what aad.manifest.json asks.
 * Each check is also run on a made-up page with a mistake, to show it can fail.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The guides an admin follows: the README, the infrastructure README, and docs/*.md (not the decision records). */
const GUIDES = ['README.md', 'infra/README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];

// ---------------------------------------------------------------------------------------------
// Reading Markdown: prose, inline code, fenced blocks (their indentation removed), headings.

interface Fence {
  lang: string;
  body: string;
}

interface Page {
  path: string;
  text: string;
  prose: string[];
  inlineCode: string[];
  fences: Fence[];
}

function page(path: string, text: string): Page {
  const prose: string[] = [];
  const fences: Fence[] = [];
  let open: { indent: number; marker: string; lang: string; lines: string[] } | null = null;
  for (const line of text.split('\n')) {
    const fence = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (open === null && fence) {
      open = { indent: fence[1]?.length ?? 0, marker: fence[2] ?? '```', lang: fence[3] ?? '', lines: [] };
    } else if (open !== null && fence && line.trim().startsWith(open.marker)) {
      fences.push({ lang: open.lang, body: open.lines.join('\n') });
      open = null;
    } else if (open !== null) {
      open.lines.push(line.slice(Math.min(open.indent, line.length - line.trimStart().length)));
    } else {
      prose.push(line);
    }
  }
  const inlineCode = prose.flatMap((line) => [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
  return { path, text, prose, inlineCode, fences };
}

const PAGES = GUIDES.map((path) => page(path, read(path)));
const pageAt = (path: string): Page => PAGES.find((p) => p.path === path) ?? page(path, read(path));

/** Everything a reader would copy: inline code and fenced blocks. */
const codeOf = (p: Page): string[] => [...p.inlineCode, ...p.fences.map((f) => f.body)];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

function anchorsOf(p: Page): Set<string> {
  return new Set(p.prose.flatMap((line) => /^#{1,6}\s+(.*)$/.exec(line)?.[1] ?? []).map(slug));
}

/** The rows of the first table after the heading that starts with `heading`, as trimmed cells. */
function tableAfter(p: Page, heading: string): string[][] {
  const start = p.prose.findIndex((line) => /^#{1,6}\s/.test(line) && line.replace(/^#+\s+/, '').startsWith(heading));
  if (start < 0) throw new Error(`${p.path}: no heading "${heading}"`);
  const rows: string[][] = [];
  for (const line of p.prose.slice(start + 1)) {
    if (line.startsWith('|')) rows.push(line.replace(/\\\|/g, '\u0000').split('|').slice(1, -1).map((cell) => cell.replaceAll('\u0000', '|').trim()));
    else if (rows.length > 0 || /^#{1,6}\s/.test(line)) break;
  }
  return rows.slice(2);
}

// ---------------------------------------------------------------------------------------------
// What the repository has: scripts, CLI commands and options, settings, files.

const SCRIPTS = new Set(Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts));

async function cliUsage(): Promise<Map<string, string>> {
  let help = '';
  await runCli(['help'], {}, { out: (text) => (help += text), err: (text) => (help += text) });
  const usage = new Map<string, string>([['help', '']]);
  let current: string | null = null;
  for (const line of help.split('\n')) {
    const command = /^\s+followthrough ([a-z][\w-]*)/.exec(line)?.[1];
    if (command !== undefined) current = command;
    else if (line.trim() === '' || !/^\s{4,}/.test(line)) current = null;
    if (current !== null) usage.set(current, `${usage.get(current) ?? ''} ${line}`);
  }
  return usage;
}

/** Every name config/config.ts reads, found by letting it read an environment that records. */
function configNames(): Set<string> {
  const names = new Set<string>();
  const empty: Record<string, string | undefined> = {};
  const recording = new Proxy(empty, {
    get: (_target, key) => {
      if (typeof key === 'string') names.add(key);
      return undefined;
    },
  });
  loadConfig(recording);
  return names;
}

/** Names the Agents Toolkit files, the env files and the templates define or write. */
function deploymentNames(): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(join(ROOT, 'env'))) for (const name of parseEnvFile(read(`env/${file}`), file).keys()) names.add(name);
  for (const file of ['m365agents.yml', 'm365agents.local.yml', 'appPackage/manifest.json', 'aad.manifest.json', 'infra/azure.parameters.json']) {
    for (const name of placeholdersIn(read(file))) names.add(name);
  }
  for (const file of ['m365agents.yml', 'm365agents.local.yml']) {
    const steps = Object.values(parseYaml(read(file)) as Record<string, unknown>).filter(Array.isArray).flat() as { writeToEnvironmentFile?: Record<string, string>; with?: { envs?: Record<string, string> } }[];
    for (const step of steps) {
      for (const name of Object.values(step.writeToEnvironmentFile ?? {})) names.add(name);
      for (const name of Object.keys(step.with?.envs ?? {})) names.add(name);
    }
  }
  // The template's outputs are written to env/.env.<name> under their own names.
  for (const match of read('infra/azure.bicep').matchAll(/^output (\w+)/gm)) names.add(match[1] ?? '');
  return names;
}

/** Names in capitals that are not ours to define, each with the reason it may appear in a guide. */
const FOREIGN_NAMES: Record<string, string> = {
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service\'s own build setting, set by infra/azure.bicep and read by the platform, not by the app',
  FOLLOWTHROUGH_LIVE: 'switches on the live tests in test/live (vitest), not a setting of the app',
  SCHEMA_VERSION: 'a constant in store/sharepoint/list-schema.ts, named so that release notes can be checked against it',
};

const KNOWN_NAMES = new Set([...configNames(), ...deploymentNames(), ...Object.keys(FOREIGN_NAMES)]);

/** Folders made by building or running, and the env files an admin makes: named in guides, never committed. */
const GENERATED = ['dist', 'node_modules', 'coverage', '.followthrough', 'test-output', 'devTools', 'appPackage/build', 'bench/out'];
const ADMIN_ENV_FILE = /^env\/\.env\.[a-z0-9-]+(\.user)?$/;
const TOP_LEVEL = new Set(readdirSync(ROOT));
const FILE_EXTENSION = /\.(ts|tsx|js|json|md|ya?ml|bicep|db|zip|png|sh|txt|csv|docx|xlsx|pem)$/;

// ---------------------------------------------------------------------------------------------
// The checks, each a function of a page returning its problems (empty when the page is right).

function missingScripts(p: Page): string[] {
  const named = [...p.text.matchAll(/\bnpm run ([\w:.-]+)/g)].map((m) => m[1] ?? '');
  named.push(...[...p.text.matchAll(/\bnpm (start|test)\b/g)].map((m) => m[1] ?? ''));
  return named.filter((script) => !SCRIPTS.has(script)).map((script) => `${p.path}: npm run ${script} is not a script in package.json`);
}

function unknownCommands(p: Page, usage: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const code of codeOf(p)) {
    // A command is `followthrough` at the start of a line or span, or after npx: not the word in prose.
    for (const match of code.matchAll(/(?:^[ \t]*(?:\$ )?|\bnpx )followthrough ([a-z][\w-]*)([^\n#|>;&]*)/gm)) {
      const [command = '', rest = ''] = [match[1], match[2]];
      const help = usage.get(command);
      if (help === undefined) {
        problems.push(`${p.path}: followthrough ${command} is not a command in the CLI's usage`);
        continue;
      }
      for (const option of rest.matchAll(/(?:^|\s)(--[a-z][\w-]*)/g)) {
        if (!help.includes(option[1] ?? '')) problems.push(`${p.path}: followthrough ${command} has no option ${option[1] ?? ''}`);
      }
    }
  }
  return problems;
}

function unknownSettings(p: Page, known: ReadonlySet<string>): string[] {
  const problems = new Set<string>();
  for (const match of p.text.matchAll(/(?<![A-Za-z0-9_])(\*?)([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)(_\*|\*)?(?![A-Za-z0-9])/g)) {
    const [prefix = '', name = '', suffix = ''] = [match[1], match[2], match[3]];
    if (!name.includes('_') && suffix !== '_*') continue;
    const glob = prefix !== '' || suffix !== '';
    const pattern = new RegExp(`^${prefix ? '.*' : ''}${name}${suffix === '_*' ? '_.+' : suffix ? '.*' : ''}$`);
    const found = glob ? [...known].some((candidate) => pattern.test(candidate)) : known.has(name);
    if (!found) problems.add(`${p.path}: ${prefix}${name}${suffix} is not a setting config/config.ts reads, nor a name in env/, m365agents*.yml or the templates`);
  }
  return [...problems];
}

function pathCandidates(code: string): string[] {
  return code
    .split(/[\s"'()=,;`[\]]+/)
    .map((token) => token.replace(/^\.\//, '').replace(/[.:,;]+$/, ''))
    .filter((token) => token.includes('/') && !token.includes('://') && !/^[/~$@{*.-]/.test(token) && !/[{}*$<>|]/.test(token));
}

function missingPaths(p: Page): string[] {
  const problems = new Set<string>();
  for (const code of codeOf(p)) {
    for (const path of pathCandidates(code)) {
      const first = path.split('/')[0] ?? '';
      if (!TOP_LEVEL.has(first) && !FILE_EXTENSION.test(path)) continue;
      if (GENERATED.some((root) => path === root || path.startsWith(`${root}/`)) || ADMIN_ENV_FILE.test(path)) continue;
      if (!existsSync(join(ROOT, path))) problems.add(`${p.path}: \`${path}\` does not exist in the repository`);
    }
  }
  return [...problems];
}

function brokenLinks(p: Page, pages: (path: string) => Page): string[] {
  const problems: string[] = [];
  for (const line of p.prose) {
    for (const match of line.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
      const target = match[1] ?? '';
      if (/^[a-z][a-z+.-]*:/i.test(target)) continue;
      const [file = '', anchor] = target.split('#');
      const path = file === '' ? p.path : normalize(join(dirname(p.path), file));
      if (!existsSync(join(ROOT, path))) {
        problems.push(`${p.path}: the link to ${target} leads nowhere`);
      } else if (anchor !== undefined && path.endsWith('.md') && !anchorsOf(pages(path)).has(anchor)) {
        problems.push(`${p.path}: the link to ${target} names no heading of ${path}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

describe('the admin guides name only what exists', () => {
  it.each(GUIDES)('%s: every npm run script is in package.json', (path) => {
    expect(missingScripts(pageAt(path))).toEqual([]);
  });

  it.each(GUIDES)('%s: every followthrough command and option is in the CLI\'s usage', async (path) => {
    expect(unknownCommands(pageAt(path), await cliUsage())).toEqual([]);
  });

  it.each(GUIDES)('%s: every setting in capitals is read by config or defined by the deployment files', (path) => {
    expect(unknownSettings(pageAt(path), KNOWN_NAMES)).toEqual([]);
  });

  it.each(GUIDES)('%s: every repository path in code exists (or is made by building, running or the admin)', (path) => {
    expect(missingPaths(pageAt(path))).toEqual([]);
  });

  it.each(GUIDES)('%s: every relative link resolves, anchors included', (path) => {
    expect(brokenLinks(pageAt(path), pageAt)).toEqual([]);
  });

  it('the README links every guide in docs/', () => {
    const readme = read('README.md');
    expect(GUIDES.filter((path) => path.startsWith('docs/') && !readme.includes(`](${path})`))).toEqual([]);
  });
});

describe('each check finds a mistake when there is one', () => {
  const wrong = page(
    'docs/made-up.md',
    [
      '# Made up',
      'Run `npm run deploy-everything`, then `npx followthrough purge` and `npx followthrough provision --site x --force`.',
      'Set `REMINDER_SWEEP_MINUTES` and `SLACK_*` (but `REMINDER_*` and `STORE` are fine).',
      'Edit `infra/azure.bicp` and `store/sharepoint/list-schemas.ts`; `dist/tab` and `env/.env.prod` are made later.',
      'See [the guide](deployment.md#no-such-heading), [nothing](no-such-file.md) and [ops](operations.md#the-health-endpoint).',
    ].join('\n'),
  );

  it('scripts', () => {
    expect(missingScripts(wrong)).toEqual(['docs/made-up.md: npm run deploy-everything is not a script in package.json']);
  });

  it('commands and options', async () => {
    expect(unknownCommands(wrong, await cliUsage())).toEqual([
      'docs/made-up.md: followthrough purge is not a command in the CLI\'s usage',
      'docs/made-up.md: followthrough provision has no option --force',
    ]);
  });

  it('settings', () => {
    expect(unknownSettings(wrong, KNOWN_NAMES).map((problem) => problem.split(' is not')[0])).toEqual(['docs/made-up.md: REMINDER_SWEEP_MINUTES', 'docs/made-up.md: SLACK_*']);
  });

  it('paths', () => {
    expect(missingPaths(wrong)).toEqual([
      'docs/made-up.md: `infra/azure.bicp` does not exist in the repository',
      'docs/made-up.md: `store/sharepoint/list-schemas.ts` does not exist in the repository',
    ]);
  });

  it('links', () => {
    expect(brokenLinks(wrong, pageAt)).toEqual([
      'docs/made-up.md: the link to deployment.md#no-such-heading names no heading of docs/deployment.md',
      'docs/made-up.md: the link to no-such-file.md leads nowhere',
    ]);
  });
});

describe('the deployment guide\'s examples work', () => {
  const guide = pageAt('docs/deployment.md');
  const fenceWith = (text: string): Fence => {
    const found = guide.fences.find((fence) => fence.body.includes(text));
    if (!found) throw new Error(`docs/deployment.md has no code block with ${text}`);
    return found;
  };

  it('the Followthrough Roles item is a role the store reads, its key folded as the guide says', () => {
    const role = Role.parse(JSON.parse(fenceWith('"holders"').body));
    expect(role.key).toBe(roleKey(role.name));
    expect(guide.text).toContain(`\`${role.key}\``);
  });

  it('the settings exported for `followthrough provision` are exactly the ones it needs', () => {
    const names = [...fenceWith('AZURE_CLIENT_CERTIFICATE_THUMBPRINT').body.matchAll(/^export (\w+)=/gm)].map((m) => m[1] ?? '');
    const sample: Record<string, string> = {
      AZURE_TENANT_ID: '3c9e1f2a-7b6d-4e8f-9a0b-1c2d3e4f5a6b',
      AZURE_CLIENT_ID: '9d8c7b6a-5f4e-4d3c-b2a1-0f9e8d7c6b5a',
      AZURE_CLIENT_CERTIFICATE_PATH: '/home/admin/followthrough-key.pem',
      AZURE_CLIENT_CERTIFICATE_THUMBPRINT: '0B98708D3975A7F2182509C6946C2BF35CBAA72E1DC3BC66237582E43257F072',
    };
    // What provisionCommand sets itself from --site.
    const provisioning = { STORE: 'sharepoint', SHAREPOINT_SITE: 'https://contoso.sharepoint.com/sites/actionplans' };
    const env = (without: string | null) => Object.fromEntries(names.filter((name) => name !== without).map((name) => [name, sample[name] ?? `(no sample value for ${name})`]));
    expect(names.sort()).toEqual(Object.keys(sample).sort());
    expect(() => loadConfig({ ...env(null), ...provisioning })).not.toThrow();
    for (const name of names) expect(() => loadConfig({ ...env(name), ...provisioning }), `without ${name}`).toThrow(ConfigError);
  });

  describe('the test plan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'followthrough-docs-'));
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports as one action due tomorrow, led by the test lead role, owned by the test owner role', async () => {
      const script = fenceWith('Followthrough test plan').body;
      const csv = /<<EOF\n([\s\S]*?)\nEOF/.exec(script)?.[1];
      expect(csv).toBeDefined();
      const file = join(dir, 'test-plan.csv');
      writeFileSync(file, (csv ?? '').replace('$(date -d tomorrow +%d/%m/%Y)', '21/06/2025'));
      let out = '';
      const code = await runCli(['import', file, '--dry-run', '--json'], { SQLITE_PATH: join(dir, 'store.db') }, { out: (text) => (out += text), err: () => undefined });
      expect(code).toBe(0);
      const draft = JSON.parse(out) as { plan: { title: string; owner: string | null; references: string[] }; recommendations: { actions: { leads: string[]; due: { date: string | null } | null }[] }[] };
      expect(draft.plan).toMatchObject({ title: 'Followthrough test plan', owner: 'Followthrough Test Owner', references: ['FT-TEST-1'] });
      expect(draft.recommendations.flatMap((rec) => rec.actions).map((action) => [action.leads, action.due?.date])).toEqual([[['Followthrough Test Lead'], '2025-06-21']]);
    });
  });
});

describe('docs/permissions.md agrees with aad.manifest.json and infra/README.md', () => {
  const permissions = pageAt('docs/permissions.md');
  const listed = (rows: string[][]): string[] =>
    rows.filter((cells) => /^`[\w.]+`$/.test(cells[0] ?? '')).map((cells) => `${(cells[0] ?? '').replaceAll('`', '')} ${cells[1] === 'Application' ? 'Role' : 'Scope'}`).sort();

  it('lists exactly the Graph permissions aad.manifest.json requests', () => {
    const manifest = JSON.parse(read('aad.manifest.json')) as { requiredResourceAccess: { resourceAccess: { id: string; type: string }[] }[] };
    const requested = manifest.requiredResourceAccess.flatMap((resource) => resource.resourceAccess.map((access) => `${access.id} ${access.type}`)).sort();
    expect(listed(tableAfter(permissions, 'Requested by aad.manifest.json'))).toEqual(requested);
  });

  it('lists the same optional permissions as infra/README.md', () => {
    const infra = listed(tableAfter(pageAt('infra/README.md'), 'Added only with PROACTIVE_INSTALL=on'));
    expect(infra.length).toBeGreaterThan(0);
    expect(listed(tableAfter(permissions, 'Only with PROACTIVE_INSTALL=on'))).toEqual(infra);
  });
});
