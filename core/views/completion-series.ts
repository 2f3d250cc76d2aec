import type { Action, ActionStatus, Update } from '../model/index.js';
import type { Dashboard } from './tab-api.js';

export type CompletionPoint = Dashboard['completion'][number];

const DONE: readonly ActionStatus[] = ['complete', 'assured'];

/**
 * Cumulative count of actions complete (or assured) by date: one point per date on which the
 * count changed, then one at `today`. `total` is every action, whatever its status.
 */
export function completionSeries(actions: readonly Action[], updates: readonly Update[], today: string): CompletionPoint[] {
  const firstDone = firstDoneDates(updates);
  const dates = actions
    .filter((action) => DONE.includes(action.status))
    .map((action) => doneDate(action, firstDone))
    .filter((date) => date !== null)
    // A completion date later than today is a period's end ("March 2026"): it is done by today.
    .map((date) => (date > today ? today : date))
    .sort();
  return cumulate(dates, actions.length, today);
}

/**
 * When an action was done: the first update that marked it so, else the plan's own completion
 * date, else unknown (it then counts in the totals but is left out of the series).
 */
function doneDate(action: Action, firstDone: ReadonlyMap<string, string>): string | null {
  return firstDone.get(action.id) ?? action.completed?.date ?? null;
}

/** Updates arrive oldest first; the first that set complete or assured wins. */
function firstDoneDates(updates: readonly Update[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const update of updates) {
    if (update.status === null || !DONE.includes(update.status) || first.has(update.actionId)) continue;
    // The UTC date of the instant: `at` may carry an offset, and a UTC day is what we count in.
    first.set(update.actionId, new Date(update.at).toISOString().slice(0, 10));
  }
  return first;
}

/** `dates` sorted oldest first and none after `today`. */
function cumulate(dates: readonly string[], total: number, today: string): CompletionPoint[] {
  const points: CompletionPoint[] = [];
  dates.forEach((date, index) => {
    const complete = index + 1;
    if (points.at(-1)?.date === date) points[points.length - 1] = { date, complete, total };
    else points.push({ date, complete, total });
  });
  if (points.at(-1)?.date !== today) points.push({ date: today, complete: dates.length, total });
  return points;
}
