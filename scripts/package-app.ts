import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppPackageError } from './app-package/app-package-error.js';
import { buildAppPackage, type Layout } from './app-package/build.js';

/**
 * `npm run package -- --env <name> [--out <dir>]`: fills appPackage/manifest.json from
 * env/.env.<name>, validates it offline (Microsoft's schema and our checks) and writes
 * appPackage/build/appPackage.<name>.zip. Exit 0 when written, 1 when the package has problems
 * (each one listed, nothing written), 2 for wrong usage.
 */

const USAGE = 'usage: npm run package -- --env <name> [--out <dir>]   (reads env/.env.<name>)';

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const REPOSITORY_LAYOUT: Layout = { appPackageDir: join(ROOT, 'appPackage'), envDir: join(ROOT, 'env'), outDir: join(ROOT, 'appPackage', 'build') };

export async function packageApp(argv: readonly string[], layout: Layout, output: Output): Promise<number> {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    output.err(options);
    output.err(USAGE);
    return 2;
  }
  try {
    const built = await buildAppPackage(options.env, options.out === undefined ? layout : { ...layout, outDir: resolve(options.out) });
    output.out(`wrote ${shown(built.zipPath)}: ${built.entries.join(', ')} (manifest ${String(built.manifest.manifestVersion)}, valid against the schema and our checks)`);
    return 0;
  } catch (error) {
    if (!(error instanceof AppPackageError)) throw error;
    output.err(`The app package for "${options.env}" was not built:`);
    for (const problem of error.problems) output.err(`  - ${problem}`);
    return 1;
  }
}

function parseArguments(argv: readonly string[]): { env: string; out?: string } | string {
  const found: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--(env|out)(?:=(.*))?$/.exec(arg);
    if (match?.[1] === undefined) return `unknown argument "${arg}"`;
    const value = match[2] ?? argv[(i += 1)];
    if (value === undefined || value === '') return `--${match[1]} needs a value`;
    found[match[1]] = value;
  }
  if (found.env === undefined) return 'say which environment: --env <name>';
  return found.out === undefined ? { env: found.env } : { env: found.env, out: found.out };
}

function shown(file: string): string {
  const near = relative(process.cwd(), file);
  return near.startsWith('..') ? file : near;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await packageApp(process.argv.slice(2), REPOSITORY_LAYOUT, {
    out: (line) => {
      console.log(line);
    },
    err: (line) => {
      console.error(line);
    },
  });
}
