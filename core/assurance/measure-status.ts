import { z } from 'zod';
import { IsoDate, type Measure, MeasureDirection, type MeasureValue } from '../model/index.js';

/** Where a measure stands against its target. */
export const MeasureState = z.enum(['met', 'not-met', 'no-target', 'no-values']);
export type MeasureState = z.infer<typeof MeasureState>;

const Reading = z.object({ date: IsoDate, value: z.number() });

/** A measure as the tab and the meeting view show it: the series, where it started, where it is, and the verdict. */
export const MeasureStatus = z.object({
  measureId: z.string(),
  name: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
  direction: MeasureDirection,
  /** The action it measures, or null for a plan-level outcome indicator. */
  actionId: z.string().nullable(),
  /** Oldest first. */
  series: z.array(Reading),
  first: Reading.nullable(),
  latest: Reading.nullable(),
  /** Latest minus first (60.49 → 89.87: 29.38); null with fewer than two readings. */
  change: z.number().nullable(),
  /** The change is the better way (`direction`); null when there is no change to judge. */
  improved: z.boolean().nullable(),
  state: MeasureState,
});
export type MeasureStatus = z.infer<typeof MeasureStatus>;

/** How a plan's measures stand: the headline "3 of 5 outcome indicators met". */
export const OutcomeSummary = z.object({
  total: z.number().int().nonnegative(),
  met: z.number().int().nonnegative(),
  notMet: z.number().int().nonnegative(),
  noTarget: z.number().int().nonnegative(),
  noValues: z.number().int().nonnegative(),
});
export type OutcomeSummary = z.infer<typeof OutcomeSummary>;

/**
 * A measure's status from its readings (by date, whatever order they came in). Without a target
 * it is tracked, never "met"; with one and no readings there is nothing yet to judge; otherwise
 * the latest reading meets the target when it is at or beyond it in the better direction.
 */
export function measureStatus(measure: Measure): MeasureStatus {
  const series = [...measure.values].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map(reading);
  const first = series[0] ?? null;
  const latest = series.at(-1) ?? null;
  const change = first !== null && latest !== null && series.length > 1 ? difference(latest.value, first.value) : null;
  return {
    measureId: measure.id,
    name: measure.name,
    unit: measure.unit,
    target: measure.target,
    direction: measure.direction,
    actionId: measure.actionId,
    series,
    first,
    latest,
    change,
    improved: change === null || change === 0 ? null : measure.direction === 'increase' ? change > 0 : change < 0,
    state: stateOf(measure, latest),
  };
}

/** Counts by state over the plan's measures (plan-level indicators and per-action measures alike). */
export function outcomeSummary(statuses: readonly Pick<MeasureStatus, 'state'>[]): OutcomeSummary {
  const count = (state: MeasureState): number => statuses.filter((status) => status.state === state).length;
  return { total: statuses.length, met: count('met'), notMet: count('not-met'), noTarget: count('no-target'), noValues: count('no-values') };
}

function stateOf(measure: Pick<Measure, 'target' | 'direction'>, latest: { value: number } | null): MeasureState {
  if (measure.target === null) return 'no-target';
  if (latest === null) return 'no-values';
  const met = measure.direction === 'increase' ? latest.value >= measure.target : latest.value <= measure.target;
  return met ? 'met' : 'not-met';
}

function reading(value: MeasureValue): z.infer<typeof Reading> {
  return { date: value.date, value: value.value };
}

/** 89.87 − 60.49 is 29.38, not 29.380000000000003: rounded to the readings' own decimals. */
function difference(latest: number, first: number): number {
  const places = Math.min(10, Math.max(decimals(latest), decimals(first)));
  // `|| 0`: no change is 0, never -0.
  return Number((latest - first).toFixed(places)) || 0;
}

function decimals(value: number): number {
  const text = String(value);
  if (text.includes('e')) return 10;
  return text.split('.')[1]?.length ?? 0;
}
