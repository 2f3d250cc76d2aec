/**
 * How wide each column is, in characters of an XLSX sheet; DOCX and HTML use the same numbers as
 * proportions of the page, so the three papers look alike. Long prose is wide, labels are narrow.
 * The narrow ones are as wide as their longest word ("Amber", "progress") at 9 pt on A4
 * landscape, so no word is broken. A heading not listed here (a meeting paper's own) gets the default.
 */
const WIDTHS: Readonly<Record<string, number>> = {
  Ref: 10, Recommendation: 42, Action: 42, Lead: 22, 'Due date': 22, Progress: 42,
  Status: 16, RAG: 15, Evidence: 30, 'How measured': 28, 'Reported to': 22,
};

const DEFAULT_WIDTH = 20;

export function columnWidth(heading: string): number {
  return WIDTHS[heading] ?? DEFAULT_WIDTH;
}

/** Each column's share of the page, summing to 1. */
export function columnShares(columns: readonly string[]): number[] {
  const widths = columns.map(columnWidth);
  const total = widths.reduce((sum, width) => sum + width, 0);
  return widths.map((width) => width / total);
}
