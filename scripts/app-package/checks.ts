import { decodePng, readPngHeader } from './png.js';

/**
 * Our own checks of a filled manifest, beyond Microsoft's schema: things the schema cannot see
 * (the icons' pixels, whether validDomains covers the endpoints, the SSO resource's shape) and
 * limits Teams enforces more tightly than the schema states (command titles ≤ 32). Each rule
 * answers a list of problems, empty when the manifest passes it.
 */
export interface PackageInput {
  manifest: unknown;
  /** The other files of the package by name (the icons). */
  files: ReadonlyMap<string, Uint8Array>;
  /** URLs Teams calls that the manifest does not show (the bot's messaging endpoint). */
  endpoints: readonly string[];
}

export type Rule = (input: PackageInput) => string[];

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Lengths as Teams enforces them ("Manifest schema" reference; commands per the older, stricter limits every client honours). */
const LIMITS: [path: string, max: number][] = [
  ['name.short', 30],
  ['name.full', 100],
  ['description.short', 80],
  ['description.full', 4000],
  ['developer.name', 32],
];
const COMMAND_TITLE_MAX = 32;
const COMMAND_DESCRIPTION_MAX = 128;

export const RULES: Record<string, Rule> = {
  placeholders: ({ manifest }) => strings(manifest, '').filter(([, value]) => value.includes('${{')).map(([path]) => `${path} still holds a \${{placeholder}}`),
  ids: ({ manifest }) => idPaths(manifest).flatMap(([path, value]) => guidProblem(path, value)),
  lengths: ({ manifest }) => [
    ...LIMITS.flatMap(([path, max]) => tooLong(path, at(manifest, path), max)),
    ...commands(manifest).flatMap(([path, command]) => [...tooLong(`${path}.title`, command.title, COMMAND_TITLE_MAX), ...tooLong(`${path}.description`, command.description, COMMAND_DESCRIPTION_MAX)]),
  ],
  version: ({ manifest }) => {
    const version = at(manifest, 'version');
    return typeof version === 'string' && /^\d+\.\d+\.\d+$/.test(version) ? [] : [`version must be three numbers, e.g. 1.0.0 (raise it for every upload), not ${JSON.stringify(version)}`];
  },
  https: ({ manifest }) => tabUrls(manifest).flatMap(([path, url]) => (parseUrl(url)?.protocol === 'https:' ? [] : [`${path} must be an https:// URL (Teams loads tabs only over https), not "${url}"`])),
  validDomains: (input) => domainProblems(input),
  sso: ({ manifest }) => ssoProblems(manifest),
  entityIds: ({ manifest }) => {
    const ids = list(at(manifest, 'staticTabs')).map((tab) => at(tab, 'entityId'));
    return ids.filter((id, index) => ids.indexOf(id) !== index).map((id) => `staticTabs: entityId ${JSON.stringify(id)} is used twice`);
  },
  colorIcon: ({ manifest, files }) => iconProblems('icons.color', at(manifest, 'icons.color'), files, COLOR_ICON_SIZE),
  outlineIcon: ({ manifest, files }) => {
    const name = at(manifest, 'icons.outline');
    const problems = iconProblems('icons.outline', name, files, OUTLINE_ICON_SIZE);
    const bytes = typeof name === 'string' ? files.get(name) : undefined;
    // Its colours are worth reading only once it is a PNG of the right size.
    return problems.length > 0 || typeof name !== 'string' || bytes === undefined ? problems : outlineColourProblems(name, bytes);
  },
};

export function checkPackage(input: PackageInput): string[] {
  return Object.values(RULES).flatMap((rule) => rule(input));
}

function guidProblem(path: string, value: unknown): string[] {
  if (typeof value !== 'string' || !GUID.test(value)) return [`${path} must be a GUID, not ${JSON.stringify(value)}`];
  return value === NIL_GUID ? [`${path} is the all-zero GUID: put the real id in the env file`] : [];
}

function idPaths(manifest: unknown): [string, unknown][] {
  const bots = list(at(manifest, 'bots')).map((bot, index): [string, unknown] => [`bots[${String(index)}].botId`, at(bot, 'botId')]);
  const sso = at(manifest, 'webApplicationInfo') === undefined ? [] : [['webApplicationInfo.id', at(manifest, 'webApplicationInfo.id')] as [string, unknown]];
  return [['id', at(manifest, 'id')], ...bots, ...sso];
}

/** Counted in code points, as the schema's maxLength is. */
function tooLong(path: string, value: unknown, max: number): string[] {
  const length = typeof value === 'string' ? Array.from(value).length : 0;
  return length > max ? [`${path} is ${String(length)} characters; Teams allows ${String(max)}`] : [];
}

function commands(manifest: unknown): [string, { title: unknown; description: unknown }][] {
  return list(at(manifest, 'bots')).flatMap((bot, b) =>
    list(at(bot, 'commandLists')).flatMap((commandList, l) =>
      list(at(commandList, 'commands')).map((command, c): [string, { title: unknown; description: unknown }] => [`bots[${String(b)}].commandLists[${String(l)}].commands[${String(c)}]`, { title: at(command, 'title'), description: at(command, 'description') }]),
    ),
  );
}

/** Every URL Teams opens as a tab page. */
function tabUrls(manifest: unknown): [string, string][] {
  const found: [string, string][] = [];
  list(at(manifest, 'staticTabs')).forEach((tab, index) => {
    for (const key of ['contentUrl', 'websiteUrl', 'searchUrl']) {
      const url = at(tab, key);
      if (typeof url === 'string') found.push([`staticTabs[${String(index)}].${key}`, url]);
    }
  });
  list(at(manifest, 'configurableTabs')).forEach((tab, index) => {
    const url = at(tab, 'configurationUrl');
    if (typeof url === 'string') found.push([`configurableTabs[${String(index)}].configurationUrl`, url]);
  });
  return found;
}

function domainProblems({ manifest, endpoints }: PackageInput): string[] {
  const domains = list(at(manifest, 'validDomains')).filter((d): d is string => typeof d === 'string');
  const malformed = domains.filter((d) => /^[a-z]+:\/\//i.test(d) || d.includes('/')).map((d) => `validDomains: "${d}" must be a host name only (no https://, no path)`);
  const resource = at(manifest, 'webApplicationInfo.resource');
  const needed: [string, string][] = [...tabUrls(manifest), ...endpoints.map((url): [string, string] => ['the bot endpoint', url])];
  if (typeof resource === 'string' && resource.startsWith('api://')) needed.push(['webApplicationInfo.resource', resource.replace(/^api:/, 'https:')]);
  const uncovered = needed.flatMap(([what, url]) => {
    const host = parseUrl(url)?.host.toLowerCase();
    if (host === undefined) return [`${what}: "${url}" is not a URL`];
    return domains.some((domain) => covers(domain, host)) ? [] : [`validDomains does not cover ${host} (${what})`];
  });
  return [...malformed, ...[...new Set(uncovered)]];
}

/** "contoso.com" covers exactly that host; "*.contoso.com" covers any host below it. */
function covers(domain: string, host: string): boolean {
  const wanted = domain.toLowerCase();
  if (wanted.startsWith('*.')) return host.endsWith(wanted.slice(1)) && host.length > wanted.length - 1;
  return host === wanted;
}

/** Teams asks Entra for a token for `resource`: it must be the SSO app's Application ID URI, api://<host>/<client id>. */
function ssoProblems(manifest: unknown): string[] {
  if (at(manifest, 'webApplicationInfo') === undefined) return [];
  const id = at(manifest, 'webApplicationInfo.id');
  const resource = at(manifest, 'webApplicationInfo.resource');
  if (typeof resource !== 'string') return ['webApplicationInfo.resource is missing: the tab cannot ask for an SSO token without it'];
  const match = /^api:\/\/([^/\s]+)\/([^/\s]+)$/.exec(resource);
  if (match === null) return [`webApplicationInfo.resource must be api://<host>/<client id>, not "${resource}"`];
  return typeof id === 'string' && match[2]?.toLowerCase() === id.toLowerCase() ? [] : [`webApplicationInfo.resource ends in ${match[2] ?? ''}, but webApplicationInfo.id is ${JSON.stringify(id)}: they name the same Entra app`];
}

function iconProblems(path: string, name: unknown, files: ReadonlyMap<string, Uint8Array>, size: number): string[] {
  if (typeof name !== 'string') return [`${path} must name a PNG file in the package`];
  const bytes = files.get(name);
  if (bytes === undefined) return [`${path}: "${name}" is not in the package`];
  try {
    const header = readPngHeader(bytes);
    return header.width === size && header.height === size ? [] : [`${path}: ${name} is ${String(header.width)}×${String(header.height)}; it must be ${String(size)}×${String(size)}`];
  } catch (error) {
    return [`${path}: ${name} is not a readable PNG (${error instanceof Error ? error.message : String(error)})`];
  }
}

/** The outline icon is white on a transparent background: Teams recolours it, so any other colour or an opaque background shows wrongly. */
function outlineColourProblems(name: string, bytes: Uint8Array): string[] {
  let pixels: Uint8Array;
  try {
    pixels = decodePng(bytes).pixels;
  } catch (error) {
    return [`icons.outline: ${name} cannot be read (${error instanceof Error ? error.message : String(error)})`];
  }
  let transparent = 0;
  let coloured = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3] ?? 0;
    if (alpha === 0) transparent += 1;
    // A little give for design tools that leave edge pixels a shade off white.
    else if (Math.min(pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0) < 240) coloured += 1;
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push(`icons.outline: ${name} has no transparent pixel; its background must be transparent`);
  if (coloured > 0) problems.push(`icons.outline: ${name} has ${String(coloured)} visible pixels that are not white; the outline icon is white only`);
  return problems;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    // Not a URL: the caller names the field.
    return null;
  }
}

/** The value at a dotted path, or undefined. */
function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => (typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined), value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** Every string in a JSON value, with its path. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path || '(manifest)', value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${String(index)}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => strings(item, path === '' ? key : `${path}.${key}`));
  return [];
}
