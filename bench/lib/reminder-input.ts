/**
 * A synthetic, deterministic input for `planReminders` shaped like a trust's live plans: several
 * plans (a few closed, a few with their own reminder rules, one in fifty with reminders off),
 * lead roles drawn from a shared pool (most held by one person, some by two, some by deputies
 * only, a few vacant), due dates spread from four months overdue to two months ahead of today,
 * some revised, some actions closed and some snoozed. Built as plain objects of the model's
 * types (no zod parsing), as the store would hand them to the runner.
 */
import { type Action, type ActionStatus, DEFAULT_REMINDER_SETTINGS, type Person, type ReminderSettings, type Role, roleKey } from '../../core/model/index.js';
import type { ReminderInput, ReminderItem, ReminderPlanInfo } from '../../core/reminders/index.js';
import { addDays } from './synthetic-draft.js';
import { seededRandom } from '../../test/support/seeded-random.js';

/** A Wednesday in June at 10:00 UK time: inside the default window, on a working day. */
export const PLANNING_NOW = '2025-06-18T09:00:00.000Z';
export const PLANNING_TODAY = '2025-06-18';
const STAMP = '2025-01-06T09:00:00.000Z';
/** Plans hold at most this many actions; there are at least PLAN_CYCLE plans, so every size has the same mix. */
export const ACTIONS_PER_PLAN = 500;
const PLAN_CYCLE = 20;
/** Role names shared by all plans, as trusts reuse the same job titles. */
const ROLE_POOL = 400;

/** England and Wales bank holidays of 2024–2026, as the runner passes them (bot/reminders/bank-holidays.ts). */
const HOLIDAYS: ReadonlySet<string> = new Set([
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
]);

/** Custom rules some plans carry: every day counts, a longer window, fewer reminders before the date. */
const CUSTOM_SETTINGS: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, offsetsDays: [7, 0], overdueEveryDays: 14, escalateAfterDaysOverdue: 28, workingDaysOnly: false, window: { start: '08:00', end: '18:00' } };
const DISABLED_SETTINGS: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, enabled: false };


function person(n: number): Person {
  return { aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, displayName: `Person ${String(n)}` };
}

function roleName(n: number): string {
  const titles = ['Deputy Director of Nursing', 'Head of Patient Safety', 'Clinical Director', 'Matron', 'Service Manager', 'Associate Medical Director', 'Head of Governance', 'Lead Nurse'];
  return `${titles[n % titles.length] ?? 'Lead'} (${['Adult', 'Community', 'Acute', 'Forensic', 'CAMHS'][n % 5] ?? 'Trust'} ${String(Math.floor(n / 40) + 1)})`;
}

/** Holders by pool index: 85% one person, 5% two, 5% deputies only, 5% nobody (vacant). */
function roles(): Role[] {
  const list: Role[] = [];
  let people = 0;
  for (let n = 0; n < ROLE_POOL; n += 1) {
    const name = roleName(n);
    const kind = n % 20;
    const holders = kind === 18 || kind === 19 ? [] : kind === 17 ? [person((people += 1)), person((people += 1))] : [person((people += 1))];
    const deputies = kind === 18 ? [person((people += 1))] : kind % 4 === 0 ? [person((people += 1))] : [];
    list.push({ id: `role-${String(n)}`, name, key: roleKey(name), holders, deputies });
  }
  return list;
}

/** In every 20 plans: one closed, one with reminders off, two with their own rules, one whose owner nobody holds. */
function planInfo(p: number): ReminderPlanInfo {
  const kind = p % PLAN_CYCLE;
  const status = kind === 7 ? 'closed' : 'active';
  const reminders = kind === 15 ? DISABLED_SETTINGS : kind === 3 || kind === 13 ? CUSTOM_SETTINGS : null;
  const owner = kind === 11 ? 'Director of Something Vacant' : roleName((p * 7) % ROLE_POOL);
  return { id: `plan-${String(p)}`, title: `Action plan ${String(p)}`, status, owner, reminders };
}

function status(r: number): ActionStatus {
  if (r < 0.06) return 'complete';
  if (r < 0.08) return 'assured';
  if (r < 0.09) return 'not-applicable';
  if (r < 0.3) return 'not-started';
  if (r < 0.35) return 'blocked';
  if (r < 0.4) return 'unknown';
  return 'in-progress';
}

function action(index: number, plan: ReminderPlanInfo, random: () => number): Action {
  const dueOffset = Math.floor(random() * 181) - 120;
  const due = addDays(PLANNING_TODAY, dueOffset);
  const leadsRoll = random();
  const first = roleName(Math.floor(random() * ROLE_POOL));
  const leads = leadsRoll < 0.02 ? [] : leadsRoll < 0.17 ? [first, roleName(Math.floor(random() * ROLE_POOL))] : [first];
  const revised = random() < 0.1;
  const snoozeRoll = random();
  const snoozedUntil = snoozeRoll < 0.05 ? addDays(PLANNING_TODAY, 3) : snoozeRoll < 0.07 ? addDays(PLANNING_TODAY, -1) : null;
  const [y, m, d] = due.split('-');
  return {
    id: `action-${String(index)}`,
    planId: plan.id,
    recommendationId: `${plan.id}-rec-${String(Math.floor(index / 5))}`,
    position: index % 5,
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
    ref: String.fromCharCode(97 + (index % 5)),
    text: `Audit compliance for area ${String(index)} and share the learning with the teams.`,
    leads,
    leadText: leads.join(' / '),
    due: { text: `${d ?? ''}/${m ?? ''}/${y ?? ''}`, date: due, precision: 'day' },
    revisions: revised ? [{ date: addDays(due, 28), reason: 'Awaiting the audit results.', at: STAMP, by: null }] : [],
    status: status(random()),
    rag: null,
    statusText: null,
    furtherAction: null,
    evidence: null,
    measurement: null,
    outcomes: null,
    monitoring: null,
    reportedTo: 'Quality and Safety Committee',
    completed: null,
    other: [],
    snoozedUntil,
    flags: [], review: null,
  };
}

/** `size` actions in max(20, ⌈size ÷ 500⌉) plans of equal size, with the shared role pool. */
export function reminderInput(size: number): ReminderInput {
  const random = seededRandom(size);
  const plans = Array.from({ length: Math.max(PLAN_CYCLE, Math.ceil(size / ACTIONS_PER_PLAN)) }, (_, p) => planInfo(p));
  const perPlan = Math.ceil(size / plans.length);
  const items: ReminderItem[] = [];
  for (let index = 0; index < size; index += 1) {
    const plan = plans[Math.floor(index / perPlan)] ?? planInfo(0);
    items.push({ action: action(index, plan, random), plan, recommendationNumber: String(Math.floor((index % perPlan) / 5) + 1) });
  }
  return { now: PLANNING_NOW, timeZone: 'Europe/London', holidays: HOLIDAYS, items, roles: roles(), defaults: DEFAULT_REMINDER_SETTINGS };
}
