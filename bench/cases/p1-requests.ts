import { CLOSED_STATUSES, effectiveDue, type PlanTree } from '../../core/model/index.js';
import type { GraphFakeRequestLog } from '../../test/fakes/graph/index.js';
import { check, count, SHAREPOINT, type CorrectnessCase, type CorrectnessRow } from '../lib/correctness-case.js';
import { FAKE_PAGE_SIZE, requestsByList, startSharePointFixture, type SharePointFixture } from '../lib/sharepoint-fixture.js';
import { addDays, syntheticDraft, type SyntheticAction } from '../lib/synthetic-draft.js';
import { ms, ratio } from '../lib/table.js';
import { medianMs, timedRuns } from '../lib/timed-calls.js';

/**
 * P1 — requests. Against the Graph fake with 20 ms latency: (a) getPlan of a 500-action plan,
 * (b) the reminder sweep over 10,000 actions in 20 plans. Counts the top-level requests the fake
 * logged for the measured call and compares them with ⌈items ÷ page size⌉ for the content read.
 */
const LATENCY_MS = 20;
const PLANS = 20;
const RECOMMENDATIONS = 100;
const ACTIONS_PER_RECOMMENDATION = 5;
const ACTIONS_PER_PLAN = RECOMMENDATIONS * ACTIONS_PER_RECOMMENDATION;
const FIRST_DUE = '2025-01-01';
/** Day 179 of a 360-day cycle of due dates: about half the actions are due by then. */
const SWEEP_DATE = '2025-06-29';
const NOW = '2025-06-29T08:00:00.000Z';
const TARGET_RATIO = 1.1;
const LOAD_RUNS = 5;
const SWEEP_RUNS = 3;

/** Action k of the 10,000: due dates cycle over 360 days; a quarter are complete, the rest open. */
function actionAt(k: number): SyntheticAction {
  const statuses = ['complete', 'not-started', 'in-progress', 'in-progress'] as const;
  return { due: addDays(FIRST_DUE, k % 360), status: statuses[k % 4] ?? 'in-progress' };
}

export const p1Requests: CorrectnessCase = {
  id: 'p1-requests',
  label: 'P1 requests per read',
  async run(progress) {
    const fixture = await startSharePointFixture();
    try {
      progress(`P1: seeding ${count(PLANS * ACTIONS_PER_PLAN)} actions in ${String(PLANS)} plans through savePlan (latency 0)`);
      const planIds = await seed(fixture);
      fixture.fake.setLatency(LATENCY_MS);
      progress(`P1: measuring getPlan and the sweep at ${String(LATENCY_MS)} ms latency`);
      const load = await measureLoad(fixture, planIds[0] ?? '');
      const sweep = await measureSweep(fixture);
      return { rows: [load.row, sweep.row], notes: [...load.notes, ...sweep.notes] };
    } finally {
      fixture.fake.setLatency(0);
      await fixture.close();
    }
  },
};

async function seed(fixture: SharePointFixture): Promise<string[]> {
  const ids: string[] = [];
  for (let plan = 0; plan < PLANS; plan += 1) {
    const draft = syntheticDraft({
      title: `P1 plan ${String(plan + 1)}`,
      recommendations: RECOMMENDATIONS,
      actionsPerRecommendation: ACTIONS_PER_RECOMMENDATION,
      action: (index) => actionAt(plan * ACTIONS_PER_PLAN + index),
    });
    ids.push(await fixture.store.savePlan(draft, { now: NOW, contentKey: null }));
  }
  const stored = fixture.fake.items(fixture.siteId, 'Followthrough Actions').length;
  check(stored === PLANS * ACTIONS_PER_PLAN, `seeding stored ${count(stored)} actions, expected ${count(PLANS * ACTIONS_PER_PLAN)}`);
  return ids;
}

/** Runs `call` and returns, per run, its result, wall time and the top-level requests it made. */
async function measured<T>(fixture: SharePointFixture, runs: number, call: () => Promise<T>) {
  return timedRuns(runs, async () => {
    const mark = fixture.mark();
    const result = await call();
    const requests = fixture.requestsSince(mark);
    check(
      requests.every((entry) => entry.status === 200),
      `a measured call met ${requests.filter((entry) => entry.status !== 200).map((entry) => String(entry.status)).join(', ')} with no faults injected`,
    );
    return { result, requests };
  });
}

/** The page size the reads asked for (`$top`), or the fake's default when they sent none. */
function pageSizeOf(requests: readonly GraphFakeRequestLog[]): { size: number; source: string } {
  const tops = new Set(requests.flatMap((entry) => /[?&]\$top=(\d+)/.exec(entry.path)?.[1] ?? []).map(Number));
  if (tops.size === 0) return { size: FAKE_PAGE_SIZE, source: `the store sends no $top, so the fake's default page size (${String(FAKE_PAGE_SIZE)}) applies` };
  const size = Math.min(...tops);
  return { size, source: `the store asks for $top=${[...tops].join('/')}` };
}

function sameCount(samples: readonly { result: { requests: readonly unknown[] } }[]): number {
  const counts = new Set(samples.map((sample) => sample.result.requests.length));
  check(counts.size === 1, `the same call made different numbers of requests from run to run: ${[...counts].join(', ')}`);
  return [...counts][0] ?? 0;
}

function byListText(fixture: SharePointFixture, requests: readonly GraphFakeRequestLog[]): string {
  return [...requestsByList(fixture, requests)].map(([list, n]) => `${list} ${String(n)}`).join(', ');
}

function ratioRow(label: string, requests: number, minimum: number, timeMs: number, figures: CorrectnessRow['figures']): CorrectnessRow {
  const value = requests / minimum;
  return {
    case: label,
    store: SHAREPOINT,
    measured: `${count(requests)} requests`,
    target: `min ${count(minimum)}, ratio ≤ ${TARGET_RATIO.toFixed(2)}`,
    result: `${ratio(value)} ${value <= TARGET_RATIO ? '(met)' : '(above)'}`,
    retries: '-',
    timeMs,
    figures: { requests, minimum, ratio: value, targetMet: value <= TARGET_RATIO, ...figures },
  };
}

async function measureLoad(fixture: SharePointFixture, planId: string) {
  const samples = await measured(fixture, LOAD_RUNS, () => fixture.store.getPlan(planId));
  const last = samples.at(-1)?.result;
  check(last !== undefined, 'getPlan was not run');
  const tree: PlanTree | null = last.result;
  check(tree !== null, `getPlan(${planId}) found no plan`);
  const recs = tree.recommendations.length;
  const actions = tree.recommendations.reduce((sum, rec) => sum + rec.actions.length, 0);
  check(recs === RECOMMENDATIONS && actions === ACTIONS_PER_PLAN, `getPlan returned ${String(recs)} recommendations and ${String(actions)} actions, expected ${String(RECOMMENDATIONS)} and ${String(ACTIONS_PER_PLAN)}`);
  check(tree.recommendations.every((rec) => rec.actions.every((action) => action.planId === planId)), 'getPlan returned actions of another plan');
  const requests = sameCount(samples);
  const page = pageSizeOf(last.requests);
  // Every list read the operation needs counts ⌈items ÷ page size⌉: the plan item, its
  // recommendations, its actions (the definition of the minimum).
  const content = 1 + Math.ceil(recs / page.size) + Math.ceil(actions / page.size);
  const row = ratioRow(`P1a getPlan, ${count(actions)} actions`, requests, content, medianMs(samples), {
    latencyMs: LATENCY_MS,
    pageSize: page.size,
    recommendations: recs,
    actions,
    runs: samples.length,
  });
  return {
    row,
    notes: [
      `P1a getPlan of a ${count(actions)}-action plan (${String(recs)} recommendations), median of ${String(samples.length)} runs at ${String(LATENCY_MS)} ms latency; ${page.source}.`,
      `  requests by list: ${byListText(fixture, last.requests)}.`,
      `  minimum = 1 plan item + ⌈${String(recs)} ÷ ${String(page.size)}⌉ recommendations + ⌈${String(actions)} ÷ ${String(page.size)}⌉ actions = ${String(content)}.`,
    ],
  };
}

async function measureSweep(fixture: SharePointFixture) {
  const samples = await measured(fixture, SWEEP_RUNS, () => fixture.store.listOpenActionsDueBy(SWEEP_DATE));
  const last = samples.at(-1)?.result;
  check(last !== undefined, 'the sweep was not run');
  const found = last.result;
  const all = Array.from({ length: PLANS * ACTIONS_PER_PLAN }, (_, k) => actionAt(k));
  const dueAny = all.filter((action) => action.due !== null && action.due <= SWEEP_DATE).length;
  const expected = all.filter((action) => action.due !== null && action.due <= SWEEP_DATE && !CLOSED_STATUSES.includes(action.status)).length;
  check(found.length === expected, `the sweep returned ${count(found.length)} actions, expected ${count(expected)}`);
  check(new Set(found.map((action) => action.id)).size === found.length, 'the sweep returned an action twice');
  check(found.every((action) => (effectiveDue(action) ?? '9999') <= SWEEP_DATE && !CLOSED_STATUSES.includes(action.status)), 'the sweep returned an action that is closed or not yet due');
  check(found.every((action, i) => i === 0 || (effectiveDue(found[i - 1] ?? action) ?? '') <= (effectiveDue(action) ?? '')), 'the sweep is not ordered by due date');
  const requests = sameCount(samples);
  const page = pageSizeOf(last.requests);
  // The open, due actions, and the plans list (for closed plans and current generations).
  const minimum = Math.ceil(found.length / page.size) + Math.ceil(PLANS / page.size);
  const row = ratioRow(`P1b sweep, ${count(PLANS * ACTIONS_PER_PLAN)} actions`, requests, minimum, medianMs(samples), {
    latencyMs: LATENCY_MS,
    pageSize: page.size,
    actionsInList: all.length,
    dueByDate: dueAny,
    openAndDue: found.length,
    runs: samples.length,
  });
  return {
    row,
    notes: [
      `P1b listOpenActionsDueBy(${SWEEP_DATE}) over ${count(all.length)} actions in ${String(PLANS)} plans, median of ${String(samples.length)} runs at ${String(LATENCY_MS)} ms latency (${ms(row.timeMs)} ms); ${page.source}.`,
      `  requests by list: ${byListText(fixture, last.requests)}.`,
      `  ${count(dueAny)} actions are due by then, ${count(dueAny - found.length)} of them complete; the answer is the ${count(found.length)} open ones.`,
      `  minimum = ⌈${count(found.length)} ÷ ${String(page.size)}⌉ pages of open due actions + ⌈${String(PLANS)} ÷ ${String(page.size)}⌉ of the plans list = ${String(minimum)}.`,
    ],
  };
}
