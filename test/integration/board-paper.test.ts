import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BOARD_PAPER_COLUMNS, boardPaperRows } from '../../core/export/board-paper.js';
import { writeBoardPaperXlsx } from '../../edge/files/write-board-paper-xlsx.js';
import { cliHarness } from '../support/cli-harness.js';
import { seedFiles } from '../support/seeds.js';
import { dueOn, TODAY, tree } from '../support/view-fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'test/fixtures/plans/row-per-line.txt');

const { state, run } = cliHarness('followthrough-board-paper-');

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The table's rows below the header, each as { heading: text }. */
function tableRows(workbook: ExcelJS.Workbook): Record<string, unknown>[] {
  const table = sheet(workbook, 'Action plan');
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= table.rowCount; r++) {
    const row = table.getRow(r);
    rows.push(Object.fromEntries(BOARD_PAPER_COLUMNS.map((heading, i) => [heading, row.getCell(i + 1).value])));
  }
  return rows;
}

/** The Summary sheet's label → value pairs. */
function summaryOf(workbook: ExcelJS.Workbook): Map<string, unknown> {
  const summary = new Map<string, unknown>();
  sheet(workbook, 'Summary').eachRow((row) => summary.set(row.getCell(1).text, row.getCell(2).value));
  return summary;
}

describe('followthrough export --xlsx', () => {
  it('writes the board paper: title, summary counts, one row per action in plan order, RAG colours', async () => {
    await run('import', FIXTURE);
    const file = join(state.dir, 'board.xlsx');
    const result = await run('export', 'review of care', '--xlsx', file);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(`(3 actions) written to ${file}`);

    const workbook = await readWorkbook(readFileSync(file));
    expect(sheet(workbook, 'Summary').getCell('A1').value).toBe('Action plan following the independent review of care provided to Mr A');
    const summary = summaryOf(workbook);
    expect(summary.get('References')).toBe('StEIS ref 2024 55501');
    expect(summary.get('As of')).toBe('20 Jun 2025');
    expect([summary.get('Actions'), summary.get('RAG: Amber'), summary.get('RAG: Red'), summary.get('Status: In progress')]).toEqual([3, 1, 1, 1]);

    expect(tableRows(workbook).map((row) => [row.Ref, row.Lead, row.Status])).toEqual([
      ['1', 'Head of Clinical Systems', 'In progress'],
      ['2', 'Caldicott Guardian', 'Not started'],
      ['3', 'Associate Director of Quality', 'Not known'],
    ]);
    const table = sheet(workbook, 'Action plan');
    expect(table.getRow(1).getCell(1).font.bold).toBe(true);
    expect(table.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rag = BOARD_PAPER_COLUMNS.indexOf('RAG') + 1;
    expect(table.getRow(2).getCell(rag).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFC000' } });
    expect(table.getRow(3).getCell(rag).fill).toMatchObject({ fgColor: { argb: 'FFC00000' } });
  });

  it('refuses neither or both of --json and --xlsx', async () => {
    await run('import', FIXTURE);
    expect((await run('export', 'review of care')).code).toBe(2);
    expect((await run('export', 'review of care', '--json', '--xlsx', join(state.dir, 'x.xlsx'))).code).toBe(2);
    const unwritable = await run('export', 'review of care', '--xlsx', join(state.dir, 'no-such-folder', 'x.xlsx'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toMatch(/^followthrough: Could not write .*no-such-folder/);
  });
});

describe('board paper XLSX and formula injection', () => {
  const HOSTILE = ['=HYPERLINK("http://evil.example","Click")', '+1', '-2', '@SUM(A1)'];

  it.each(HOSTILE)('an action reading %j comes back as text behind a quote, never a formula', async (text) => {
    const plan = tree([{ number: '1', actions: [{ id: 'a1', ref: 'a', text, ...dueOn('2025-09-30'), leadText: text }] }], { title: text });
    const workbook = await readWorkbook(await writeBoardPaperXlsx(boardPaperRows(plan, [], TODAY)));
    const row = sheet(workbook, 'Action plan').getRow(2);
    for (const heading of ['Action', 'Lead'] as const) {
      const cell = row.getCell(BOARD_PAPER_COLUMNS.indexOf(heading) + 1);
      expect(cell.value).toBe(`'${text}`);
      expect(cell.formula).toBeUndefined();
    }
    expect(sheet(workbook, 'Summary').getCell('A1').value).toBe(`'${text}`);
  });
});

describe('the five seeds as board papers', () => {
  it.each(seedFiles().map((s) => [s.id, s] as const))('seed %s imports and exports with one table row per action', async (_id, seed) => {
    const id = (await run('import', seed.path)).out.trim();
    const file = join(state.dir, 'seed.xlsx');
    const shown = JSON.parse((await run('show', id, '--json')).out) as { actions: number };
    const result = await run('export', id, '--xlsx', file);
    expect(result).toMatchObject({ code: 0, err: '' });
    const workbook = await readWorkbook(readFileSync(file));
    expect(tableRows(workbook)).toHaveLength(shown.actions);
    expect(summaryOf(workbook).get('Actions')).toBe(shown.actions);
  });
});
