import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceBlock } from '../../core/import/source.js';
import { ImportFileError } from './import-file-error.js';
import { readXlsx } from './xlsx-reader.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'followthrough-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Saves the workbook to the temporary folder and reads the file back as an import does. */
async function roundTrip(workbook: ExcelJS.Workbook, fileName: string): Promise<SourceBlock[]> {
  const path = join(dir, fileName);
  await workbook.xlsx.writeFile(path);
  const document = await readXlsx(new Uint8Array(await readFile(path)), fileName);
  expect(document.name).toBe(fileName);
  return document.blocks;
}

const row = (line: number, cells: string[]): SourceBlock => ({ kind: 'row', line, cells, fidelity: 'exact' });

describe('readXlsx', () => {
  it('reads visible sheets in order with cells as Excel shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const plan = workbook.addWorksheet('Plan');
    plan.getCell('A1').value = 'Action plan: Ward 7';
    plan.mergeCells('A1:E1');
    plan.addRow([]);
    plan.getRow(2).values = ['No', 'Action', 'Lead', 'Due', 'Progress'];
    plan.getRow(3).values = [
      1,
      { richText: [{ text: 'Audit ' }, { text: 'care plans', font: { bold: true } }] },
      '  Matron\r\nWard manager  ',
      new Date(Date.UTC(2024, 2, 31)),
      0.76,
    ];
    plan.getCell('E3').numFmt = '0%';
    plan.getRow(4).values = [
      { formula: 'A3+1', result: 2 },
      { text: 'See policy', hyperlink: 'https://example.nhs.uk/policy' },
      true,
      { error: '#N/A' },
      { formula: 'E3/2', result: 0.38 },
    ];
    plan.getCell('E4').numFmt = '0.0%';
    // Row 5 stays empty; row 6 starts a vertical merge down to row 7.
    plan.getCell('A6').value = 3;
    plan.mergeCells('A6:A7');
    plan.getCell('B6').value = 'First part';
    plan.getCell('B7').value = 'Second part';
    plan.getCell('C7').value = 1234.5;
    plan.getCell('C7').numFmt = '#,##0.00';
    plan.getCell('D7').value = false;

    const lookups = workbook.addWorksheet('Lookups', { state: 'hidden' });
    lookups.addRow(['Red', 'Amber', 'Green']);
    const archive = workbook.addWorksheet('Archive', { state: 'veryHidden' });
    archive.addRow(['Old version']);
    workbook.addWorksheet('Blank');
    const notes = workbook.addWorksheet('Notes');
    notes.getCell('B2').value = 'Reviewed at QSC';

    expect(await roundTrip(workbook, 'plan.xlsx')).toEqual([
      { kind: 'paragraph', line: 1, text: 'Sheet: Plan' },
      row(1, ['Action plan: Ward 7', '', '', '', '']),
      row(2, ['No', 'Action', 'Lead', 'Due', 'Progress']),
      row(3, ['1', 'Audit care plans', 'Matron\nWard manager', '31/03/2024', '76%']),
      row(4, ['2', 'See policy', 'Yes', '#N/A', '38.0%']),
      row(6, ['3', 'First part', '', '', '']),
      row(7, ['', 'Second part', '1,234.50', 'No', '']),
      { kind: 'paragraph', line: 1, text: 'Sheet: Notes' },
      row(2, ['', 'Reviewed at QSC']),
    ]);
  });

  it('does not label the sheet when only one has content', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Plan').addRow(['Only', 'sheet']);
    workbook.addWorksheet('Hidden', { state: 'hidden' }).addRow(['x']);
    expect(await roundTrip(workbook, 'single.xlsx')).toEqual([row(1, ['Only', 'sheet'])]);
  });

  it('drops columns that only have formatting', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['a', 'b']);
    sheet.getCell('F1').value = '   ';
    sheet.getCell('G2').numFmt = '0%';
    expect(await roundTrip(workbook, 'formatted.xlsx')).toEqual([row(1, ['a', 'b'])]);
  });

  it('returns no blocks for an empty workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    expect(await roundTrip(workbook, 'empty.xlsx')).toEqual([]);
  });

  it('throws a corrupt ImportFileError for bytes that are not a workbook', async () => {
    const error = await readXlsx(new TextEncoder().encode('not a workbook'), 'broken.xlsx').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: 'corrupt' });
  });
});
