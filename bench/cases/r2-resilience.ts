import type { Action, ChangedBy, NewUpdate } from '../../core/model/index.js';
import type { GraphFakeFaults } from '../../test/fakes/graph/index.js';
import { check, count, SHAREPOINT, type CorrectnessCase, type CorrectnessRow } from '../lib/correctness-case.js';
import { startSharePointFixture, type SharePointFixture } from '../lib/sharepoint-fixture.js';
import { describeError, isStoreError, readRetrying } from '../lib/store-calls.js';
import { syntheticDraft } from '../lib/synthetic-draft.js';
import { forEachConcurrently } from '../lib/timed-calls.js';

/**
 * R2 — resilience. 1,000 addUpdate calls (distinct idempotency keys) and 1,000 updateAction calls
 * (one per action) through the SharePoint store while the fake answers 20% of requests 429 or 503
 * (Retry-After: 0) and drops 1% of connections. The caller retries what the store reports as
 * 'unavailable' with the same update (same idempotency key), as a real caller would. Afterwards,
 * faults off, the lists themselves are read back from the fake.
 */
const UPDATES = 1_000;
const FAULTS: GraphFakeFaults = { rate429: 0.1, rate503: 0.1, dropRate: 0.01, retryAfterSeconds: 0, seed: 20_250_629 };
/** How many times the caller calls before giving up on one update (a give-up counts as lost). */
const CALLER_ATTEMPTS = 10;
/** Callers in flight at once, as a bot handling many card submits would have. */
const CONCURRENCY = 8;
const NOW = '2025-06-29T08:00:00.000Z';
/** Who the benchmark's edits are made by, for the audit trail they now write. */
const BENCH_WRITER: ChangedBy = { actor: { aadObjectId: null, displayName: 'Benchmark' }, source: 'cli' };
const UPDATES_LIST = 'Followthrough Updates';
const ACTIONS_LIST = 'Followthrough Actions';

interface Tally {
  attempted: number;
  /** The caller was told it worked (or, for updateAction, saw its value in place after a conflict). */
  succeeded: number;
  callerRetries: number;
  /** updateAction: conflicts where the value read back was not the caller's, retried from that value. */
  conflicts: number;
  /** updateAction: reported as a conflict, but the caller's own write had been applied. */
  conflictButApplied: number;
  /** By key (addUpdate) or action id (updateAction): calls the caller gave up on, or that failed with something it would not retry. */
  failed: Map<string, string>;
}

const newTally = (): Tally => ({ attempted: 0, succeeded: 0, callerRetries: 0, conflicts: 0, conflictButApplied: 0, failed: new Map() });

export const r2Resilience: CorrectnessCase = {
  id: 'r2-resilience',
  label: 'R2 resilience under faults',
  async run(progress) {
    const fixture = await startSharePointFixture();
    try {
      const draft = syntheticDraft({ title: 'R2 plan', recommendations: UPDATES / 5, actionsPerRecommendation: 5 });
      const planId = await fixture.store.savePlan(draft, { now: NOW, contentKey: null });
      const actions = (await fixture.store.getPlan(planId))?.recommendations.flatMap((rec) => rec.actions) ?? [];
      check(actions.length === UPDATES, `the R2 plan has ${String(actions.length)} actions, expected ${String(UPDATES)}`);
      progress(`R2: ${count(UPDATES)} addUpdate calls with 20% 429/503 and 1% dropped connections`);
      const added = await withFaults(fixture, () => addUpdates(fixture, planId, actions));
      progress(`R2: ${count(UPDATES)} updateAction calls with the same faults`);
      const updated = await withFaults(fixture, () => updateActions(fixture, actions));
      return {
        rows: [checkUpdates(fixture, added), checkActions(fixture, actions, updated)],
        notes: [
          `faults: ${String((FAULTS.rate429 ?? 0) * 100)}% 429 and ${String((FAULTS.rate503 ?? 0) * 100)}% 503 with Retry-After: ${String(FAULTS.retryAfterSeconds ?? 0)}, ${String((FAULTS.dropRate ?? 0) * 100)}% dropped connections (half of dropped writes applied first), seed ${String(FAULTS.seed ?? 1)};`,
          `  ${String(CONCURRENCY)} callers at once, each retrying an 'unavailable' call with the same update up to ${String(CALLER_ATTEMPTS)} calls; the store's own retry policy with real waits; time = all ${count(UPDATES)} calls.`,
          `addUpdate: ${faultText(added.faults)}.`,
          `updateAction (evidence, { unchanged: { evidence } }): ${faultText(updated.faults)}; a conflict makes the caller re-read: its own value in place counts as applied-but-reported-conflict, anything else is retried from the value read.`,
        ],
      };
    } finally {
      await fixture.close();
    }
  },
};

interface Run {
  tally: Tally;
  timeMs: number;
  faults: Map<number, number>;
}

async function withFaults(fixture: SharePointFixture, work: () => Promise<Tally>): Promise<Run> {
  const mark = fixture.fake.requests.length;
  fixture.fake.setFaults(FAULTS);
  const start = performance.now();
  try {
    const tally = await work();
    const timeMs = performance.now() - start;
    const faults = new Map<number, number>();
    for (const entry of fixture.fake.requests.slice(mark)) faults.set(entry.status, (faults.get(entry.status) ?? 0) + 1);
    return { tally, timeMs, faults };
  } finally {
    fixture.fake.setFaults({});
  }
}

function faultText(statuses: Map<number, number>): string {
  const total = [...statuses.values()].reduce((sum, n) => sum + n, 0);
  const named = (status: number, name: string): string => `${name} ${count(statuses.get(status) ?? 0)}`;
  return `${count(total)} requests answered (sub-requests included): ${[named(429, '429'), named(503, '503'), named(0, 'dropped'), named(504, '504 in $batch'), named(412, '412')].join(', ')}`;
}

function keyOf(index: number): string {
  return `r2-submit-${String(index)}`;
}

async function addUpdates(fixture: SharePointFixture, planId: string, actions: readonly Action[]): Promise<Tally> {
  const tally = newTally();
  await forEachConcurrently(actions, CONCURRENCY, async (action, index) => {
    const update: NewUpdate = {
      actionId: action.id,
      planId,
      at: NOW,
      author: { aadObjectId: null, displayName: 'R2 bench' },
      source: 'card',
      note: `R2 progress ${String(index)}`,
      idempotencyKey: keyOf(index),
    };
    tally.attempted += 1;
    for (let call = 1; ; call += 1) {
      try {
        const stored = await fixture.store.addUpdate(update);
        check(stored.idempotencyKey === update.idempotencyKey && stored.actionId === action.id, `addUpdate answered ${keyOf(index)} with another update`);
        tally.succeeded += 1;
        return;
      } catch (error) {
        if (isStoreError(error, 'unavailable') && call < CALLER_ATTEMPTS) {
          tally.callerRetries += 1;
          continue;
        }
        tally.failed.set(keyOf(index), `${keyOf(index)} after ${String(call)} calls: ${describeError(error)}`);
        return;
      }
    }
  });
  return tally;
}

async function updateActions(fixture: SharePointFixture, actions: readonly Action[]): Promise<Tally> {
  const tally = newTally();
  const store = fixture.store;
  await forEachConcurrently(actions, CONCURRENCY, async (action, index) => {
    const value = `R2 evidence ${String(index)}`;
    let seen = action.evidence;
    tally.attempted += 1;
    for (let call = 1; ; call += 1) {
      try {
        await store.updateAction(action.id, { evidence: value }, { unchanged: { evidence: seen } }, NOW, BENCH_WRITER);
        tally.succeeded += 1;
        return;
      } catch (error) {
        const retryable = isStoreError(error, 'unavailable') || isStoreError(error, 'conflict');
        if (!retryable || call >= CALLER_ATTEMPTS) {
          tally.failed.set(action.id, `${action.id} after ${String(call)} calls: ${describeError(error)}`);
          return;
        }
        if (isStoreError(error, 'unavailable')) {
          tally.callerRetries += 1;
          continue;
        }
        const current = await readRetrying(CALLER_ATTEMPTS, () => store.getAction(action.id));
        if (current?.evidence === value) {
          tally.conflictButApplied += 1;
          tally.succeeded += 1;
          return;
        }
        tally.conflicts += 1;
        seen = current?.evidence ?? null;
      }
    }
  });
  return tally;
}

function row(label: string, run: Run, lost: number, duplicated: number, figures: CorrectnessRow['figures']): CorrectnessRow {
  const { tally } = run;
  const conflicts = [`conflicts ${count(tally.conflicts)}`, `applied-but-conflict ${count(tally.conflictButApplied)}`];
  const retries = [`caller ${count(tally.callerRetries)}`, ...(label.startsWith('R2 updateAction') ? conflicts : [])];
  return {
    case: label,
    store: SHAREPOINT,
    measured: `${count(tally.attempted)} attempted, ${count(tally.succeeded)} succeeded`,
    target: '0 lost, 0 duplicated',
    result: `${count(lost)} lost, ${count(duplicated)} duplicated`,
    retries: retries.join(', '),
    timeMs: run.timeMs,
    figures: {
      attempted: tally.attempted,
      succeeded: tally.succeeded,
      lost,
      duplicated,
      callerRetries: tally.callerRetries,
      conflicts: tally.conflicts,
      conflictButApplied: tally.conflictButApplied,
      gaveUpOrFailed: tally.failed.size,
      ...figures,
      ...Object.fromEntries([...run.faults].map(([status, n]) => [`answered${String(status)}`, n])),
    },
  };
}

/** Reads the updates list back: one item per idempotency key, each for its action. */
function checkUpdates(fixture: SharePointFixture, run: Run): CorrectnessRow {
  const items = fixture.fake.items(fixture.siteId, UPDATES_LIST).filter((item) => String(item.fields.FtIdempotencyKey).startsWith('r2-submit-'));
  const perKey = new Map<string, number>();
  for (const item of items) perKey.set(String(item.fields.FtIdempotencyKey), (perKey.get(String(item.fields.FtIdempotencyKey)) ?? 0) + 1);
  const keys = Array.from({ length: UPDATES }, (_, index) => keyOf(index));
  // Lost: not in the list whatever the caller was told, or the caller ended with a failure.
  const lost = keys.filter((key) => !perKey.has(key) || run.tally.failed.has(key)).length;
  const duplicated = [...perKey.values()].filter((n) => n > 1).length;
  const result = row(`R2 addUpdate ×${count(UPDATES)}`, run, lost, duplicated, { storedItems: items.length });
  check(lost === 0 && duplicated === 0, `addUpdate under faults: ${String(lost)} lost, ${String(duplicated)} duplicated; ${failures(run.tally)}`);
  check(items.length === UPDATES, `the updates list holds ${String(items.length)} items for ${String(UPDATES)} submits`);
  return result;
}

/** Reads the actions list back: each action holds its evidence, written once (version 2). */
function checkActions(fixture: SharePointFixture, actions: readonly Action[], run: Run): CorrectnessRow {
  const stored = new Map(fixture.fake.items(fixture.siteId, ACTIONS_LIST).map((item) => [String(item.fields.FtKey), item.fields]));
  let lost = 0;
  let duplicated = 0;
  actions.forEach((action, index) => {
    const fields = stored.get(action.id);
    const data = typeof fields?.FtData === 'string' ? (JSON.parse(fields.FtData) as { evidence?: unknown }) : {};
    // Lost: not in place whatever the caller was told, or the caller ended with a failure.
    if (data.evidence !== `R2 evidence ${String(index)}` || run.tally.failed.has(action.id)) lost += 1;
    if (typeof fields?.FtVersion === 'number' && fields.FtVersion > action.version + 1) duplicated += 1;
  });
  const result = row(`R2 updateAction ×${count(UPDATES)}`, run, lost, duplicated, {});
  check(lost === 0 && duplicated === 0, `updateAction under faults: ${String(lost)} lost, ${String(duplicated)} applied more than once; ${failures(run.tally)}`);
  return result;
}

function failures(tally: Tally): string {
  return [...tally.failed.values()].slice(0, 3).join('; ');
}
