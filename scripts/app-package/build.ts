import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { AppPackageError } from './app-package-error.js';
import { checkPackage } from './checks.js';
import { parseEnvFile } from './env-file.js';
import { schemaFor } from './schema.js';
import { fillTemplate } from './template.js';

/** Where the template, the env files and the built zips live (the repository's, or a test's copy). */
export interface Layout {
  appPackageDir: string;
  envDir: string;
  outDir: string;
}

export interface BuiltPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
  /** The zip's entries, in order. */
  entries: string[];
}

/**
 * Not in the manifest, but needed to check it: Teams posts to the bot's endpoint, so its host
 * must be one of validDomains. Agents Toolkit projects keep it in the env file beside BOT_DOMAIN.
 */
const ALSO_REQUIRED = ['BOT_ENDPOINT'];

/** A fixed time for every entry, so the same inputs give the same zip byte for byte. */
const ENTRY_DATE = new Date('2020-01-01T00:00:00Z');

/**
 * env/.env.<name> + appPackage/manifest.json + the icons → <outDir>/appPackage.<name>.zip, or
 * AppPackageError listing everything wrong; then nothing is written.
 */
export async function buildAppPackage(envName: string, layout: Layout): Promise<BuiltPackage> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(envName)) throw new AppPackageError([`"${envName}" is not an environment name (letters, digits, . _ -)`]);
  const envFile = join(layout.envDir, `.env.${envName}`);
  const values = parseEnvFile(await readText(envFile, `no env file ${shown(envFile)}: copy env/.env.dev.example to it and fill it in`), shown(envFile));
  const templateFile = join(layout.appPackageDir, 'manifest.json');
  const filled = fillTemplate(await readText(templateFile, `no manifest template at ${shown(templateFile)}`), values, shown(envFile), ALSO_REQUIRED);
  const manifest = withoutDuplicateDomains(parseManifest(filled, templateFile));
  const files = await readIcons(manifest, layout.appPackageDir);
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') throw new AppPackageError(['manifestVersion is missing: it names the schema the manifest follows']);
  const problems = [...schemaFor(version)(manifest), ...checkPackage({ manifest, files, endpoints: ALSO_REQUIRED.map((name) => values.get(name) ?? '') })];
  if (problems.length > 0) throw new AppPackageError(problems);
  return writeZip(manifest, files, join(layout.outDir, `appPackage.${envName}.zip`));
}

async function writeZip(manifest: Record<string, unknown>, files: ReadonlyMap<string, Uint8Array>, zipPath: string): Promise<BuiltPackage> {
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ENTRY_DATE });
  for (const [name, bytes] of files) zip.file(name, bytes, { date: ENTRY_DATE });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  await mkdir(join(zipPath, '..'), { recursive: true });
  // Written beside, then renamed: an interrupted run never leaves half a zip under the real name.
  const partial = `${zipPath}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, zipPath);
  return { zipPath, manifest, entries: ['manifest.json', ...files.keys()] };
}

function parseManifest(text: string, file: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppPackageError([`${shown(file)} is not JSON once filled in: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new AppPackageError([`${shown(file)} must hold a JSON object`]);
  return parsed as Record<string, unknown>;
}

/** The tab and the bot are usually served from one host: TAB_DOMAIN and BOT_DOMAIN then fill in the same name twice. */
function withoutDuplicateDomains(manifest: Record<string, unknown>): Record<string, unknown> {
  const domains = manifest.validDomains;
  if (!Array.isArray(domains)) return manifest;
  const seen = new Set<string>();
  const unique = domains.filter((domain) => {
    const key = typeof domain === 'string' ? domain.toLowerCase() : JSON.stringify(domain);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...manifest, validDomains: unique };
}

/** The icons the manifest names, read from the template's folder; a missing one is left to the checks to report. */
async function readIcons(manifest: Record<string, unknown>, directory: string): Promise<Map<string, Uint8Array>> {
  const icons = typeof manifest.icons === 'object' && manifest.icons !== null ? (manifest.icons as Record<string, unknown>) : {};
  const names = [icons.color, icons.outline].filter((name): name is string => typeof name === 'string');
  const nested = names.filter((name) => /[/\\]/.test(name) || name.startsWith('.'));
  if (nested.length > 0) throw new AppPackageError(nested.map((name) => `icon "${name}" must be a file name beside manifest.json: Teams reads icons from the zip's root`));
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    try {
      files.set(name, await readFile(join(directory, name)));
    } catch {
      // Not there: the icon rules name the file and the field that wants it.
    }
  }
  return files;
}

async function readText(file: string, ifMissing: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppPackageError([ifMissing]);
    throw error;
  }
}

/** Paths in messages: relative to where the command runs when below it, else as they are. */
function shown(file: string): string {
  const near = relative(process.cwd(), file);
  return near.startsWith('..') || near === '' ? file : near;
}
