// The bot's cards follow the assurance lifecycle (core/assurance): over a real SQLite store, a
// reviewer's decision lands between the card going out and the lead's answer, and the card says
// what the lifecycle says rather than a generic error.
import { afterEach, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { decideReview, type ReviewRequest } from '../../core/assurance/lifecycle-decision.js';
import { progressChangeRefusal } from '../../core/assurance/lifecycle.js';
import type { ConversationReference } from '../../core/model/index.js';
import { type ActionKey, type BotWorld, type BotWorldOptions, NOW, openBotWorld, PEOPLE, TODAY, type Who } from '../../test/support/bot-world.js';
import { buttonData, cardProblems, textOf } from '../../test/support/sent-cards.js';
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
  return { serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams', conversation: { id: `a:personal-${who}`, conversationType: 'personal' }, bot: { id: '28:bot' }, user: { id: `29:${who}`, aadObjectId: PEOPLE[who].aadObjectId } };
}

function sender(who: Who) {
  return { aadObjectId: PEOPLE[who].aadObjectId, name: PEOPLE[who].displayName };
}

function cardAction(w: BotWorld, who: Who, verb: string, key: ActionKey, data: Record<string, unknown> = {}): Extract<InboundTurn, { kind: 'card-action' }> {
  return { kind: 'card-action', sender: sender(who), reference: reference(who), tenantId: null, verb, data: { actionId: w.ids[key], planId: w.planId, ...data }, fallback: false };
}

function cardOf(reply: CardActionReply | Reply): AdaptiveCard {
  if (reply.kind !== 'card') throw new Error(`expected a card, got ${JSON.stringify(reply)}`);
  const card = reply.card as AdaptiveCard;
  expect(cardProblems([card])).toEqual([]);
  return card;
}

const MEETING = { forum: 'Quality Committee', date: TODAY };

/** A governance decision as the API takes it: checked by the core, written with its precondition. */
async function decide(w: BotWorld, key: ActionKey, who: Who, request: ReviewRequest): Promise<void> {
  const action = await w.action(key);
  const tree = await w.store.getPlan(w.planId);
  if (tree === null) throw new Error('no plan');
  const result = decideReview({ action, plan: tree.plan, roles: await w.store.listRoles(), reviewer: PEOPLE[who], completedBy: null, request, source: 'tab', at: NOW });
  if (!result.ok) throw new Error(`decision refused: ${JSON.stringify(result.errors)}`);
  await w.store.updateAction(action.id, result.patch, result.precondition, NOW, result.by);
}

describe('a card answered after a reviewer decided', () => {
  it('a submit on an action assured since the card went out: the refreshed card says it is assured, keeps the note, writes nothing', async () => {
    const w = await open();
    const sent = cardOf(await w.service.onCardAction(cardAction(w, 'lead', 'openUpdate', '1d')));
    expect(textOf(sent)).toContain('Awaiting assurance: Action 1d');
    await decide(w, '1d', 'owner', { decision: 'assure', meeting: MEETING });
    const before = await w.updateCount();

    const submit = buttonData(sent, 'submitUpdate');
    const answer = cardOf(await w.service.onCardAction(cardAction(w, 'lead', 'submitUpdate', '1d', { ...submit, ...reminderInputs({ note: 'Shared at the learning forum too.', status: 'complete' }) })));
    const text = textOf(answer);
    expect(text).toContain('Assured: Action 1d');
    expect(text).toContain(`Assured by ${PEOPLE.owner.displayName} on 10 Jun 2025 at Quality Committee`);
    expect(text).toContain(`Your update was not saved. ${progressChangeRefusal('assured') ?? 'a refusal'}`);
    expect(text).toContain('Shared at the learning forum too.');
    expect(text).not.toContain('Something went wrong');
    expect(answer.actions?.map((action) => action.title)).toEqual(['Open in Teams']);
    expect(await w.updateCount()).toBe(before);
    expect((await w.action('1d')).status).toBe('assured');
  });

  it('assured in the instant between reading the action and writing the update: the lifecycle’s words, not "someone changed it"', async () => {
    let assure: (() => Promise<void>) | null = null;
    const w = await open({
      wrapStore: (store) =>
        new Proxy(store, {
          get(target, property, receiver) {
            const value: unknown = Reflect.get(target, property, receiver);
            if (typeof value !== 'function') return value;
            const call = (value as (...args: unknown[]) => unknown).bind(target);
            if (property !== 'recordProgress') return call;
            return async (...args: unknown[]) => {
              const slip = assure;
              assure = null;
              if (slip) await slip();
              return call(...args);
            };
          },
        }),
    });
    const sent = cardOf(await w.service.onCardAction(cardAction(w, 'lead', 'openUpdate', '1d')));
    assure = () => decide(w, '1d', 'owner', { decision: 'assure', meeting: MEETING });
    const answer = textOf(cardOf(await w.service.onCardAction(cardAction(w, 'lead', 'submitUpdate', '1d', { ...buttonData(sent, 'submitUpdate'), ...reminderInputs({ note: 'Adding the bulletin link.', status: 'complete', evidence: 'https://intranet/bulletin' }) }))));
    expect(answer).toContain('Assured: Action 1d');
    expect(answer).toContain(`Your update was not saved. ${progressChangeRefusal('assured') ?? 'a refusal'}`);
    expect(answer).not.toContain('Someone else changed');
    expect((await w.action('1d')).evidence).toBe('Minutes of 3 March');
  });

  it('a second press of a card whose first press was recorded before the assurance: the recorded card, standing now assured', async () => {
    const w = await open();
    const sent = cardOf(await w.service.onCardAction(cardAction(w, 'lead', 'openUpdate', '1d')));
    const press = cardAction(w, 'lead', 'submitUpdate', '1d', { ...buttonData(sent, 'submitUpdate'), ...reminderInputs({ note: 'Minutes attached.', status: 'complete' }) });
    expect(textOf(cardOf(await w.service.onCardAction(press)))).toContain('Awaiting assurance');
    await decide(w, '1d', 'owner', { decision: 'assure', meeting: MEETING });
    const again = textOf(cardOf(await w.service.onCardAction(press)));
    expect(again).toContain('Update recorded: Action 1d');
    expect(again).toContain(`Assured by ${PEOPLE.owner.displayName}`);
  });

  it('snooze on an assured action puts nothing off and says why', async () => {
    const w = await open();
    await decide(w, '1d', 'owner', { decision: 'assure' });
    const answer = textOf(cardOf(await w.service.onCardAction(cardAction(w, 'lead', 'snooze', '1d', { days: 7 }))));
    expect(answer).toContain('Not snoozed: the action is assured');
    expect((await w.action('1d')).snoozedUntil).toBeNull();
  });

  it('a chat note confirmed after the action was marked not applicable is refused in the lifecycle’s words', async () => {
    const w = await open();
    const confirm = cardOf((await w.service.onTurn({ kind: 'message', sender: sender('lead'), reference: reference('lead'), tenantId: null, text: 'update 1a: audit booked' })));
    await decide(w, '1a', 'owner', { decision: 'not-applicable', reason: 'The service moved to another trust.' });
    const before = await w.updateCount();
    const answer = textOf(cardOf(await w.service.onCardAction(cardAction(w, 'lead', 'confirmNote', '1a', buttonData(confirm, 'confirmNote')))));
    expect(answer).toContain('Not applicable: Action 1a');
    expect(answer).toContain('The service moved to another trust.');
    expect(answer).toContain(`Your update was not saved. ${progressChangeRefusal('not-applicable') ?? 'a refusal'}`);
    expect(await w.updateCount()).toBe(before);
  });
});

describe('a returned action', () => {
  it('opens with the reason first, takes an update, and the recorded card still says it was returned', async () => {
    const w = await open();
    await decide(w, '1d', 'owner', { decision: 'return', reason: 'The minutes do not show the summary was published.', meeting: MEETING });
    const card = cardOf(await w.service.onCardAction(cardAction(w, 'lead', 'openUpdate', '1d')));
    expect(textOf(card).split('\n').slice(0, 4)).toEqual([
      'Update needed: Action 1d',
      '20 days overdue',
      'Returned at review: The minutes do not show the summary was published.',
      `Returned by ${PEOPLE.owner.displayName} on 10 Jun 2025 at Quality Committee.`,
    ]);
    const recorded = textOf(cardOf(await w.service.onCardAction(cardAction(w, 'lead', 'submitUpdate', '1d', { ...buttonData(card, 'submitUpdate'), ...reminderInputs({ note: 'Publishing on the intranet this week.' }) }))));
    expect(recorded).toContain('Update recorded: Action 1d');
    expect(recorded).toContain('Returned at review: The minutes do not show the summary was published.');
  });

  it('is marked in "my actions", with the count in the summary', async () => {
    const w = await open();
    await decide(w, '1d', 'owner', { decision: 'return', reason: 'No evidence of publication.', meeting: MEETING });
    const digest = textOf(cardOf(await w.service.onTurn({ kind: 'message', sender: sender('lead'), reference: reference('lead'), tenantId: null, text: 'my actions' })));
    expect(digest).toContain('returned at review');
    const lines = digest.split('\n');
    expect(lines[lines.indexOf('Action 1d') + 1]).toBe('Returned at review: No evidence of publication.');
    expect(lines[lines.indexOf('Action 1a') + 1]).not.toMatch(/Returned/);
  });
});
