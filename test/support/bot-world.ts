/**
 * A small plan in an in-memory SQLite store, with people in every position the bot cares about
 * (a lead, their deputy, the plan owner, the lead of another action, a stranger), and the real
 * bot service over it: the world the bot's tests talk to.
 */
import { fixedClock, todayIn } from '../../app/clock.js';
import { createBotService, type BotService } from '../../bot/service/bot-service.js';
import { createCardRenderer } from '../../bot/service/card-renderer.js';
import { ActionDraft, type Action, type PlanDraft } from '../../core/model/index.js';
import { addDays } from '../../core/plan/calendar.js';
import type { PlanStore } from '../../store/plan-store.js';
import { openSqlitePlanStore } from '../../store/sqlite/index.js';

/** A working day in London (10:00 BST). */
export const NOW = '2025-06-10T09:00:00.000Z';
export const TODAY = '2025-06-10';
export const TIME_ZONE = 'Europe/London';

export const LEAD_ROLE = 'Head of Nursing';
export const OWNER_ROLE = 'Director of Quality';
export const OTHER_ROLE = 'Clinical Director';

/** Entra object ids as Teams reports them in `from.aadObjectId`. */
export const PEOPLE = {
  lead: { aadObjectId: '11111111-1111-4111-8111-111111111111', displayName: 'Ann Lead' },
  deputy: { aadObjectId: '22222222-2222-4222-8222-222222222222', displayName: 'Dev Deputy' },
  owner: { aadObjectId: '33333333-3333-4333-8333-333333333333', displayName: 'Olu Owner' },
  other: { aadObjectId: '44444444-4444-4444-8444-444444444444', displayName: 'Cal Clinical' },
  stranger: { aadObjectId: '55555555-5555-4555-8555-555555555555', displayName: 'Sam Stranger' },
} as const;
export type Who = keyof typeof PEOPLE;

/** The actions by their ref as people type it. */
export type ActionKey = '1a' | '1b' | '1c' | '1d' | '2a';

export const PLAN_TITLE = 'Action plan following the independent review of community care';

export function worldPlan(today: string = TODAY): PlanDraft {
  const dated = (days: number) => {
    const date = addDays(today, days);
    return { text: date, date, precision: 'day' as const };
  };
  const action = (ref: string, text: string, lead: string, over: Partial<ActionDraft>): ActionDraft =>
    ActionDraft.parse({ ref, text, leads: [lead], leadText: lead, due: null, revisions: [], status: 'in-progress', rag: 'amber', ...over });
  return {
    plan: {
      title: PLAN_TITLE,
      references: ['StEIS 2024/12345'],
      sourceReport: null,
      published: null,
      organisations: ['Test NHS Foundation Trust'],
      owner: OWNER_ROLE,
      forums: ['Quality Committee'], reviewers: [],
      status: 'active',
      statements: [],
      ragKey: [],
      lastUpdated: null,
      details: [],
      reminders: null,
      columns: [],
    },
    recommendations: [
      {
        number: '1', organisation: null, finding: null, flags: [],
        text: 'The Trust should review risk whenever a service user\'s circumstances change.',
        actions: [
          action('a', 'Audit community caseloads for risk reviews.', LEAD_ROLE, { due: dated(3) }),
          action('b', 'Add a prompt to the electronic record.', LEAD_ROLE, { due: dated(10), status: 'not-started', evidence: 'Specification v1 agreed' }),
          action('c', 'Keep the risk training under review.', LEAD_ROLE, { due: null }),
          action('d', 'Publish the learning summary.', LEAD_ROLE, { due: dated(-20), status: 'complete', evidence: 'Minutes of 3 March' }),
        ],
      },
      {
        number: '2', organisation: null, finding: null, flags: [],
        text: 'The Trust should involve families in care planning.',
        actions: [action('a', 'Publish carer-involvement guidance.', OTHER_ROLE, { due: dated(5) })],
      },
    ],
    warnings: [],
    discarded: [],
  };
}

export interface BotWorld {
  store: PlanStore;
  service: BotService;
  planId: string;
  /** Stored action ids by ref. */
  ids: Record<ActionKey, string>;
  action(key: ActionKey): Promise<Action>;
  /** Every update on every action of the plan. */
  updateCount(): Promise<number>;
  /** The whole plan's actions as stored, for "nothing was written" checks. */
  snapshot(): Promise<unknown>;
  /** Ids handed out by the service (`newId`), in order. */
  issuedIds: string[];
  close(): Promise<void>;
}

export const OPEN_URL = (actionId: string): string => `https://followthrough.test/tab/actions/${encodeURIComponent(actionId)}`;

/** Seeds the plan and the roles into a store (a fresh in-memory one unless given). */
export async function seedWorld(store: PlanStore, now: string = NOW): Promise<{ planId: string; ids: Record<ActionKey, string> }> {
  const planId = await store.savePlan(worldPlan(now.slice(0, 10)), { now, contentKey: null, actor: { aadObjectId: null, displayName: 'Test import' } });
  await store.saveRole({ name: LEAD_ROLE, holders: [PEOPLE.lead], deputies: [PEOPLE.deputy] });
  await store.saveRole({ name: OWNER_ROLE, holders: [PEOPLE.owner], deputies: [] });
  await store.saveRole({ name: OTHER_ROLE, holders: [PEOPLE.other], deputies: [] });
  const tree = await store.getPlan(planId);
  if (tree === null) throw new Error('the seeded plan was not stored');
  const ids: Partial<Record<ActionKey, string>> = {};
  for (const rec of tree.recommendations) {
    for (const action of rec.actions) ids[`${rec.number ?? ''}${action.ref ?? ''}` as ActionKey] = action.id;
  }
  return { planId, ids: ids as Record<ActionKey, string> };
}

export interface BotWorldOptions {
  now?: string;
  /** What the service sees instead of the store itself (e.g. the store with a competing write slipped in). */
  wrapStore?: (store: PlanStore) => PlanStore;
  onConversationSaved?: (aadObjectId: string) => void;
}

export async function openBotWorld(options: BotWorldOptions = {}): Promise<BotWorld> {
  const now = options.now ?? NOW;
  const clock = fixedClock(now);
  const store = openSqlitePlanStore({ path: ':memory:' });
  const { planId, ids } = await seedWorld(store, now);
  const issuedIds: string[] = [];
  const formatTime = (instant: string): string => new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  const service = createBotService({
    store: options.wrapStore ? options.wrapStore(store) : store,
    ...(options.onConversationSaved ? { onConversationSaved: options.onConversationSaved } : {}),
    render: createCardRenderer({ formatTime }),
    now: () => clock.now(),
    today: () => todayIn(clock, TIME_ZONE),
    formatTime,
    openUrl: OPEN_URL,
    newId: () => {
      const id = `card-${String(issuedIds.length + 1)}`;
      issuedIds.push(id);
      return id;
    },
  });
  const action = async (key: ActionKey): Promise<Action> => {
    const found = await store.getAction(ids[key]);
    if (found === null) throw new Error(`action ${key} is gone`);
    return found;
  };
  return {
    store,
    service,
    planId,
    ids,
    action,
    issuedIds,
    async updateCount() {
      const tree = await store.getPlan(planId);
      let count = 0;
      for (const a of (tree?.recommendations ?? []).flatMap((rec) => rec.actions)) count += (await store.listUpdates(a.id)).length;
      return count;
    },
    async snapshot() {
      return (await store.getPlan(planId))?.recommendations.flatMap((rec) => rec.actions);
    },
    close: () => store.close(),
  };
}
