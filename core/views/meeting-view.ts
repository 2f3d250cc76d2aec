import { measureStatus, outcomeSummary } from '../assurance/measure-status.js';
import { reviewerRight } from '../assurance/lifecycle.js';
import { type AuditEntry, DEFAULT_REMINDER_SETTINGS, type Measure, type Meeting, type PlanTree, type Role, type Update } from '../model/index.js';
import { awaitingAssurance, overdueActions } from './meeting-view-actions.js';
import { newEvidence, revisedDates, type SinceContext, statusChanges, updatesSince } from './meeting-view-changes.js';
import { meetingDecisions } from './meeting-view-decisions.js';
import { type ForumScope, forumScope } from './meeting-view-scope.js';
import { planHeader } from './plan-header.js';
import type { MeetingCounts, MeetingPlan, MeetingView } from './tab-api.js';

export { forumsOf, forumScope, namesForum, sameForum } from './meeting-view-scope.js';

/** One plan as the store gives it: the tree, its updates, its audit trail and its measures. */
export interface MeetingPlanInput {
  tree: PlanTree;
  updates: readonly Update[];
  audit: readonly AuditEntry[];
  measures: readonly Measure[];
}

export interface MeetingInput {
  /** The forum (committee) meeting, as picked from `forumsOf`. */
  forum: string;
  /** The date of its last meeting, YYYY-MM-DD: what changed at or after it is listed. */
  since: string;
  /** The trust's today. */
  today: string;
  /** The meeting being held, when not today: decisions recorded against it are listed. */
  meetingDate?: string;
  /** Every plan that may be the forum's; those that are not are left out. */
  plans: readonly MeetingPlanInput[];
  roles: readonly Role[];
  /** Who is looking (Entra object id), for the Approve / Return buttons; null for an export. */
  viewer?: string | null;
  /** The calendar instants are dated in; the trust's (default Europe/London). */
  timeZone?: string;
}

/**
 * The governance meeting (issue 6): for each plan the forum oversees — all of a plan that reports
 * to it, only the actions that name it of one that does not — what changed since the last
 * meeting, what is overdue and why, what is beyond escalation, what awaits assurance, what this
 * meeting decided, and how the measures stand; with counts for the summary.
 */
export function buildMeetingView(input: MeetingInput): MeetingView {
  const meeting: Meeting = { forum: input.forum.trim(), date: input.meetingDate ?? input.today };
  const plans = input.plans.flatMap((entry) => {
    const scope = forumScope(entry.tree, input.forum);
    return scope === null ? [] : [meetingPlan(entry, scope, input, meeting)];
  });
  return { forum: meeting.forum, since: input.since, today: input.today, meeting, plans, counts: { plans: plans.length, ...sumCounts(plans.map((plan) => plan.counts)) } };
}

function meetingPlan(entry: MeetingPlanInput, scope: ForumScope, input: MeetingInput, meeting: Meeting): MeetingPlan {
  const { plan } = entry.tree;
  const viewer = input.viewer ?? null;
  const updates = entry.updates.filter((update) => update.planId === plan.id);
  const audit = entry.audit.filter((item) => item.planId === plan.id);
  const since: SinceContext = { actions: new Map(scope.actions.map((placed) => [placed.action.id, placed])), updates, audit, since: input.since, timeZone: input.timeZone ?? 'Europe/London' };
  const escalateAfterDays = (plan.reminders ?? DEFAULT_REMINDER_SETTINGS).escalateAfterDaysOverdue;
  const measures = entry.measures
    .filter((measure) => measure.planId === plan.id && (measure.actionId === null ? scope.scope === 'plan' : since.actions.has(measure.actionId)))
    .map(measureStatus);
  const body = {
    statusChanges: statusChanges(since),
    updates: updatesSince(since),
    newEvidence: newEvidence(since),
    revisedDates: revisedDates(since),
    overdue: overdueActions(scope.actions, updates, input.today, escalateAfterDays),
    awaitingAssurance: awaitingAssurance(scope.actions, { plan, roles: input.roles, updates, audit, viewer }),
    decisions: meetingDecisions(entry.tree, audit, entry.measures, meeting),
    measures,
    outcomes: outcomeSummary(measures),
  };
  return {
    plan: planHeader(plan),
    scope: scope.scope,
    escalateAfterDays,
    canReview: viewer !== null && reviewerRight(viewer, plan, input.roles) !== null,
    ...body,
    counts: {
      actions: scope.actions.length,
      statusChanges: body.statusChanges.length,
      updates: body.updates.length,
      newEvidence: body.newEvidence.length,
      revisedDates: body.revisedDates.length,
      overdue: body.overdue.length,
      escalated: body.overdue.filter((item) => item.escalated).length,
      awaitingAssurance: body.awaitingAssurance.length,
      decisions: body.decisions.length,
      measures: measures.length,
      measuresMet: body.outcomes.met,
    },
  };
}

function sumCounts(all: readonly MeetingCounts[]): MeetingCounts {
  const total: MeetingCounts = { actions: 0, statusChanges: 0, updates: 0, newEvidence: 0, revisedDates: 0, overdue: 0, escalated: 0, awaitingAssurance: 0, decisions: 0, measures: 0, measuresMet: 0 };
  for (const counts of all) for (const key of Object.keys(total) as (keyof MeetingCounts)[]) total[key] += counts[key];
  return total;
}
