import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importPlanDocument, importPlanText } from '../../core/import/import-plan.js';
import type { ActionDraft, PlanDraft, RecommendationDraft } from '../../core/model/index.js';
import { readDocx } from '../../edge/files/docx-reader.js';
import { readXlsx } from '../../edge/files/xlsx-reader.js';
import { seedFiles } from '../support/seeds.js';

/**
 * Each real plan laid out the way a trust would keep it in Word or Excel — a header row with the
 * plan's own headings, then one row per action, the recommendation's cells filled on its first
 * action only — must import through the DOCX and XLSX readers into the same plan as its text.
 */
type Cell = (rec: RecommendationDraft, action: ActionDraft, first: boolean, draft: PlanDraft) => string;

const CELLS: Record<string, Cell> = {
  number: (rec, _a, first) => (first ? (rec.number ?? '') : ''),
  recommendation: (rec, _a, first, draft) =>
    !first ? '' : draft.plan.columns.some((c) => c.field === 'number') ? rec.text : `${rec.number ?? ''}. ${rec.text}`.trim(),
  organisation: (rec, _a, first) => (first ? (rec.organisation ?? '') : ''),
  finding: (rec, _a, first) => (first ? (rec.finding ?? '') : ''),
  action: (_r, a) => (a.ref === null ? a.text : `${/^[a-z]$/.test(a.ref) ? `${a.ref})` : a.ref} ${a.text}`),
  lead: (_r, a) => a.leadText ?? '',
  due: (_r, a) => a.due?.text ?? '',
  completed: (_r, a) => a.completed?.text ?? '',
  status: (_r, a) => a.statusText ?? '',
  progress: (_r, a) => a.progress ?? '',
  evidence: (_r, a) => a.evidence ?? '',
  furtherAction: (_r, a) => a.furtherAction ?? '',
  measurement: (_r, a) => a.measurement ?? '',
  outcomes: (_r, a) => a.outcomes ?? '',
  monitoring: (_r, a) => a.monitoring ?? '',
  reportedTo: (_r, a) => a.reportedTo ?? '',
};

function tableOf(draft: PlanDraft): string[][] {
  const header = draft.plan.columns.map((c) => c.heading);
  const rows = draft.recommendations.flatMap((rec) =>
    rec.actions.map((action, i) => draft.plan.columns.map((c) => CELLS[c.field ?? '']?.(rec, action, i === 0, draft) ?? '')),
  );
  return [header, ...rows];
}

function outline(draft: PlanDraft) {
  return draft.recommendations.map((rec) => ({
    number: rec.number,
    actions: rec.actions.map((a) => ({ ref: a.ref, text: a.text, leads: a.leads, due: a.due?.date ?? null, status: a.status })),
  }));
}

async function asDocx(rows: string[][]): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)) });
  const table = new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) });
  const doc = new Document({ sections: [{ children: [new Paragraph('Action plan'), table] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function asXlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action plan');
  sheet.addRow(['Action plan']);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const seeds = seedFiles().map((seed) => [seed.id, seed] as const);

describe('real plans kept as Word tables and workbooks', () => {
  it.each(seeds)('seed %s as a DOCX table imports into the same plan', async (_id, seed) => {
    const fromText = importPlanText(seed.text, seed.path);
    const fromDocx = importPlanDocument(await readDocx(await asDocx(tableOf(fromText)), 'plan.docx'));
    expect(outline(fromDocx)).toEqual(outline(fromText));
  });

  it.each(seeds)('seed %s as an XLSX sheet imports into the same plan', async (_id, seed) => {
    const fromText = importPlanText(seed.text, seed.path);
    const fromXlsx = importPlanDocument(await readXlsx(await asXlsx(tableOf(fromText)), 'plan.xlsx'));
    expect(outline(fromXlsx)).toEqual(outline(fromText));
  });
});
