import { type BoardPaperLayout, mapLayoutText } from './board-paper-layout.js';
import { printableLayout } from './paper-text.js';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
 * return, let a pasted value smuggle one into the next cell), per OWASP's CSV-injection guidance.
 * Line feed too: printable text turns a carriage return into one.
 */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n'];

/**
 * A cell value safe to hand to a spreadsheet. A plan's text comes from many hands (imports,
 * cards, the tab), so "=HYPERLINK(...)" in an action must reach the board as words, not run.
 * A leading single quote is the spreadsheet apps' own "this is text" marker: Excel, LibreOffice
 * and Google Sheets then show the value and never evaluate it.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_TRIGGERS.some((trigger) => text.startsWith(trigger)) ? `'${text}` : text;
}

/**
 * The layout as a spreadsheet writer must write it: printable, and every text neutralised. The
 * layout itself stays raw because only spreadsheets evaluate text; a document shows the plan's
 * own words (see board-paper-layout.ts). Any spreadsheet writer (XLSX now, CSV if it comes)
 * starts here, so none can forget a cell.
 */
export function spreadsheetLayout(layout: BoardPaperLayout): BoardPaperLayout {
  return mapLayoutText(printableLayout(layout), neutraliseCell);
}
