import ExcelJS from 'exceljs';
import type { BoardPaperColumn, BoardPaperLayout } from '../../core/export/board-paper.js';
import type { Rag } from '../../core/model/index.js';

/** The usual RAG shades, each with a text colour that stays readable on it. */
export const RAG_FILLS: Record<Rag, { fill: string; font: string }> = {
  red: { fill: 'FFC00000', font: 'FFFFFFFF' },
  amber: { fill: 'FFFFC000', font: 'FF000000' },
  green: { fill: 'FF00B050', font: 'FFFFFFFF' },
  blue: { fill: 'FF0070C0', font: 'FFFFFFFF' },
};

/** Widths (in characters) that suit each column's usual content: long prose wide, labels narrow. */
const WIDTHS: Record<BoardPaperColumn, number> = {
  Ref: 8, Recommendation: 45, Action: 45, Lead: 22, 'Due date': 22, Progress: 45,
  Status: 14, RAG: 9, Evidence: 30, 'How measured': 30, 'Reported to': 22,
};

/**
 * A board paper as an XLSX workbook: a "Summary" sheet (title block and counts) and an
 * "Action plan" sheet (the table). Every value is written as a plain string or number, never
 * a formula; the layout's text is already neutralised against formula injection.
 */
export async function writeBoardPaperXlsx(layout: BoardPaperLayout): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  writeSummary(workbook.addWorksheet('Summary'), layout);
  writeTable(workbook.addWorksheet('Action plan', { views: [{ state: 'frozen', ySplit: 1 }] }), layout);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeSummary(sheet: ExcelJS.Worksheet, layout: BoardPaperLayout): void {
  sheet.columns = [{ width: 24 }, { width: 60 }];
  sheet.addRow([layout.title]).font = { bold: true, size: 14 };
  for (const detail of layout.details) sheet.addRow([detail.label, detail.value]);
  sheet.addRow([]);
  sheet.addRow(['Summary', 'Count']).font = { bold: true };
  for (const line of layout.summary) sheet.addRow([line.label, line.count]);
}

function writeTable(sheet: ExcelJS.Worksheet, layout: BoardPaperLayout): void {
  sheet.columns = layout.columns.map((heading) => ({ header: heading, width: WIDTHS[heading] }));
  sheet.getRow(1).font = { bold: true };
  const ragColumn = layout.columns.indexOf('RAG') + 1;
  for (const row of layout.rows) {
    const added = sheet.addRow(row.cells);
    if (row.rag && ragColumn > 0) colour(added.getCell(ragColumn), row.rag);
  }
  // Board papers are read on paper and on screen: wrap long text, align rows to the top.
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: layout.columns.length } };
}

function colour(cell: ExcelJS.Cell, rag: Rag): void {
  const { fill, font } = RAG_FILLS[rag];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  cell.font = { bold: true, color: { argb: font } };
}
