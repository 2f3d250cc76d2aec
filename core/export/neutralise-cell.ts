/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
 * return, let a pasted value smuggle one into the next cell), per OWASP's CSV-injection guidance.
 */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * A cell value safe to hand to a spreadsheet. A plan's text comes from many hands (imports,
 * cards, the tab), so "=HYPERLINK(...)" in an action must reach the board as words, not run.
 * A leading single quote is the spreadsheet apps' own "this is text" marker: Excel, LibreOffice
 * and Google Sheets then show the value and never evaluate it.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_TRIGGERS.some((trigger) => text.startsWith(trigger)) ? `'${text}` : text;
}
