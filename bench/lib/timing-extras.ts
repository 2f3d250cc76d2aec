/**
 * Two additions to the timing table, used by run.ts:
 * - a case may time itself (P4 measures the latency of each of many concurrent requests, not of
 *   one run), returning a Timing for ours and for its baseline plus notes for under the table;
 * - rows may form a series of sizes (P2: 1k, 10k, 100k actions), and run.ts prints how the time
 *   grows from one size to the next.
 */
import type { BenchCase, PreparedCase } from './bench-case.js';
import type { Timing } from './measure.js';
import { ratio } from './table.js';

export interface SelfTiming {
  ours: Timing;
  baseline: Timing;
  /** Printed under the table, after the case's baseline note. */
  notes: string[];
  /** For --json. */
  figures: Record<string, number>;
}

/** A prepared case that measures itself side by side instead of being run in turns by run.ts. */
export interface SelfTimedCase extends PreparedCase {
  timeSideBySide(progress: (message: string) => void): Promise<SelfTiming>;
}

export function isSelfTimed(prepared: PreparedCase): prepared is SelfTimedCase {
  return typeof (prepared as Partial<SelfTimedCase>).timeSideBySide === 'function';
}

/** One row of a series of sizes. */
export interface SizeSeries {
  /** Names the series in the note ("P2 planReminders"). */
  name: string;
  size: number;
  /** "actions" */
  unit: string;
}

export interface SeriesCase extends BenchCase {
  series: SizeSeries;
}

export function seriesOf(benchCase: BenchCase): SizeSeries | undefined {
  return (benchCase as Partial<SeriesCase>).series;
}

/**
 * For each series, the time ratio between consecutive sizes and the exponent it implies
 * (time ∝ size^k: 1 is linear, and a 10× larger input then takes 10× as long).
 */
export function slopeNotes(rows: readonly { series?: SizeSeries | undefined; medianMs: number; minMs: number }[]): string[] {
  const byName = new Map<string, { size: number; unit: string; medianMs: number; minMs: number }[]>();
  for (const row of rows) {
    if (row.series === undefined) continue;
    const list = byName.get(row.series.name) ?? [];
    list.push({ size: row.series.size, unit: row.series.unit, medianMs: row.medianMs, minMs: row.minMs });
    byName.set(row.series.name, list);
  }
  const notes: string[] = [];
  for (const [name, list] of byName) {
    const sorted = [...list].sort((a, b) => a.size - b.size);
    const steps: string[] = [];
    for (let index = 1; index < sorted.length; index += 1) {
      const low = sorted[index - 1];
      const high = sorted[index];
      if (low === undefined || high === undefined) continue;
      const sizeRatio = high.size / low.size;
      const timeRatio = high.medianMs / low.medianMs;
      const fastestRatio = high.minMs / low.minMs;
      const exponent = (value: number): string => (Math.log(value) / Math.log(sizeRatio)).toFixed(2);
      steps.push(`${sizeText(low.size)} → ${sizeText(high.size)} ${high.unit}: time ${ratio(timeRatio)} for ${ratio(sizeRatio)} the size (exponent ${exponent(timeRatio)}; fastest runs ${ratio(fastestRatio)}, ${exponent(fastestRatio)})`);
    }
    if (steps.length > 0) notes.push(`slope of ${name} (medians, and fastest runs; linear = exponent 1.00, 10× the time for 10× the size): ${steps.join('; ')}.`);
  }
  return notes;
}

/** 1,000 → "1k", 100,000 → "100k". */
export function sizeText(size: number): string {
  return size >= 1_000 && size % 1_000 === 0 ? `${String(size / 1_000)}k` : size.toLocaleString('en-GB');
}
