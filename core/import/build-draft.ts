import { parseFuzzyDate } from '../dates/parse-fuzzy-date.js';
import type { ActionDraft, ActionStatus, FuzzyDate, ImportWarning, RagKeyEntry, RecommendationDraft } from '../model/index.js';
import { normaliseStatus } from '../status/normalise-status.js';
import { oneLine } from './clean-text.js';
import type { RawAction, RawRecommendation } from './raw-plan.js';
import { splitActionCell } from './split-actions.js';
import { splitLeads } from './split-leads.js';

/** Reads the gathered texts of each row: dates, statuses, lead roles, several actions in one cell. */
export function buildRecommendations(
  raw: readonly RawRecommendation[],
  ragKey: readonly RagKeyEntry[],
  warnings: ImportWarning[],
): RecommendationDraft[] {
  return raw.map((rec) => {
    const actions = rec.actions.flatMap((action) => buildActions(action, rec, ragKey, warnings));
    if (actions.length === 0) {
      warnings.push({ line: rec.line, code: 'no-actions', message: `Recommendation ${rec.number ?? '(unnumbered)'} has no actions.` });
    }
    return {
      number: rec.number,
      text: rec.values.recommendation ?? '',
      organisation: rec.values.organisation ?? null,
      finding: rec.values.finding ?? null,
      flags: rec.flags,
      line: rec.line,
      actions,
    };
  });
}

function buildActions(raw: RawAction, rec: RawRecommendation, ragKey: readonly RagKeyEntry[], warnings: ImportWarning[]): ActionDraft[] {
  const v = raw.values;
  // A plan with no action column states each recommendation as the action (seed 002: "The Trust will …").
  const cell = v.action ?? rec.values.recommendation ?? '';
  const parts = raw.flags.includes('unparsed') ? [{ ref: null, text: cell }] : splitActionCell(cell);
  const due = readDate(v.due, raw.line, 'due date', warnings);
  const completedCell = readDate(v.completed, raw.line, 'completion date', warnings);
  const status = normaliseStatus(v.status ? oneLine(v.status) : null, ragKey);
  const completed = completedCell ?? (due?.complete === true ? due : null) ?? (status.status === 'complete' ? status.date : null);
  const base: Omit<ActionDraft, 'ref' | 'text'> = {
    leads: v.lead ? splitLeads(v.lead) : [],
    leadText: v.lead ?? null,
    due,
    revisions: [],
    snoozedUntil: null,
    review: null,
    status: deriveStatus(status.status, due, completed),
    rag: status.rag,
    statusText: v.status ?? null,
    progress: v.progress ?? null,
    furtherAction: v.furtherAction ?? null,
    evidence: v.evidence ?? null,
    measurement: v.measurement ?? null,
    outcomes: v.outcomes ?? null,
    monitoring: v.monitoring ?? null,
    reportedTo: v.reportedTo ?? null,
    completed,
    other: raw.other,
    flags: parts.length > 1 ? [...raw.flags, 'split-from-cell'] : raw.flags,
    line: raw.line,
  };
  const ref = v.ref ? oneLine(v.ref) : null;
  return parts.map((part) => ({ ...base, ref: parts.length === 1 && ref !== null ? ref : part.ref, text: part.text }));
}

function readDate(text: string | undefined, line: number | null, what: string, warnings: ImportWarning[]): FuzzyDate | null {
  if (text === undefined) return null;
  const parsed = parseFuzzyDate(text);
  if (parsed?.problem !== undefined) {
    warnings.push({ line, code: 'date-problem', message: `The ${what} "${oneLine(text)}" was not read as a date: ${parsed.problem}`, excerpt: oneLine(text).slice(0, 120) });
  }
  return parsed;
}

/** When the status column says nothing, the dates may: a completion date means complete. */
function deriveStatus(stated: ActionStatus, due: FuzzyDate | null, completed: FuzzyDate | null): ActionStatus {
  if (stated !== 'unknown') return stated;
  if (completed && (completed.date !== null || completed.complete === true)) return 'complete';
  if (due?.complete === true) return 'complete';
  if (due?.ongoing === true) return 'in-progress';
  return 'unknown';
}
