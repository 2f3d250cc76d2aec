import type { PlanTree, Role } from '../core/model/index.js';
import { buildMeetingView, forumScope, forumsOf, type MeetingPlanInput } from '../core/views/meeting-view.js';
import type { MeetingView } from '../core/views/tab-api.js';
import type { PlanStore } from '../store/plan-store.js';

/** Every stored plan's tree, in the store's list order (a plan deleted meanwhile is left out). */
export async function loadTrees(store: PlanStore): Promise<PlanTree[]> {
  const summaries = await store.listPlans();
  const trees = await Promise.all(summaries.map((summary) => store.getPlan(summary.id)));
  return trees.filter((tree): tree is PlanTree => tree !== null);
}

/** The forums a meeting can be picked for, from every plan. */
export async function listForums(store: PlanStore): Promise<string[]> {
  return forumsOf(await loadTrees(store));
}

export interface MeetingInputs {
  plans: MeetingPlanInput[];
  roles: Role[];
}

/**
 * What the meeting view of one forum needs: the plans the forum oversees (any other plan's
 * updates, trail and measures are not read), each with its updates, its whole trail (who
 * completed an action may be older than the last meeting) and its measures; and the roles.
 */
export async function meetingInputs(store: PlanStore, forum: string): Promise<MeetingInputs> {
  const [trees, roles] = await Promise.all([loadTrees(store), store.listRoles()]);
  const overseen = trees.filter((tree) => forumScope(tree, forum) !== null);
  const plans = await Promise.all(overseen.map((tree) => planInput(store, tree)));
  return { plans, roles };
}

async function planInput(store: PlanStore, tree: PlanTree): Promise<MeetingPlanInput> {
  const planId = tree.plan.id;
  const [updates, audit, measures] = await Promise.all([store.listPlanUpdates(planId), store.listAudit({ planId }), store.listMeasures(planId)]);
  return { tree, updates, audit, measures };
}

export interface MeetingRequest {
  forum: string;
  /** The last meeting's date. */
  since: string;
  /** The meeting being held. */
  date: string;
  today: string;
  /** Who is looking; null for an export nobody acts from. */
  viewer: string | null;
  timeZone?: string;
}

/** The forum's meeting view, read from the store and built by the pure view. */
export async function loadMeetingView(store: PlanStore, request: MeetingRequest): Promise<MeetingView> {
  return meetingViewOf(await meetingInputs(store, request.forum), request);
}

export function meetingViewOf(inputs: MeetingInputs, request: MeetingRequest): MeetingView {
  return buildMeetingView({
    forum: request.forum,
    since: request.since,
    today: request.today,
    meetingDate: request.date,
    plans: inputs.plans,
    roles: inputs.roles,
    viewer: request.viewer,
    ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
  });
}
