// The suite every PlanStore must pass (SQLite now, SharePoint over Graph later). It talks to the
// store only through the PlanStore interface, so an implementation can run it unchanged:
//
//   describePlanStoreContract('my store', async () => ({ store, cleanup }));
//
// Instants are compared as instants (a remote store may drop milliseconds or the offset form),
// and optional text fields that a draft leaves out read back as null: the one "not given" form.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionFields, PlanFields, RecommendationFields, type Conversation, type FuzzyDate, type Lease, type NewReminder, type PlanDraft } from '../../core/model/index.js';
import type { PlanStore, PlanTree } from '../../store/plan-store.js';
import { StoreError } from '../../store/store-error.js';
import { describeAuditContract } from './audit.contract.js';
import {
  action,
  BY_EDITOR,
  buildDraft,
  day,
  expectedActionFields,
  expectStoreError,
  firstAction,
  IMPORTER,
  LATER,
  LATEST,
  newUpdate,
  NOW,
  recommendation,
  sameInstant,
  savedTree,
  type ContractStore,
} from './contract-fixtures.js';
import { describeMeasuresContract } from './measures.contract.js';
import { describeProgressContract } from './progress.contract.js';

export { buildDraft, expectedActionFields, expectStoreError, LATER, LATEST, NOW, rejection, sameInstant, type ContractStore } from './contract-fixtures.js';

function newReminder(tree: PlanTree, fields: Partial<NewReminder> = {}): NewReminder {
  const target = firstAction(tree);
  return {
    key: `${target.id}:before-due:2025-09-30:clinical-director`,
    planId: target.planId,
    actionId: target.id,
    recipient: 'Clinical Director, Adult Community Services',
    kind: 'before-due',
    dueDate: '2025-09-30',
    plannedFor: '2025-09-23T08:00:00.000Z',
    ...fields,
  };
}

const PERSON = 'c2b8f6a4-1d3e-4f50-9a7b-8c9d0e1f2a3b';

/**
 * A person's conversation as the bot stores it. The reference carries fields the model does not
 * name (an activity id, `isGroup`, the user's role), which a store must keep as they came.
 */
function conversation(fields: Partial<Conversation> = {}): Conversation {
  return {
    aadObjectId: PERSON,
    displayName: 'Dr Amara Okafor',
    tenantId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4',
    reference: {
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      channelId: 'msteams',
      conversation: { id: 'a:1xQp7Ew-personal-chat', tenantId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4', conversationType: 'personal', isGroup: false },
      bot: { id: '28:5f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8', name: 'Followthrough' },
      user: { id: '29:1Vx9-teams-user-id', name: 'Dr Amara Okafor', aadObjectId: PERSON, role: 'user' },
      locale: 'en-GB',
      activityId: '1717320600000',
    },
    usable: true,
    unusableReason: null,
    updatedAt: NOW,
    ...fields,
  };
}

/** The lease tests' clock: each lease runs for a minute. */
const T0 = '2025-06-02T09:30:00.000Z';
const T0_PLUS_30S = '2025-06-02T09:30:30.000Z';
const T0_PLUS_1M = '2025-06-02T09:31:00.000Z';
const T0_PLUS_90S = '2025-06-02T09:31:30.000Z';
const T0_PLUS_2M = '2025-06-02T09:32:00.000Z';
const T0_PLUS_3M = '2025-06-02T09:33:00.000Z';

function expectLease(lease: Lease | null, expected: { name: string; holder: string; until: string }): void {
  expect(lease).toMatchObject({ name: expected.name, holder: expected.holder });
  sameInstant(lease?.expiresAt ?? '', expected.until);
}

// ---------------------------------------------------------------------------------------------

export function describePlanStoreContract(name: string, makeStore: () => Promise<ContractStore>): void {
  describe(`PlanStore contract: ${name}`, () => {
    let store: PlanStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await cleanup();
    });

    describeAuditContract(() => store);
    describeMeasuresContract(() => store);
    describeProgressContract(() => store);

    describe('saving and reading plans', () => {
      it('reads back exactly the fields it was given, in plan order', async () => {
        const draft = buildDraft();
        const tree = await savedTree(store, draft);

        expect(PlanFields.parse(tree.plan)).toEqual(draft.plan);
        expect(tree.recommendations).toHaveLength(draft.recommendations.length);
        draft.recommendations.forEach((draftRecommendation, index) => {
          const stored = tree.recommendations[index];
          expect(stored && RecommendationFields.parse(stored)).toEqual(RecommendationFields.parse(draftRecommendation));
          expect(stored?.actions.map((stored) => ActionFields.parse(stored))).toEqual(draftRecommendation.actions.map(expectedActionFields));
        });
      });

      it('gives every row an id, a position, version 1 and the save time', async () => {
        const tree = await savedTree(store, buildDraft(), 'sha256:abc123');
        const { plan } = tree;
        expect(plan.version).toBe(1);
        expect(plan.contentKey).toBe('sha256:abc123');
        sameInstant(plan.createdAt, NOW);
        sameInstant(plan.updatedAt, NOW);
        const ids = new Set([plan.id]);
        tree.recommendations.forEach((recommendation, index) => {
          expect(recommendation).toMatchObject({ planId: plan.id, position: index });
          ids.add(recommendation.id);
          recommendation.actions.forEach((stored, position) => {
            expect(stored).toMatchObject({ planId: plan.id, recommendationId: recommendation.id, position, version: 1 });
            sameInstant(stored.createdAt, NOW);
            sameInstant(stored.updatedAt, NOW);
            ids.add(stored.id);
          });
        });
        expect(ids.size).toBe(1 + 3 + 4);
      });

      it('reads a single action by id', async () => {
        const tree = await savedTree(store);
        const expected = firstAction(tree, 1, 0);
        expect(await store.getAction(expected.id)).toEqual(expected);
      });

      it('turns non-empty progress into an import update by the importer, and nothing else', async () => {
        const tree = await savedTree(store);
        const updates = await store.listUpdates(firstAction(tree).id);
        expect(updates).toHaveLength(1);
        const [update] = updates;
        expect(update).toMatchObject({
          actionId: firstAction(tree).id,
          planId: tree.plan.id,
          source: 'import',
          note: 'Draft protocol written and shared with both directorates; consultation closes in July.',
          author: IMPORTER,
          status: null,
          revisedDue: null,
          idempotencyKey: null,
        });
        sameInstant(update?.at ?? '', NOW);
        // null progress, whitespace-only progress and no progress at all record nothing.
        for (const [recommendation, position] of [[0, 1], [1, 0], [1, 1]] as const) {
          expect(await store.listUpdates(firstAction(tree, recommendation, position).id)).toEqual([]);
        }
      });

      it('credits import updates to no one when no actor is given', async () => {
        const planId = await store.savePlan(buildDraft(), { now: NOW });
        const updates = await store.listUpdates(firstAction(await store.getPlan(planId)).id);
        expect(updates.map((update) => update.author)).toEqual([{ aadObjectId: null, displayName: null }]);
      });

      it('lists plans with their counts, most recently updated first', async () => {
        const older = await store.savePlan(buildDraft({ title: 'Older plan' }), { now: NOW });
        const newer = await store.savePlan(buildDraft({ title: 'Newer plan', references: ['SI 2024/25 007'] }), { now: LATER });
        const summaries = await store.listPlans();
        expect(summaries.map((summary) => summary.id)).toEqual([newer, older]);
        expect(summaries[0]).toMatchObject({
          id: newer,
          title: 'Newer plan',
          references: ['SI 2024/25 007'],
          status: 'active',
          recommendations: 3,
          actions: 4,
        });
        sameInstant(summaries[0]?.updatedAt ?? '', LATER);
      });

      it('rejects an invalid draft, naming the problem, and writes nothing', async () => {
        const existing = await store.savePlan(buildDraft(), { now: NOW });
        const before = await store.listPlans();
        const draft = buildDraft();
        const broken = { ...draft, plan: { ...draft.plan, published: day('31 September 2023', '2023-09-31') } };
        const error = await expectStoreError(store.savePlan(broken, { now: LATER }), 'invalid');
        expect(error.message).toMatch(/published/);
        await expectStoreError(store.savePlan({ ...draft, plan: { ...draft.plan, title: '' } }, { now: LATER }), 'invalid');
        await expectStoreError(store.savePlan(broken, { now: LATER, replacePlanId: existing }), 'invalid');
        await expectStoreError(store.savePlan(draft, { now: 'yesterday' }), 'invalid');
        expect(await store.listPlans()).toEqual(before);
      });

      it('fails by rejecting the promise, never by throwing', async () => {
        let saving: Promise<unknown> = Promise.resolve();
        let reading: Promise<unknown> = Promise.resolve();
        expect(() => {
          saving = store.savePlan(null as unknown as PlanDraft, { now: NOW });
          reading = store.getPlan(undefined as unknown as string);
        }).not.toThrow();
        await expectStoreError(saving, 'invalid');
        await expectStoreError(reading, 'invalid');
      });

      it('returns null for a plan or action that does not exist', async () => {
        expect(await store.getPlan('no-such-plan')).toBeNull();
        expect(await store.getAction('no-such-action')).toBeNull();
      });
    });

    describe('replacing a plan', () => {
      it('keeps the id, replaces fields and children, and bumps the version', async () => {
        const original = await savedTree(store);
        const draft = buildDraft({ title: 'Revised action plan for Service User K' });
        draft.recommendations = draft.recommendations.slice(1);
        const planId = await store.savePlan(draft, { now: LATER, replacePlanId: original.plan.id, contentKey: 'second' });
        expect(planId).toBe(original.plan.id);

        const replaced = await store.getPlan(planId);
        expect(replaced?.plan).toMatchObject({ title: 'Revised action plan for Service User K', version: 2, contentKey: 'second' });
        sameInstant(replaced?.plan.createdAt ?? '', NOW);
        sameInstant(replaced?.plan.updatedAt ?? '', LATER);
        expect(replaced?.recommendations.map((recommendation) => recommendation.text)).toEqual(draft.recommendations.map((recommendation) => recommendation.text));
        expect(replaced?.recommendations.map((recommendation) => recommendation.position)).toEqual([0, 1]);
        expect(await store.getAction(firstAction(original).id)).toBeNull();
        expect(await store.getActionContext(firstAction(original).id)).toBeNull();
        const kept = firstAction(replaced);
        expect((await store.getActionContext(kept.id))?.plan).toEqual(replaced?.plan);
        expect(await store.listPlans()).toHaveLength(1);
      });

      it('refuses to replace a plan that does not exist, writing nothing', async () => {
        await expectStoreError(store.savePlan(buildDraft(), { now: NOW, replacePlanId: 'no-such-plan' }), 'not-found');
        expect(await store.listPlans()).toEqual([]);
      });
    });

    describe('finding similar plans', () => {
      it('matches on the content key', async () => {
        const planId = await store.savePlan(buildDraft({ references: [] }), { now: NOW, contentKey: 'sha256:feed' });
        await store.savePlan(buildDraft({ references: [] }), { now: NOW, contentKey: 'sha256:beef' });
        const found = await store.findSimilarPlans({ contentKey: 'sha256:feed' });
        expect(found.map((plan) => plan.id)).toEqual([planId]);
      });

      it('matches on any reference, ignoring case and spacing', async () => {
        const planId = await store.savePlan(buildDraft({ references: ['StEIS 2022/14873', 'SI 2022/23 041'] }), { now: NOW });
        await store.savePlan(buildDraft({ references: ['StEIS 2019/00001'] }), { now: NOW });
        for (const reference of ['si 2022/23 041', 'STEIS  2022/14873', ' steis2022/14873 ']) {
          const found = await store.findSimilarPlans({ references: ['unrelated 1', reference] });
          expect(found.map((plan) => plan.id), reference).toEqual([planId]);
        }
      });

      it('returns each plan once when both key and reference match', async () => {
        const planId = await store.savePlan(buildDraft(), { now: NOW, contentKey: 'k1' });
        const found = await store.findSimilarPlans({ contentKey: 'k1', references: ['StEIS 2022/14873', 'SI 2022/23 041'] });
        expect(found.map((plan) => plan.id)).toEqual([planId]);
      });

      it('finds nothing without a match or without anything to match on', async () => {
        await store.savePlan(buildDraft(), { now: NOW, contentKey: 'k1' });
        expect(await store.findSimilarPlans({ contentKey: 'k2', references: ['SI 1999/00 001'] })).toEqual([]);
        expect(await store.findSimilarPlans({})).toEqual([]);
        expect(await store.findSimilarPlans({ contentKey: null, references: [] })).toEqual([]);
      });
    });

    describe('editing plan fields', () => {
      it('applies the patch at the expected version', async () => {
        const { plan } = await savedTree(store);
        const updated = await store.updatePlanFields(plan.id, { status: 'closed', references: ['SI 2025/26 100'] }, 1, LATER, BY_EDITOR);
        expect(updated).toMatchObject({ id: plan.id, status: 'closed', references: ['SI 2025/26 100'], version: 2, title: plan.title });
        sameInstant(updated.updatedAt, LATER);
        expect((await store.getPlan(plan.id))?.plan).toEqual(updated);
        expect((await store.findSimilarPlans({ references: ['si 2025/26 100'] })).map((found) => found.id)).toEqual([plan.id]);
        expect(await store.findSimilarPlans({ references: ['StEIS 2022/14873'] })).toEqual([]);
      });

      it('refuses a stale version with a conflict naming the current one', async () => {
        const { plan } = await savedTree(store);
        await store.updatePlanFields(plan.id, { owner: 'Medical Director' }, 1, LATER, BY_EDITOR);
        const error = await expectStoreError(store.updatePlanFields(plan.id, { owner: 'Chief Executive' }, 1, LATEST, BY_EDITOR), 'conflict');
        expect(error.message).toMatch(/version 2/);
        expect((await store.getPlan(plan.id))?.plan.owner).toBe('Medical Director');
      });

      it('rejects an invalid patch and a missing plan', async () => {
        const { plan } = await savedTree(store);
        await expectStoreError(store.updatePlanFields(plan.id, { title: '' }, 1, LATER, BY_EDITOR), 'invalid');
        await expectStoreError(store.updatePlanFields('no-such-plan', { title: 'x' }, 1, LATER, BY_EDITOR), 'not-found');
        expect((await store.getPlan(plan.id))?.plan.version).toBe(1);
      });
    });

    describe('editing actions', () => {
      it('reads an action with its plan and recommendation, as getPlan has them', async () => {
        const tree = await savedTree(store);
        const rec = tree.recommendations[1];
        const action = firstAction(tree, 1);
        if (rec === undefined) throw new Error('no second recommendation');
        const recommendation: Partial<typeof rec> = { ...rec };
        delete recommendation.actions;
        expect(await store.getActionContext(action.id)).toEqual({ plan: tree.plan, recommendation, action });
        const edited = await store.updateAction(action.id, { status: 'blocked' }, 1, LATER, BY_EDITOR);
        expect((await store.getActionContext(action.id))?.action).toEqual(edited);
        expect(await store.getActionContext('no-such-action')).toBeNull();
      });

      it('applies the patch at the expected version and leaves other fields alone', async () => {
        const before = firstAction(await savedTree(store));
        const revisions = [...before.revisions, { date: '2025-12-31', reason: 'Waiting for the new record system', at: LATER, by: null }];
        const after = await store.updateAction(before.id, { status: 'blocked', rag: 'red', revisions, flags: ['escalated'] }, 1, LATER, BY_EDITOR);
        expect(after).toEqual({ ...before, status: 'blocked', rag: 'red', revisions, flags: ['escalated'], version: 2, updatedAt: after.updatedAt });
        sameInstant(after.updatedAt, LATER);
        expect(await store.getAction(before.id)).toEqual(after);
      });

      it('refuses a stale version with a conflict naming the current one, changing nothing', async () => {
        const before = firstAction(await savedTree(store));
        const current = await store.updateAction(before.id, { status: 'complete' }, 1, LATER, BY_EDITOR);
        const error = await expectStoreError(store.updateAction(before.id, { status: 'blocked' }, 1, LATEST, BY_EDITOR), 'conflict');
        expect(error.message).toMatch(/version 2/);
        expect(await store.getAction(before.id)).toEqual(current);
      });

      it('lets exactly one of two racing writers win', async () => {
        const before = firstAction(await savedTree(store));
        const results = await Promise.allSettled([
          store.updateAction(before.id, { status: 'complete' }, 1, LATER, BY_EDITOR),
          store.updateAction(before.id, { status: 'blocked' }, 1, LATER, BY_EDITOR),
        ]);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        const [failure] = results.filter((result) => result.status === 'rejected');
        expect((failure?.reason as StoreError | undefined)?.code).toBe('conflict');
        expect((await store.getAction(before.id))?.version).toBe(2);
      });

      it('applies a change whose touched fields are unchanged, even after another field changed', async () => {
        const before = firstAction(await savedTree(store));
        await store.updateAction(before.id, { evidence: 'Audit report, March' }, 1, LATER, BY_EDITOR);
        const after = await store.updateAction(before.id, { status: 'complete' }, { unchanged: { status: before.status } }, LATEST, BY_EDITOR);
        expect(after).toMatchObject({ status: 'complete', evidence: 'Audit report, March', version: 3 });
      });

      it('refuses a change whose touched field someone else changed, naming the field', async () => {
        const before = firstAction(await savedTree(store));
        const current = await store.updateAction(before.id, { status: 'blocked' }, 1, LATER, BY_EDITOR);
        const error = await expectStoreError(store.updateAction(before.id, { status: 'complete' }, { unchanged: { status: before.status } }, LATEST, BY_EDITOR), 'conflict');
        expect(error.message).toMatch(/status/);
        expect(await store.getAction(before.id)).toEqual(current);
      });

      it('rejects an invalid patch and a missing action', async () => {
        const before = firstAction(await savedTree(store));
        const bogus = { status: 'finished' } as unknown as Parameters<PlanStore['updateAction']>[1];
        await expectStoreError(store.updateAction(before.id, bogus, 1, LATER, BY_EDITOR), 'invalid');
        await expectStoreError(store.updateAction(before.id, { revisions: [{ date: '2025-02-30', reason: 'x', at: null, by: null }] }, 1, LATER, BY_EDITOR), 'invalid');
        await expectStoreError(store.updateAction('no-such-action', { status: 'complete' }, 1, LATER, BY_EDITOR), 'not-found');
        expect(await store.getAction(before.id)).toEqual(before);
      });
    });

    describe('sweeps', () => {
      const due = (date: string): FuzzyDate => day(date, date);
      function sweepDraft(status: 'active' | 'closed' = 'active'): PlanDraft {
        const draft = buildDraft({ title: `Sweep plan (${status})`, references: [`SWEEP-${status}`] });
        return {
          ...draft,
          plan: { ...draft.plan, status },
          recommendations: [
            recommendation({
              number: '1',
              text: 'Reminders go to what is open and due',
              actions: [
                action({ ref: 'a', text: 'Overdue and open', due: due('2025-06-01'), status: 'in-progress' }),
                action({ ref: 'b', text: 'Due but complete', due: due('2025-06-10'), status: 'complete' }),
                action({ ref: 'c', text: 'Due on the day asked', due: due('2025-06-15'), status: 'not-started' }),
                action({ ref: 'd', text: 'No usable date', due: null, status: 'unknown' }),
                action({ ref: 'e', text: 'Revised to later', due: due('2025-06-05'), revisions: [{ date: '2025-07-01', reason: 'Waiting for new system', at: null, by: null }], status: 'in-progress' }),
                action({ ref: 'f', text: 'Due after the date', due: due('2025-06-16'), status: 'blocked' }),
              ],
            }),
          ],
        };
      }

      it('lists open actions due on or before a date — overdue included; closed, undated and revised-later left out', async () => {
        await store.savePlan(sweepDraft(), { now: NOW });
        await store.savePlan(sweepDraft('closed'), { now: NOW });
        const due = await store.listOpenActionsDueBy('2025-06-15');
        expect(due.map((a) => a.text)).toEqual(['Overdue and open', 'Due on the day asked']);
      });

      it('lists every open action for "my actions", undated ones last, closed plans and closed actions left out', async () => {
        await store.savePlan(sweepDraft(), { now: NOW });
        await store.savePlan(sweepDraft('closed'), { now: NOW });
        expect((await store.listOpenActions()).map((a) => a.text)).toEqual(['Overdue and open', 'Due on the day asked', 'Due after the date', 'Revised to later', 'No usable date']);
      });

      it('rejects a due-by date that is not a date', async () => {
        await expectStoreError(store.listOpenActionsDueBy('next week'), 'invalid');
      });

      it('lists actions changed at or after an instant, and all of them from the start', async () => {
        const id = await store.savePlan(sweepDraft(), { now: NOW });
        const target = (await store.getPlan(id))?.recommendations[0]?.actions[2];
        if (!target) throw new Error('sweep plan has no third action');
        await store.updateAction(target.id, { status: 'in-progress' }, 1, LATER, BY_EDITOR);
        expect((await store.listActionsChangedSince(LATER)).map((a) => a.id)).toEqual([target.id]);
        expect(await store.listActionsChangedSince(null)).toHaveLength(6);
      });
    });

    describe('progress updates', () => {
      it('lists updates by time, then in the order they were added', async () => {
        const tree = await savedTree(store);
        const second = await store.addUpdate(newUpdate(tree, { note: 'second', at: LATEST }));
        const first = await store.addUpdate(newUpdate(tree, { note: 'first', at: LATER, status: 'in-progress', evidence: 'minutes.docx' }));
        const tie = await store.addUpdate(newUpdate(tree, { note: 'tie', at: LATEST, revisedDue: { date: '2026-01-31', reason: 'Consultation extended' } }));
        const notes = (await store.listUpdates(firstAction(tree).id)).map((update) => update.note);
        expect(notes).toEqual(['Draft protocol written and shared with both directorates; consultation closes in July.', 'first', 'second', 'tie']);
        expect(first).toMatchObject({ status: 'in-progress', evidence: 'minutes.docx', source: 'card', idempotencyKey: null });
        expect(tie.revisedDue).toEqual({ date: '2026-01-31', reason: 'Consultation extended' });
        expect(new Set([first.id, second.id, tie.id]).size).toBe(3);
      });

      it('records one update for a repeated idempotency key', async () => {
        const tree = await savedTree(store);
        const offered = newUpdate(tree, { idempotencyKey: 'card-submit-41f2' });
        const first = await store.addUpdate(offered);
        const again = await store.addUpdate({ ...offered, note: 'double click' });
        expect(again).toEqual(first);
        // What addUpdate answers is what a read gives back.
        expect((await store.listUpdates(firstAction(tree).id)).find((update) => update.id === first.id)).toEqual(first);
        expect((await store.listUpdates(firstAction(tree).id)).filter((update) => update.idempotencyKey === 'card-submit-41f2')).toHaveLength(1);
      });

      it('reads the last update by time, then by the order recorded, and finds one by its key', async () => {
        const tree = await savedTree(store);
        const action = firstAction(tree);
        const other = firstAction(tree, 1);
        const imported = await store.lastUpdate(action.id);
        expect(imported?.note).toBe((await store.listUpdates(action.id)).at(-1)?.note);
        await store.addUpdate(newUpdate(tree, { note: 'latest', at: LATEST, idempotencyKey: 'card-1' }));
        await store.addUpdate(newUpdate(tree, { note: 'tie, recorded after', at: LATEST }));
        await store.addUpdate(newUpdate(tree, { note: 'earlier, recorded last', at: LATER }));
        expect((await store.lastUpdate(action.id))?.note).toBe('tie, recorded after');
        expect(await store.lastUpdate(other.id)).toEqual((await store.listUpdates(other.id)).at(-1) ?? null);
        expect(await store.lastUpdate('no-such-action')).toBeNull();
        expect(await store.findUpdate('card-1')).toMatchObject({ note: 'latest', actionId: action.id, idempotencyKey: 'card-1' });
        expect(await store.findUpdate('card-2')).toBeNull();
      });

      it('lists a plan\'s updates in order, and only that plan\'s current actions\' updates', async () => {
        const tree = await savedTree(store);
        const other = await savedTree(store, buildDraft({ title: 'Another plan' }));
        await store.addUpdate(newUpdate(tree, { note: 'late', at: LATEST }));
        await store.addUpdate(newUpdate(tree, { note: 'early', at: LATER, actionId: firstAction(tree, 1).id }));
        await store.addUpdate(newUpdate(other, { note: 'elsewhere', at: LATER }));
        const notes = (await store.listPlanUpdates(tree.plan.id)).map((update) => update.note);
        const imported = (await Promise.all(tree.recommendations.flatMap((rec) => rec.actions).map((action) => store.listUpdates(action.id)))).flat().filter((update) => update.source === 'import');
        expect(notes.slice(-2)).toEqual(['early', 'late']);
        expect(notes).toHaveLength(imported.length + 2);
        expect(notes).not.toContain('elsewhere');
        const draft = buildDraft();
        draft.recommendations = draft.recommendations.slice(1);
        await store.savePlan(draft, { now: LATEST, replacePlanId: tree.plan.id });
        expect((await store.listPlanUpdates(tree.plan.id)).map((update) => update.note)).not.toContain('late');
        expect(await store.listPlanUpdates('no-such-plan')).toEqual([]);
      });

      it('rejects an update for a missing action, and an invalid one', async () => {
        const tree = await savedTree(store);
        await expectStoreError(store.addUpdate(newUpdate(tree, { actionId: 'no-such-action' })), 'not-found');
        await expectStoreError(store.addUpdate(newUpdate(tree, { at: 'last Tuesday' })), 'invalid');
        expect(await store.listUpdates(firstAction(tree).id)).toHaveLength(1);
      });
    });

    describe('roles', () => {
      const holder = { aadObjectId: 'a7c3e9d1-0000-4000-8000-000000000001', displayName: 'Dr Amara Okafor', email: 'amara.okafor@nhs.example' };
      const deputy = { aadObjectId: 'a7c3e9d1-0000-4000-8000-000000000002', displayName: 'Dr Ben Hollis' };

      it('saves a role and finds it whatever the case or punctuation', async () => {
        const saved = await store.saveRole({ name: 'Deputy Medical Director', holders: [holder] });
        expect(saved).toMatchObject({ name: 'Deputy Medical Director', key: 'deputy medical director', holders: [holder], deputies: [] });
        expect(await store.findRole('deputy  MEDICAL-director')).toEqual(saved);
        expect(await store.findRole('Medical Director')).toBeNull();
      });

      it('upserts by key: the id stays and the holders are replaced', async () => {
        const first = await store.saveRole({ name: 'Head of Nursing', holders: [holder] });
        const second = await store.saveRole({ name: 'HEAD OF NURSING', holders: [], deputies: [deputy] });
        expect(second).toMatchObject({ id: first.id, name: 'HEAD OF NURSING', holders: [], deputies: [deputy] });
        await store.saveRole({ name: 'Associate Director of Patient Safety' });
        expect((await store.listRoles()).map((role) => role.key)).toEqual(['associate director of patient safety', 'head of nursing']);
      });

      it('rejects a role without a usable name', async () => {
        await expectStoreError(store.saveRole({ name: '' }), 'invalid');
        expect(await store.listRoles()).toEqual([]);
      });
    });

    describe('reminders', () => {
      it('plans a reminder once per key', async () => {
        const tree = await savedTree(store);
        const planned = await store.planReminder(newReminder(tree));
        expect(planned).toMatchObject({ ...newReminder(tree), state: 'planned', attempts: 0, lastError: null, sentAt: null, plannedFor: planned.plannedFor });
        sameInstant(planned.plannedFor, '2025-09-23T08:00:00.000Z');
        const again = await store.planReminder({ ...newReminder(tree), recipient: 'Someone else' });
        expect(again).toEqual(planned);
        expect(await store.listReminders({})).toEqual([planned]);
      });

      it('moves through sending, failed, sending and sent', async () => {
        const { id } = await store.planReminder(newReminder(await savedTree(store)));
        expect(await store.setReminderState(id, 'sending', { at: LATER })).toMatchObject({ state: 'sending', attempts: 1 });
        expect(await store.setReminderState(id, 'failed', { at: LATER, error: 'Graph 503: service unavailable' })).toMatchObject({
          state: 'failed',
          attempts: 1,
          lastError: 'Graph 503: service unavailable',
          sentAt: null,
        });
        expect(await store.setReminderState(id, 'sending', { at: LATEST })).toMatchObject({ state: 'sending', attempts: 2 });
        const sent = await store.setReminderState(id, 'sent', { at: LATEST });
        expect(sent).toMatchObject({ state: 'sent', attempts: 2 });
        sameInstant(sent.sentAt ?? '', LATEST);
        expect(await store.listReminders({ state: 'sent' })).toEqual([sent]);
      });

      it('filters by plan, action and state, in planned order', async () => {
        const tree = await savedTree(store);
        const other = await savedTree(store, buildDraft({ title: 'Another plan', references: [] }));
        const late = await store.planReminder(newReminder(tree, { key: 'late', plannedFor: '2025-10-01T08:00:00.000Z' }));
        const early = await store.planReminder(newReminder(tree, { key: 'early', plannedFor: '2025-09-01T08:00:00.000Z' }));
        const secondAction = firstAction(tree, 1, 0);
        const onSecond = await store.planReminder(newReminder(tree, { key: 'second', actionId: secondAction.id, kind: 'overdue' }));
        const elsewhere = await store.planReminder(newReminder(other, { key: 'elsewhere' }));
        const skipped = await store.setReminderState(early.id, 'skipped', { at: LATER });

        const ids = (entries: { id: string }[]): string[] => entries.map((entry) => entry.id);
        expect(ids(await store.listReminders({ planId: tree.plan.id }))).toEqual([early.id, onSecond.id, late.id]);
        expect(ids(await store.listReminders({ actionId: secondAction.id }))).toEqual([onSecond.id]);
        expect(ids(await store.listReminders({ planId: tree.plan.id, state: 'planned' }))).toEqual([onSecond.id, late.id]);
        expect(await store.listReminders({ state: 'skipped' })).toEqual([skipped]);
        expect(ids(await store.listReminders({}))).toHaveLength(4);
        expect(ids(await store.listReminders({ planId: other.plan.id }))).toEqual([elsewhere.id]);
      });

      it('lists reminders planned on or before an instant, with the other filters', async () => {
        const tree = await savedTree(store);
        const first = await store.planReminder(newReminder(tree, { key: 'first', plannedFor: '2025-09-01T08:00:00.000Z' }));
        const second = await store.planReminder(newReminder(tree, { key: 'second', plannedFor: '2025-09-23T08:00:00.000Z' }));
        const third = await store.planReminder(newReminder(tree, { key: 'third', plannedFor: '2025-10-01T08:00:00.000Z' }));
        await store.setReminderState(first.id, 'sent', { at: LATER });

        const ids = (entries: { id: string }[]): string[] => entries.map((entry) => entry.id);
        // Inclusive: a reminder planned for exactly the instant asked is due.
        expect(ids(await store.listReminders({ plannedBefore: '2025-09-23T08:00:00.000Z' }))).toEqual([first.id, second.id]);
        expect(ids(await store.listReminders({ plannedBefore: '2025-09-23T07:59:59.999Z' }))).toEqual([first.id]);
        // An instant with an offset is the same instant.
        expect(ids(await store.listReminders({ plannedBefore: '2025-09-23T09:00:00+01:00' }))).toEqual([first.id, second.id]);
        // The sweep's query: planned, and due by now.
        expect(ids(await store.listReminders({ state: 'planned', plannedBefore: '2025-09-30T00:00:00.000Z' }))).toEqual([second.id]);
        expect(ids(await store.listReminders({ planId: tree.plan.id, state: 'planned', plannedBefore: '2025-12-31T00:00:00.000Z' }))).toEqual([second.id, third.id]);
        expect(await store.listReminders({ state: 'sent', plannedBefore: '2025-08-31T23:59:59.000Z' })).toEqual([]);
        expect(ids(await store.listReminders({ plannedBefore: '2026-01-01T00:00:00.000Z' }))).toEqual([first.id, second.id, third.id]);
        await expectStoreError(store.listReminders({ plannedBefore: 'end of September' }), 'invalid');
      });

      it('refuses a reminder for a missing action', async () => {
        const tree = await savedTree(store);
        await expectStoreError(store.planReminder(newReminder(tree, { actionId: 'no-such-action' })), 'not-found');
        await expectStoreError(store.planReminder(newReminder(tree, { kind: 'whenever' as unknown as NewReminder['kind'] })), 'invalid');
        expect(await store.listReminders({})).toEqual([]);
      });
    });

    describe('conversations', () => {
      it('keeps a conversation reference whole, extra fields included', async () => {
        expect(await store.getConversation(PERSON)).toBeNull();
        const saved = await store.saveConversation(conversation());
        expect(saved).toEqual(conversation());
        expect(await store.getConversation(PERSON)).toEqual(conversation());
        expect(await store.getConversation('0f0f0f0f-0000-4000-8000-000000000000')).toBeNull();
      });

      it('marks a conversation unusable, keeping its reference, with the reason and the time', async () => {
        await store.saveConversation(conversation());
        await store.markConversationUnusable(PERSON, '403 MessageWritesBlocked', LATER);
        expect(await store.getConversation(PERSON)).toEqual({ ...conversation(), usable: false, unusableReason: '403 MessageWritesBlocked', updatedAt: LATER });
      });

      it('re-saving replaces the reference and makes the conversation usable again', async () => {
        await store.saveConversation(conversation());
        await store.markConversationUnusable(PERSON, 'the bot was uninstalled', LATER);
        const reinstalled = conversation({
          displayName: 'Amara Okafor',
          reference: {
            serviceUrl: 'https://smba.trafficmanager.net/emea/',
            channelId: 'msteams',
            conversation: { id: 'a:1Zz-new-personal-chat', conversationType: 'personal' },
            bot: { id: '28:5f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8' },
          },
          updatedAt: LATEST,
        });
        expect(await store.saveConversation(reinstalled)).toEqual(reinstalled);
        // Replaced, not merged: nothing of the old reference is left.
        expect(await store.getConversation(PERSON)).toEqual(reinstalled);
      });

      it('saving makes a conversation usable whatever the caller says', async () => {
        const saved = await store.saveConversation(conversation({ usable: false, unusableReason: 'stale' }));
        expect(saved).toMatchObject({ usable: true, unusableReason: null });
        expect(await store.getConversation(PERSON)).toEqual(conversation());
      });

      it('finds a person whatever the case of their id, as SharePoint does', async () => {
        await store.saveConversation(conversation());
        expect(await store.getConversation(PERSON.toUpperCase())).toEqual(conversation());
      });

      it('marking someone with no stored conversation does nothing', async () => {
        await store.markConversationUnusable(PERSON, 'the bot was uninstalled', LATER);
        expect(await store.getConversation(PERSON)).toBeNull();
      });

      it('rejects an invalid conversation, id, reason or time, and writes nothing', async () => {
        const broken = conversation({ reference: { ...conversation().reference, serviceUrl: 'not a url' } });
        await expectStoreError(store.saveConversation(broken), 'invalid');
        await expectStoreError(store.saveConversation(conversation({ aadObjectId: '' })), 'invalid');
        await expectStoreError(store.saveConversation(conversation({ updatedAt: 'just now' })), 'invalid');
        expect(await store.getConversation(PERSON)).toBeNull();
        await expectStoreError(store.getConversation(''), 'invalid');
        await store.saveConversation(conversation());
        await expectStoreError(store.markConversationUnusable(PERSON, '', LATER), 'invalid');
        await expectStoreError(store.markConversationUnusable(PERSON, 'blocked', 'later'), 'invalid');
        expect(await store.getConversation(PERSON)).toEqual(conversation());
      });
    });

    describe('leases', () => {
      const SWEEP = 'reminder-sweep';
      const A = 'followthrough-a:4123';
      const B = 'followthrough-b:977';

      it('gives a free lease to the first holder and refuses a second until it expires', async () => {
        expectLease(await store.acquireLease(SWEEP, A, T0_PLUS_1M, T0), { name: SWEEP, holder: A, until: T0_PLUS_1M });
        expect(await store.acquireLease(SWEEP, B, T0_PLUS_2M, T0_PLUS_30S)).toBeNull();
        // Another lease is another matter.
        expectLease(await store.acquireLease('digest', B, T0_PLUS_2M, T0_PLUS_30S), { name: 'digest', holder: B, until: T0_PLUS_2M });
      });

      it('renews for the same holder with the new expiry', async () => {
        await store.acquireLease(SWEEP, A, T0_PLUS_1M, T0);
        expectLease(await store.acquireLease(SWEEP, A, T0_PLUS_2M, T0_PLUS_30S), { name: SWEEP, holder: A, until: T0_PLUS_2M });
        // Past the first expiry but not the renewed one: still A's.
        expect(await store.acquireLease(SWEEP, B, T0_PLUS_3M, T0_PLUS_90S)).toBeNull();
      });

      it('lets another holder take a lease once it has expired, at its expiry instant or after', async () => {
        await store.acquireLease(SWEEP, A, T0_PLUS_1M, T0);
        expectLease(await store.acquireLease(SWEEP, B, T0_PLUS_2M, T0_PLUS_1M), { name: SWEEP, holder: B, until: T0_PLUS_2M });
        expect(await store.acquireLease(SWEEP, A, T0_PLUS_3M, T0_PLUS_90S)).toBeNull();
        expectLease(await store.acquireLease(SWEEP, A, T0_PLUS_3M, T0_PLUS_2M), { name: SWEEP, holder: A, until: T0_PLUS_3M });
      });

      it('a release lets another holder take the lease at once', async () => {
        await store.acquireLease(SWEEP, A, T0_PLUS_1M, T0);
        await store.releaseLease(SWEEP, A);
        expectLease(await store.acquireLease(SWEEP, B, T0_PLUS_1M, T0_PLUS_30S), { name: SWEEP, holder: B, until: T0_PLUS_1M });
      });

      it("releasing someone else's lease, or one never taken, does nothing", async () => {
        await store.releaseLease(SWEEP, A);
        await store.acquireLease(SWEEP, A, T0_PLUS_1M, T0);
        await store.releaseLease(SWEEP, B);
        expect(await store.acquireLease(SWEEP, B, T0_PLUS_2M, T0_PLUS_30S)).toBeNull();
        expectLease(await store.acquireLease(SWEEP, A, T0_PLUS_2M, T0_PLUS_30S), { name: SWEEP, holder: A, until: T0_PLUS_2M });
      });

      it('gives a free lease to exactly one of two holders racing for it', async () => {
        const results = await Promise.all([store.acquireLease(SWEEP, A, T0_PLUS_1M, T0), store.acquireLease(SWEEP, B, T0_PLUS_1M, T0)]);
        const winners = results.filter((lease) => lease !== null);
        expect(winners).toHaveLength(1);
        const winner = winners[0]?.holder ?? '';
        const loser = winner === A ? B : A;
        expect(await store.acquireLease(SWEEP, loser, T0_PLUS_1M, T0_PLUS_30S)).toBeNull();
        expectLease(await store.acquireLease(SWEEP, winner, T0_PLUS_2M, T0_PLUS_30S), { name: SWEEP, holder: winner, until: T0_PLUS_2M });
      });

      it('gives an expired lease to exactly one of two holders racing for it', async () => {
        await store.acquireLease(SWEEP, 'followthrough-gone:1', T0_PLUS_1M, T0);
        const results = await Promise.all([store.acquireLease(SWEEP, A, T0_PLUS_3M, T0_PLUS_2M), store.acquireLease(SWEEP, B, T0_PLUS_3M, T0_PLUS_2M)]);
        expect(results.filter((lease) => lease !== null)).toHaveLength(1);
      });

      it('rejects a lease that would end before it starts, and empty names', async () => {
        await expectStoreError(store.acquireLease(SWEEP, A, T0, T0), 'invalid');
        await expectStoreError(store.acquireLease(SWEEP, A, T0, T0_PLUS_1M), 'invalid');
        await expectStoreError(store.acquireLease('', A, T0_PLUS_1M, T0), 'invalid');
        await expectStoreError(store.acquireLease(SWEEP, '', T0_PLUS_1M, T0), 'invalid');
        await expectStoreError(store.acquireLease(SWEEP, A, 'in a minute', T0), 'invalid');
        await expectStoreError(store.releaseLease('', A), 'invalid');
        expectLease(await store.acquireLease(SWEEP, B, T0_PLUS_1M, T0), { name: SWEEP, holder: B, until: T0_PLUS_1M });
      });
    });

    describe('missing things and deletion', () => {
      it('reports writes to missing things as not-found', async () => {
        // Each call starts only when awaited, so no rejection waits unhandled behind another.
        const cases: (() => Promise<unknown>)[] = [
          () => store.updatePlanFields('no-such-plan', { owner: 'x' }, 1, NOW, BY_EDITOR),
          () => store.updateAction('no-such-action', { status: 'blocked' }, 1, NOW, BY_EDITOR),
          () => store.setReminderState('no-such-reminder', 'sent', { at: NOW }),
          () => store.deletePlan('no-such-plan'),
          () => store.savePlan(buildDraft(), { now: NOW, replacePlanId: 'no-such-plan' }),
        ];
        for (const call of cases) await expectStoreError(call(), 'not-found');
      });

      it('deletes a plan with everything under it', async () => {
        const tree = await savedTree(store);
        const keep = await savedTree(store, buildDraft({ title: 'A plan that stays' }));
        const target = firstAction(tree);
        await store.addUpdate(newUpdate(tree, { idempotencyKey: 'k-1' }));
        await store.planReminder(newReminder(tree));
        await store.planReminder(newReminder(keep, { key: 'keep-me' }));
        const measure = await store.saveMeasure(tree.plan.id, { name: 'Transfers audited', unit: '%', target: 90, direction: 'increase', actionId: target.id }, null, NOW, BY_EDITOR);
        await store.addMeasureValue(measure.id, { date: '2025-05-31', value: 40, note: null, by: IMPORTER, at: NOW }, BY_EDITOR);
        await store.updateAction(target.id, { rag: 'red' }, 1, LATER, BY_EDITOR);

        await store.deletePlan(tree.plan.id);

        expect(await store.getPlan(tree.plan.id)).toBeNull();
        expect(await store.getAction(target.id)).toBeNull();
        expect(await store.getActionContext(target.id)).toBeNull();
        expect(await store.listUpdates(target.id)).toEqual([]);
        expect(await store.lastUpdate(target.id)).toBeNull();
        expect(await store.findUpdate('k-1')).toBeNull();
        expect(await store.listReminders({ planId: tree.plan.id })).toEqual([]);
        expect(await store.listAudit({ planId: tree.plan.id })).toEqual([]);
        expect(await store.listMeasures(tree.plan.id)).toEqual([]);
        expect(await store.listAudit({ planId: keep.plan.id })).toHaveLength(1);
        expect((await store.listPlans()).map((plan) => plan.id)).toEqual([keep.plan.id]);
        expect(await store.findSimilarPlans({ references: ['StEIS 2022/14873'] })).toHaveLength(1);
        expect(await store.getPlan(keep.plan.id)).toEqual(keep);
      });
    });
  });
}
