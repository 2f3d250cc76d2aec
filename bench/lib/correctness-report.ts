import type { CorrectnessRow } from './correctness-case.js';
import { formatTable, ms } from './table.js';

/** One correctness case's outcome, as run.ts keeps it. */
export interface CorrectnessOutcome {
  id: string;
  label: string;
  totalSeconds: number;
  rows: CorrectnessRow[];
  notes: string[];
}

/** The second table, "Correctness under load", with each case's notes under it. */
export function correctnessReport(outcomes: readonly CorrectnessOutcome[]): string[] {
  const rows = outcomes.flatMap((outcome) => outcome.rows);
  const table = formatTable(
    ['case', 'store', 'measured', 'minimum / target', 'result', 'retries / conflicts', 'time ms'],
    rows.map((row) => [row.case, row.store, row.measured, row.target, row.result, row.retries, ms(row.timeMs)]),
  );
  return [
    'Correctness under load (counts, not speed; each case throws if its invariant fails):',
    '',
    table,
    '',
    ...outcomes.flatMap((outcome) => [`${outcome.label} (${outcome.totalSeconds.toFixed(0)} s with its setup):`, ...outcome.notes.map((note) => `  ${note}`)]),
  ];
}
