// The bot service without botbuilder: turns in, replies out, over a real SQLite store. These are
// the paths the bridge tests cannot reach on demand — a write slipped in between reading an
// action and updating it, two presses of one button at once, a plan deleted mid-turn — plus the
// service's own contract (who is remembered, and when the scheduler is nudged).
import { afterEach, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import type { ConversationReference } from '../../core/model/index.js';
import type { PlanStore } from '../../store/plan-store.js';
import { type ActionKey, type BotWorld, type BotWorldOptions, NOW, openBotWorld, PEOPLE, PLAN_TITLE, TODAY, type Who, worldPlan } from '../../test/support/bot-world.js';
import { buttonData, cardProblems, inputErrors, textOf } from '../../test/support/sent-cards.js';
import { reminderInputs } from '../../test/support/teams-activities.js';
import type { CardActionReply, InboundTurn, Reply } from './turns.js';

let world: BotWorld | null = null;

afterEach(async () => {
  await world?.close();
  world = null;
});

async function open(options: BotWorldOptions = {}): Promise<BotWorld> {
  world = await openBotWorld(options);
  return world;
}

function reference(who: Who): ConversationReference {
  return {
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    channelId: 'msteams',
    conversation: { id: `a:personal-${who}`, conversationType: 'personal' },
    bot: { id: '28:bot' },
    user: { id: `29:${who}`, aadObjectId: PEOPLE[who].aadObjectId },
  };
}

function sender(who: Who) {
  return { aadObjectId: PEOPLE[who].aadObjectId, name: PEOPLE[who].displayName };
}

function cardAction(w: BotWorld, who: Who, verb: string, key: ActionKey, data: Record<string, unknown> = {}): Extract<InboundTurn, { kind: 'card-action' }> {
  return { kind: 'card-action', sender: sender(who), reference: reference(who), tenantId: null, verb, data: { actionId: w.ids[key], planId: w.planId, ...data }, fallback: false };
}

function message(who: Who, text: string): Extract<InboundTurn, { kind: 'message' }> {
  return { kind: 'message', sender: sender(who), reference: reference(who), tenantId: null, text };
}

function cardOf(reply: CardActionReply | Reply): AdaptiveCard {
  if (reply.kind !== 'card') throw new Error(`expected a card, got ${JSON.stringify(reply)}`);
  const card = reply.card as AdaptiveCard;
  expect(cardProblems([card])).toEqual([]);
  return card;
}

/** The store as the service sees it, with `write` run once just before (or after) the first call of `method`. */
/** Someone else, editing from the tab: who the slipped-in writes are made by. */
const ELSEWHERE = { actor: { aadObjectId: 'someone-else', displayName: 'Someone Else' }, source: 'tab' } as const;

function slipIn(method: 'updateAction' | 'recordProgress' | 'addUpdate', write: (store: PlanStore) => Promise<unknown>, when: 'before' | 'after' = 'before'): (store: PlanStore) => PlanStore {
  return (store) => {
    let done = false;
    return new Proxy(store, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        const call = value as (...args: unknown[]) => unknown;
        if (property !== method) return call.bind(target);
        return async (...args: unknown[]) => {
          const first = !done;
          done = true;
          if (first && when === 'before') await write(target);
          const result: unknown = await call.apply(target, args);
          if (first && when === 'after') await write(target);
          return result;
        };
      },
    });
  };
}

describe('submitUpdate when someone else wrote first', () => {
  it('shows the reminder again with a notice and the lead\'s values, overwriting nothing', async () => {
    let actionId = '';
    const w = await open({
      wrapStore: slipIn('recordProgress', async (store) => {
        const current = await store.getAction(actionId);
        if (!current) throw new Error('gone');
        await store.updateAction(actionId, { status: 'blocked' }, current.version, NOW, ELSEWHERE);
      }),
    });
    actionId = w.ids['1a'];
    const reply = await w.service.onCardAction(cardAction(w, 'lead', 'submitUpdate', '1a', { cardId: 'card-race', ...reminderInputs({ note: 'Audit finished', status: 'complete', evidence: 'Report' }) }));
    const card = cardOf(reply);
    expect(textOf(card)).toContain('Someone else changed this action a moment ago');
    expect(JSON.stringify(card)).toContain('"value":"Audit finished"');
    expect(buttonData(card, 'submitUpdate')).toMatchObject({ cardId: 'card-race' });
    expect((await w.action('1a')).status).toBe('blocked');
    expect(await w.updateCount()).toBe(0);
  });

  it('an unrelated edit made meanwhile does not stop the update', async () => {
    let actionId = '';
    const w = await open({
      wrapStore: slipIn('recordProgress', async (store) => {
        const current = await store.getAction(actionId);
        if (!current) throw new Error('gone');
        await store.updateAction(actionId, { reportedTo: 'Board' }, current.version, NOW, ELSEWHERE);
      }),
    });
    actionId = w.ids['1a'];
    const reply = await w.service.onCardAction(cardAction(w, 'lead', 'submitUpdate', '1a', { cardId: 'card-ok', ...reminderInputs({ note: 'Blocked on data', status: 'blocked' }) }));
    expect(textOf(cardOf(reply))).toContain('Update recorded');
    expect(await w.action('1a')).toMatchObject({ status: 'blocked', reportedTo: 'Board' });
  });

  it('two presses of the same Submit at once record one update', async () => {
    const w = await open();
    const turn = cardAction(w, 'lead', 'submitUpdate', '1a', { cardId: 'card-double', ...reminderInputs({ note: 'Pressed twice', status: 'blocked' }) });
    const replies = await Promise.all([w.service.onCardAction(turn), w.service.onCardAction(turn)]);
    expect(replies.map((reply) => reply.kind)).toEqual(['card', 'card']);
    expect(await w.store.listUpdates(w.ids['1a'])).toHaveLength(1);
    expect((await w.action('1a')).status).toBe('blocked');
    // Each press is answered with what was recorded, not told that "someone else" changed it.
    for (const reply of replies) expect(textOf(cardOf(reply))).toContain('Update recorded');
  });
});

describe('snooze when someone else wrote first', () => {
  it('says it did not snooze, and keeps the other snooze', async () => {
    let actionId = '';
    const w = await open({
      wrapStore: slipIn('updateAction', async (store) => {
        const current = await store.getAction(actionId);
        if (!current) throw new Error('gone');
        await store.updateAction(actionId, { snoozedUntil: '2025-06-30' }, current.version, NOW, ELSEWHERE);
      }),
    });
    actionId = w.ids['1a'];
    const card = cardOf(await w.service.onCardAction(cardAction(w, 'lead', 'snooze', '1a', { days: 3 })));
    expect(textOf(card)).toContain('Not snoozed');
    expect((await w.action('1a')).snoozedUntil).toBe('2025-06-30');
  });
});

describe('an action deleted mid-turn', () => {
  it('answers 404 for an action that no longer exists', async () => {
    const w = await open();
    await w.store.deletePlan(w.planId);
    const reply = await w.service.onCardAction(cardAction(w, 'lead', 'openUpdate', '1a'));
    expect(reply).toMatchObject({ kind: 'error', status: 404 });
  });

  it('still answers when the plan goes between recording and showing the result', async () => {
    let planId = '';
    // The note is recorded, then the plan is deleted before the recorded card is drawn.
    const w = await open({ wrapStore: slipIn('addUpdate', (store) => store.deletePlan(planId), 'after') });
    planId = w.planId;
    const reply = await w.service.onCardAction(cardAction(w, 'lead', 'confirmNote', '1a', { cardId: 'c-gone', note: 'Last words' }));
    expect(reply).toEqual({ kind: 'message', text: 'Recorded.' });
  });
});

describe('chat refs', () => {
  it('asks which action when the ref names one in two of the person\'s plans', async () => {
    const w = await open();
    const second = worldPlan(TODAY);
    second.plan.title = 'A second plan with the same numbering';
    second.plan.references = ['StEIS 2024/99999'];
    await w.store.savePlan(second, { now: NOW, contentKey: null });
    const card = cardOf(await w.service.onTurn(message('lead', 'update 1a: which one?')));
    expect(textOf(card)).toContain('more than one of your plans');
    expect(textOf(card)).toContain(PLAN_TITLE);
    expect(await w.updateCount()).toBe(0);
  });

  it('says none of the person\'s actions matches an unknown ref', async () => {
    const w = await open();
    const card = cardOf(await w.service.onTurn(message('lead', 'update 9z: nothing')));
    expect(textOf(card)).toContain('None of your open actions is 9z');
  });

  it('a deputy can snooze by ref in chat', async () => {
    const w = await open();
    cardOf(await w.service.onTurn(message('deputy', 'snooze 1b 7')));
    expect((await w.action('1b')).snoozedUntil).toBe('2025-06-17');
    const trail = await w.store.listAudit({ planId: w.planId, entityId: w.ids['1b'] });
    expect(trail.map((entry) => [entry.actor, entry.source, entry.changes])).toEqual([[PEOPLE.deputy, 'chat', [{ field: 'snoozedUntil', from: null, to: '2025-06-17' }]]]);
  });

  it('the confirmation card shows the note but records nothing until pressed', async () => {
    const w = await open();
    const card = cardOf(await w.service.onTurn(message('lead', 'update 1b: Supplier chosen')));
    expect(buttonData(card, 'confirmNote')).toMatchObject({ actionId: w.ids['1b'], note: 'Supplier chosen', cardId: w.issuedIds[0] });
    expect(await w.updateCount()).toBe(0);
  });
});

describe('remembering people', () => {
  it('nudges the scheduler each time a conversation is saved, and only then', async () => {
    const nudged: string[] = [];
    const w = await open({ onConversationSaved: (id) => nudged.push(id) });
    await w.service.onTurn({ kind: 'installed', sender: sender('lead'), reference: reference('lead'), tenantId: 't' });
    await w.service.onTurn(message('deputy', 'help'));
    await w.service.onCardAction(cardAction(w, 'owner', 'openUpdate', '1a'));
    await w.service.onTurn({ kind: 'installed', sender: { aadObjectId: null, name: 'Guest' }, reference: reference('stranger'), tenantId: null });
    await w.service.onTurn({ kind: 'uninstalled', sender: sender('lead'), personal: true });
    expect(nudged).toEqual([PEOPLE.lead.aadObjectId, PEOPLE.deputy.aadObjectId, PEOPLE.owner.aadObjectId]);
  });

  it('answers help to someone without an Entra id, whatever they type', async () => {
    const w = await open();
    const reply = await w.service.onTurn({ kind: 'message', sender: { aadObjectId: null, name: null }, reference: reference('stranger'), tenantId: null, text: 'my actions' });
    expect(textOf(cardOf(reply))).toContain('What you can type');
  });

  it('uninstall by someone without an Entra id does nothing', async () => {
    const w = await open();
    expect(await w.service.onTurn({ kind: 'uninstalled', sender: { aadObjectId: null, name: null }, personal: true })).toEqual({ kind: 'none' });
  });
});

describe('submitUpdate from the reminder card', () => {
  it('a note only changes nothing on the action but records the update', async () => {
    const w = await open();
    const before = await w.action('1a');
    const reply = await w.service.onCardAction(cardAction(w, 'lead', 'submitUpdate', '1a', { cardId: 'note-only', ...reminderInputs({ note: 'Nothing new' }) }));
    expect(textOf(cardOf(reply))).toContain('Update recorded');
    expect(await w.action('1a')).toEqual(before);
    expect(await w.store.listUpdates(w.ids['1a'])).toMatchObject([{ note: 'Nothing new', status: null }]);
  });

  it('a status change clears a snooze', async () => {
    const w = await open();
    await w.service.onTurn(message('lead', 'snooze 1a 7'));
    expect((await w.action('1a')).snoozedUntil).not.toBeNull();
    await w.service.onCardAction(cardAction(w, 'lead', 'submitUpdate', '1a', { cardId: 'unsnooze', ...reminderInputs({ note: 'Blocked', status: 'blocked' }) }));
    expect((await w.action('1a')).snoozedUntil).toBeNull();
    // The snooze came from chat, the update from the card: the trail says which.
    const trail = await w.store.listAudit({ planId: w.planId, entityId: w.ids['1a'] });
    expect(trail.map((entry) => [entry.actor, entry.source, entry.changes.map((change) => change.field).sort()])).toEqual([
      [PEOPLE.lead, 'chat', ['snoozedUntil']],
      [PEOPLE.lead, 'card', ['snoozedUntil', 'status']],
    ]);
  });

  it('evidence already on record lets the lead mark complete without more', async () => {
    const w = await open();
    const reply = await w.service.onCardAction(cardAction(w, 'lead', 'submitUpdate', '1b', { cardId: 'done', ...reminderInputs({ note: 'Live', status: 'complete' }) }));
    expect(inputErrors(cardOf(reply))).toEqual({});
    expect(await w.action('1b')).toMatchObject({ status: 'complete', evidence: 'Specification v1 agreed' });
  });
});
