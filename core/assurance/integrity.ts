import type { PlanTree, Role, Update } from '../model/index.js';
import { roleKey } from '../model/index.js';
import { actionLabel } from '../plan/summarise-plan.js';
import { actionFindings } from './action-rules.js';
import type { FindingDraft } from './finding-draft.js';
import type { IntegrityFinding, IntegrityReport } from './integrity-report.js';
import { referenceFindings, type SimilarPlan, similarFindings } from './plan-rules.js';

export interface IntegrityInput {
  tree: PlanTree;
  /** The plan's updates (any order). */
  updates: readonly Update[];
  roles: readonly Role[];
  /** Other plans the store finds by content key or reference; the plan itself is ignored if present. */
  similar: readonly SimilarPlan[];
  /** The trust's today, YYYY-MM-DD. */
  today: string;
  /** The calendar updates are dated in; the trust's (default Europe/London). */
  timeZone?: string;
}

/**
 * The plan's integrity checks (issue 6): what seed 003 shows going wrong — the wrong plan on a
 * case, recommendations with no actions, work nobody leads, "complete" with nothing to show.
 * Plan-level findings first, then each recommendation's and its actions', in plan order.
 */
export function checkPlan(input: IntegrityInput): IntegrityReport {
  const { tree, today } = input;
  const roles = new Map(input.roles.map((role) => [role.key || roleKey(role.name), role]));
  const byAction = groupByAction(input.updates);
  const findings: IntegrityFinding[] = [...referenceFindings(tree.plan), ...similarFindings(tree.plan, input.similar)].map((found) => place(found, 'This plan ', null, {}));
  for (const rec of tree.recommendations) {
    const recLabel = rec.number === null ? 'Recommendation (unnumbered)' : `Recommendation ${rec.number}`;
    if (rec.actions.length === 0) {
      findings.push(place({ code: 'recommendation-without-actions', severity: 'error', text: 'no action answers it.' }, `${recLabel}: `, recLabel, { recommendationId: rec.id }));
    }
    for (const action of rec.actions) {
      const label = actionLabel(rec, action);
      const context = { roles, updates: byAction.get(action.id) ?? [], today, timeZone: input.timeZone ?? 'Europe/London' };
      for (const found of actionFindings(action, context)) findings.push(place(found, `Action ${label}: `, label, { recommendationId: rec.id, actionId: action.id }));
    }
  }
  return { planId: tree.plan.id, checkedOn: today, findings, counts: countBySeverity(findings) };
}

/** `lead` starts the sentence: "This plan " or "Action 2 b: ". */
function place(found: FindingDraft, lead: string, label: string | null, ids: { recommendationId?: string; actionId?: string }): IntegrityFinding {
  return {
    code: found.code,
    severity: found.severity,
    message: `${lead}${found.text}`,
    label,
    recommendationId: ids.recommendationId ?? null,
    actionId: ids.actionId ?? null,
  };
}

function groupByAction(updates: readonly Update[]): Map<string, Update[]> {
  const byAction = new Map<string, Update[]>();
  for (const update of updates) {
    const list = byAction.get(update.actionId);
    if (list) list.push(update);
    else byAction.set(update.actionId, [update]);
  }
  return byAction;
}

function countBySeverity(findings: readonly IntegrityFinding[]): IntegrityReport['counts'] {
  const errors = findings.filter((found) => found.severity === 'error').length;
  return { errors, warnings: findings.length - errors };
}
