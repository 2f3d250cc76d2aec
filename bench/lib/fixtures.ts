import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { seedFiles } from '../../test/support/seeds.js';

/** The size of the generated plan, which every large case checks its result against. */
export const LARGE_PLAN = { recommendations: 1_000, actionsPerRecommendation: 5, actions: 5_000 } as const;

/**
 * Files made once per run (bench/lib/create-fixtures.ts) and shared by the cases and by the
 * child processes that measure memory. This module loads no library, so a child loads only
 * what its case needs.
 */
export interface Fixtures {
  dir: string;
  /** Seed 004, read where it lives beside the repository. */
  seedPath: string;
  /** The generated 5,000-action workbook. */
  xlsxPath: string;
  /** That workbook imported, as JSON: the draft the SQLite case saves. */
  draftPath: string;
}

export function fixturesIn(dir: string): Fixtures {
  return { dir, seedPath: seedPath(), xlsxPath: join(dir, 'plan-5000.xlsx'), draftPath: join(dir, 'plan-5000.draft.json') };
}

export function removeFixtures(fixtures: Fixtures): void {
  rmSync(fixtures.dir, { recursive: true, force: true });
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

function seedPath(): string {
  const seed = seedFiles().find((file) => file.id === '004');
  if (seed === undefined) throw new Error('seed 004 was not found in ../shared/seeds beside the repository');
  return seed.path;
}
