import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BOARD_PAPER_COLUMNS, boardPaperRows } from '../../core/export/board-paper.js';
import { writeBoardPaperXlsx } from '../../edge/files/write-board-paper-xlsx.js';
import { cliHarness } from '../support/cli-harness.js';
import { HOSTILE, hostilePaper } from '../support/paper-fixtures.js';
import { readWorkbook, sheet } from '../support/paper-readers.js';
import { dueOn, TODAY, tree } from '../support/view-fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'test/fixtures/plans/row-per-line.txt');

const { state, run } = cliHarness('followthrough-board-paper-');

/** A section sheet's rows as cell values, from its header row (the first, or the second under a note). */
function values(table: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  table.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The plan table's rows below the header, each as { heading: value }. */
function tableRows(workbook: ExcelJS.Workbook): Record<string, unknown>[] {
  return values(sheet(workbook, 'Actions')).slice(1).map((row) => Object.fromEntries(BOARD_PAPER_COLUMNS.map((heading, i) => [heading, row[i]])));
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
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Actions']);
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
    const table = sheet(workbook, 'Actions');
    expect(values(table)[0]).toEqual([...BOARD_PAPER_COLUMNS]);
    expect(table.getRow(1).getCell(1).font.bold).toBe(true);
    expect(table.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(table.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1 });
    const rag = BOARD_PAPER_COLUMNS.indexOf('RAG') + 1;
    expect(table.getRow(2).getCell(rag).fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFC000' } });
    expect(table.getRow(3).getCell(rag).fill).toMatchObject({ fgColor: { argb: 'FFC00000' } });
  });

  it('refuses neither, or more than one, of --json, --xlsx, --docx and --html', async () => {
    await run('import', FIXTURE);
    const file = join(state.dir, 'x.xlsx');
    for (const args of [[], ['--json', '--xlsx', file], ['--xlsx', file, '--docx', join(state.dir, 'x.docx')], ['--html', file, '--json']]) {
      const result = await run('export', 'review of care', ...args);
      expect(result.code).toBe(2);
      expect(result.err).toContain('Give one of --json | --xlsx <file> | --docx <file> | --html <file>.');
    }
    expect(readdirSync(state.dir)).toEqual(['store.db']);
  });

  it.each(['xlsx', 'docx', 'html'])('--%s to a path it cannot write names the path and leaves nothing behind', async (kind) => {
    await run('import', FIXTURE);
    const missing = await run('export', 'review of care', `--${kind}`, join(state.dir, 'no-such-folder', `x.${kind}`));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^followthrough: Could not write .*no-such-folder\/x\.\w+: its folder does not exist\n$/);

    const folder = join(state.dir, 'a-folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'keep.txt'), 'kept');
    const onFolder = await run('export', 'review of care', `--${kind}`, folder);
    expect(onFolder.code).toBe(1);
    expect(onFolder.err).toContain(`Could not write ${folder}: it is a folder`);
    expect(readdirSync(state.dir).sort()).toEqual(['a-folder', 'store.db']);
    expect(readdirSync(folder)).toEqual(['keep.txt']);
  });

  it('replaces an existing file whole', async () => {
    await run('import', FIXTURE);
    const file = join(state.dir, 'board.html');
    writeFileSync(file, 'an older paper that was much longer than nothing at all '.repeat(1000));
    expect((await run('export', 'review of care', '--html', file)).code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(readdirSync(state.dir).sort()).toEqual(['board.html', 'store.db']);
  });
});

describe('board paper XLSX and formula injection', () => {
  const TEXTS = [HOSTILE.formula, HOSTILE.plus, '-2', HOSTILE.at];

  it.each(TEXTS)('an action reading %j comes back as text behind a quote, never a formula', async (text) => {
    const plan = tree([{ number: '1', actions: [{ id: 'a1', ref: 'a', text, ...dueOn('2025-09-30'), leadText: text }] }], { title: text });
    const workbook = await readWorkbook(await writeBoardPaperXlsx(boardPaperRows(plan, [], TODAY)));
    const row = sheet(workbook, 'Actions').getRow(2);
    for (const heading of ['Action', 'Lead'] as const) {
      const cell = row.getCell(BOARD_PAPER_COLUMNS.indexOf(heading) + 1);
      expect(cell.value).toBe(`'${text}`);
      expect(cell.formula).toBeUndefined();
    }
    expect(sheet(workbook, 'Summary').getCell('A1').value).toBe(`'${text}`);
  });
});

describe('a board paper of several sections as XLSX', () => {
  it('gives each section its own sheet, a note above its table, every text neutralised and RAG shaded', async () => {
    const workbook = await readWorkbook(await writeBoardPaperXlsx(hostilePaper()));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Overdue', 'Decisions', 'Escalated']);

    const overdue = sheet(workbook, 'Overdue');
    expect(values(overdue)).toEqual([
      [`Since the meeting of 12 May 2025 ${HOSTILE.markup}`],
      ['Ref', 'Action', 'Lead', 'RAG'],
      ['1 a', `'${HOSTILE.formula}`, `'${HOSTILE.plus}`, 'Red'],
      ['1 b', `'${HOSTILE.minus}\nsecond line`, HOSTILE.markup, 'Amber'],
    ]);
    expect(overdue.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(overdue.pageSetup.printTitlesRow).toBe('2:2');
    expect(overdue.getRow(3).getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFC00000' } });
    expect(overdue.getRow(4).getCell(4).font).toMatchObject({ bold: true, color: { argb: 'FF000000' } });

    expect(values(sheet(workbook, 'Decisions'))).toEqual([['Decision', 'By'], [`'${HOSTILE.at}`, 'Chair of the committee']]);
    expect(values(sheet(workbook, 'Escalated'))).toEqual([['Ref', 'Action']]);

    const summary = summaryOf(workbook);
    expect(summary.get('References')).toBe(`'${HOSTILE.formula}`);
    expect(summary.get(`'${HOSTILE.at}`)).toBe(0);
    const red = [...Array(sheet(workbook, 'Summary').rowCount).keys()].map((i) => sheet(workbook, 'Summary').getRow(i + 1)).find((r) => r.getCell(1).value === 'RAG: Red');
    expect(red?.getCell(1).fill).toMatchObject({ fgColor: { argb: 'FFC00000' } });
  });
});
