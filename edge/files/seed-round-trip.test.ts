import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../core/import/delimited.js';
import type { SourceDocument } from '../../core/import/source.js';
import { readDocx } from './docx-reader.js';
import { readXlsx } from './xlsx-reader.js';
import { SEEDS_DIR, seedFiles } from '../../test/support/seeds.js';

/**
 * The shared seed plans, rebuilt as a Word table, a workbook and a CSV, must come back with
 * every piece of text where it was: long cells, curly quotes, "<p>" remnants and all.
 * The seeds sit beside the repository; test/integration/import-seeds.test.ts fails if they are missing.
 */
const seedDir = `${SEEDS_DIR}/`;
const seeds = seedFiles().map((seed) => basename(seed.path));

type Line = { kind: 'text'; text: string } | { kind: 'row'; cells: string[] };

/** Tab-separated lines are table rows, other lines paragraphs; blank ones carry nothing. */
async function seedLines(file: string): Promise<Line[]> {
  const text = await readFile(`${seedDir}${file}`, 'utf8');
  const lines: Line[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.includes('\t')) {
      const cells = line.split('\t').map((cell) => cell.trim());
      if (cells.some((cell) => cell !== '')) lines.push({ kind: 'row', cells });
    } else if (line.trim() !== '') {
      lines.push({ kind: 'text', text: line.trim() });
    }
  }
  return lines;
}

function asDocx(lines: Line[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  let rows: TableRow[] = [];
  const flush = (): void => {
    if (rows.length > 0) children.push(new Table({ rows }));
    rows = [];
  };
  for (const line of lines) {
    if (line.kind === 'text') {
      flush();
      children.push(new Paragraph(line.text));
    } else {
      rows.push(new TableRow({ children: line.cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }));
    }
  }
  flush();
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

const simplified = (document: SourceDocument): Line[] =>
  document.blocks.map((block) => (block.kind === 'paragraph' ? { kind: 'text', text: block.text } : { kind: 'row', cells: block.cells }));

describe('seed plans survive a round trip', () => {
  it.each(seeds)('%s as DOCX', async (file) => {
    const lines = await seedLines(file);
    const document = await readDocx(new Uint8Array(await asDocx(lines)), 'seed.docx');
    expect(simplified(document)).toEqual(lines);
  });

  it.each(seeds)('%s as XLSX', async (file) => {
    const lines = await seedLines(file);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    for (const line of lines) sheet.addRow(line.kind === 'text' ? [line.text] : line.cells);
    const document = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), 'seed.xlsx');
    const width = Math.max(...lines.map((line) => (line.kind === 'text' ? 1 : line.cells.findLastIndex((cell) => cell !== '') + 1)));
    const expected = lines.map((line) => {
      const cells = line.kind === 'text' ? [line.text] : line.cells;
      return { kind: 'row', cells: Array.from({ length: width }, (_, i) => cells[i] ?? '') };
    });
    expect(simplified(document)).toEqual(expected);
  });

  it.each(seeds)('%s as CSV', async (file) => {
    const lines = await seedLines(file);
    const quote = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;
    const csv = lines.map((line) => (line.kind === 'text' ? [line.text] : line.cells).map(quote).join(',')).join('\r\n');
    const expected = lines.map((line) => ({ kind: 'row', cells: line.kind === 'text' ? [line.text] : line.cells }));
    expect(simplified(parseDelimited(csv))).toEqual(expected);
  });
});
