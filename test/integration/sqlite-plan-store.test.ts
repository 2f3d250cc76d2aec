import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionFields, PlanFields, RecommendationFields } from '../../core/model/index.js';
import { ACTION_FIELD_COLUMNS } from '../../store/sqlite/action-rows.js';
import { PLAN_FIELD_COLUMNS } from '../../store/sqlite/plan-rows.js';
import { RECOMMENDATION_FIELD_COLUMNS } from '../../store/sqlite/recommendation-rows.js';
import { codeForSqlite } from '../../store/sqlite/sqlite-errors.js';
import { migrate, MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../store/sqlite/migrations.js';
import { openSqlitePlanStore, type SqlitePlanStore } from '../../store/sqlite/sqlite-plan-store.js';
import { StoreError } from '../../store/store-error.js';
import { BY_EDITOR } from '../contract/contract-fixtures.js';
import { buildDraft, describePlanStoreContract, expectStoreError, LATER, NOW } from '../contract/plan-store.contract.js';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'followthrough-sqlite-'));
}

describePlanStoreContract('SQLite in memory', () => {
  const store = openSqlitePlanStore({ path: ':memory:' });
  return Promise.resolve({ store, cleanup: () => store.close() });
});

describePlanStoreContract('SQLite file', async () => {
  const dir = await tempDir();
  const store = openSqlitePlanStore({ path: join(dir, 'plans.db') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite plan store', () => {
  let dir: string;
  let path: string;
  const stores: SqlitePlanStore[] = [];
  const connections: Database.Database[] = [];

  /** Opens the store under test; closed after each test. */
  function open(options: { busyTimeoutMs?: number } = {}): SqlitePlanStore {
    const store = openSqlitePlanStore({ path, ...options });
    stores.push(store);
    return store;
  }

  /** A second, raw connection to the same file: how the tests reach under the store. */
  function raw(): Database.Database {
    const db = new Database(path);
    connections.push(db);
    return db;
  }

  function count(db: Database.Database, table: string): unknown {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  }

  it('upgrades a version 1 database in place, keeping its rows', async () => {
    await mkdir(dirname(path), { recursive: true });
    const old = raw();
    migrate(old, MIGRATIONS.slice(0, 1));
    old.exec(`INSERT INTO roles (id, key, name, holders_json, deputies_json) VALUES ('r1', 'quality lead', 'Quality Lead', '[]', '[]')`);
    const store = open();
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect((await store.findRole('Quality Lead'))?.id).toBe('r1');
    const id = await store.savePlan(buildDraft(), { now: NOW });
    expect((await store.getPlan(id))?.plan.reminders?.offsetsDays).toEqual([10, 3, 0]);
  });

  it('upgrades a version 2 database in place, adding conversations and leases', async () => {
    await mkdir(dirname(path), { recursive: true });
    const old = raw();
    migrate(old, MIGRATIONS.slice(0, 2));
    old.exec(`INSERT INTO roles (id, key, name, holders_json, deputies_json) VALUES ('r2', 'head of nursing', 'Head of Nursing', '[]', '[]')`);
    const store = open();
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect((await store.findRole('Head of Nursing'))?.id).toBe('r2');
    expect(await store.acquireLease('reminder-sweep', 'host-a', LATER, NOW)).toMatchObject({ holder: 'host-a', expiresAt: LATER });
    expect(await store.getConversation('c2b8f6a4-1d3e-4f50-9a7b-8c9d0e1f2a3b')).toBeNull();
  });

  it('upgrades a version 3 database in place: its plans get no reviewers, its actions no review, and an empty trail', async () => {
    await mkdir(dirname(path), { recursive: true });
    const old = raw();
    migrate(old, MIGRATIONS.slice(0, 3));
    old.exec(`INSERT INTO plans (id, title, references_json, organisations_json, forums_json, status, statements_json, rag_key_json, details_json, version, created_at, updated_at)
      VALUES ('p3', 'Old plan', '[]', '[]', '[]', 'active', '[]', '[]', '[]', 1, '${NOW}', '${NOW}')`);
    old.exec(`INSERT INTO recommendations (id, plan_id, position, text, flags_json) VALUES ('r3', 'p3', 0, 'Recommendation', '[]');
      INSERT INTO actions (id, plan_id, recommendation_id, position, text, leads_json, revisions_json, status, flags_json, version, created_at, updated_at)
      VALUES ('a3', 'p3', 'r3', 0, 'Action', '[]', '[]', 'not-started', '[]', 1, '${NOW}', '${NOW}')`);
    const store = open();
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect((await store.getPlan('p3'))?.plan.reviewers).toEqual([]);
    expect((await store.getAction('a3'))?.review).toBeNull();
    expect(await store.listAudit({ planId: 'p3' })).toEqual([]);
    expect(await store.listMeasures('p3')).toEqual([]);
    await store.updateAction('a3', { status: 'in-progress' }, 1, LATER, BY_EDITOR);
    expect((await store.listAudit({ planId: 'p3' })).map((entry) => entry.changes)).toEqual([[{ field: 'status', from: 'not-started', to: 'in-progress' }]]);
  });

  beforeEach(async () => {
    dir = await tempDir();
    path = join(dir, 'nested', 'folder', 'plans.db');
  });

  afterEach(async () => {
    for (const db of connections.splice(0)) db.close();
    for (const store of stores.splice(0)) await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('opening and migrating', () => {
    it('creates missing folders, uses WAL and records the schema version', () => {
      const store = open();
      expect(store.schemaVersion).toBe(SCHEMA_VERSION);
      const db = raw();
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    });

    it('keeps data across a reopen and does not migrate twice', async () => {
      const first = open();
      const planId = await first.savePlan(buildDraft(), { now: NOW, contentKey: 'k' });
      const role = await first.saveRole({ name: 'Head of Nursing' });
      const before = await first.getPlan(planId);
      await first.close();

      const second = open();
      expect(second.schemaVersion).toBe(SCHEMA_VERSION);
      expect(await second.getPlan(planId)).toEqual(before);
      expect(await second.findRole('head of nursing')).toEqual(role);
      await second.close();
      expect(open().schemaVersion).toBe(SCHEMA_VERSION);
    });

    it('refuses a database written by newer code', async () => {
      await open().close();
      const db = raw();
      db.pragma(`user_version = ${String(SCHEMA_VERSION + 1)}`);
      db.close();
      let failure: unknown;
      try {
        open();
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(StoreError);
      expect(failure).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/newer than this code/) as unknown });
    });

    it('applies each migration in its own transaction, stopping at the first that fails', () => {
      const db = new Database(':memory:');
      connections.push(db);
      const migrations: Migration[] = [
        { version: 1, name: 'one', sql: 'CREATE TABLE one (id TEXT) STRICT;' },
        { version: 2, name: 'two', sql: 'CREATE TABLE two (id TEXT) STRICT; CREATE TABLE broken (;' },
      ];
      expect(() => migrate(db, migrations)).toThrow();
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(['one']);
      expect(migrate(db, migrations.slice(0, 1))).toBe(1);
    });
  });

  describe('atomic writes', () => {
    const failThirdAction = `CREATE TRIGGER fail_third_action BEFORE INSERT ON actions
      WHEN (SELECT count(*) FROM actions WHERE plan_id = NEW.plan_id) >= 2
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END`;

    it('leaves nothing behind when a save fails part-way', async () => {
      const store = open();
      const db = raw();
      db.exec(failThirdAction);

      const error = await expectStoreError(store.savePlan(buildDraft(), { now: NOW }), 'invalid');
      expect(error.message).toMatch(/injected failure/);
      expect(error.cause).toBeInstanceOf(Error);
      expect(await store.listPlans()).toEqual([]);
      for (const table of ['plans', 'plan_reference_keys', 'recommendations', 'actions', 'updates']) expect(count(db, table), table).toBe(0);

      db.exec('DROP TRIGGER fail_third_action');
      await store.savePlan(buildDraft(), { now: NOW });
      expect(count(db, 'actions')).toBe(4);
    });

    it('leaves the old plan whole when a replace fails part-way', async () => {
      const store = open();
      const planId = await store.savePlan(buildDraft(), { now: NOW });
      const before = await store.getPlan(planId);
      raw().exec(failThirdAction);

      await expectStoreError(store.savePlan(buildDraft({ title: 'Replacement' }), { now: LATER, replacePlanId: planId }), 'invalid');
      expect(await store.getPlan(planId)).toEqual(before);
      expect((await store.listUpdates(before?.recommendations[0]?.actions[0]?.id ?? '')).length).toBe(1);
    });

    it('reports a database locked by another writer as unavailable', async () => {
      const store = open({ busyTimeoutMs: 50 });
      const db = raw();
      db.exec('BEGIN IMMEDIATE');
      const error = await expectStoreError(store.savePlan(buildDraft(), { now: NOW }), 'unavailable');
      expect(error.message).toMatch(/SQLITE_BUSY/);
      db.exec('ROLLBACK');
      expect(await store.savePlan(buildDraft(), { now: NOW })).toEqual(expect.any(String));
    });
  });

  describe('conversations and leases', () => {
    const reference = { serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams', conversation: { id: 'a:1x' }, bot: { id: '28:bot' } };
    const person = { aadObjectId: 'c2b8f6a4-1d3e-4f50-9a7b-8c9d0e1f2a3b', displayName: null, tenantId: null, reference, usable: true, unusableReason: null, updatedAt: NOW };

    it('shares a lease between two connections to one file', async () => {
      const first = open();
      const second = open();
      expect(await first.acquireLease('reminder-sweep', 'host-a', LATER, NOW)).not.toBeNull();
      expect(await second.acquireLease('reminder-sweep', 'host-b', LATER, NOW)).toBeNull();
      await second.releaseLease('reminder-sweep', 'host-b');
      expect(await second.acquireLease('reminder-sweep', 'host-b', LATER, NOW)).toBeNull();
      await first.releaseLease('reminder-sweep', 'host-a');
      expect(await second.acquireLease('reminder-sweep', 'host-b', LATER, NOW)).toMatchObject({ holder: 'host-b' });
    });

    it('takes a lease in a write transaction: another writer holding the lock makes it unavailable, not wrong', async () => {
      const store = open({ busyTimeoutMs: 50 });
      const db = raw();
      db.exec('BEGIN IMMEDIATE');
      const error = await expectStoreError(store.acquireLease('reminder-sweep', 'host-a', LATER, NOW), 'unavailable');
      expect(error.message).toMatch(/SQLITE_BUSY/);
      db.exec('ROLLBACK');
      expect(await store.acquireLease('reminder-sweep', 'host-a', LATER, NOW)).toMatchObject({ holder: 'host-a' });
    });

    it('stores usable as 0 or 1 and fails loudly on a stored reference that does not fit the model', async () => {
      const store = open();
      await store.saveConversation(person);
      await store.markConversationUnusable(person.aadObjectId, 'blocked', LATER);
      const db = raw();
      expect(db.prepare('SELECT usable FROM conversations').pluck().get()).toBe(0);
      expect(() => db.prepare('UPDATE conversations SET usable = 2').run()).toThrow(/CHECK constraint/);
      db.prepare(`UPDATE conversations SET reference_json = '{"channelId":"msteams"}'`).run();
      const failure = await expectStoreError(store.getConversation(person.aadObjectId), 'invalid');
      expect(failure.message).toMatch(/serviceUrl/);
    });

    it('keeps lease instants in UTC so that text order is time order', async () => {
      const store = open();
      expect(await store.acquireLease('reminder-sweep', 'host-a', '2025-06-02T11:00:00+01:00', '2025-06-02T10:30:00+01:00')).toEqual({
        name: 'reminder-sweep',
        holder: 'host-a',
        expiresAt: '2025-06-02T10:00:00.000Z',
      });
      expect(raw().prepare('SELECT expires_at FROM leases').pluck().get()).toBe('2025-06-02T10:00:00.000Z');
    });
  });

  describe('reading back', () => {
    it('fails loudly on a row that does not fit the model', async () => {
      const store = open();
      const planId = await store.savePlan(buildDraft(), { now: NOW });
      const actionId = (await store.getPlan(planId))?.recommendations[0]?.actions[0]?.id ?? '';
      const db = raw();

      db.prepare("UPDATE actions SET status = 'finished' WHERE id = ?").run(actionId);
      const error = await expectStoreError(store.getAction(actionId), 'invalid');
      expect(error.message).toMatch(/action .*status/);
      await expectStoreError(store.getPlan(planId), 'invalid');

      db.prepare(`UPDATE plans SET references_json = '{"not":"a list"}' WHERE id = ?`).run(planId);
      await expectStoreError(store.listPlans(), 'invalid');
    });

    it('keeps the effective due date column in step with revisions', async () => {
      const store = open();
      const planId = await store.savePlan(buildDraft(), { now: NOW });
      const action = (await store.getPlan(planId))?.recommendations[0]?.actions[0];
      if (!action) throw new Error('no action');
      const db = raw();
      const due = (): unknown => db.prepare('SELECT effective_due FROM actions WHERE id = ?').pluck().get(action.id);
      expect(due()).toBe('2025-09-30');

      await store.updateAction(action.id, { revisions: [], due: { text: 'End of March 2026', date: '2026-03-31', precision: 'day' } }, 1, LATER, BY_EDITOR);
      expect(due()).toBe('2026-03-31');
      await store.updateAction(action.id, { due: null }, 2, LATER, BY_EDITOR);
      expect(due()).toBeNull();
    });

    it('stores instants in UTC so that text order is time order', async () => {
      const store = open();
      const planId = await store.savePlan(buildDraft(), { now: '2025-06-02T10:30:00+01:00' });
      expect((await store.getPlan(planId))?.plan.createdAt).toBe(NOW);
    });
  });

  describe('one transaction per write', () => {
    it('writes neither the action, the update nor the trail when the audit entry cannot be written', async () => {
      const store = open();
      const planId = await store.savePlan(buildDraft(), { now: NOW });
      const action = (await store.getPlan(planId))?.recommendations[0]?.actions[0];
      if (!action) throw new Error('no action');
      raw().exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
      const update = { actionId: action.id, planId, at: LATER, author: BY_EDITOR.actor, source: 'tab' as const, note: 'Done', idempotencyKey: 'k-audit' };
      await expectStoreError(store.recordProgress(update, { patch: { status: 'complete' }, expected: 1 }, BY_EDITOR), 'invalid');
      await expectStoreError(store.updateAction(action.id, { status: 'complete' }, 1, LATER, BY_EDITOR), 'invalid');
      expect(await store.getAction(action.id)).toEqual(action);
      expect(await store.findUpdate('k-audit')).toBeNull();
      expect(await store.listAudit({ planId })).toHaveLength(1);
    });
  });

  describe('lifecycle and errors', () => {
    it('rejects calls after close as unavailable, and closes twice safely', async () => {
      const store = openSqlitePlanStore({ path: ':memory:' });
      await store.close();
      await store.close();
      await expectStoreError(store.listPlans(), 'unavailable');
    });

    it('fails to open an unreadable file as unavailable', async () => {
      await open().close();
      const garbage = join(dir, 'not-a-database.db');
      await writeFile(garbage, 'this is not a SQLite database, just some text that is long enough to have a header');
      expect(() => openSqlitePlanStore({ path: garbage })).toThrow(expect.objectContaining({ code: 'unavailable' }));
    });

    it('has a column for every field of the model', () => {
      // The column maps are typed to fail compilation when the model grows; this catches it at test time too.
      expect(Object.keys(PLAN_FIELD_COLUMNS).sort()).toEqual(Object.keys(PlanFields.shape).sort());
      expect(Object.keys(RECOMMENDATION_FIELD_COLUMNS).sort()).toEqual(Object.keys(RecommendationFields.shape).sort());
      expect(Object.keys(ACTION_FIELD_COLUMNS).sort()).toEqual(Object.keys(ActionFields.shape).sort());
    });

    it('maps SQLite result codes to what a caller can do', () => {
      expect(codeForSqlite('SQLITE_BUSY')).toBe('unavailable');
      expect(codeForSqlite('SQLITE_BUSY_SNAPSHOT')).toBe('unavailable');
      expect(codeForSqlite('SQLITE_CONSTRAINT_UNIQUE')).toBe('conflict');
      expect(codeForSqlite('SQLITE_CONSTRAINT_FOREIGNKEY')).toBe('invalid');
      expect(codeForSqlite('SQLITE_CONSTRAINT_TRIGGER')).toBe('invalid');
      expect(codeForSqlite('SQLITE_IOERR_WRITE')).toBe('unavailable');
    });
  });
});
