import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../core/chat/parse-command.js';
import { checkPackage } from '../../scripts/app-package/checks.js';
import { parseEnvFile } from '../../scripts/app-package/env-file.js';
import { encodePng } from '../../scripts/app-package/png.js';
import { newestSchemaVersion, schemaFor } from '../../scripts/app-package/schema.js';
import { placeholdersIn } from '../../scripts/app-package/template.js';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/make-icons.js';
import { packageApp, REPOSITORY_LAYOUT } from '../../scripts/package-app.js';
import { matchRoute } from '../../tab/src/routing/routes.js';

/**
 * The Teams app package end to end, offline: the committed template and icons, filled from an
 * env file, checked against Microsoft's schema from npm and our own rules, zipped.
 */

const TEST_ENV = {
  TEAMSFX_ENV: 'test',
  APP_NAME_SUFFIX: '" (test)"',
  DEVELOPER_NAME: '"Example NHS Trust"',
  DEVELOPER_WEBSITE_URL: 'https://www.example.org',
  DEVELOPER_PRIVACY_URL: 'https://www.example.org/privacy',
  DEVELOPER_TERMS_URL: 'https://www.example.org/terms',
  TEAMS_APP_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_ID: 'b1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  BOT_DOMAIN: 'followthrough.example.org',
  BOT_ENDPOINT: 'https://followthrough.example.org/api/messages',
  TAB_DOMAIN: 'followthrough.example.org',
  TAB_ENDPOINT: 'https://followthrough.example.org',
  AAD_APP_CLIENT_ID: 'c1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
};

let root: string;
let layout: { appPackageDir: string; envDir: string; outDir: string };

/** A copy of appPackage/ and an env file in a temporary folder, so a test may break either. */
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'app-package-'));
  layout = { appPackageDir: join(root, 'appPackage'), envDir: join(root, 'env'), outDir: join(root, 'appPackage', 'build') };
  await cp(REPOSITORY_LAYOUT.appPackageDir, layout.appPackageDir, { recursive: true, filter: (source) => basename(source) !== 'build' });
  await writeEnv('test', TEST_ENV);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeEnv(name: string, values: Record<string, string | undefined>): Promise<void> {
  await mkdir(layout.envDir, { recursive: true });
  const lines = Object.entries(values).flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${value}`]));
  await writeFile(join(layout.envDir, `.env.${name}`), `${lines.join('\n')}\n`);
}

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await packageApp(argv, layout, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

const zipPath = (env: string): string => join(layout.outDir, `appPackage.${env}.zip`);

async function template(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(REPOSITORY_LAYOUT.appPackageDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

describe('the committed template', () => {
  it('is on the newest numbered schema @microsoft/app-manifest ships', async () => {
    const manifest = await template();
    const newest = newestSchemaVersion();
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });

  it('has icons that are exactly what scripts/make-icons.ts draws', async () => {
    expect(await readFile(join(REPOSITORY_LAYOUT.appPackageDir, 'color.png'))).toEqual(encodePng(drawColorIcon()));
    expect(await readFile(join(REPOSITORY_LAYOUT.appPackageDir, 'outline.png'))).toEqual(encodePng(drawOutlineIcon()));
  });

  it('offers the bot commands the bot understands', async () => {
    const bots = (await template()).bots as { commandLists: { commands: { title: string }[] }[] }[];
    const titles = bots.flatMap((bot) => bot.commandLists.flatMap((list) => list.commands.map((command) => command.title)));
    expect(titles).toEqual(expect.arrayContaining(['help', 'my actions']));
    for (const title of titles) {
      const command = parseCommand(title);
      // "update" and "snooze" alone need a ref: the bot answers them with how to write one, never "unknown".
      expect(command.kind !== 'unknown' || command.problem !== undefined, title).toBe(true);
    }
  });

  it('points its tabs at pages the tab has', async () => {
    const manifest = await template();
    const path = (url: string): string => new URL(url.replace('${{TAB_ENDPOINT}}', 'https://x')).pathname;
    const tabs = manifest.staticTabs as { entityId: string; contentUrl?: string }[];
    const routes = Object.fromEntries(tabs.filter((tab) => tab.contentUrl !== undefined).map((tab) => [tab.entityId, matchRoute(path(tab.contentUrl ?? '')).name]));
    expect(routes).toEqual({ myActions: 'my-actions', dashboard: 'dashboard-home' });
    const [configurable] = manifest.configurableTabs as { configurationUrl: string }[];
    expect(matchRoute(path(configurable?.configurationUrl ?? '')).name).toBe('config');
  });

  it.each(['.env.local', '.env.dev.example'])('env/%s names every value the package needs', async (file) => {
    const values = parseEnvFile(await readFile(join(REPOSITORY_LAYOUT.envDir, file), 'utf8'), file);
    const wanted = [...placeholdersIn(await readFile(join(REPOSITORY_LAYOUT.appPackageDir, 'manifest.json'), 'utf8')), 'BOT_ENDPOINT'];
    expect(wanted.filter((name) => !values.has(name))).toEqual([]);
  });
});

describe('npm run package', () => {
  it('fills the template, validates it and zips exactly the manifest and the two icons', async () => {
    const result = await run('--env', 'test');
    expect(result).toMatchObject({ code: 0, err: [] });
    expect(result.out.join('\n')).toContain('appPackage.test.zip');
    const zip = await JSZip.loadAsync(await readFile(zipPath('test')));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')?.async('string') ?? '') as Record<string, unknown>;
    const files = new Map<string, Uint8Array>();
    for (const name of ['color.png', 'outline.png']) files.set(name, (await zip.file(name)?.async('uint8array')) ?? new Uint8Array());
    // What is in the zip is checked again, as Teams would receive it.
    expect(schemaFor(String(manifest.manifestVersion))(manifest)).toEqual([]);
    expect(checkPackage({ manifest, files, endpoints: [TEST_ENV.BOT_ENDPOINT] })).toEqual([]);
    expect(manifest).toMatchObject({
      id: TEST_ENV.TEAMS_APP_ID,
      name: { short: 'Followthrough (test)' },
      validDomains: ['followthrough.example.org'],
      webApplicationInfo: { id: TEST_ENV.AAD_APP_CLIENT_ID, resource: `api://followthrough.example.org/${TEST_ENV.AAD_APP_CLIENT_ID}` },
      bots: [{ botId: TEST_ENV.BOT_ID, scopes: ['personal'], supportsFiles: false, isNotificationOnly: false }],
    });
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('builds the same zip twice from the same inputs', async () => {
    await run('--env', 'test');
    const first = await readFile(zipPath('test'));
    await run('--env=test');
    expect(await readFile(zipPath('test'))).toEqual(first);
  });

  it.each<[string, () => Promise<void>, RegExp]>([
    ['a missing env value', () => writeEnv('test', { ...TEST_ENV, BOT_ID: undefined }), /BOT_ID has no value in .*\.env\.test/],
    ['an empty env value', () => writeEnv('test', { ...TEST_ENV, AAD_APP_CLIENT_ID: '' }), /AAD_APP_CLIENT_ID has no value in .*\.env\.test/],
    ['a missing env file', () => rm(join(layout.envDir, '.env.test')), /no env file .*\.env\.test/],
    ['a bad GUID', () => writeEnv('test', { ...TEST_ENV, TEAMS_APP_ID: 'followthrough-app' }), /^ {2}- id must be a GUID/m],
    ['a short name too long', () => writeEnv('test', { ...TEST_ENV, APP_NAME_SUFFIX: '" for the Quality Directorate"' }), /name\.short is 41 characters; Teams allows 30/],
    ['a bot endpoint outside validDomains', () => writeEnv('test', { ...TEST_ENV, BOT_ENDPOINT: 'https://bot.example.net/api/messages' }), /validDomains does not cover bot\.example\.net/],
    ['a colour icon of the wrong size', () => writeFile(join(layout.appPackageDir, 'color.png'), encodePng(drawColorIcon(96))), /color\.png is 96×96; it must be 192×192/],
    ['an opaque outline icon', () => writeFile(join(layout.appPackageDir, 'outline.png'), opaque(drawOutlineIcon())), /outline\.png has no transparent pixel/],
    ['a property the schema does not know', () => editTemplate((m) => ({ ...m, colour: '#005EB8' })), /schema: \(manifest\) must NOT have additional properties \(colour\)/],
    ['a manifest version with no schema', () => editTemplate((m) => ({ ...m, manifestVersion: '9.99' })), /manifestVersion "9\.99" has no schema/],
  ])('refuses %s, says why and writes no zip', async (_what, breakIt, message) => {
    await breakIt();
    const result = await run('--env', 'test');
    expect(result.code).toBe(1);
    expect(result.err[0]).toBe('The app package for "test" was not built:');
    expect(result.err.join('\n')).toMatch(message);
    expect(existsSync(zipPath('test'))).toBe(false);
  });

  it.each<[string[], number, RegExp]>([
    [[], 2, /--env <name>/],
    [['--env'], 2, /--env needs a value/],
    [['--colour', 'blue'], 2, /unknown argument "--colour"/],
    [['--env', '../secrets'], 1, /not an environment name/],
  ])('answers %j with exit %i and why', async (argv, code, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(code);
    expect(result.err.join('\n')).toMatch(message);
  });

  it('runs from npm with the committed example env file', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'package', '--', '--env', 'dev.example', '--out', layout.outDir], { cwd: join(REPOSITORY_LAYOUT.appPackageDir, '..') });
    expect(stdout).toContain('appPackage.dev.example.zip');
    const zip = await JSZip.loadAsync(await readFile(zipPath('dev.example')));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });
});

function opaque(image: { width: number; height: number; pixels: Uint8Array }): Buffer {
  const pixels = Uint8Array.from(image.pixels);
  for (let i = 3; i < pixels.length; i += 4) pixels[i] = 255;
  return encodePng({ ...image, pixels });
}

async function editTemplate(change: (manifest: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const file = join(layout.appPackageDir, 'manifest.json');
  await writeFile(file, JSON.stringify(change(JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>), null, 2));
}
