import { describe, expect, it } from 'vitest';
import { importPlanText } from '../../core/import/import-plan.js';
import { seedFiles } from '../support/seeds.js';
import { wordCoverage } from '../support/word-coverage.js';

/** Recommendations / actions per seed, as the foundation issue states them. */
const EXPECTED: Record<string, [number, number]> = {
  '000': [4, 4],
  '001': [2, 2],
  '002': [18, 18],
  '003': [6, 12],
  '004': [5, 20],
};

const seeds = seedFiles();

describe('the five real plans in ../shared/seeds', () => {
  it('are all present beside the repository', () => {
    // CI runs with shared/ beside the clone; a missing folder must fail loudly, not skip.
    expect(seeds.map((s) => s.id)).toEqual(Object.keys(EXPECTED));
  });

  it.each(seeds.map((s) => [s.id, s] as const))('seed %s imports with the stated recommendations and actions', (id, seed: (typeof seeds)[number]) => {
    const draft = importPlanText(seed.text, seed.path);
    const actions = draft.recommendations.reduce((n, r) => n + r.actions.length, 0);
    expect([draft.recommendations.length, actions]).toEqual(EXPECTED[id]);
  });

  it.each(seeds.map((s) => [s.id, s] as const))('seed %s keeps at least 98%% of its distinct words', (_id, seed) => {
    const draft = importPlanText(seed.text, seed.path);
    const { ratio, missing } = wordCoverage(seed.text, draft);
    expect({ ratio: ratio >= 0.98, missing }).toEqual({ ratio: true, missing: expect.any(Array) as unknown });
  });
});
