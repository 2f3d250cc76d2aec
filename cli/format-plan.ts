import type { PlanDraft, PlanSummary, PlanTree } from '../core/model/index.js';
import type { PlanSummaryReport } from '../core/plan/summarise-plan.js';

export function formatPlanList(plans: readonly PlanSummary[]): string {
  if (plans.length === 0) return 'No plans yet. Import one with `followthrough import <file>`.';
  const rows = plans.map((p) => [p.id.slice(0, 8), p.status, `${p.recommendations}/${p.actions}`, p.references.join('; ') || '–', p.title]);
  return table([['ID', 'STATUS', 'RECS/ACTIONS', 'REFERENCES', 'TITLE'], ...rows]);
}

export function formatDraftSummary(draft: PlanDraft): string {
  const actions = draft.recommendations.reduce((n, r) => n + r.actions.length, 0);
  const lines = [
    draft.plan.title,
    `References: ${draft.plan.references.join('; ') || 'none found'}`,
    `${draft.recommendations.length} recommendations, ${actions} actions, ${draft.warnings.length} warnings`,
  ];
  for (const rec of draft.recommendations) {
    lines.push(`  ${rec.number ?? '–'}. ${clip(rec.text, 70)}`);
    for (const a of rec.actions) lines.push(`     ${a.ref ?? '·'} ${clip(a.text, 60)}  [${a.leads.join('; ') || 'no lead'} | ${a.due?.text ? clip(a.due.text, 20) : 'no date'} | ${a.status}]`);
  }
  return lines.join('\n');
}

export function formatWarnings(draft: PlanDraft): string {
  return draft.warnings.map((w) => `warning${w.line === null ? '' : ` (line ${w.line})`}: ${w.message}`).join('\n');
}

export function formatPlanReport(tree: PlanTree, report: PlanSummaryReport, today: string): string {
  const { plan } = tree;
  const lines = [
    plan.title,
    `id ${plan.id} · ${plan.status} · references: ${plan.references.join('; ') || 'none'}`,
    `${tree.recommendations.length} recommendations, ${report.actions} actions (as of ${today})`,
    `Status: ${counts(report.byStatus)}`,
    `RAG:    ${counts(report.byRag)}`,
    '',
    `Overdue (${report.overdue.length}):`,
    ...report.overdue.map((i) => `  ${i.label}  ${-i.days} day(s) overdue (due ${i.dueText})  ${clip(i.text, 60)}  — ${i.leads.join('; ') || 'no lead'}`),
    `Due within 14 days (${report.dueSoon.length}):`,
    ...report.dueSoon.map((i) => `  ${i.label}  ${i.days === 0 ? 'due today' : `in ${i.days} day(s)`} (${i.dueText})  ${clip(i.text, 60)}  — ${i.leads.join('; ') || 'no lead'}`),
  ];
  if (report.undated > 0) lines.push(`Open actions with no usable due date: ${report.undated}`);
  return lines.join('\n');
}

function counts(record: Partial<Record<string, number>>): string {
  const entries = Object.entries(record);
  return entries.length === 0 ? 'none' : entries.map(([k, n]) => `${k} ${n ?? 0}`).join(', ');
}

function clip(text: string, width: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= width ? one : `${one.slice(0, width - 1)}…`;
}

function table(rows: readonly string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.min(60, Math.max(...rows.map((r) => (r[i] ?? '').length)))) ?? [];
  return rows.map((r) => r.map((cell, i) => clip(cell, widths[i] ?? 10).padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}
