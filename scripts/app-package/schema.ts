import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsPlugin from 'ajv-formats';
import { AppPackageError } from './app-package-error.js';

/**
 * Microsoft's manifest schemas as npm `@microsoft/app-manifest` ships them, read from disk. Its own
 * validate function downloads the schema named by `$schema`, which needs the network; this is the
 * same check (draft-04, ajv, the same formats) offline.
 */
const require = createRequire(import.meta.url);
const SCHEMAS = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

// Both are CommonJS whose module.exports is also their `default`; NodeNext types see only the latter.
const Ajv = AjvDraft04.default;
const addFormats = addFormatsPlugin.default;

/** The newest numbered schema the installed package has ("1.30"); previews (vDevPreview) do not count. */
export function newestSchemaVersion(): string {
  const versions = readdirSync(SCHEMAS)
    .map((name) => /^v(\d+)\.(\d+)$/.exec(name))
    .filter((match) => match !== null)
    .map((match) => [Number(match[1]), Number(match[2])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const newest = versions.at(-1);
  if (newest === undefined) throw new AppPackageError([`no numbered manifest schema under ${SCHEMAS}`]);
  return `${String(newest[0])}.${String(newest[1])}`;
}

export type SchemaCheck = (manifest: unknown) => string[];

const compiled = new Map<string, SchemaCheck>();

/** A validator for the manifest's own `manifestVersion`, answering the schema's complaints as lines. */
export function schemaFor(manifestVersion: string): SchemaCheck {
  const known = compiled.get(manifestVersion);
  if (known !== undefined) return known;
  const file = join(SCHEMAS, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  let schema: unknown;
  try {
    schema = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // Missing or unreadable: either way this package cannot check that version.
    throw new AppPackageError([`manifestVersion "${manifestVersion}" has no schema in @microsoft/app-manifest (looked for ${file}); the newest there is ${newestSchemaVersion()}`]);
  }
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema as object);
  const check: SchemaCheck = (manifest) => (validate(manifest) ? [] : (validate.errors ?? []).map((error) => `schema: ${error.instancePath || '(manifest)'} ${error.message ?? 'is invalid'}${detail(error.params)}`));
  compiled.set(manifestVersion, check);
  return check;
}

/** The part of ajv's params that says what was wrong ("additionalProperty: colour"). */
function detail(params: Record<string, unknown>): string {
  const named = params.additionalProperty ?? params.allowedValues ?? params.pattern ?? params.limit;
  if (named === undefined) return '';
  const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
  return ` (${Array.isArray(named) ? named.map(shown).join(', ') : shown(named)})`;
}
