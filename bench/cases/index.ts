import type { BenchCase } from '../lib/bench-case.js';
import type { CorrectnessCase } from '../lib/correctness-case.js';

/**
 * The table's rows, in order. Loaded on demand, so a child process measuring one case's memory
 * loads only that case's libraries. Rows sharing a `group` run together with `--only <group>`.
 */
export const CASES: readonly { id: string; group?: string; load: () => Promise<BenchCase> }[] = [
  { id: 'seed-004-text', load: async () => (await import('./seed-004-text.js')).seed004Text },
  { id: 'xlsx-5000', load: async () => (await import('./xlsx-5000.js')).xlsx5000 },
  { id: 'sqlite-save-5000', load: async () => (await import('./sqlite-save-5000.js')).sqliteSave5000 },
  { id: 'p2-planning-1k', group: 'p2-planning', load: async () => (await import('./p2-planning.js')).p2Planning1k },
  { id: 'p2-planning-10k', group: 'p2-planning', load: async () => (await import('./p2-planning.js')).p2Planning10k },
  { id: 'p2-planning-100k', group: 'p2-planning', load: async () => (await import('./p2-planning.js')).p2Planning100k },
  { id: 'p4-card-submits', load: async () => (await import('./p4-card-submits.js')).p4CardSubmits },
];

/** The second table, "Correctness under load": cases that count requests, lost writes and conflicts. */
export const CORRECTNESS_CASES: readonly { id: string; load: () => Promise<CorrectnessCase> }[] = [
  { id: 'p1-requests', load: async () => (await import('./p1-requests.js')).p1Requests },
  { id: 'r2-resilience', load: async () => (await import('./r2-resilience.js')).r2Resilience },
  { id: 'r3-concurrent-writers', load: async () => (await import('./r3-concurrent-writers.js')).r3ConcurrentWriters },
  { id: 'p3-paced-sending', load: async () => (await import('./p3-paced-sending.js')).p3PacedSending },
  { id: 'r1-runner-crashes', load: async () => (await import('./r1-runner-crashes.js')).r1RunnerCrashes },
  { id: 'p5-tab-plan-view', load: async () => (await import('./p5-tab-plan-view.js')).p5TabPlanView },
];

/** Every case id (and group), both tables, for messages. */
export const CASE_IDS: readonly string[] = [...new Set([...CASES.flatMap((entry) => (entry.group === undefined ? [entry.id] : [entry.group, entry.id])), ...CORRECTNESS_CASES.map((entry) => entry.id)])];

export async function loadCase(id: string): Promise<BenchCase> {
  const entry = CASES.find((candidate) => candidate.id === id);
  if (entry === undefined) throw new Error(`no benchmark case "${id}"; the cases are ${CASES.map((c) => c.id).join(', ')}`);
  return entry.load();
}
