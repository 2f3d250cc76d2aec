// Escalation to plan owners, end to end: the reminder runner over a SQLite store, sending through
// botbuilder's CloudAdapter (local mode), our transport and the paced sender to the connector fake.
// One escalation digest per owner per sweep, covering every plan they own; nothing for assured,
// not-applicable or complete actions or closed plans — also when they changed after planning.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../app/logger.js';
import type { AdaptiveCard } from '../../bot/cards/adaptive-card.js';
import { createCloudAdapter } from '../../bot/botbuilder/create-adapter.js';
import { createProactiveTransport } from '../../bot/botbuilder/proactive-transport.js';
import { pacedDelivery } from '../../bot/reminders/paced-delivery.js';
import { type SweepReport, sweepOnce } from '../../bot/reminders/reminder-runner.js';
import { createSender } from '../../bot/sending/sender.js';
import { createCardRenderer } from '../../bot/service/card-renderer.js';
import { decideReview } from '../../core/assurance/lifecycle-decision.js';
import { ActionDraft, type ConversationReference, DEFAULT_REMINDER_SETTINGS, type PlanDraft } from '../../core/model/index.js';
import { addDays } from '../../core/plan/calendar.js';
import { openSqlitePlanStore } from '../../store/sqlite/index.js';
import type { PlanStore } from '../../store/plan-store.js';
import { LEAD_ROLE, OPEN_URL, OWNER_ROLE, PEOPLE, TIME_ZONE, type Who, worldPlan } from '../support/bot-world.js';
import { attachedCards, cardProblems, textOf } from '../support/sent-cards.js';
import { type ConnectorFake, startConnectorFake } from '../fakes/connector/index.js';

/** Tuesday 10 June 2025: 10:00 in London (inside the sending window), and 06:00 (before it). */
const IN_WINDOW = '2025-06-10T09:00:00.000Z';
const BEFORE_WINDOW = '2025-06-10T05:00:00.000Z';
const TODAY = '2025-06-10';

let store: PlanStore;
let connector: ConnectorFake;
const chat = (who: Who): string => `a:chat-${who}`;

beforeEach(async () => {
  store = openSqlitePlanStore({ path: ':memory:' });
  connector = await startConnectorFake();
  await store.saveRole({ name: LEAD_ROLE, holders: [PEOPLE.lead], deputies: [] });
  await store.saveRole({ name: OWNER_ROLE, holders: [PEOPLE.owner], deputies: [] });
  for (const who of ['lead', 'owner'] as const) {
    const reference: ConversationReference = { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: chat(who), conversationType: 'personal' }, bot: { id: '28:followthrough' }, user: { id: `29:${who}`, aadObjectId: PEOPLE[who].aadObjectId } };
    await store.saveConversation({ aadObjectId: PEOPLE[who].aadObjectId, displayName: PEOPLE[who].displayName, tenantId: null, reference, usable: true, unusableReason: null, updatedAt: IN_WINDOW });
  }
});
afterEach(async () => {
  await connector.close();
  await store.close();
});

type Spec = [ref: string, daysOverdue: number, status: ActionDraft['status'], lead?: string];

/** A plan owned by OWNER_ROLE with one recommendation and these actions. */
async function plan(title: string, specs: readonly Spec[], status: 'active' | 'closed' = 'active'): Promise<Record<string, string>> {
  const draft: PlanDraft = worldPlan(TODAY);
  draft.plan = { ...draft.plan, title, owner: OWNER_ROLE, status };
  draft.recommendations = [
    {
      number: '1', organisation: null, finding: null, flags: [], text: 'Recommendation',
      actions: specs.map(([ref, days, actionStatus, lead]) => {
        const date = addDays(TODAY, -days);
        return ActionDraft.parse({ ref, text: `${title} action ${ref}`, leads: [lead ?? LEAD_ROLE], due: { text: date, date, precision: 'day' }, status: actionStatus, rag: 'red', evidence: 'Audit report' });
      }),
    },
  ];
  const planId = await store.savePlan(draft, { now: IN_WINDOW, contentKey: null });
  const actions = (await store.getPlan(planId))?.recommendations[0]?.actions ?? [];
  return Object.fromEntries(actions.map((action) => [action.ref ?? '', action.id]));
}

function sweep(now: string, log = memoryLogger()): Promise<SweepReport> {
  return sweepOnce({
    store,
    delivery: pacedDelivery(createSender({ transport: createProactiveTransport(createCloudAdapter(null), '') })),
    render: createCardRenderer({ formatTime: (instant) => instant }),
    now: () => new Date(now),
    timeZone: TIME_ZONE,
    holidays: () => new Set(),
    defaults: DEFAULT_REMINDER_SETTINGS,
    instanceId: 'test',
    leaseMs: 60_000,
    openUrl: OPEN_URL,
    log,
  });
}

function cardsIn(who: Who): AdaptiveCard[] {
  return connector.activities(chat(who)).flatMap((entry) => attachedCards(entry.activity));
}

/** Every plan of the scenario: two active plans the owner owns, and a closed one. */
async function scenario() {
  const a = await plan('Community care plan', [
    ['a', 20, 'in-progress'],
    ['b', 30, 'blocked'],
    ['c', 30, 'assured'],
    ['d', 30, 'not-applicable'],
    ['e', 30, 'complete'],
    ['f', 3, 'in-progress'],
  ]);
  const b = await plan('Maternity plan', [
    ['a', 25, 'in-progress'],
    // The owner leads this one too: as a lead they get its reminder, as the owner its escalation.
    ['b', 25, 'not-started', OWNER_ROLE],
  ]);
  const closed = await plan('Closed plan', [['a', 40, 'in-progress']], 'closed');
  return { a, b, closed };
}

describe('escalation to the plan owner', () => {
  it('one digest per owner per sweep, a section per plan, only open actions beyond the threshold', async () => {
    await scenario();
    const report = await sweep(IN_WINDOW);
    expect(report).toMatchObject({ leader: true, failed: 0, blocked: 0, waiting: 0, skipped: 0 });

    const owner = cardsIn('owner');
    expect(cardProblems(owner)).toEqual([]);
    const escalations = owner.filter((card) => textOf(card).startsWith('Actions that need you as plan owner'));
    expect(escalations).toHaveLength(1);
    const text = textOf(escalations[0]);
    expect(text).toContain('4 actions in 2 plans you own.');
    for (const shown of ['Community care plan action a', 'Community care plan action b', 'Maternity plan action a', 'Maternity plan action b']) expect(text).toContain(shown);
    for (const absent of ['Community care plan action c', 'Community care plan action d', 'Community care plan action e', 'Community care plan action f', 'Closed plan']) expect(text).not.toContain(absent);
    // Plus exactly one card as a lead (the action the owner leads): two messages in all.
    expect(owner).toHaveLength(2);
    expect(textOf(owner.find((card) => card !== escalations[0]))).toContain('Maternity plan action b');

    // The lead: one digest of their overdue actions; nothing about settled actions or the closed plan.
    const lead = cardsIn('lead');
    expect(lead).toHaveLength(1);
    expect(textOf(lead[0])).toContain('Actions due');
    expect(textOf(lead[0])).not.toMatch(/action [cde]\b|Closed plan/);
    expect(connector.stats().rejected).toMatchObject({ 'conversation-rate': 0, 'app-rate': 0 });

    // The same day's next sweep sends nothing again.
    const again = await sweep(IN_WINDOW);
    expect(again.sent).toBe(0);
    expect(connector.activities()).toHaveLength(3);
  });

  it('planned before the window, then assured, completed or its plan closed before sending: skipped, not sent', async () => {
    const { a, b } = await scenario();
    const early = await sweep(BEFORE_WINDOW);
    expect(early.planned).toBeGreaterThan(0);
    expect(early.sent).toBe(0);

    // Meanwhile: a's first action is completed and assured at a meeting; the maternity plan closes.
    const first = await store.getAction(a.a ?? '');
    if (first === null) throw new Error('gone');
    const done = await store.updateAction(first.id, { status: 'complete' }, first.version, BEFORE_WINDOW, { actor: PEOPLE.lead, source: 'card' });
    const tree = await store.getPlan(done.planId);
    if (tree === null) throw new Error('gone');
    const assure = decideReview({ action: done, plan: tree.plan, roles: await store.listRoles(), reviewer: PEOPLE.owner, completedBy: PEOPLE.lead, request: { decision: 'assure', meeting: { forum: 'Quality Committee', date: TODAY } }, source: 'tab', at: BEFORE_WINDOW });
    if (!assure.ok) throw new Error(JSON.stringify(assure.errors));
    await store.updateAction(done.id, assure.patch, assure.precondition, BEFORE_WINDOW, assure.by);
    const maternity = (await store.getPlan((await store.getAction(b.a ?? ''))?.planId ?? ''))?.plan;
    if (maternity === undefined) throw new Error('gone');
    await store.updatePlanFields(maternity.id, { status: 'closed' }, maternity.version, BEFORE_WINDOW, { actor: PEOPLE.owner, source: 'tab' });

    const log = memoryLogger();
    const report = await sweep(IN_WINDOW, log);
    // a.a: the lead's reminder and the escalation; b.a and b.b: theirs (b.b's lead is the owner).
    expect(report.skipped).toBe(6);
    const escalation = cardsIn('owner');
    expect(escalation).toHaveLength(1);
    const text = textOf(escalation[0]);
    expect(text).toContain('Actions that need the plan owner');
    expect(text).toContain('Community care plan action b');
    expect(text).not.toMatch(/Community care plan action a|Maternity plan/);
    expect(textOf(cardsIn('lead')[0])).not.toContain('Community care plan action a');

    const skipped = await store.listReminders({ state: 'skipped' });
    expect(skipped.map((entry) => entry.actionId).sort()).toEqual([a.a, a.a, b.a, b.a, b.b, b.b].sort());
    const why = log.lines.filter((line) => line.message === 'reminder not sent').map((line) => line.why);
    expect(why.filter((line) => line === 'the action is assured now')).toHaveLength(2);
    expect(why.filter((line) => line === 'the plan is closed now')).toHaveLength(4);
  });
});
