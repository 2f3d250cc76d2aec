import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The five real plans live beside the repository (`../shared/seeds`), not in it. */
export const SEEDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');

export function seedFiles(): { id: string; path: string; text: string }[] {
  if (!existsSync(SEEDS_DIR)) return [];
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: name.slice(0, 3), path: join(SEEDS_DIR, name), text: readFileSync(join(SEEDS_DIR, name), 'utf8') }));
}
