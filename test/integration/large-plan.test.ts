import { beforeAll, describe, expect, it } from 'vitest';
import { generatePlanXlsx, type GeneratedAction, type GeneratedPlan } from '../../bench/lib/generate-plan-xlsx.js';
import { importPlanDocument } from '../../core/import/import-plan.js';
import type { PlanDraft } from '../../core/model/index.js';
import { readXlsx } from '../../edge/files/xlsx-reader.js';

/**
 * The benchmark's 5,000-action workbook (bench/lib/generate-plan-xlsx.ts) must import correctly,
 * or the benchmark measures a broken import. Correctness only: the timing lives in `npm run bench`.
 */

let plan: GeneratedPlan;
let draft: PlanDraft;

beforeAll(async () => {
  const generated = await generatePlanXlsx({ recommendations: 1_000, actionsPerRecommendation: 5 });
  plan = generated.plan;
  draft = importPlanDocument(await readXlsx(generated.bytes, 'large-plan.xlsx'));
}, 60_000);

/** The due cell as the reader shows it: a real date cell reads as dd/mm/yyyy. */
function dueText(due: GeneratedAction['due']): string {
  if (typeof due === 'string') return due;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(due.getUTCDate())}/${pad(due.getUTCMonth() + 1)}/${String(due.getUTCFullYear())}`;
}

function allActions(d: PlanDraft) {
  return d.recommendations.flatMap((recommendation) => recommendation.actions.map((action) => ({ number: recommendation.number, action })));
}

describe('a generated 5,000-action workbook', () => {
  it('imports as 1,000 recommendations and 5,000 actions, without warnings', () => {
    expect(draft.recommendations).toHaveLength(1_000);
    expect(allActions(draft)).toHaveLength(5_000);
    expect(draft.warnings).toEqual([]);
  });

  it('recognises every heading', () => {
    expect(draft.plan.columns.map((column) => column.field)).toEqual(['number', 'recommendation', 'action', 'lead', 'due', 'progress', 'status', 'evidence']);
  });

  it('splits every lead cell into its roles', () => {
    const expected = plan.recommendations.flatMap((recommendation) => recommendation.actions.map((action) => action.roles));
    const found = allActions(draft).map(({ action }) => action.leads);
    expect(found).toEqual(expected);
    expect(found.filter((roles) => roles.length > 1).length).toBeGreaterThan(2_000);
  });

  it('reads every due date as a date or a recognised precision', () => {
    const unread = allActions(draft)
      .filter(({ action }) => action.due === null || (action.due.date === null && action.due.precision === 'none'))
      .map(({ number, action }) => `${number ?? '?'} ${action.ref ?? ''}: ${action.due?.text ?? '(none)'}`);
    expect(unread).toEqual([]);
    const written = plan.recommendations.flatMap((recommendation) => recommendation.actions.map((action) => dueText(action.due)));
    expect(allActions(draft).map(({ action }) => action.due?.text)).toEqual(written);
    const precisions = new Set(allActions(draft).map(({ action }) => action.due?.precision));
    expect([...precisions].sort()).toEqual(['day', 'month', 'ongoing', 'part-year', 'quarter']);
  });

  it('reads every status', () => {
    expect(allActions(draft).filter(({ action }) => action.status === 'unknown')).toEqual([]);
  });

  it('attaches the rows with an empty recommendation cell to the recommendation above', () => {
    // Recommendation 500's first action is on sheet row 3 + 499 × 5 + 1: title, note and header come first.
    const written = plan.recommendations[499];
    const imported = draft.recommendations[499];
    expect(imported?.number).toBe('500');
    expect(imported?.text).toBe(written?.text);
    expect(imported?.line).toBe(2_499);
    expect(imported?.actions.map((action) => ({ ref: action.ref, text: action.text, line: action.line }))).toEqual(
      written?.actions.map((action, i) => ({ ref: action.ref, text: action.text, line: 2_499 + i })),
    );
    expect(draft.recommendations[500]?.actions[0]?.line).toBe(2_504);
  });

  it('keeps every recommendation with its own five actions, in order', () => {
    const imported = draft.recommendations.map((r) => ({ number: r.number, actions: r.actions.map((a) => `${a.ref ?? ''}) ${a.text}`) }));
    const written = plan.recommendations.map((r) => ({ number: String(r.number), actions: r.actions.map((a) => `${a.ref}) ${a.text}`) }));
    expect(imported).toEqual(written);
  });
});
