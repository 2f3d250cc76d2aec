import { CLOSED_STATUSES, type Conversation, type ReminderLogEntry, type ReminderSettings } from '../../core/model/index.js';
import { addDays } from '../../core/plan/calendar.js';
import { localDate, planReminders, type ReminderItem, type ReminderProblem } from '../../core/reminders/index.js';
import type { Card } from '../service/turns.js';
import type { PlanStore } from '../../store/plan-store.js';
import type { Logger } from '../../app/logger.js';
import { statusPhrase } from '../../core/views/labels.js';
import { loadActionInPlan } from '../service/action-views.js';
import type { CardRenderer } from '../service/views.js';
import { type CardContext, cardsFor, type LoadedReminder } from './reminder-cards.js';
import type { Installer } from '../install/proactive-install.js';
import type { OncePerDay } from './once-a-day.js';
import type { Delivery } from './reminder-sender.js';

export interface RunnerDeps {
  store: PlanStore;
  delivery: Delivery;
  render: CardRenderer;
  now: () => Date;
  timeZone: string;
  holidays: (years: readonly number[]) => ReadonlySet<string>;
  defaults: ReminderSettings;
  /** Names this process in the lease. */
  instanceId: string;
  /** How long a sweep's lease lasts; longer than a sweep takes. */
  leaseMs: number;
  openUrl: (actionId: string) => string;
  log: Logger;
  /** Attempts before a failing reminder is left as failed. */
  maxAttempts?: number;
  /** Proactive installation for people who never installed the bot (optional). */
  installer?: Installer;
  /** Routing problems already logged today (the scheduler keeps one across sweeps); absent: log each sweep. */
  routingLogged?: OncePerDay;
}

export interface SweepReport {
  leader: boolean;
  planned: number;
  sent: number;
  blocked: number;
  failed: number;
  waiting: number;
  /** Planned earlier but no longer due to anyone: the action closed, or the plan did. */
  skipped: number;
  problems: ReminderProblem[];
}

export const LEASE_NAME = 'reminder-sweep';
const DEFAULT_MAX_ATTEMPTS = 5;
/** The furthest ahead a before-due reminder can be (ReminderSettings allows offsets up to a year). */
const LOOKAHEAD_DAYS = 366;

/**
 * One sweep: take the lease (only one instance sweeps), plan what is due into the outbox (the
 * store dedups on each reminder's key, so planning twice is harmless), then deliver what is
 * planned for now or earlier — per person, one card as a lead and one as a plan owner — marking each reminder `sending` before the
 * send and `sent`/`failed` as soon as that send returns. A crash between the two leaves it
 * `sending`, and the next sweep sends it again: never a skip, and at most as many repeats per
 * crash as sends in flight (one by default, REMINDER_SENDS_IN_FLIGHT).
 */
export async function sweepOnce(deps: RunnerDeps): Promise<SweepReport> {
  const report: SweepReport = { leader: false, planned: 0, sent: 0, blocked: 0, failed: 0, waiting: 0, skipped: 0, problems: [] };
  const start = deps.now();
  const lease = await deps.store.acquireLease(LEASE_NAME, deps.instanceId, new Date(start.getTime() + deps.leaseMs).toISOString(), start.toISOString());
  if (lease === null) return report;
  report.leader = true;
  const plan = await planDue(deps, start);
  report.problems = plan.problems;
  for (const reminder of plan.reminders) {
    await deps.store.planReminder(reminder);
    report.planned++;
  }
  logRoutingProblems(deps, plan.problems, localDate(start.toISOString(), deps.timeZone));
  await deliverDue(deps, report);
  return report;
}

/** Each problem once per action and day: it stays true at every sweep until someone fills the role. */
function logRoutingProblems(deps: RunnerDeps, problems: readonly ReminderProblem[], today: string): void {
  for (const problem of problems) {
    if (deps.routingLogged?.first(problemKey(problem), today) ?? true) deps.log.warn('reminder could not be routed', { ...problem });
  }
}

/** The action and what is missing for it: a different role left empty is a new problem. */
function problemKey(problem: ReminderProblem): string {
  switch (problem.kind) {
    case 'no-holder':
      return `${problem.kind}|${problem.actionId}|${problem.role}`;
    case 'no-owner':
      return `${problem.kind}|${problem.actionId}|${problem.owner ?? ''}`;
    case 'no-lead':
      return `${problem.kind}|${problem.actionId}`;
  }
}

async function planDue(deps: RunnerDeps, now: Date) {
  const today = localDate(now.toISOString(), deps.timeZone);
  const actions = await deps.store.listOpenActionsDueBy(addDays(today, LOOKAHEAD_DAYS));
  const trees = new Map<string, Awaited<ReturnType<PlanStore['getPlan']>>>();
  const items: ReminderItem[] = [];
  for (const action of actions) {
    if (!trees.has(action.planId)) trees.set(action.planId, await deps.store.getPlan(action.planId));
    const tree = trees.get(action.planId);
    if (!tree) continue;
    const rec = tree.recommendations.find((r) => r.id === action.recommendationId);
    items.push({ action, plan: tree.plan, recommendationNumber: rec?.number ?? null });
  }
  const year = Number(today.slice(0, 4));
  return planReminders({
    now: now.toISOString(),
    timeZone: deps.timeZone,
    holidays: deps.holidays([year - 1, year, year + 1]),
    items,
    roles: await deps.store.listRoles(),
    defaults: deps.defaults,
  });
}

/** Planned for now or earlier, stuck in `sending` after a crash, or failed with attempts left. */
async function dueEntries(deps: RunnerDeps): Promise<ReminderLogEntry[]> {
  const now = deps.now().toISOString();
  const max = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const [planned, sending, failed] = await Promise.all([
    deps.store.listReminders({ state: 'planned', plannedBefore: now }),
    deps.store.listReminders({ state: 'sending' }),
    deps.store.listReminders({ state: 'failed' }),
  ]);
  return [...planned, ...sending, ...failed.filter((entry) => entry.attempts < max)];
}

async function deliverDue(deps: RunnerDeps, report: SweepReport): Promise<void> {
  const byRecipient = new Map<string, ReminderLogEntry[]>();
  for (const entry of await dueEntries(deps)) byRecipient.set(entry.recipient, [...(byRecipient.get(entry.recipient) ?? []), entry]);
  const today = localDate(deps.now().toISOString(), deps.timeZone);
  const context: CardContext = { render: deps.render, today, roles: await deps.store.listRoles(), defaults: deps.defaults, openUrl: deps.openUrl };
  const load = loader(deps, today);
  const outgoing: { recipient: string; reference: Conversation['reference']; card: Card; entries: ReminderLogEntry[] }[] = [];
  for (const [recipient, entries] of byRecipient) {
    const conversation = (await deps.store.getConversation(recipient)) ?? (await installFor(deps, recipient));
    if (conversation === null || !conversation.usable) {
      // Not reachable yet (never installed) or any more (blocked): kept planned, reported.
      report.waiting += entries.length;
      continue;
    }
    const loaded: LoadedReminder[] = [];
    for (const entry of entries) {
      const found = await load(entry);
      if (typeof found === 'string') await skip(deps, report, entry, found);
      else loaded.push(found);
    }
    for (const { card, reminders } of cardsFor(context, loaded)) outgoing.push({ recipient, reference: conversation.reference, card, entries: reminders.map((item) => item.entry) });
  }
  const at = () => deps.now().toISOString();
  for (const item of outgoing) for (const entry of item.entries) await deps.store.setReminderState(entry.id, 'sending', { at: at() });
  // Each outcome is recorded the moment it is known, not when the whole batch is done: a crash
  // then repeats only the sends in flight, never the ones already delivered.
  await deps.delivery.deliver(
    outgoing.map(({ recipient, reference, card }) => ({ recipient, reference, card })),
    async (result, index) => {
      const entries = outgoing[index]?.entries ?? [];
      for (const entry of entries) {
        if (result.outcome === 'sent') await deps.store.setReminderState(entry.id, 'sent', { at: at() });
        else await deps.store.setReminderState(entry.id, result.outcome === 'blocked' ? 'skipped' : 'failed', { at: at(), error: result.detail });
      }
      if (result.outcome === 'blocked') await deps.store.markConversationUnusable(result.recipient, result.detail, at());
      report[result.outcome === 'sent' ? 'sent' : result.outcome] += entries.length;
      // Within the sweep's log context (its id): which reminders this card carried, and how it went.
      const reminderIds = entries.map((entry) => entry.id);
      if (result.outcome === 'sent') deps.log.debug('reminder card sent', { reminderIds });
      else deps.log.warn('reminder card not sent', { reminderIds, outcome: result.outcome, detail: result.detail });
    },
  );
}

/**
 * Reads each action once per sweep. A reminder planned earlier whose action has since gone,
 * been completed, assured or marked not applicable, or whose plan has closed, is not sent: the
 * answer is why (planning already leaves these out; this covers what changed in between).
 */
function loader(deps: RunnerDeps, today: string): (entry: ReminderLogEntry) => Promise<LoadedReminder | string> {
  const cache = new Map<string, Promise<Awaited<ReturnType<typeof loadActionInPlan>>>>();
  return async (entry) => {
    let pending = cache.get(entry.actionId);
    if (pending === undefined) {
      pending = loadActionInPlan(deps.store, entry.actionId);
      cache.set(entry.actionId, pending);
    }
    const found = await pending;
    if (found === null) return 'the action no longer exists';
    if (found.plan.status === 'closed') return 'the plan is closed now';
    if (CLOSED_STATUSES.includes(found.view.action.status)) return `the action ${statusPhrase(found.view.action.status)} now`;
    return { entry, kind: entry.kind, view: { ...found.view, today }, plan: found.plan };
  };
}

async function skip(deps: RunnerDeps, report: SweepReport, entry: ReminderLogEntry, why: string): Promise<void> {
  await deps.store.setReminderState(entry.id, 'skipped', { at: deps.now().toISOString(), error: `not sent: ${why}` });
  // The log entry keeps no error for a skip (core/plan/reminder-state.ts), so the reason is logged.
  deps.log.info('reminder not sent', { reminder: entry.key, why });
  report.skipped++;
}

/** Installs the app for someone the bot cannot reach yet, and keeps the new conversation. */
async function installFor(deps: RunnerDeps, recipient: string): Promise<Conversation | null> {
  if (deps.installer === undefined) return null;
  try {
    const conversation = await deps.installer.conversationFor(recipient, null);
    return conversation === null ? null : await deps.store.saveConversation(conversation);
  } catch (error) {
    deps.log.warn('proactive installation failed', { recipient, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
