import ExcelJS from 'exceljs';
import { type BoardPaperLayout, type BoardPaperSection, RAG_COLUMN } from '../../core/export/board-paper-layout.js';
import { columnWidth } from '../../core/export/column-widths.js';
import { spreadsheetLayout } from '../../core/export/neutralise-cell.js';
import { RAG_COLOURS } from '../../core/export/rag-colours.js';
import { sheetNames } from '../../core/export/sheet-names.js';
import type { Rag } from '../../core/model/index.js';

const SUMMARY_SHEET = 'Summary';
/** A4 in the sheet's page setup. ExcelJS types it as a const enum, which isolated modules cannot read. */
const A4 = { paperSize: 9 };

/**
 * A board paper as an XLSX workbook: a "Summary" sheet (title block and counts), then a sheet per
 * section named by its heading, its table at the top (a note, when there is one, in the row above).
 * Every value is a plain string or number, never a formula, and every text is neutralised against
 * formula injection here (spreadsheetLayout), as only a spreadsheet would evaluate it.
 */
export async function writeBoardPaperXlsx(layout: BoardPaperLayout): Promise<Buffer> {
  const paper = spreadsheetLayout(layout);
  const workbook = new ExcelJS.Workbook();
  writeSummary(workbook.addWorksheet(SUMMARY_SHEET), paper);
  const names = sheetNames(paper.sections.map((s) => s.heading), [SUMMARY_SHEET]);
  paper.sections.forEach((section, i) => {
    writeSection(workbook, names[i] ?? section.heading, section);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeSummary(sheet: ExcelJS.Worksheet, paper: BoardPaperLayout): void {
  sheet.columns = [{ width: 24 }, { width: 60 }];
  sheet.addRow([paper.title]).font = { bold: true, size: 14 };
  for (const detail of paper.details) sheet.addRow([detail.label, detail.value]);
  sheet.addRow([]);
  sheet.addRow(['Summary', 'Count']).font = { bold: true };
  for (const line of paper.summary) {
    const row = sheet.addRow([line.label, line.count]);
    if (line.rag) colour(row.getCell(1), line.rag);
  }
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  printLandscape(sheet);
}

function writeSection(workbook: ExcelJS.Workbook, name: string, section: BoardPaperSection): void {
  const captioned = section.note !== undefined && section.note !== '';
  const headerRow = captioned ? 2 : 1;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow }] });
  sheet.columns = section.columns.map((heading) => ({ width: columnWidth(heading) }));
  if (captioned) sheet.addRow([section.note]).font = { italic: true };
  sheet.addRow([...section.columns]).font = { bold: true };
  const ragColumn = section.columns.indexOf(RAG_COLUMN) + 1;
  for (const row of section.rows) {
    const added = sheet.addRow(row.cells);
    if (row.rag && ragColumn > 0) colour(added.getCell(ragColumn), row.rag);
  }
  // Board papers are read on paper and on screen: wrap long text, align rows to the top.
  sheet.eachRow((row, number) => {
    if (number >= headerRow) row.alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: section.columns.length } };
  printLandscape(sheet, headerRow);
}

/** Printed as the seeds are: A4 landscape, the width of one page, the header row on every page. */
function printLandscape(sheet: ExcelJS.Worksheet, headerRow?: number): void {
  sheet.pageSetup = {
    orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    ...(headerRow === undefined ? {} : { printTitlesRow: `${String(headerRow)}:${String(headerRow)}` }),
  };
  Object.assign(sheet.pageSetup, A4);
}

function colour(cell: ExcelJS.Cell, rag: Rag): void {
  const { fill, text } = RAG_COLOURS[rag];
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
  cell.font = { bold: true, color: { argb: `FF${text}` } };
}
