import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite puts a content hash in every file name under assets/: such a file never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files, so it is checked on every load. */
const REVALIDATE = 'no-cache';

/**
 * The built front end (Vite, base `/tab/`) under `/tab/`. A path that is not a file is a route
 * of the single-page app (the bot links to `/tab/actions/<id>`), so it gets index.html — except
 * under assets/, where a missing file is a 404: HTML in place of a stale script only hides the
 * failure.
 */
export function tabFiles(directory: string): (urlPath: string) => Promise<StaticAnswer> {
  const root = resolve(directory);
  const index = join(root, 'index.html');
  return async (urlPath) => {
    const relative = relativePath(urlPath);
    if (relative === null) return text(404, 'Not found.');
    const file = relative === '' ? index : join(root, relative);
    if (file !== root && !file.startsWith(root + sep)) return text(404, 'Not found.');
    if (await isFile(file)) return fileAnswer(file, file === index ? REVALIDATE : relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
    if (relative.startsWith('assets/')) return text(404, 'Not found.');
    if (!(await isFile(index))) return text(503, 'The tab has not been built yet: run `npm run build`, then reload.');
    return fileAnswer(index, REVALIDATE);
  };
}

/** The path below /tab/, decoded; null when it is not one or tries to climb out. */
function relativePath(urlPath: string): string | null {
  const below = urlPath === '/tab' ? '' : urlPath.startsWith('/tab/') ? urlPath.slice(5) : null;
  if (below === null) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(below);
  } catch {
    // A malformed escape names no file; the caller gets a 404 like any other.
    return null;
  }
  const parts = decoded.split(/[/\\]/);
  if (decoded.includes('\0') || parts.some((part) => part === '..')) return null;
  return parts.filter((part) => part !== '' && part !== '.').join('/');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    // ENOENT and friends: there is no such file, which is the answer.
    return false;
  }
}

/**
 * Teams shows the tab in an iframe: only Microsoft 365's hosts may frame it ("Tab requirements",
 * learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements — teams.microsoft.com,
 * the *.cloud.microsoft domains the web clients are moving to, Microsoft 365 and Outlook).
 */
export const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.microsoft365.com https://*.office.com https://outlook.office.com https://outlook.office365.com";

async function fileAnswer(path: string, cache: string): Promise<StaticAnswer> {
  const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': cache, 'x-content-type-options': 'nosniff' };
  if (type.startsWith('text/html')) headers['content-security-policy'] = FRAME_ANCESTORS;
  return { status: 200, headers, body: await readFile(path) };
}

function text(status: number, message: string): StaticAnswer {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, body: message };
}
