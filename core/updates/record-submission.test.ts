// The shared update flow against the real SQLite store holding the demo plan.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOW, PEOPLE, TODAY, tabWorld, type TabWorld } from '../../test/support/tab-world.js';
import { awaitRepeat, findRepeat, recordSubmission, type SubmissionContext } from './record-submission.js';

let world: TabWorld;

beforeEach(async () => {
  world = await tabWorld();
});

afterEach(async () => {
  await world.app.store.close();
});

const context = (key: string): SubmissionContext => ({ actor: PEOPLE.lead, source: 'tab', at: NOW, today: TODAY, idempotencyKey: key });

async function action(label: string) {
  const found = await world.app.store.getAction(world.id(label));
  if (found === null) throw new Error(`no action ${label}`);
  return found;
}

describe('recordSubmission', () => {
  it('changes the action and records the update, once per key', async () => {
    const before = await action('1a');
    const first = await recordSubmission(world.app.store, before, { note: 'Done', status: 'complete', evidence: 'Audit report' }, context('k1'));
    expect(first).toMatchObject({ kind: 'recorded', action: { status: 'complete', version: before.version + 1 }, update: { note: 'Done', idempotencyKey: 'k1' } });
    const again = await recordSubmission(world.app.store, await action('1a'), { note: 'Done', status: 'complete', evidence: 'Audit report' }, context('k1'));
    expect(again.kind).toBe('repeated');
    expect(await world.app.store.listUpdates(before.id)).toHaveLength(1);
    // The change is in the trail once, as the lead's, from the door it came through.
    const trail = await world.app.store.listAudit({ planId: before.planId, entityId: before.id });
    expect(trail.map((entry) => [entry.actor, entry.source, entry.changes.map((change) => change.field).sort()])).toEqual([[PEOPLE.lead, 'tab', ['evidence', 'status']]]);
  });

  it('answers a twin that recorded between the look-up and the write as a repeat, writing nothing', async () => {
    const before = await action('1a');
    const first = await recordSubmission(world.app.store, before, { note: 'Done', status: 'complete', evidence: 'Audit report' }, context('k4'));
    // The look-up misses (the twin had not landed yet); the store's own check inside the write catches it.
    const late = { findUpdate: () => Promise.resolve(null), recordProgress: world.app.store.recordProgress.bind(world.app.store) };
    const again = await recordSubmission(late, before, { note: 'Done', status: 'complete', evidence: 'Audit report' }, context('k4'));
    expect(again).toEqual({ kind: 'repeated', update: first.kind === 'recorded' ? first.update : null });
    expect(await world.app.store.listUpdates(before.id)).toHaveLength(1);
  });

  it('writes nothing for a note alone to the action, only the update', async () => {
    const before = await action('1b');
    const outcome = await recordSubmission(world.app.store, before, { note: 'Still going', status: before.status }, context('k2'));
    expect(outcome.kind === 'recorded' ? outcome.action : null).toEqual(before);
  });

  it('returns the per-input errors and writes nothing when the rules refuse', async () => {
    const before = await action('1a');
    const outcome = await recordSubmission(world.app.store, before, { note: '', status: 'complete' }, context('k3'));
    expect(outcome).toEqual({ kind: 'invalid', errors: { note: expect.any(String) as unknown, evidence: expect.any(String) as unknown } });
    expect([await action('1a'), await world.app.store.listUpdates(before.id)]).toEqual([before, []]);
  });

  it('does not take a key recorded for another action as a repeat', async () => {
    await recordSubmission(world.app.store, await action('1a'), { note: 'One', status: 'in-progress' }, context('shared'));
    expect(await findRepeat(world.app.store, world.id('1b'), 'shared')).toBeNull();
    expect(await findRepeat(world.app.store, world.id('1a'), 'shared')).not.toBeNull();
  });
});

describe('awaitRepeat', () => {
  it('finds the twin\'s update once it lands, pausing between looks, and gives up on a key it never finds', async () => {
    const target = await action('1a');
    const pauses: number[] = [];
    const pause = async (ms: number): Promise<void> => {
      pauses.push(ms);
      // The twin finishes writing while we wait the second time.
      if (pauses.length === 2) await recordSubmission(world.app.store, target, { note: 'Twin', status: 'in-progress' }, context('twin'));
    };
    expect(await awaitRepeat(world.app.store, target.id, 'twin', pause)).toMatchObject({ note: 'Twin', idempotencyKey: 'twin' });
    expect(pauses).toEqual([100, 100]);

    pauses.length = 0;
    expect(await awaitRepeat(world.app.store, world.id('1b'), 'twin', pause)).toBeNull();
    expect(pauses).toHaveLength(3);
  });
});
