// Impact measures, as every PlanStore must keep them: plan-level or per action, edited at a
// version, dated values kept in date order (one per date), every write audited.
import { describe, expect, it } from 'vitest';
import type { MeasureFields, MeasureValue } from '../../core/model/index.js';
import type { PlanStore } from '../../store/plan-store.js';
import { BY_EDITOR, EDITOR, expectStoreError, firstAction, LATER, LATEST, NOW, sameInstant, savedTree } from './contract-fixtures.js';

const COMPLIANCE: MeasureFields = { name: 'Audit compliance with the transfer protocol', unit: '%', target: 90, direction: 'increase', actionId: null };
const INCIDENTS: Omit<MeasureFields, 'actionId'> = { name: 'Transfers without a named clinician', unit: 'transfers', target: 0, direction: 'decrease' };

function reading(date: string, value: number, note: string | null = null, at = LATER): MeasureValue {
  return { date, value, note, by: EDITOR, at };
}

export function describeMeasuresContract(current: () => PlanStore): void {
  describe('impact measures', () => {
    it('creates plan-level and action-level measures, listed in the order created', async () => {
      const store = current();
      const tree = await savedTree(store);
      const action = firstAction(tree);
      const plain = await store.saveMeasure(tree.plan.id, COMPLIANCE, null, NOW, BY_EDITOR);
      const onAction = await store.saveMeasure(tree.plan.id, { ...INCIDENTS, actionId: action.id }, null, LATER, BY_EDITOR);
      expect(plain).toMatchObject({ ...COMPLIANCE, planId: tree.plan.id, values: [], version: 1 });
      expect(onAction).toMatchObject({ ...INCIDENTS, actionId: action.id, planId: tree.plan.id, values: [], version: 1 });
      sameInstant(plain.createdAt, NOW);
      sameInstant(plain.updatedAt, NOW);
      expect(plain.id).not.toBe(onAction.id);
      expect(await store.listMeasures(tree.plan.id)).toEqual([plain, onAction]);
      expect(await store.listMeasures('no-such-plan')).toEqual([]);
    });

    it('edits a measure at its version, and refuses a stale one with a conflict, changing nothing', async () => {
      const store = current();
      const tree = await savedTree(store);
      const created = await store.saveMeasure(tree.plan.id, COMPLIANCE, null, NOW, BY_EDITOR);
      const edited = await store.saveMeasure(tree.plan.id, { ...COMPLIANCE, target: 95 }, { id: created.id, version: 1 }, LATER, BY_EDITOR);
      expect(edited).toMatchObject({ id: created.id, target: 95, version: 2 });
      sameInstant(edited.updatedAt, LATER);
      await expectStoreError(store.saveMeasure(tree.plan.id, { ...COMPLIANCE, target: 50 }, { id: created.id, version: 1 }, LATEST, BY_EDITOR), 'conflict');
      expect(await store.listMeasures(tree.plan.id)).toEqual([edited]);
    });

    it('keeps values in date order, a second value on the same date replacing the first', async () => {
      const store = current();
      const tree = await savedTree(store);
      const { id } = await store.saveMeasure(tree.plan.id, COMPLIANCE, null, NOW, BY_EDITOR);
      await store.addMeasureValue(id, reading('2024-03-31', 89.87, 'after the new checklist'), BY_EDITOR);
      await store.addMeasureValue(id, reading('2023-09-30', 60.49), BY_EDITOR);
      await store.addMeasureValue(id, reading('2023-12-31', 71), BY_EDITOR);
      const last = await store.addMeasureValue(id, reading('2023-12-31', 72.5, 'recounted', LATEST), BY_EDITOR);
      expect(last.values.map((value) => [value.date, value.value, value.note])).toEqual([
        ['2023-09-30', 60.49, null],
        ['2023-12-31', 72.5, 'recounted'],
        ['2024-03-31', 89.87, 'after the new checklist'],
      ]);
      expect(last.values[0]?.by).toEqual(EDITOR);
      expect(await store.listMeasures(tree.plan.id)).toEqual([last]);
    });

    it('audits creating, editing and each value, against the measure', async () => {
      const store = current();
      const tree = await savedTree(store);
      const { id } = await store.saveMeasure(tree.plan.id, COMPLIANCE, null, NOW, BY_EDITOR);
      await store.saveMeasure(tree.plan.id, { ...COMPLIANCE, target: 95 }, { id, version: 1 }, LATER, BY_EDITOR);
      await store.saveMeasure(tree.plan.id, { ...COMPLIANCE, target: 95 }, { id, version: 2 }, LATER, BY_EDITOR);
      await store.addMeasureValue(id, reading('2024-03-31', 89.87, null, LATEST), { actor: EDITOR, source: 'card' });

      const entries = await store.listAudit({ planId: tree.plan.id, entityId: id });
      expect(entries.map((entry) => [entry.entity, entry.source])).toEqual([
        ['measure', 'tab'],
        ['measure', 'tab'],
        ['measure', 'card'],
      ]);
      const [created, edited, valued] = entries;
      expect(created?.changes).toContainEqual({ field: 'name', from: null, to: COMPLIANCE.name });
      expect(created?.changes).toContainEqual({ field: 'target', from: null, to: '90' });
      expect(edited?.changes).toEqual([{ field: 'target', from: '90', to: '95' }]);
      expect(valued?.changes).toHaveLength(1);
      expect(valued?.changes[0]?.field).toContain('2024-03-31');
      expect(valued?.changes[0]).toMatchObject({ from: null, to: expect.stringContaining('89.87') as unknown });
      sameInstant(valued?.at ?? '', LATEST);
    });

    it('refuses a measure for a missing plan or action, a missing measure, and invalid fields or values', async () => {
      const store = current();
      const tree = await savedTree(store);
      await expectStoreError(store.saveMeasure('no-such-plan', COMPLIANCE, null, NOW, BY_EDITOR), 'not-found');
      await expectStoreError(store.saveMeasure(tree.plan.id, { ...COMPLIANCE, actionId: 'no-such-action' }, null, NOW, BY_EDITOR), 'not-found');
      await expectStoreError(store.saveMeasure(tree.plan.id, COMPLIANCE, { id: 'no-such-measure', version: 1 }, NOW, BY_EDITOR), 'not-found');
      await expectStoreError(store.saveMeasure(tree.plan.id, { ...COMPLIANCE, name: '' }, null, NOW, BY_EDITOR), 'invalid');
      await expectStoreError(store.addMeasureValue('no-such-measure', reading('2024-03-31', 1), BY_EDITOR), 'not-found');
      const { id } = await store.saveMeasure(tree.plan.id, COMPLIANCE, null, NOW, BY_EDITOR);
      await expectStoreError(store.addMeasureValue(id, reading('2024-02-30', 1), BY_EDITOR), 'invalid');
      expect((await store.listMeasures(tree.plan.id)).map((measure) => measure.values)).toEqual([[]]);
      expect(await store.listAudit({ planId: tree.plan.id, entityId: id })).toHaveLength(1);
    });
  });
}
