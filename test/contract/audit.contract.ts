// The audit trail, as every PlanStore must keep it: each write of a plan, action or measure
// leaves one entry (who, when, from where, at which meeting, each field old → new as text), in
// the same write as the change; nothing when nothing changed; nothing when the write is refused.
import { describe, expect, it } from 'vitest';
import { importSummary } from '../../core/assurance/audit-text.js';
import type { AuditEntry, ChangedBy, FieldChange, Review } from '../../core/model/index.js';
import type { PlanStore } from '../../store/plan-store.js';
import { BY_EDITOR, buildDraft, EDITOR, expectStoreError, firstAction, IMPORTER, LATER, LATEST, NOW, sameInstant, savedTree } from './contract-fixtures.js';

const MEETING = { forum: 'Quality and Safety Committee', date: '2025-06-03' };
const AT_COMMITTEE: ChangedBy = { actor: EDITOR, source: 'tab', meeting: MEETING, summary: 'Agreed at the June committee' };

/** Field order within an entry is the store's; the contract compares them by field. */
function byField(changes: readonly FieldChange[]): FieldChange[] {
  return [...changes].sort((a, b) => a.field.localeCompare(b.field));
}

/** An entry with its instant checked as an instant and its changes in field order. */
function expectEntry(entry: AuditEntry | undefined, expected: Omit<AuditEntry, 'id' | 'at' | 'changes'> & { at: string; changes: FieldChange[] }): void {
  expect(entry).toBeDefined();
  if (!entry) return;
  const { at, changes, ...rest } = expected;
  sameInstant(entry.at, at);
  expect({ ...entry, id: undefined, at: undefined, changes: byField(entry.changes) }).toEqual({ ...rest, id: undefined, at: undefined, changes: byField(changes) });
  expect(entry.id).not.toBe('');
}

export function describeAuditContract(current: () => PlanStore): void {
  describe('the audit trail', () => {
    it('records an action edit: who, when, from where, at which meeting, each changed field old → new as text', async () => {
      const store = current();
      const tree = await savedTree(store);
      const before = firstAction(tree);
      const due = { text: 'End of March 2026', date: '2026-03-31', precision: 'day' as const };
      const patch = { status: 'complete' as const, evidence: 'Final protocol v1.0', snoozedUntil: '2025-07-01', due, leads: ['Head of Nursing'], text: before.text };
      await store.updateAction(before.id, patch, 1, LATER, AT_COMMITTEE);

      const entries = await store.listAudit({ planId: tree.plan.id, entityId: before.id });
      expect(entries).toHaveLength(1);
      expectEntry(entries[0], {
        planId: tree.plan.id,
        entity: 'action',
        entityId: before.id,
        at: LATER,
        actor: EDITOR,
        source: 'tab',
        meeting: MEETING,
        summary: 'Agreed at the June committee',
        changes: [
          { field: 'status', from: 'in-progress', to: 'complete' },
          { field: 'evidence', from: 'Draft protocol v0.3; consultation log', to: 'Final protocol v1.0' },
          { field: 'snoozedUntil', from: null, to: '2025-07-01' },
          { field: 'due', from: 'September 2023 Q1 2025/26 (2025-06-30)', to: 'End of March 2026 (2026-03-31)' },
          { field: 'leads', from: 'Clinical Director, Adult Community Services; Clinical Director, Inpatient Services; Head of Nursing', to: 'Head of Nursing' },
        ],
      });
    });

    it('records a plan edit against the plan, lists joined', async () => {
      const store = current();
      const tree = await savedTree(store);
      await store.updatePlanFields(tree.plan.id, { owner: 'Medical Director', references: ['SI 2025/26 100'], title: tree.plan.title }, 1, LATER, BY_EDITOR);
      const entries = (await store.listAudit({ planId: tree.plan.id, entityId: tree.plan.id })).filter((entry) => entry.changes.length > 0);
      expect(entries).toHaveLength(1);
      expectEntry(entries[0], {
        planId: tree.plan.id,
        entity: 'plan',
        entityId: tree.plan.id,
        at: LATER,
        actor: EDITOR,
        source: 'tab',
        meeting: null,
        summary: null,
        changes: [
          { field: 'owner', from: 'Chief Nursing Officer', to: 'Medical Director' },
          { field: 'references', from: 'StEIS 2022/14873; SI 2022/23 041', to: 'SI 2025/26 100' },
        ],
      });
    });

    it('records an import as one plan entry, with the caller\'s sentence, source and importer', async () => {
      const store = current();
      const planId = await store.savePlan(buildDraft(), { now: NOW, actor: IMPORTER, source: 'cli', summary: 'Imported from plan.docx' });
      const entries = await store.listAudit({ planId });
      expect(entries).toHaveLength(1);
      expectEntry(entries[0], { planId, entity: 'plan', entityId: planId, at: NOW, actor: IMPORTER, source: 'cli', meeting: null, summary: 'Imported from plan.docx', changes: [] });

      const replacement = buildDraft({ title: 'Replacement' });
      await store.savePlan(replacement, { now: LATER, replacePlanId: planId });
      const [, replaced] = await store.listAudit({ planId });
      // Without a sentence, an actor or a source: the one default sentence (both stores alike), no one, and "import".
      expect(replaced).toMatchObject({ entity: 'plan', entityId: planId, actor: { aadObjectId: null, displayName: null }, source: 'import', changes: [], summary: importSummary(replacement, true) });
      sameInstant(replaced?.at ?? '', LATER);
    });

    it('writes nothing when nothing changed', async () => {
      const store = current();
      const tree = await savedTree(store);
      const action = firstAction(tree);
      await store.updateAction(action.id, { status: action.status, evidence: action.evidence, leads: [...action.leads] }, 1, LATER, BY_EDITOR);
      await store.updatePlanFields(tree.plan.id, { owner: tree.plan.owner, forums: [...tree.plan.forums] }, 1, LATER, BY_EDITOR);
      expect(await store.listAudit({ planId: tree.plan.id, entityId: action.id })).toEqual([]);
      expect((await store.listAudit({ planId: tree.plan.id })).map((entry) => entry.changes)).toEqual([[]]);
    });

    it('writes neither the change nor an entry when the write is refused', async () => {
      const store = current();
      const tree = await savedTree(store);
      const action = firstAction(tree);
      const winner = await store.updateAction(action.id, { status: 'blocked' }, 1, LATER, BY_EDITOR);
      await expectStoreError(store.updateAction(action.id, { status: 'complete', evidence: 'x' }, 1, LATEST, AT_COMMITTEE), 'conflict');
      await expectStoreError(store.updateAction(action.id, { status: 'complete' }, { unchanged: { status: action.status } }, LATEST, AT_COMMITTEE), 'conflict');
      await expectStoreError(store.updatePlanFields(tree.plan.id, { owner: 'x' }, 7, LATEST, AT_COMMITTEE), 'conflict');
      await expectStoreError(store.updateAction(action.id, { status: 'finished' } as unknown as Parameters<PlanStore['updateAction']>[1], winner.version, LATEST, AT_COMMITTEE), 'invalid');
      expect(await store.getAction(action.id)).toEqual(winner);
      const entries = await store.listAudit({ planId: tree.plan.id });
      expect(entries.map((entry) => [entry.entityId, entry.changes])).toEqual([
        [tree.plan.id, []],
        [action.id, [{ field: 'status', from: 'in-progress', to: 'blocked' }]],
      ]);
    });

    it('rejects a change whose source is not one it knows, writing nothing', async () => {
      const store = current();
      const tree = await savedTree(store);
      const action = firstAction(tree);
      const nobody = { actor: EDITOR, source: 'fax' } as unknown as ChangedBy;
      await expectStoreError(store.updateAction(action.id, { status: 'blocked' }, 1, LATER, nobody), 'invalid');
      expect(await store.getAction(action.id)).toEqual(action);
    });

    it('lists oldest first, then in the order written; filters by entity and from an instant on', async () => {
      const store = current();
      const tree = await savedTree(store);
      const other = await savedTree(store, buildDraft({ title: 'Another plan', references: [] }));
      const first = firstAction(tree);
      const second = firstAction(tree, 1, 0);
      await store.updateAction(first.id, { rag: 'red' }, 1, LATEST, BY_EDITOR);
      await store.updateAction(second.id, { rag: 'amber' }, 1, LATER, BY_EDITOR);
      await store.updateAction(first.id, { rag: 'green' }, 2, LATER, BY_EDITOR);
      await store.updateAction(second.id, { rag: 'red' }, 2, LATEST, BY_EDITOR);
      await store.updateAction(firstAction(other).id, { rag: 'red' }, 1, LATER, BY_EDITOR);

      const rag = (entries: AuditEntry[]) => entries.filter((entry) => entry.entity === 'action').map((entry) => `${entry.entityId === first.id ? 'first' : 'second'} ${String(entry.changes[0]?.to)}`);
      expect(rag(await store.listAudit({ planId: tree.plan.id }))).toEqual(['second amber', 'first green', 'first red', 'second red']);
      expect(rag(await store.listAudit({ planId: tree.plan.id, entityId: first.id }))).toEqual(['first green', 'first red']);
      expect(rag(await store.listAudit({ planId: tree.plan.id, since: LATEST }))).toEqual(['first red', 'second red']);
      expect(rag(await store.listAudit({ planId: tree.plan.id, entityId: second.id, since: LATER }))).toEqual(['second amber', 'second red']);
      expect((await store.listAudit({ planId: tree.plan.id })).some((entry) => entry.planId !== tree.plan.id)).toBe(false);
      expect(await store.listAudit({ planId: 'no-such-plan' })).toEqual([]);
      await expectStoreError(store.listAudit({ planId: tree.plan.id, since: 'yesterday' }), 'invalid');
    });

    it('keeps a review on an action and reviewers on a plan, and audits them', async () => {
      const store = current();
      const tree = await savedTree(store);
      const action = firstAction(tree);
      const review: Review = { outcome: 'returned', reason: 'No audit of transfers yet', by: EDITOR, at: LATER, meeting: MEETING };
      const reviewed = await store.updateAction(action.id, { review, status: 'in-progress' }, 1, LATER, AT_COMMITTEE);
      expect(reviewed.review).toEqual(review);
      expect((await store.getAction(action.id))?.review).toEqual(review);
      const plan = await store.updatePlanFields(tree.plan.id, { reviewers: ['Head of Quality Governance', 'Deputy Director of Nursing'] }, 1, LATER, BY_EDITOR);
      expect(plan.reviewers).toEqual(['Head of Quality Governance', 'Deputy Director of Nursing']);
      expect((await store.getPlan(tree.plan.id))?.plan.reviewers).toEqual(plan.reviewers);

      const changes = (await store.listAudit({ planId: tree.plan.id })).flatMap((entry) => entry.changes);
      expect(changes).toEqual([
        { field: 'review', from: null, to: 'returned by Grace Adeyemi at Quality and Safety Committee on 2025-06-03: No audit of transfers yet' },
        { field: 'reviewers', from: 'Head of Quality Governance', to: 'Head of Quality Governance; Deputy Director of Nursing' },
      ]);
    });
  });
}
