import type { MeasureState, MeasureStatus, OutcomeSummary } from '../../../core/assurance/measure-status.js';
import type { MeasureValue } from '../../../core/model/index.js';
import { ukDate } from './labels.js';

/** A measure as the chart and its table show it: the readings, the target as a line, the verdict in words. */

export interface ChartPoint {
  x: Date;
  y: number;
}

export interface ChartLine {
  legend: string;
  points: ChartPoint[];
}

/** Midday UTC: the same calendar day in every zone the browser might be in. */
const dayOf = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

/** The readings as one line and, when there is a target, the target as a flat line across the same dates. */
export function measureChartLines(status: Pick<MeasureStatus, 'name' | 'unit' | 'target' | 'direction' | 'series'>): ChartLine[] {
  if (status.series.length === 0) return [];
  const lines: ChartLine[] = [{ legend: status.name, points: status.series.map((reading) => ({ x: dayOf(reading.date), y: reading.value })) }];
  if (status.target !== null) {
    const first = status.series[0]?.date ?? '';
    const last = status.series.at(-1)?.date ?? first;
    const dates = first === last ? [first] : [first, last];
    lines.push({ legend: `Target (${targetText(status) ?? ''})`, points: dates.map((date) => ({ x: dayOf(date), y: status.target ?? 0 })) });
  }
  return lines;
}

/** "89.87%", "12 days", "4". */
export function valueText(value: number, unit: string): string {
  const number = String(value);
  if (unit === '') return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** "at least 90%" (more is better) or "at most 5 days"; null without a target. */
export function targetText(status: Pick<MeasureStatus, 'target' | 'unit' | 'direction'>): string | null {
  if (status.target === null) return null;
  return `${status.direction === 'increase' ? 'at least' : 'at most'} ${valueText(status.target, status.unit)}`;
}

const STATE_LABELS: Record<MeasureState, string> = { met: 'Met', 'not-met': 'Not met', 'no-target': 'No target', 'no-values': 'No readings yet' };

export function stateLabel(state: MeasureState): string {
  return STATE_LABELS[state];
}

/** "Latest 89.87% on 31 Mar 2024, up 29.38 since 1 Oct 2023 (better)." */
export function progressText(status: Pick<MeasureStatus, 'latest' | 'first' | 'change' | 'improved' | 'unit'>): string {
  if (status.latest === null) return 'No readings yet.';
  const latest = `Latest ${valueText(status.latest.value, status.unit)} on ${ukDate(status.latest.date)}`;
  if (status.change === null || status.first === null) return `${latest}.`;
  if (status.change === 0) return `${latest}, no change since ${ukDate(status.first.date)}.`;
  const way = status.change > 0 ? 'up' : 'down';
  const verdict = status.improved === null ? '' : status.improved ? ' (better)' : ' (worse)';
  return `${latest}, ${way} ${String(Math.abs(status.change))} since ${ukDate(status.first.date)}${verdict}.`;
}

/** "2 of 3 measures with a target are met; 1 tracked without one." */
export function outcomesHeadline(outcomes: OutcomeSummary): string {
  if (outcomes.total === 0) return 'No outcome measures yet.';
  const withTarget = outcomes.total - outcomes.noTarget;
  const parts = [withTarget === 0 ? 'No measure has a target yet' : `${String(outcomes.met)} of ${String(withTarget)} ${withTarget === 1 ? 'measure with a target is' : 'measures with a target are'} met`];
  if (outcomes.noValues > 0) parts.push(`${String(outcomes.noValues)} without readings yet`);
  if (outcomes.noTarget > 0 && withTarget > 0) parts.push(`${String(outcomes.noTarget)} tracked without a target`);
  return `${parts.join('; ')}.`;
}

/** The readings for the table, in date order (the store keeps them so; the table does not rely on it). */
export function readingRows(values: readonly MeasureValue[]): MeasureValue[] {
  return [...values].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -1 : 1));
}

/** One reading against the target, for the table's column (the measure's verdict is the server's, on the latest). */
export function readingVerdict(measure: { target: number | null; direction: 'increase' | 'decrease' }, value: number): string {
  if (measure.target === null) return 'No target';
  const met = measure.direction === 'increase' ? value >= measure.target : value <= measure.target;
  return met ? 'Met' : 'Not met';
}
