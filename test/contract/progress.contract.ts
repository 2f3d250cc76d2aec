// recordProgress, as every PlanStore must do it: a card or tab submit is one write — the update,
// the action fields it changes and their audit entry — or nothing, and a repeated key is nothing.
import { describe, expect, it } from 'vitest';
import type { ChangedBy } from '../../core/model/index.js';
import type { PlanStore, ProgressChange } from '../../store/plan-store.js';
import { BY_EDITOR, EDITOR, expectStoreError, firstAction, LATER, LATEST, newUpdate, sameInstant, savedTree } from './contract-fixtures.js';

const BY_CARD: ChangedBy = { actor: EDITOR, source: 'card' };

export function describeProgressContract(current: () => PlanStore): void {
  describe('recording progress in one write', () => {
    it('changes the action, records the update and audits the change, together', async () => {
      const store = current();
      const tree = await savedTree(store);
      const before = firstAction(tree);
      const change: ProgressChange = { patch: { status: 'complete', evidence: 'Final protocol v1.0' }, expected: { unchanged: { status: before.status, evidence: before.evidence } } };
      const recorded = await store.recordProgress(newUpdate(tree, { status: 'complete', evidence: 'Final protocol v1.0', idempotencyKey: 'card-7' }), change, BY_CARD);

      expect(recorded.repeated).toBe(false);
      expect(recorded.action).toMatchObject({ status: 'complete', evidence: 'Final protocol v1.0', version: before.version + 1 });
      expect(await store.getAction(before.id)).toEqual(recorded.action);
      expect(recorded.update).toMatchObject({ actionId: before.id, status: 'complete', idempotencyKey: 'card-7', source: 'card' });
      expect((await store.listUpdates(before.id)).at(-1)).toEqual(recorded.update);
      expect(await store.findUpdate('card-7')).toEqual(recorded.update);

      const entries = await store.listAudit({ planId: tree.plan.id, entityId: before.id });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ entity: 'action', actor: EDITOR, source: 'card' });
      expect([...(entries[0]?.changes ?? [])].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
        { field: 'evidence', from: 'Draft protocol v0.3; consultation log', to: 'Final protocol v1.0' },
        { field: 'status', from: 'in-progress', to: 'complete' },
      ]);
      sameInstant(entries[0]?.at ?? '', LATER);
      sameInstant(recorded.action.updatedAt, LATER);
    });

    it('records the update alone when there is no change, leaving the action and the trail as they were', async () => {
      const store = current();
      const tree = await savedTree(store);
      const before = firstAction(tree);
      const recorded = await store.recordProgress(newUpdate(tree, { note: 'Nothing new this week' }), null, BY_CARD);
      expect(recorded).toMatchObject({ repeated: false, action: before, update: { note: 'Nothing new this week' } });
      expect(await store.getAction(before.id)).toEqual(before);
      expect(await store.listAudit({ planId: tree.plan.id, entityId: before.id })).toEqual([]);
    });

    it('writes nothing for a key already recorded, answering with the first update and the action as it is', async () => {
      const store = current();
      const tree = await savedTree(store);
      const before = firstAction(tree);
      const first = await store.recordProgress(newUpdate(tree, { idempotencyKey: 'card-8', status: 'blocked' }), { patch: { status: 'blocked' }, expected: before.version }, BY_CARD);
      const again = await store.recordProgress(
        newUpdate(tree, { idempotencyKey: 'card-8', note: 'double press', status: 'complete', at: LATEST }),
        { patch: { status: 'complete' }, expected: first.action.version },
        BY_CARD,
      );
      expect(again).toEqual({ repeated: true, update: first.update, action: first.action });
      expect(await store.getAction(before.id)).toEqual(first.action);
      expect((await store.listUpdates(before.id)).filter((update) => update.idempotencyKey === 'card-8')).toHaveLength(1);
      expect(await store.listAudit({ planId: tree.plan.id, entityId: before.id })).toHaveLength(1);
    });

    it('on a conflict writes nothing: neither the update, nor the fields, nor an entry', async () => {
      const store = current();
      const tree = await savedTree(store);
      const before = firstAction(tree);
      const theirs = await store.updateAction(before.id, { status: 'blocked' }, before.version, LATER, BY_EDITOR);
      const change: ProgressChange = { patch: { status: 'complete', evidence: 'Mine' }, expected: { unchanged: { status: before.status } } };
      await expectStoreError(store.recordProgress(newUpdate(tree, { idempotencyKey: 'card-9', at: LATEST }), change, BY_CARD), 'conflict');
      await expectStoreError(store.recordProgress(newUpdate(tree, { idempotencyKey: 'card-10', at: LATEST }), { patch: { evidence: 'Mine' }, expected: before.version }, BY_CARD), 'conflict');
      expect(await store.getAction(before.id)).toEqual(theirs);
      expect(await store.findUpdate('card-9')).toBeNull();
      expect(await store.findUpdate('card-10')).toBeNull();
      expect(await store.listUpdates(before.id)).toHaveLength(1);
      expect((await store.listAudit({ planId: tree.plan.id, entityId: before.id })).map((entry) => entry.changes)).toEqual([[{ field: 'status', from: 'in-progress', to: 'blocked' }]]);
    });

    it('records one update when the same submit arrives twice at once', async () => {
      const store = current();
      const tree = await savedTree(store);
      const before = firstAction(tree);
      const submit = () =>
        store.recordProgress(newUpdate(tree, { idempotencyKey: 'card-11', status: 'complete' }), { patch: { status: 'complete' }, expected: { unchanged: { status: before.status } } }, BY_CARD);
      const results = await Promise.allSettled([submit(), submit()]);
      const written = results.filter((result) => result.status === 'fulfilled' && !result.value.repeated);
      // The other is told it was a repeat, or (seeing the first one's change) a conflict its caller looks the key up after.
      expect(written).toHaveLength(1);
      expect((await store.listUpdates(before.id)).filter((update) => update.idempotencyKey === 'card-11')).toHaveLength(1);
      expect(await store.listAudit({ planId: tree.plan.id, entityId: before.id })).toHaveLength(1);
      expect((await store.getAction(before.id))?.version).toBe(before.version + 1);
    });

    it('refuses a key used for another action, a missing action and an invalid update, writing nothing', async () => {
      const store = current();
      const tree = await savedTree(store);
      const before = firstAction(tree);
      await store.recordProgress(newUpdate(tree, { idempotencyKey: 'card-12' }), null, BY_CARD);
      const other = firstAction(tree, 1, 0);
      await expectStoreError(store.recordProgress(newUpdate(tree, { idempotencyKey: 'card-12', actionId: other.id }), null, BY_CARD), 'conflict');
      await expectStoreError(store.recordProgress(newUpdate(tree, { actionId: 'no-such-action' }), null, BY_CARD), 'not-found');
      await expectStoreError(store.recordProgress(newUpdate(tree, { at: 'last Tuesday' }), { patch: { status: 'complete' }, expected: 1 }, BY_CARD), 'invalid');
      await expectStoreError(store.recordProgress(newUpdate(tree), { patch: { status: 'finished' } as unknown as ProgressChange['patch'], expected: 1 }, BY_CARD), 'invalid');
      expect(await store.getAction(before.id)).toEqual(before);
      expect(await store.listUpdates(other.id)).toEqual([]);
      expect(await store.listUpdates(before.id)).toHaveLength(2);
      expect(await store.listAudit({ planId: tree.plan.id, entityId: before.id })).toEqual([]);
    });
  });
}
