import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { VariantName } from './bench-case.js';

/** What bench/peak-rss-child.ts sends back. */
export interface PeakRssReport {
  /** maxRSS (KB) once the case was prepared: node, tsx, the libraries and the inputs. */
  setupKb: number;
  /** maxRSS (KB) after one run: the process's peak, nothing subtracted. */
  peakKb: number;
}

export interface PeakRss {
  setupMb: number;
  peakMb: number;
}

const CHILD = fileURLToPath(new URL('../peak-rss-child.ts', import.meta.url));

/** Runs one variant of a case once in a fresh node process and returns its peak resident memory. */
export function measurePeakRss(caseId: string, variant: VariantName, fixturesDir: string): Promise<PeakRss> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [caseId, variant, fixturesDir], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let report: PeakRssReport | null = null;
    child.on('message', (message) => {
      report = message as PeakRssReport;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (report !== null && code === 0) resolve({ setupMb: report.setupKb / 1024, peakMb: report.peakKb / 1024 });
      else reject(new Error(`measuring the peak memory of ${caseId} (${variant}) failed: exit ${String(code ?? signal)}`));
    });
  });
}
