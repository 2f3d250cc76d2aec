import { graphFor } from '../../app/compose.js';
import { loadConfig } from '../../config/config.js';
import { provision, type ProvisionReport } from '../../store/sharepoint/provision.js';
import { resolveSiteId } from '../../store/sharepoint/resolve-site.js';
import type { Io } from '../io.js';

/**
 * `followthrough provision --site <url or id>`: creates the SharePoint lists and columns the app
 * needs. Safe to run again; a newer version adds what is missing and reports what differs.
 * It uses the same settings as the SharePoint store, checked the same way.
 */
export async function provisionCommand(env: Readonly<Record<string, string | undefined>>, io: Io, options: { site: string | undefined; dryRun: boolean; json: boolean }): Promise<number> {
  const config = loadConfig({ ...env, STORE: 'sharepoint', SHAREPOINT_SITE: options.site ?? env.SHAREPOINT_SITE });
  const http = await graphFor(config);
  const siteId = await resolveSiteId(http, config.SHAREPOINT_SITE ?? '');
  const report = await provision(http, siteId, { dryRun: options.dryRun });
  io.out(options.json ? JSON.stringify(report, null, 2) : formatReport(report, options.dryRun));
  return report.differences.length > 0 ? 1 : 0;
}

function formatReport(report: ProvisionReport, dryRun: boolean): string {
  const verb = dryRun ? 'would be' : 'was';
  const lines = [`Site ${report.siteId} — Followthrough schema v${String(report.schemaVersion)}${dryRun ? ' (dry run: nothing changed)' : ''}`];
  for (const list of report.lists) {
    const changes = list.columns.filter((c) => c.change !== 'unchanged');
    if (list.created) lines.push(`  ${list.name}: ${verb} created with ${String(list.columns.length)} columns`);
    else if (changes.length === 0) lines.push(`  ${list.name}: up to date`);
    else lines.push(`  ${list.name}: ${changes.map((c) => `${c.name} ${c.change}${c.detail ? ` (${c.detail})` : ''}`).join(', ')}`);
  }
  if (!report.changed && report.differences.length === 0) lines.push('Nothing to change.');
  for (const difference of report.differences) lines.push(`DIFFERS (not changed): ${difference}`);
  return lines.join('\n');
}
