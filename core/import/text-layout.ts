import { cleanCellText } from './clean-text.js';
import type { Field } from './fields.js';
import { recogniseHeaderRow, recogniseHeading } from './headings.js';
import type { SourceBlock, SourceDocument } from './source.js';

/**
 * Reads text pasted or extracted from a Word/PDF plan into paragraphs and rows. Two layouts
 * occur in the wild (docs/decisions/004-reading-extracted-text.md):
 *
 * - **row per line** (seeds 000–003): a header line with tab-separated headings, then one line
 *   per table row. Extraction drops or doubles empty cells and breaks rows across pages, so
 *   these rows are `loose` and the assembler aligns them by content.
 * - **cell per line** (seed 004): each cell starts on a new line with a tab, and its text runs
 *   on over the following lines. The header is a run of such lines, one heading each; the
 *   body is read as a stream of cells, N to a row.
 */
export function readTextLayout(text: string, name: string): SourceDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const rowHeader = findRowHeader(lines);
  const cellHeader = findCellHeader(lines);
  if (cellHeader && (!rowHeader || cellHeader.start < rowHeader)) {
    return { name, blocks: readCellPerLine(lines, cellHeader) };
  }
  return { name, blocks: readRowPerLine(lines, rowHeader) };
}

function findRowHeader(lines: readonly string[]): number | null {
  const index = lines.findIndex((line) => line.split('\t').length >= 3 && recogniseHeaderRow(splitRow(line)) !== null);
  return index === -1 ? null : index;
}

function splitRow(line: string): string[] {
  return line.split('\t').map((cell) => cleanCellText(cell));
}

function readRowPerLine(lines: readonly string[], headerIndex: number | null): SourceBlock[] {
  return lines.flatMap((line, index): SourceBlock[] => {
    if (line.trim() === '') return [];
    const number = index + 1;
    const inTable = headerIndex !== null && index >= headerIndex;
    if (inTable && line.includes('\t')) {
      return [{ kind: 'row', line: number, cells: line.split('\t'), fidelity: index === headerIndex ? 'exact' : 'loose' }];
    }
    return [{ kind: 'paragraph', line: number, text: line }];
  });
}

interface CellHeader {
  start: number;
  /** Index of the first line after the header. */
  end: number;
  headings: string[];
}

/** A run of tab-led lines holding one heading each, blank lines allowed between. */
function findCellHeader(lines: readonly string[]): CellHeader | null {
  for (let start = 0; start < lines.length; start++) {
    if (headingCell(lines[start] ?? '') === null) continue;
    const run = collectHeadingRun(lines, start);
    if (recogniseHeaderRow(run.headings) !== null) return run;
  }
  return null;
}

function collectHeadingRun(lines: readonly string[], start: number): CellHeader {
  const headings: string[] = [];
  const seen = new Set<Field>();
  let end = start;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const heading = headingCell(line);
    const field = heading === null ? null : recogniseHeading(heading);
    if (heading === null || field === null || seen.has(field)) break;
    seen.add(field);
    headings.push(heading);
    end = i + 1;
  }
  return { start, end, headings };
}

function headingCell(line: string): string | null {
  if (!line.startsWith('\t')) return null;
  const parts = line.split('\t').map((part) => part.trim()).filter((part) => part !== '');
  return parts.length === 1 && parts[0] !== undefined && recogniseHeading(parts[0]) !== null ? parts[0] : null;
}

interface StreamCell {
  line: number;
  text: string;
}

function readCellPerLine(lines: readonly string[], header: CellHeader): SourceBlock[] {
  const before: SourceBlock[] = lines
    .slice(0, header.start)
    .flatMap((line, index): SourceBlock[] => (line.trim() === '' ? [] : [{ kind: 'paragraph', line: index + 1, text: line }]));
  const headerRow: SourceBlock = { kind: 'row', line: header.start + 1, cells: header.headings, fidelity: 'exact' };
  const { cells, loose } = streamCells(lines, header.end);
  return [...before, headerRow, ...loose, ...rowsFromStream(cells, header.headings)];
}

/**
 * A cell starts at a tab at the start of a line; any other tab is just whitespace (seed 004
 * has a stray one at the end of a recommendation's first line). Text before the first cell
 * is returned as paragraphs.
 */
function streamCells(lines: readonly string[], from: number): { cells: StreamCell[]; loose: SourceBlock[] } {
  const cells: StreamCell[] = [];
  const loose: SourceBlock[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const current = cells.at(-1);
    if (line.startsWith('\t')) {
      cells.push({ line: i + 1, text: line.slice(1).replace(/\t/g, ' ') });
    } else if (current) {
      current.text += `\n${line.replace(/\t/g, ' ')}`;
    } else if (line.trim() !== '') {
      loose.push({ kind: 'paragraph', line: i + 1, text: line });
    }
  }
  return { cells, loose };
}

/** Groups the stream N cells to a row, passing over header repeats (one per page). */
function rowsFromStream(cells: readonly StreamCell[], headings: readonly string[]): SourceBlock[] {
  const width = headings.length;
  const rows: SourceBlock[] = [];
  let i = 0;
  while (i < cells.length) {
    if (isHeaderAt(cells, i, headings)) {
      rows.push({ kind: 'row', line: cells[i]?.line ?? 1, cells: [...headings], fidelity: 'exact' });
      i += width;
      continue;
    }
    const chunk = takeRow(cells, i, headings);
    rows.push({ kind: 'row', line: chunk[0]?.line ?? 1, cells: chunk.map((cell) => cell.text), fidelity: chunk.length === width ? 'exact' : 'loose' });
    i += chunk.length;
  }
  return rows;
}

/** Up to N cells, stopping early where a repeated header begins. */
function takeRow(cells: readonly StreamCell[], start: number, headings: readonly string[]): StreamCell[] {
  const chunk: StreamCell[] = [];
  for (let i = start; i < cells.length && chunk.length < headings.length; i++) {
    if (i > start && isHeaderAt(cells, i, headings)) break;
    const cell = cells[i];
    if (cell) chunk.push(cell);
  }
  return chunk;
}

function isHeaderAt(cells: readonly StreamCell[], index: number, headings: readonly string[]): boolean {
  return headings.every((heading, offset) => cleanCellText(cells[index + offset]?.text ?? '') === cleanCellText(heading));
}
