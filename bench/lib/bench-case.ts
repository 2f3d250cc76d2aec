import type { Fixtures } from './fixtures.js';
import type { RunPlan, Variant } from './measure.js';

/** One row of the table: our code and the floor it is compared with, prepared from the fixtures. */
export interface BenchCase {
  id: string;
  label: string;
  /** What the baseline does, for the note under the table. */
  baseline: string;
  runPlan: RunPlan;
  prepare(fixtures: Fixtures): Promise<PreparedCase>;
}

export interface PreparedCase {
  ours: Variant;
  baseline: Variant;
  /** Pieces of ours timed alone in the same rounds, to show where its time goes. */
  parts?: { label: string; variant: Variant }[];
  dispose?: () => void | Promise<void>;
}

export type VariantName = 'ours' | 'baseline';
