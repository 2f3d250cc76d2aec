/**
 * A case of the second table, "Correctness under load": it counts (requests, lost or duplicated
 * writes, conflicts) rather than timing against a floor. `run` throws when an invariant fails,
 * so a broken store cannot produce a table.
 */
export interface CorrectnessCase {
  id: string;
  label: string;
  run(progress: (message: string) => void): Promise<CorrectnessResult>;
}

export interface CorrectnessResult {
  rows: CorrectnessRow[];
  /** Lines printed under the table: what was measured, how the minimum was worked out, what is extra. */
  notes: string[];
}

export interface CorrectnessRow {
  /** e.g. "P1a getPlan, 500 actions" */
  case: string;
  /** "sqlite" or "sharepoint (fake)" */
  store: string;
  /** What was measured, in words with its numbers: "5 requests", "1,000 attempted, 1,000 succeeded". */
  measured: string;
  /** What it is held to: "min 4, ratio ≤ 1.10", "0 lost, 0 duplicated". */
  target: string;
  /** The outcome against the target: "1.25× (above)", "0 lost, 0 duplicated". */
  result: string;
  /** Retries and conflicts seen on the way, or "-". */
  retries: string;
  timeMs: number;
  /** Every figure by name, for --json. */
  figures: Record<string, number | string | boolean>;
}

export const SQLITE = 'sqlite';
export const SHAREPOINT = 'sharepoint (fake)';

/** A whole number with thousands separators: 10,000. */
export function count(value: number): string {
  return value.toLocaleString('en-GB');
}

/** Fails the case: a broken store must not produce a table. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`invariant failed: ${message}`);
}
