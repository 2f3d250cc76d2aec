/**
 * `npm run bench [-- --json] [-- --only <case>]`: times each case against its floor, side by
 * side in this one process, then measures each one's peak memory in a child process of its own,
 * and prints one table (or the same figures as JSON). Then runs the correctness cases (requests,
 * lost and duplicated writes, conflicts) and prints their table. Progress goes to stderr.
 */
import { availableParallelism } from 'node:os';
import { CASE_IDS, CASES, CORRECTNESS_CASES } from './cases/index.js';
import { createFixtures } from './lib/create-fixtures.js';
import { correctnessReport, type CorrectnessOutcome } from './lib/correctness-report.js';
import { removeFixtures, type Fixtures } from './lib/fixtures.js';
import { timeInTurns, type Timing } from './lib/measure.js';
import { measurePeakRss } from './lib/peak-rss.js';
import { formatTable, mb, ms, ratio } from './lib/table.js';
import { isSelfTimed, type SelfTiming, seriesOf, slopeNotes, type SizeSeries } from './lib/timing-extras.js';
import type { PreparedCase } from './lib/bench-case.js';

interface CaseResult {
  id: string;
  label: string;
  baseline: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  baselineMedianMs: number;
  baselineP95Ms: number;
  /** Ours ÷ baseline, medians: how far above the floor we are. */
  ratio: number;
  /** Ours − baseline, medians. */
  aboveFloorMs: number;
  /** Parts of ours timed alone in the same rounds. */
  parts: { label: string; medianMs: number }[];
  /** maxRSS of the child process once the case was set up (node, tsx, libraries, input). */
  setupRssMb: number;
  peakRssMb: number;
  baselinePeakRssMb: number;
  /** Lines a self-timed case adds under the table (bench/lib/timing-extras.ts). */
  notes: string[];
  figures: Record<string, number>;
  /** Set when the row is one size of a series (P2); the slope is printed under the table. */
  series?: SizeSeries;
}

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
// --only takes a case's id, or a group's (p2-planning runs its three sizes).
const cases = CASES.filter((entry) => only === undefined || entry.id === only || entry.group === only);
const checks = CORRECTNESS_CASES.filter((entry) => only === undefined || entry.id === only);
if (cases.length + checks.length === 0) throw new Error(`no benchmark case "${only ?? ''}"; the cases are ${CASE_IDS.join(', ')}`);

const started = performance.now();
const progress = (message: string): void => {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}\n`);
};

const results: CaseResult[] = [];
if (cases.length > 0) {
  progress('generating the 5,000-action workbook');
  await timeCases(await createFixtures());
}

const correctness: CorrectnessOutcome[] = [];
for (const entry of checks) {
  const check = await entry.load();
  progress(`running ${check.label}`);
  const caseStarted = performance.now();
  const outcome = await check.run(progress);
  correctness.push({ id: check.id, label: check.label, totalSeconds: (performance.now() - caseStarted) / 1000, ...outcome });
}

const totalSeconds = (performance.now() - started) / 1000;
progress('done');

const machine = { node: process.version, cpus: availableParallelism(), platform: `${process.platform}-${process.arch}` };
if (asJson) {
  const roundNumbers = (_key: string, value: unknown): unknown => (typeof value === 'number' ? Math.round(value * 1000) / 1000 : value);
  console.log(JSON.stringify({ ...machine, at: new Date().toISOString(), totalSeconds, cases: results, correctness }, roundNumbers, 2));
} else {
  console.log(report());
}

function report(): string {
  const table = formatTable(
    ['case', 'runs', 'median ms', 'p95 ms', 'baseline ms', 'ratio', 'peak RSS MB', 'baseline RSS MB'],
    results.map((r) => [r.label, String(r.runs), ms(r.medianMs), ms(r.p95Ms), ms(r.baselineMedianMs), ratio(r.ratio), mb(r.peakRssMb), mb(r.baselinePeakRssMb)]),
  );
  const timed = [
    table,
    '',
    'ratio = our median ÷ the baseline\'s, timed in turns in one process (the floor no importer or store can beat):',
    ...results.flatMap((r) => [`  ${r.label}: ${r.baseline}${partsNote(r)}`, ...r.notes.map((note) => `    ${note}`)]),
    ...slopeNotes(results),
    `peak RSS = maxRSS of a fresh node process that sets the case up and runs it once, nothing subtracted;`,
    `  after setup alone (node, tsx, libraries, input): ${results.map((r) => `${r.label} ${mb(r.setupRssMb)} MB`).join(', ')}.`,
  ];
  const lines = [
    `Followthrough benchmarks: node ${machine.node}, ${String(machine.cpus)} CPUs, ${totalSeconds.toFixed(0)} s in all`,
    '',
    ...(results.length > 0 ? timed : []),
    ...(results.length > 0 && correctness.length > 0 ? [''] : []),
    ...(correctness.length > 0 ? correctnessReport(correctness) : []),
  ];
  return lines.join('\n');
}

function partsNote(r: CaseResult): string {
  if (r.parts.length === 0) return '';
  return `; of ours alone, ${r.parts.map((part) => `${part.label} ${ms(part.medianMs)} ms`).join(', ')}`;
}

async function timeCases(fixtures: Fixtures): Promise<void> {
  try {
    for (const entry of cases) {
      const benchCase = await entry.load();
      progress(`timing ${benchCase.label}`);
      const prepared = await benchCase.prepare(fixtures);
      const parts = prepared.parts ?? [];
      // A self-timed case (P4: latencies of concurrent requests) measures its own side-by-side turns.
      let selfTimed: SelfTiming | null = null;
      let timings: Timing[];
      try {
        selfTimed = await timeSelf(prepared);
        timings = selfTimed === null ? await timeInTurns([prepared.ours, prepared.baseline, ...parts.map((part) => part.variant)], benchCase.runPlan) : [selfTimed.ours, selfTimed.baseline];
      } finally {
        await prepared.dispose?.();
      }
      const [ours, baseline, ...partTimings] = timings as [Timing, Timing, ...Timing[]];
      const series = seriesOf(benchCase);
      progress(`measuring peak memory of ${benchCase.label}`);
      const oursRss = await measurePeakRss(benchCase.id, 'ours', fixtures.dir);
      const baselineRss = await measurePeakRss(benchCase.id, 'baseline', fixtures.dir);
      results.push({
        id: benchCase.id,
        label: benchCase.label,
        baseline: benchCase.baseline,
        runs: ours.runs,
        medianMs: ours.medianMs,
        p95Ms: ours.p95Ms,
        minMs: ours.minMs,
        baselineMedianMs: baseline.medianMs,
        baselineP95Ms: baseline.p95Ms,
        ratio: ours.medianMs / baseline.medianMs,
        aboveFloorMs: ours.medianMs - baseline.medianMs,
        parts: parts.map((part, index) => ({ label: part.label, medianMs: partTimings[index]?.medianMs ?? Number.NaN })),
        setupRssMb: Math.min(oursRss.setupMb, baselineRss.setupMb),
        peakRssMb: oursRss.peakMb,
        baselinePeakRssMb: baselineRss.peakMb,
        notes: selfTimed?.notes ?? [],
        figures: selfTimed?.figures ?? {},
        ...(series === undefined ? {} : { series }),
      });
    }
  } finally {
    removeFixtures(fixtures);
  }
}

function timeSelf(prepared: PreparedCase): Promise<SelfTiming | null> {
  return isSelfTimed(prepared) ? prepared.timeSideBySide(progress) : Promise.resolve(null);
}
