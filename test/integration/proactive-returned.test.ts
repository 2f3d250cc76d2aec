// A reviewer returns (or reopens) an action: its lead is told in Teams. Over HTTP end to end: a
// real botbuilder CloudAdapter (local mode), our transport and the paced sender, against the
// connector fake enforcing Teams' limits; decisions made by the core's lifecycle rules on a
// SQLite store; the card's "Update now" pressed through the bot service.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../app/logger.js';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import { createCloudAdapter } from '../../bot/botbuilder/create-adapter.js';
import { createProactiveTransport } from '../../bot/botbuilder/proactive-transport.js';
import { createLeadNotifier, type LeadNotifier } from '../../bot/reminders/notify-returned.js';
import { pacedDelivery } from '../../bot/reminders/paced-delivery.js';
import { createSender } from '../../bot/sending/sender.js';
import { createCardRenderer } from '../../bot/service/card-renderer.js';
import { decideReview, type ReviewRequest } from '../../core/assurance/lifecycle-decision.js';
import { ActionDraft, type Action, type ConversationReference } from '../../core/model/index.js';
import { addDays } from '../../core/plan/calendar.js';
import { type ActionKey, type BotWorld, LEAD_ROLE, NOW, OPEN_URL, openBotWorld, OWNER_ROLE, PEOPLE, TODAY, type Who, worldPlan } from '../support/bot-world.js';
import { attachedCards, buttonData, cardProblems, textOf } from '../support/sent-cards.js';
import { type ConnectorFake, startConnectorFake } from '../fakes/connector/index.js';

let world: BotWorld;
let connector: ConnectorFake;
let notifier: LeadNotifier;

const MEETING = { forum: 'Quality Committee', date: TODAY };
const chat = (who: Who): string => `a:chat-${who}`;

beforeEach(async () => {
  world = await openBotWorld();
  connector = await startConnectorFake();
  const sender = createSender({ transport: createProactiveTransport(createCloudAdapter(null), '') });
  notifier = createLeadNotifier({
    store: world.store,
    delivery: pacedDelivery(sender),
    render: createCardRenderer({ formatTime: (instant) => instant }),
    today: () => TODAY,
    openUrl: OPEN_URL,
    now: () => new Date(NOW),
    log: memoryLogger(),
  });
  for (const who of ['lead', 'deputy', 'owner'] as const) await remember(who);
});
afterEach(async () => {
  await connector.close();
  await world.close();
});

async function remember(who: Who): Promise<void> {
  const reference: ConversationReference = {
    serviceUrl: connector.url,
    channelId: 'msteams',
    conversation: { id: chat(who), conversationType: 'personal', tenantId: 'tenant-1' },
    bot: { id: '28:followthrough' },
    user: { id: `29:${who}`, aadObjectId: PEOPLE[who].aadObjectId },
  };
  await world.store.saveConversation({ aadObjectId: PEOPLE[who].aadObjectId, displayName: PEOPLE[who].displayName, tenantId: 'tenant-1', reference, usable: true, unusableReason: null, updatedAt: NOW });
}

/** A decision as the API takes it (checked by the core, written with its precondition), then the call it makes when told `notifyLead`. */
async function decideAndNotify(actionId: string, who: Who, request: ReviewRequest) {
  const action = await world.store.getAction(actionId);
  const tree = await world.store.getPlan(action?.planId ?? '');
  if (action === null || tree === null) throw new Error('no action');
  const result = decideReview({ action, plan: tree.plan, roles: await world.store.listRoles(), reviewer: PEOPLE[who], completedBy: null, request, source: 'tab', at: NOW });
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  const after = await world.store.updateAction(action.id, result.patch, result.precondition, NOW, result.by);
  expect(result.notifyLead).toBe(request.decision !== 'assure' && request.decision !== 'not-applicable');
  if (!result.notifyLead || after.review === null) return { after, report: null };
  return { after, report: await notifier.returned({ action: after, plan: tree.plan, review: after.review, decision: result.decision }) };
}

function cardsIn(who: Who): AdaptiveCard[] {
  return connector.activities(chat(who)).flatMap((entry) => attachedCards(entry.activity));
}

const id = (key: ActionKey): string => world.ids[key];

describe('telling the lead their action came back', () => {
  it('returned at a meeting: one card to the lead (not the deputy, not the reviewer), with the reason, who, where, and Update now', async () => {
    const { report } = await decideAndNotify(id('1d'), 'owner', { decision: 'return', reason: 'The minutes do not show the summary was published.', meeting: MEETING });
    expect(report).toEqual({ results: [{ recipient: PEOPLE.lead.aadObjectId, outcome: 'sent' }], vacant: [] });
    const [card, ...more] = cardsIn('lead');
    expect(more).toEqual([]);
    expect(cardsIn('deputy')).toEqual([]);
    expect(cardsIn('owner')).toEqual([]);
    expect(cardProblems(card ? [card] : [])).toEqual([]);
    const text = textOf(card);
    for (const words of ['Returned to you at review: Action 1d', `Returned by ${PEOPLE.owner.displayName} on 10 Jun 2025 at Quality Committee.`, 'The minutes do not show the summary was published.', 'Publish the learning summary.']) {
      expect(text).toContain(words);
    }
    expect(connector.stats().rejected).toMatchObject({ 'conversation-rate': 0, 'app-rate': 0 });

    // "Update now" opens the reminder card, which leads with the return.
    const reply = await world.service.onCardAction({
      kind: 'card-action',
      sender: { aadObjectId: PEOPLE.lead.aadObjectId, name: PEOPLE.lead.displayName },
      reference: { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: chat('lead'), conversationType: 'personal' }, bot: { id: '28:followthrough' }, user: { id: '29:lead', aadObjectId: PEOPLE.lead.aadObjectId } },
      tenantId: null,
      verb: 'openUpdate',
      data: buttonData(card, 'openUpdate'),
      fallback: false,
    });
    const reminder = reply.kind === 'card' ? (reply.card as AdaptiveCard) : null;
    expect(textOf(reminder)).toContain('Returned at review: The minutes do not show the summary was published.');
    expect(buttonData(reminder, 'submitUpdate')).toMatchObject({ actionId: id('1d') });
  });

  it('reopened after assurance: said so; the same decision announced twice sends once', async () => {
    await decideAndNotify(id('1d'), 'owner', { decision: 'assure', meeting: MEETING });
    expect(cardsIn('lead')).toEqual([]);
    const { after, report } = await decideAndNotify(id('1d'), 'owner', { decision: 'reopen', reason: 'A second incident shows the learning did not reach the night teams.' });
    expect(report?.results).toEqual([{ recipient: PEOPLE.lead.aadObjectId, outcome: 'sent' }]);
    if (after.review === null) throw new Error('no review');
    expect(await notifier.returned({ action: after, review: after.review, decision: 'reopen' })).toEqual({ results: [], vacant: [] });
    expect(cardsIn('lead')).toHaveLength(1);
    expect(textOf(cardsIn('lead')[0])).toContain('Reopened after assurance and returned to you: Action 1d');
  });

  it('reinstated after "not applicable": the lead is told', async () => {
    await decideAndNotify(id('1a'), 'owner', { decision: 'not-applicable', reason: 'Service moved.' });
    await decideAndNotify(id('1a'), 'owner', { decision: 'reinstate', reason: 'The service came back to the trust.' });
    expect(cardsIn('lead').map((card) => textOf(card).split('\n')[0])).toEqual(['Reinstated and returned to you: Action 1a']);
  });

  it('a lead who blocked the bot: reported, their conversation marked unusable; one never reached: reported; a vacant role: named', async () => {
    connector.block(chat('lead'));
    await world.store.saveRole({ name: 'Clinical Director', holders: [PEOPLE.other], deputies: [] });
    const action = await world.store.getAction(id('1d'));
    if (action === null) throw new Error('gone');
    await world.store.updateAction(action.id, { leads: [LEAD_ROLE, 'Clinical Director', 'Head of Estates'] }, action.version, NOW, { actor: PEOPLE.owner, source: 'tab' });

    const { report } = await decideAndNotify(id('1d'), 'owner', { decision: 'return', reason: 'No evidence of publication.' });
    expect(report?.vacant).toEqual(['Head of Estates']);
    expect(report?.results).toEqual(
      expect.arrayContaining([
        { recipient: PEOPLE.other.aadObjectId, outcome: 'unreachable' },
        expect.objectContaining({ recipient: PEOPLE.lead.aadObjectId, outcome: 'blocked' }),
      ]),
    );
    expect(report?.results).toHaveLength(2);
    expect((await world.store.getConversation(PEOPLE.lead.aadObjectId))?.usable).toBe(false);
    expect(connector.requests().filter((entry) => entry.conversationId === chat('lead'))).toHaveLength(1);
  });

  it('the reviewer is not told of their own decision when they also hold the lead role', async () => {
    await world.store.saveRole({ name: LEAD_ROLE, holders: [PEOPLE.lead, PEOPLE.owner], deputies: [] });
    const { report } = await decideAndNotify(id('1d'), 'owner', { decision: 'return', reason: 'Not yet published.' });
    expect(report?.results).toEqual([{ recipient: PEOPLE.lead.aadObjectId, outcome: 'sent' }]);
    expect(cardsIn('owner')).toEqual([]);
  });
});

describe('many returns at once', () => {
  it('ten actions returned together reach their lead exactly once each, within the conversation’s limits', async () => {
    const draft = worldPlan(TODAY);
    const first = draft.recommendations[0];
    if (first === undefined) throw new Error('no recommendation');
    first.actions = Array.from({ length: 10 }, (_, n) =>
      ActionDraft.parse({ ref: String.fromCharCode(97 + n), text: `Action ${String(n)} of the batch.`, leads: [LEAD_ROLE], due: { text: addDays(TODAY, -n), date: addDays(TODAY, -n), precision: 'day' }, status: 'complete', rag: 'green', evidence: 'Audit report' }),
    );
    draft.plan = { ...draft.plan, owner: OWNER_ROLE, title: 'Batch plan' };
    const planId = await world.store.savePlan(draft, { now: NOW, contentKey: null });
    const actions: Action[] = (await world.store.getPlan(planId))?.recommendations[0]?.actions ?? [];
    expect(actions).toHaveLength(10);

    const reports = await Promise.all(actions.map((action) => decideAndNotify(action.id, 'owner', { decision: 'return', reason: `Return ${action.text}`, meeting: MEETING })));
    expect(reports.every(({ report }) => report?.results[0]?.outcome === 'sent')).toBe(true);
    const texts = cardsIn('lead').map((card) => textOf(card));
    expect(texts).toHaveLength(10);
    for (const action of actions) expect(texts.filter((text) => text.includes(`Return ${action.text}`))).toHaveLength(1);
    const stats = connector.stats();
    expect(stats.rejected).toMatchObject({ 'conversation-rate': 0, 'app-rate': 0 });
    expect(stats.maxObserved.perConversation[0]?.max).toBeLessThanOrEqual(7);
  });
});
