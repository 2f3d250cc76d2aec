import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PlanDraft } from '../../core/model/index.js';
import { openSqlitePlanStore, type SqlitePlanStore } from '../../store/sqlite/sqlite-plan-store.js';
import type { BenchCase } from '../lib/bench-case.js';
import { LARGE_PLAN } from '../lib/fixtures.js';
import { assertPlanSize } from '../lib/plan-size.js';

const NOW = '2025-01-31T09:00:00.000Z';

/** The imported 5,000-action plan saved to a fresh SQLite file, one transaction per save. */
export const sqliteSave5000: BenchCase = {
  id: 'sqlite-save-5000',
  label: '5,000-action plan saved to SQLite',
  baseline: 'better-sqlite3 writing as many rows of the same JSON into a bare table, one transaction',
  runPlan: { warmup: 2, minRuns: 7, maxRuns: 25, budgetMs: 12_000, gcEachRun: true },
  prepare(fixtures) {
    const draft = PlanDraft.parse(JSON.parse(readFileSync(fixtures.draftPath, 'utf8')));
    assertPlanSize(draft, LARGE_PLAN.recommendations, LARGE_PLAN.actions, 'the saved draft');
    const rows = payloadRows(draft);
    const expected = expectedRows(draft);
    let counter = 0;
    const freshPath = (): string => join(fixtures.dir, `save-${String((counter += 1))}.db`);

    let store: SqlitePlanStore | null = null;
    let storePath = '';
    let bare: Database.Database | null = null;
    let barePath = '';
    return Promise.resolve({
      ours: {
        before: () => {
          storePath = freshPath();
          store = openSqlitePlanStore({ path: storePath });
        },
        run: () => {
          if (store === null) throw new Error('the store was not opened');
          return store.savePlan(draft, { now: NOW, contentKey: null });
        },
        after: async () => {
          await store?.close();
          store = null;
          checkSaved(storePath, expected);
          removeDatabase(storePath);
        },
      },
      baseline: {
        before: () => {
          barePath = freshPath();
          bare = new Database(barePath);
          bare.pragma('journal_mode = WAL');
          bare.exec('CREATE TABLE rows (kind TEXT NOT NULL, body TEXT NOT NULL)');
        },
        run: () => {
          const db = bare;
          if (db === null) throw new Error('the database was not opened');
          const insert = db.prepare('INSERT INTO rows (kind, body) VALUES (?, ?)');
          db.transaction(() => {
            for (const row of rows) insert.run(row.kind, row.body);
          }).immediate();
          return rows.length;
        },
        after: () => {
          bare?.close();
          bare = null;
          removeDatabase(barePath);
        },
      },
      parts: [{ label: 'PlanDraft.parse', variant: { run: () => PlanDraft.parse(draft) } }],
    });
  },
};

/** The rows savePlan writes, each as one JSON text of about the same size: plan, reference keys, recommendations, actions, first updates. */
function payloadRows(draft: PlanDraft): { kind: string; body: string }[] {
  const { plan, warnings, discarded, recommendations } = draft;
  const rows = [{ kind: 'plan', body: JSON.stringify({ plan, warnings, discarded }) }];
  for (const reference of plan.references) rows.push({ kind: 'reference', body: JSON.stringify(reference) });
  for (const { actions, ...recommendation } of recommendations) {
    rows.push({ kind: 'recommendation', body: JSON.stringify(recommendation) });
    for (const { progress, ...action } of actions) {
      rows.push({ kind: 'action', body: JSON.stringify(action) });
      if (progress?.trim()) rows.push({ kind: 'update', body: JSON.stringify({ note: progress, at: NOW, source: 'import' }) });
    }
  }
  return rows;
}

interface Counts {
  recommendations: number;
  actions: number;
  updates: number;
}

function expectedRows(draft: PlanDraft): Counts {
  const actions = draft.recommendations.flatMap((recommendation) => recommendation.actions);
  return { recommendations: draft.recommendations.length, actions: actions.length, updates: actions.filter((action) => action.progress?.trim()).length };
}

/** Checks, untimed, that the save wrote the whole plan. */
function checkSaved(path: string, expected: Counts): void {
  const db = new Database(path, { readonly: true });
  try {
    const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const found: Counts = { recommendations: count('recommendations'), actions: count('actions'), updates: count('updates') };
    if (JSON.stringify(found) !== JSON.stringify(expected)) throw new Error(`savePlan wrote ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
  } finally {
    db.close();
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
