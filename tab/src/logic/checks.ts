import type { IntegrityFinding, IntegrityReport } from '../../../core/assurance/integrity-report.js';
import { routeHref } from '../routing/routes.js';
import { plural } from './labels.js';

/** "2 errors, 1 warning" — or that nothing was found, so an empty list is not mistaken for a failure. */
export function checksSummary(report: Pick<IntegrityReport, 'counts'>): string {
  const { errors, warnings } = report.counts;
  if (errors + warnings === 0) return 'No problems found.';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}

/** Where a finding's label leads: its action's page. Recommendations and the plan have no page of their own. */
export function findingHref(finding: Pick<IntegrityFinding, 'actionId'>): string | null {
  return finding.actionId === null ? null : routeHref({ name: 'action', actionId: finding.actionId });
}

/** The severity in words; the icon beside it is decoration (never colour or a symbol alone). */
export function severityLabel(finding: Pick<IntegrityFinding, 'severity'>): string {
  return finding.severity === 'error' ? 'Error' : 'Warning';
}
