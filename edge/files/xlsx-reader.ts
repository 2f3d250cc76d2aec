import ExcelJS from 'exceljs';
import type { SourceBlock, SourceDocument } from '../../core/import/source.js';
import { damaged } from './office-package.js';
import { cellText } from './xlsx-cell-text.js';

/**
 * A workbook as the blocks the core reads: every visible sheet's non-empty rows, each cell
 * as the text Excel shows. Hidden sheets are left out: trusts hide lookup lists and old
 * versions there, not the plan.
 */
export async function readXlsx(bytes: Uint8Array, name: string): Promise<SourceDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    // A fresh copy: ExcelJS types its input as an ArrayBuffer.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    throw damaged(name, error);
  }
  const sheets = workbook.worksheets
    .filter((sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden')
    .map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet) }))
    .filter((sheet) => sheet.rows.length > 0);
  const blocks: SourceBlock[] = [];
  for (const sheet of sheets) {
    // Only a workbook with several sheets needs to say where each begins. The heading
    // takes line 1: it stands for the sheet as a whole.
    if (sheets.length > 1) blocks.push({ kind: 'paragraph', line: 1, text: `Sheet: ${sheet.name}` });
    for (const row of sheet.rows) blocks.push(row);
  }
  return { name, blocks };
}

/** The sheet's rows with any text, all as wide as its rightmost column with text. */
function sheetRows(sheet: ExcelJS.Worksheet): SourceBlock[] {
  const rows: { line: number; cells: Map<number, string> }[] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, string>();
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      // A merged range shows its value once, in its top-left cell; ExcelJS repeats it.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = cellText(cell.value, cell.numFmt).trim();
      if (text === '') return;
      cells.set(column, text);
      width = Math.max(width, column);
    });
    if (cells.size > 0) rows.push({ line: rowNumber, cells });
  });
  return rows.map(({ line, cells }) => ({
    kind: 'row',
    line,
    cells: Array.from({ length: width }, (_, index) => cells.get(index + 1) ?? ''),
    fidelity: 'exact',
  }));
}
