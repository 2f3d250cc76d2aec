import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importPlanText } from '../../core/import/import-plan.js';
import { readTextLayout } from '../../core/import/text-layout.js';
import type { BenchCase } from '../lib/bench-case.js';
import { assertPlanSize } from '../lib/plan-size.js';

/** Seed 004 (a Word table pasted as text) through the whole text importer. */
export const seed004Text: BenchCase = {
  id: 'seed-004-text',
  label: 'seed 004 text import',
  baseline: 'the text split into lines and tab-separated cells',
  runPlan: { warmup: 20, minRuns: 50, maxRuns: 400, budgetMs: 4_000, gcEachRun: false },
  prepare(fixtures) {
    const text = readFileSync(fixtures.seedPath, 'utf8');
    const name = basename(fixtures.seedPath);
    return Promise.resolve({
      ours: {
        run: () => {
          const draft = importPlanText(text, name);
          assertPlanSize(draft, 5, 20, 'seed 004');
          return draft;
        },
      },
      baseline: { run: () => text.split('\n').map((line) => line.split('\t')) },
      parts: [{ label: 'readTextLayout', variant: { run: () => readTextLayout(text, name) } }],
    });
  },
};
