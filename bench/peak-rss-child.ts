/**
 * Measures one variant's peak memory in a process of its own: prepares the case, runs the
 * variant once, and reports the process's maxRSS (KB) after setup and after the run to the
 * parent (bench/lib/peak-rss.ts). Usage: peak-rss-child.ts <case> <ours|baseline> <fixtures dir>.
 */
import { loadCase } from './cases/index.js';
import type { VariantName } from './lib/bench-case.js';
import { fixturesIn } from './lib/fixtures.js';
import { collectGarbage } from './lib/measure.js';
import type { PeakRssReport } from './lib/peak-rss.js';

const [caseId = '', variantName = '', dir = ''] = process.argv.slice(2);
if (variantName !== 'ours' && variantName !== 'baseline') throw new Error(`expected ours or baseline, got "${variantName}"`);
const name: VariantName = variantName;

const benchCase = await loadCase(caseId);
const prepared = await benchCase.prepare(fixturesIn(dir));
const variant = prepared[name];
await variant.before?.();
collectGarbage();
const setupKb = process.resourceUsage().maxRSS;
await variant.run();
const peakKb = process.resourceUsage().maxRSS;
await variant.after?.();
await prepared.dispose?.();

const report: PeakRssReport = { setupKb, peakKb };
process.send?.(report);
