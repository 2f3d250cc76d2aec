import { CLOSED_STATUSES, effectiveDue } from '../../core/model/index.js';
import { groupDigests, planReminders, type ReminderInput, type ReminderPlan } from '../../core/reminders/index.js';
import type { RunPlan } from '../lib/measure.js';
import { reminderInput } from '../lib/reminder-input.js';
import { type SeriesCase, sizeText } from '../lib/timing-extras.js';

/**
 * P2 — reminder planning. The pure `planReminders` over 1k, 10k and 100k actions
 * (bench/lib/reminder-input.ts: the same mix of plans, roles, dates and states at every size),
 * one row per size; run.ts prints the slope between sizes. The baseline is the floor of any
 * planner: one pass that skips closed actions and plans, reads each open action's effective due
 * date and makes one keyed record per lead role — no calendar, no occasions, no role lookup.
 */
interface Expected {
  reminders: number;
  digests: number;
  problems: number;
}

function floorPass(input: ReminderInput): { key: string; planId: string; dueDate: string }[] {
  const out: { key: string; planId: string; dueDate: string }[] = [];
  for (const { action, plan } of input.items) {
    if (plan.status === 'closed' || CLOSED_STATUSES.includes(action.status)) continue;
    const due = effectiveDue(action);
    if (due === null) continue;
    for (const lead of action.leads) out.push({ key: `${action.id}|${lead}|${due}`, planId: plan.id, dueDate: due });
  }
  return out;
}

/** Throws unless the plan is the one expected, so a broken planner cannot produce a row. */
function checkPlan(plan: ReminderPlan, expected: Expected, size: number): ReminderPlan {
  const found: Expected = { reminders: plan.reminders.length, digests: plan.digests.length, problems: plan.problems.length };
  if (found.reminders !== expected.reminders || found.digests !== expected.digests || found.problems !== expected.problems) {
    throw new Error(`P2 ${sizeText(size)}: planReminders gave ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
  }
  return plan;
}

/** The first plan, checked for sense: every kind of reminder and problem appears, and keys are unique. */
function firstPlan(input: ReminderInput, size: number): Expected {
  const plan = planReminders(input);
  const kinds = new Set(plan.reminders.map((reminder) => reminder.kind));
  const problemKinds = new Set(plan.problems.map((problem) => problem.kind));
  const keys = new Set(plan.reminders.map((reminder) => reminder.key));
  const open = input.items.filter((item) => item.plan.status !== 'closed' && !CLOSED_STATUSES.includes(item.action.status)).length;
  const problems: string[] = [];
  for (const kind of ['before-due', 'due', 'overdue', 'escalation'] as const) if (!kinds.has(kind)) problems.push(`no ${kind} reminder`);
  for (const kind of ['no-holder', 'no-lead', 'no-owner'] as const) if (!problemKinds.has(kind)) problems.push(`no ${kind} problem`);
  if (keys.size !== plan.reminders.length) problems.push(`${String(plan.reminders.length - keys.size)} duplicate keys`);
  // Due dates span 120 days overdue to 60 ahead: most open actions have an occasion by today.
  if (plan.reminders.length < open * 0.5 || plan.reminders.length > open * 3) problems.push(`${String(plan.reminders.length)} reminders for ${String(open)} open actions`);
  if (plan.digests.length === 0 || plan.digests.length > plan.reminders.length) problems.push(`${String(plan.digests.length)} digests`);
  if (problems.length > 0) throw new Error(`P2 ${sizeText(size)}: the plan makes no sense: ${problems.join('; ')}`);
  return { reminders: plan.reminders.length, digests: plan.digests.length, problems: plan.problems.length };
}

function planningCase(size: number, runPlan: RunPlan): SeriesCase {
  return {
    id: `p2-planning-${sizeText(size)}`,
    label: `P2 planReminders, ${sizeText(size)} actions`,
    baseline: 'one pass over the same items: skip closed ones, read the effective due date, one keyed record per lead role (no calendar, occasions or roles)',
    runPlan,
    series: { name: 'P2 planReminders', size, unit: 'actions' },
    prepare() {
      const input = reminderInput(size);
      const expected = firstPlan(input, size);
      const reminders = planReminders(input).reminders;
      return Promise.resolve({
        ours: { run: () => checkPlan(planReminders(input), expected, size) },
        baseline: { run: () => floorPass(input) },
        parts: [{ label: 'groupDigests', variant: { run: () => groupDigests(reminders) } }],
      });
    },
  };
}

// A full collection before every run at every size, so each run starts from the same heap and the slope compares like with like.
export const p2Planning1k = planningCase(1_000, { warmup: 20, minRuns: 40, maxRuns: 200, budgetMs: 3_000, gcEachRun: true });
export const p2Planning10k = planningCase(10_000, { warmup: 5, minRuns: 25, maxRuns: 80, budgetMs: 5_000, gcEachRun: true });
export const p2Planning100k = planningCase(100_000, { warmup: 1, minRuns: 5, maxRuns: 9, budgetMs: 6_000, gcEachRun: true });
