import type { Action, ChangedBy } from '../../core/model/index.js';
import type { ActionPatch, PlanStore } from '../../store/plan-store.js';
import { check, count, SHAREPOINT, SQLITE, type CorrectnessCase, type CorrectnessRow } from '../lib/correctness-case.js';
import { startSharePointFixture } from '../lib/sharepoint-fixture.js';
import { startSqliteFixture } from '../lib/sqlite-fixture.js';
import { describeError, isStoreError } from '../lib/store-calls.js';
import { syntheticDraft } from '../lib/synthetic-draft.js';

/**
 * R3 — concurrent writers. Two writers, each a sequential loop of 1,000 updates to one action,
 * run together with Promise.all, each through its own store instance (its own SQLite connection,
 * or its own Graph client). (a) different fields with `{ unchanged }` preconditions, retrying
 * after a conflict; (b) the same field with `{ version }` preconditions, never retrying.
 */
const WRITES = 1_000;
/** A write that still conflicts after this many re-reads fails the case. */
const MAX_RETRIES = 100;
const NOW = '2025-06-29T08:00:00.000Z';
/** Who the benchmark's edits are made by, for the audit trail they now write. */
const BENCH_WRITER: ChangedBy = { actor: { aadObjectId: null, displayName: 'Benchmark' }, source: 'cli' };

type Field = 'evidence' | 'furtherAction';

interface Subject {
  store: string;
  writers: [PlanStore, PlanStore];
  /** Action ids: one for (a), one for (b). */
  actions: [string, string];
  /** 412s the fake answered since `mark` (SharePoint), or null. */
  preconditionFailures: ((mark: number) => number) | null;
  mark: () => number;
}

export const r3ConcurrentWriters: CorrectnessCase = {
  id: 'r3-concurrent-writers',
  label: 'R3 two concurrent writers',
  async run(progress) {
    const rows: CorrectnessRow[] = [];
    const notes: string[] = [];

    const sqlite = startSqliteFixture();
    try {
      const [a, b] = [sqlite.openStore(), sqlite.openStore()];
      progress('R3: SQLite, two connections to one file');
      const subject: Subject = { store: SQLITE, writers: [a, b], actions: await seed(a), preconditionFailures: null, mark: () => 0 };
      await runBoth(subject, rows, notes);
    } finally {
      await sqlite.close();
    }

    const sharePoint = await startSharePointFixture();
    try {
      const [a, b] = [sharePoint.store, sharePoint.openStore()];
      progress('R3: SharePoint over the fake, two Graph clients');
      const subject: Subject = {
        store: SHAREPOINT,
        writers: [a, b],
        actions: await seed(a),
        preconditionFailures: (mark) => sharePoint.fake.requests.slice(mark).filter((entry) => entry.status === 412).length,
        mark: () => sharePoint.fake.requests.length,
      };
      await runBoth(subject, rows, notes);
    } finally {
      await sharePoint.close();
    }

    // Same-store rows side by side: (a) SQLite, (a) SharePoint, (b) SQLite, (b) SharePoint.
    rows.sort((x, y) => x.case.localeCompare(y.case));
    return {
      rows,
      notes: [
        `(a) writer A sets evidence, writer B furtherAction, each ${count(WRITES)} times with { unchanged: { <its field>: <value it last read> } } (its first read, then what its own write returned, or a re-read after a conflict); a conflict is re-read and retried.`,
        `(b) both set evidence ${count(WRITES)} times each, reading the action first and sending { version: <version read> }, never retrying: every write must succeed or be reported as a conflict, and the successes must equal final version − 1.`,
        '412 = If-Match failures the fake answered, which the SharePoint store re-reads and re-applies (up to 3 times) before reporting a conflict; SQLite checks inside one transaction. time = both writers\' loops, no latency.',
        ...notes,
      ],
    };
  },
};

async function seed(store: PlanStore): Promise<[string, string]> {
  const planId = await store.savePlan(syntheticDraft({ title: 'R3 plan', recommendations: 1, actionsPerRecommendation: 2 }), { now: NOW, contentKey: null });
  const actions = (await store.getPlan(planId))?.recommendations[0]?.actions ?? [];
  const [first, second] = actions;
  check(first !== undefined && second !== undefined, 'the R3 plan was not saved with its two actions');
  return [first.id, second.id];
}

async function runBoth(subject: Subject, rows: CorrectnessRow[], notes: string[]): Promise<void> {
  const a = await differentFields(subject);
  rows.push(a.row);
  notes.push(a.note);
  const b = await sameField(subject);
  rows.push(b.row);
  notes.push(b.note);
}

async function read(store: PlanStore, actionId: string): Promise<Action> {
  const action = await store.getAction(actionId);
  check(action !== null, `action ${actionId} disappeared`);
  return action;
}

function patchOf(field: Field, value: string | null): ActionPatch {
  return field === 'evidence' ? { evidence: value } : { furtherAction: value };
}

/** (a): the two fields must end as each writer last set them, and no write may have been overwritten. */
async function differentFields(subject: Subject) {
  const [storeA, storeB] = subject.writers;
  const actionId = subject.actions[0];
  const before = await read(storeA, actionId);
  const mark = subject.mark();
  const start = performance.now();
  const writer = async (store: PlanStore, field: Field, prefix: string) => {
    let seen = (await read(store, actionId))[field];
    let conflicts = 0;
    const versions: number[] = [];
    for (let i = 1; i <= WRITES; i += 1) {
      const value = `${prefix} ${String(i)}`;
      for (let attempt = 1; ; attempt += 1) {
        try {
          const updated = await store.updateAction(actionId, patchOf(field, value), { unchanged: patchOf(field, seen) }, NOW, BENCH_WRITER);
          check(updated[field] === value, `updateAction returned ${field} = ${String(updated[field])}, not ${value}`);
          seen = value;
          versions.push(updated.version);
          break;
        } catch (error) {
          // 'conflict': what it touched changed; 'unavailable': the item kept changing. A real caller retries both.
          if (!isStoreError(error, 'conflict') && !isStoreError(error, 'unavailable')) throw error;
          check(attempt < MAX_RETRIES, `writer ${prefix}'s write ${String(i)} still conflicted after ${String(MAX_RETRIES)} re-reads: ${describeError(error)}`);
          conflicts += 1;
          seen = (await read(store, actionId))[field];
        }
      }
    }
    return { conflicts, versions, last: `${prefix} ${String(WRITES)}` };
  };
  const [ra, rb] = await Promise.all([writer(storeA, 'evidence', 'A'), writer(storeB, 'furtherAction', 'B')]);
  const timeMs = performance.now() - start;
  const after = await read(storeA, actionId);
  const lostFields = (after.evidence === ra.last ? 0 : 1) + (after.furtherAction === rb.last ? 0 : 1);
  const successes = ra.versions.length + rb.versions.length;
  const applied = after.version - before.version;
  const distinct = new Set([...ra.versions, ...rb.versions]).size;
  const conflicts = ra.conflicts + rb.conflicts;
  const failures412 = subject.preconditionFailures?.(mark) ?? null;
  const row: CorrectnessRow = {
    case: `R3a different fields, 2×${count(WRITES)}`,
    store: subject.store,
    measured: `${count(successes)} writes ok`,
    target: '0 lost; ok = versions added',
    result: `${String(lostFields)} lost; ${count(successes)} = ${count(applied)}`,
    retries: retriesText(conflicts, failures412),
    timeMs,
    figures: { writes: successes, lostFieldUpdates: lostFields, versionsAdded: applied, distinctVersions: distinct, conflicts, conflictsA: ra.conflicts, conflictsB: rb.conflicts, ...(failures412 === null ? {} : { preconditionFailed412: failures412 }) },
  };
  check(lostFields === 0, `(a) ${subject.store}: evidence is "${String(after.evidence)}" (expected ${ra.last}), furtherAction "${String(after.furtherAction)}" (expected ${rb.last})`);
  check(successes === 2 * WRITES && applied === successes && distinct === successes, `(a) ${subject.store}: ${String(successes)} writes succeeded, the version moved by ${String(applied)}, ${String(distinct)} distinct versions: a write was silently overwritten`);
  const note = `(a) ${subject.store}: conflicts seen by writer A ${count(ra.conflicts)}, by writer B ${count(rb.conflicts)}${failures412 === null ? '' : `; 412s ${count(failures412)}`}; final evidence "${String(after.evidence)}", furtherAction "${String(after.furtherAction)}", version ${String(after.version)}.`;
  return { row, note };
}

/** (b): every write succeeded or was reported as a conflict; the successes are exactly the versions added. */
async function sameField(subject: Subject) {
  const [storeA, storeB] = subject.writers;
  const actionId = subject.actions[1];
  const before = await read(storeA, actionId);
  const mark = subject.mark();
  const start = performance.now();
  const writer = async (store: PlanStore, prefix: string) => {
    const successes: { version: number; value: string }[] = [];
    let conflicts = 0;
    for (let i = 1; i <= WRITES; i += 1) {
      const value = `${prefix} ${String(i)}`;
      const current = await read(store, actionId);
      try {
        const updated = await store.updateAction(actionId, { evidence: value }, { version: current.version }, NOW, BENCH_WRITER);
        check(updated.version === current.version + 1 && updated.evidence === value, `updateAction returned version ${String(updated.version)} with "${String(updated.evidence)}" for a write at version ${String(current.version)}`);
        successes.push({ version: updated.version, value });
      } catch (error) {
        if (!isStoreError(error, 'conflict')) throw error;
        conflicts += 1;
      }
    }
    return { successes, conflicts };
  };
  const [ra, rb] = await Promise.all([writer(storeA, 'A'), writer(storeB, 'B')]);
  const timeMs = performance.now() - start;
  const after = await read(storeA, actionId);
  const successes = [...ra.successes, ...rb.successes];
  const conflicts = ra.conflicts + rb.conflicts;
  const applied = after.version - before.version;
  const latest = successes.reduce((best, entry) => (entry.version > best.version ? entry : best), { version: before.version, value: before.evidence ?? '' });
  const failures412 = subject.preconditionFailures?.(mark) ?? null;
  const overwritten = successes.length - applied;
  const row: CorrectnessRow = {
    case: `R3b same field, 2×${count(WRITES)}`,
    store: subject.store,
    measured: `${count(successes.length)} ok, ${count(conflicts)} conflicts`,
    target: 'ok = final version − 1',
    result: `${count(successes.length)} = ${count(after.version)} − 1`,
    retries: failures412 === null ? '-' : `412 ${count(failures412)}`,
    timeMs,
    figures: { attempted: 2 * WRITES, succeeded: successes.length, conflicts, finalVersion: after.version, versionsAdded: applied, silentlyOverwritten: overwritten, ...(failures412 === null ? {} : { preconditionFailed412: failures412 }) },
  };
  check(successes.length + conflicts === 2 * WRITES, `(b) ${subject.store}: ${String(successes.length)} successes and ${String(conflicts)} conflicts for ${String(2 * WRITES)} writes`);
  check(applied === successes.length && new Set(successes.map((entry) => entry.version)).size === successes.length, `(b) ${subject.store}: ${String(successes.length)} writes succeeded but the version moved by ${String(applied)}: ${String(overwritten)} silently overwritten`);
  check(after.version === before.version + successes.length, `(b) ${subject.store}: final version ${String(after.version)} is not ${String(before.version)} + ${String(successes.length)} successes`);
  check(after.evidence === latest.value, `(b) ${subject.store}: evidence is "${String(after.evidence)}", but the write that made version ${String(latest.version)} set "${latest.value}"`);
  const note = `(b) ${subject.store}: writer A ${count(ra.successes.length)} ok / ${count(ra.conflicts)} conflicts, writer B ${count(rb.successes.length)} ok / ${count(rb.conflicts)} conflicts; version ${String(before.version)} → ${String(after.version)}, evidence "${after.evidence}" from the write that made the last version.`;
  return { row, note };
}

function retriesText(conflicts: number, failures412: number | null): string {
  return `conflicts ${count(conflicts)}${failures412 === null ? '' : `, 412 ${count(failures412)}`}`;
}
