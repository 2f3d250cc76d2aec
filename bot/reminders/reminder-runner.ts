import { randomUUID } from 'node:crypto';
import { type Conversation, type ReminderLogEntry, type ReminderSettings, roleKey } from '../../core/model/index.js';
import { addDays } from '../../core/plan/calendar.js';
import { localDate, planReminders, type ReminderItem, type ReminderProblem } from '../../core/reminders/index.js';
import type { Card } from '../service/turns.js';
import type { PlanStore } from '../../store/plan-store.js';
import type { Logger } from '../../app/logger.js';
import { loadActionView } from '../service/action-views.js';
import type { CardRenderer, DigestEntry } from '../service/views.js';
import type { Installer } from '../install/proactive-install.js';
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
}

export interface SweepReport {
  leader: boolean;
  planned: number;
  sent: number;
  blocked: number;
  failed: number;
  waiting: number;
  problems: ReminderProblem[];
}

export const LEASE_NAME = 'reminder-sweep';
const DEFAULT_MAX_ATTEMPTS = 5;
/** The furthest ahead a before-due reminder can be (ReminderSettings allows offsets up to a year). */
const LOOKAHEAD_DAYS = 366;

/**
 * One sweep: take the lease (only one instance sweeps), plan what is due into the outbox (the
 * store dedups on each reminder's key, so planning twice is harmless), then deliver what is
 * planned for now or earlier — one card per person — marking each reminder `sending` before the
 * send and `sent`/`failed` as soon as that send returns. A crash between the two leaves it
 * `sending`, and the next sweep sends it again: never a skip, and at most as many repeats per
 * crash as sends in flight (one by default, REMINDER_SENDS_IN_FLIGHT).
 */
export async function sweepOnce(deps: RunnerDeps): Promise<SweepReport> {
  const report: SweepReport = { leader: false, planned: 0, sent: 0, blocked: 0, failed: 0, waiting: 0, problems: [] };
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
  for (const problem of plan.problems) deps.log.warn('reminder could not be routed', { ...problem });
  await deliverDue(deps, report);
  return report;
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
  const outgoing: { recipient: string; reference: Parameters<Delivery['deliver']>[0][number]['reference']; card: Card; entries: ReminderLogEntry[] }[] = [];
  for (const [recipient, entries] of byRecipient) {
    const conversation = (await deps.store.getConversation(recipient)) ?? (await installFor(deps, recipient));
    if (conversation === null || !conversation.usable) {
      // Not reachable yet (never installed) or any more (blocked): kept planned, reported.
      report.waiting += entries.length;
      continue;
    }
    const card = await cardFor(deps, entries);
    if (card !== null) outgoing.push({ recipient, reference: conversation.reference, card, entries });
  }
  const at = () => deps.now().toISOString();
  for (const item of outgoing) for (const entry of item.entries) await deps.store.setReminderState(entry.id, 'sending', { at: at() });
  // Each outcome is recorded the moment it is known, not when the whole batch is done: a crash
  // then repeats only the sends in flight, never the ones already delivered.
  await deps.delivery.deliver(
    outgoing.map(({ recipient, reference, card }) => ({ recipient, reference, card })),
    async (result) => {
      const entries = outgoing.find((item) => item.recipient === result.recipient)?.entries ?? [];
      for (const entry of entries) {
        if (result.outcome === 'sent') await deps.store.setReminderState(entry.id, 'sent', { at: at() });
        else await deps.store.setReminderState(entry.id, result.outcome === 'blocked' ? 'skipped' : 'failed', { at: at(), error: result.detail });
      }
      if (result.outcome === 'blocked') await deps.store.markConversationUnusable(result.recipient, result.detail, at());
      report[result.outcome === 'sent' ? 'sent' : result.outcome] += entries.length;
    },
  );
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

/** One reminder: its full card, with inputs. Several: a digest. Escalations: the owner's digest. */
async function cardFor(deps: RunnerDeps, entries: readonly ReminderLogEntry[]): Promise<Card | null> {
  const today = localDate(deps.now().toISOString(), deps.timeZone);
  const views: (DigestEntry & { kind: ReminderLogEntry['kind'] })[] = [];
  for (const entry of entries) {
    const view = await loadActionView(deps.store, entry.actionId);
    if (view) views.push({ ...view, today, kind: entry.kind });
  }
  const [first] = views;
  if (first === undefined) return null;
  const toOwner = views.every((v) => v.kind === 'escalation' || v.kind === 'unassigned');
  if (toOwner && views.every((v) => v.plan.id === first.plan.id)) return escalationCard(deps, views, today);
  if (views.length === 1) return deps.render.reminder({ ...first, cardId: randomUUID(), openUrl: deps.openUrl(first.action.id) });
  return deps.render.digest(views, toOwner ? 'Overdue actions that need you' : 'Actions due');
}

/** The plan owner's card: each action with its lead roles and who holds them ("Nobody holds the role …"). */
async function escalationCard(deps: RunnerDeps, views: readonly DigestEntry[], today: string): Promise<Card> {
  const roles = new Map((await deps.store.listRoles()).map((role) => [role.key, role]));
  const tree = views[0] ? await deps.store.getPlan(views[0].plan.id) : null;
  const threshold = (tree?.plan.reminders ?? deps.defaults).escalateAfterDaysOverdue;
  const holdersOf = (name: string): string[] => {
    const role = roles.get(roleKey(name));
    const people = role === undefined ? [] : role.holders.length > 0 ? role.holders : role.deputies;
    return people.map((person) => person.displayName);
  };
  const [first] = views;
  if (first === undefined) throw new Error('an escalation card needs at least one action');
  return deps.render.escalation({
    today,
    plan: first.plan,
    thresholdDays: threshold,
    items: views.map((view) => ({ ...view, leads: view.action.leads.map((role) => ({ role, holders: holdersOf(role) })) })),
    openUrl: deps.openUrl(first.action.id),
  });
}
