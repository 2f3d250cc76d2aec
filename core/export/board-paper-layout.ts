import type { Rag } from '../model/index.js';
import { ragLabel } from './rag-colours.js';

export interface LabelledText { label: string; value: string }

/** A line of the summary; a RAG line carries its RAG so a writer can shade it like the table's cells. */
export interface SummaryCount { label: string; count: number; rag?: Rag }

/** One row: its cells in column order, and its RAG so a writer can colour the RAG cell. */
export interface BoardPaperRow { cells: string[]; rag: Rag | null }

/** One table of the paper: a plan's actions, or one part of a meeting ("Overdue", "Decisions", …). */
export interface BoardPaperSection {
  heading: string;
  /** A line read before the table ("Since the meeting of 12 May 2025"). */
  note?: string;
  columns: readonly string[];
  rows: BoardPaperRow[];
}

/**
 * A board paper as data: what every writer (XLSX, DOCX, HTML) lays out, so the three say the same.
 * The text is the plan's own, raw: making it safe is each medium's job (formula neutralising for
 * spreadsheets, XML and HTML escaping for documents), done by the writer, in one place each.
 */
export interface BoardPaperLayout {
  title: string;
  details: LabelledText[];
  summary: SummaryCount[];
  sections: BoardPaperSection[];
}

/** The column a row's RAG colours, by its heading. */
export const RAG_COLUMN = 'RAG';

/**
 * The text of a section's cell. A RAG cell left empty by whoever built the layout still says its
 * RAG in words, so a coloured cell is never colour alone.
 */
export function cellText(section: BoardPaperSection, row: BoardPaperRow, index: number): string {
  const text = row.cells[index] ?? '';
  if (text === '' && row.rag !== null && section.columns[index] === RAG_COLUMN) return ragLabel(row.rag);
  return text;
}

/** The same layout with `change` applied to every text in it: headings, labels, notes and cells. */
export function mapLayoutText(layout: BoardPaperLayout, change: (text: string) => string): BoardPaperLayout {
  return {
    title: change(layout.title),
    details: layout.details.map((d) => ({ label: change(d.label), value: change(d.value) })),
    summary: layout.summary.map((line) => ({ ...line, label: change(line.label) })),
    sections: layout.sections.map((section) => ({
      heading: change(section.heading),
      ...(section.note === undefined ? {} : { note: change(section.note) }),
      columns: section.columns.map(change),
      rows: section.rows.map((row) => ({ cells: section.columns.map((_c, i) => change(cellText(section, row, i))), rag: row.rag })),
    })),
  };
}

/** How many rows the paper's tables hold together. */
export function rowCount(layout: BoardPaperLayout): number {
  return layout.sections.reduce((n, section) => n + section.rows.length, 0);
}
