import { todayIn } from '../../app/clock.js';
import type { App } from '../../app/compose.js';
import { checkStoredPlan } from '../../app/plan-checks.js';
import type { IntegrityReport } from '../../core/assurance/integrity-report.js';
import { CliError } from '../cli-error.js';
import type { Io } from '../io.js';
import { resolvePlan } from '../resolve-plan.js';

/**
 * `check <plan>`: the plan's integrity checks. Exit 0 when nothing is an error (warnings are
 * allowed), 1 when something is — so a script or a pipeline can stop on it, as linters do.
 */
export async function checkCommand(app: App, io: Io, options: { plan: string; json: boolean }): Promise<number> {
  const summary = await resolvePlan(app.store, options.plan);
  const report = await checkStoredPlan(app.store, summary.id, todayIn(app.clock, app.config.TIME_ZONE), app.config.TIME_ZONE);
  if (report === null) throw new CliError(`Plan ${summary.id} disappeared while it was being read; try again.`);
  io.out(options.json ? JSON.stringify(report, null, 2) : formatChecks(summary.title, report));
  return report.counts.errors > 0 ? 1 : 0;
}

/** One line per finding, the severity as a word (not only a symbol), then the totals. */
export function formatChecks(title: string, report: IntegrityReport): string {
  const lines = [`Integrity checks: ${title} (id ${report.planId.slice(0, 8)}, as of ${report.checkedOn})`];
  for (const finding of report.findings) lines.push(`  ${finding.severity === 'error' ? '✗ error  ' : '! warning'}  ${finding.message}  [${finding.code}]`);
  const { errors, warnings } = report.counts;
  lines.push(errors + warnings === 0 ? 'No problems found.' : `${count(errors, 'error')}, ${count(warnings, 'warning')}.`);
  return lines.join('\n');
}

function count(n: number, noun: string): string {
  return `${String(n)} ${noun}${n === 1 ? '' : 's'}`;
}
