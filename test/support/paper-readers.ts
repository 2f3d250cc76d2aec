import type { Element } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isW, wAttr, wChild, wChildren } from '../../edge/files/wordml.js';
import { childElements, parseXml } from '../../edge/files/xml.js';

/** Board papers read back the way a person's software would see them. */

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

export function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}; there are ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  return found;
}

export interface DocxCell { text: string; fill: string | undefined; colour: string | undefined; bold: boolean }
export interface DocxRow { header: boolean; cells: DocxCell[] }
export type DocxBlock =
  | { kind: 'paragraph'; style: string | undefined; text: string }
  | { kind: 'table'; rows: DocxRow[] };

export interface DocxRead {
  /** Every part of the package, as text, by path. */
  parts: Map<string, string>;
  /** word/document.xml's body, block by block. */
  blocks: DocxBlock[];
  /** The section's page size: w:w, w:h, w:orient. */
  page: { width: string | undefined; height: string | undefined; orient: string | undefined };
}

export async function readDocx(bytes: Uint8Array): Promise<DocxRead> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [path, entry] of Object.entries(zip.files)) if (!entry.dir) parts.set(path, await entry.async('string'));
  const xml = parts.get('word/document.xml');
  if (xml === undefined) throw new Error('no word/document.xml');
  const body = wChild(parseXml(xml).documentElement ?? undefined, 'body');
  if (!body) throw new Error('no body');
  const size = wChild(wChild(body, 'sectPr'), 'pgSz');
  return {
    parts,
    blocks: childElements(body).flatMap(block),
    page: { width: wAttr(size, 'w'), height: wAttr(size, 'h'), orient: wAttr(size, 'orient') },
  };
}

/** The tables of a DOCX in order, each as its rows' cell texts. */
export function docxTables(read: DocxRead): DocxRow[][] {
  return read.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
}

function block(element: Element): DocxBlock[] {
  if (isW(element, 'p')) return [{ kind: 'paragraph', style: wAttr(wChild(wChild(element, 'pPr'), 'pStyle'), 'val'), text: paragraphText(element) }];
  if (isW(element, 'tbl')) return [{ kind: 'table', rows: wChildren(element, 'tr').map(row) }];
  return [];
}

function row(tr: Element): DocxRow {
  return { header: wChild(wChild(tr, 'trPr'), 'tblHeader') !== undefined, cells: wChildren(tr, 'tc').map(cell) };
}

function cell(tc: Element): DocxCell {
  const paragraphs = wChildren(tc, 'p');
  const firstRun = paragraphs.flatMap((p) => wChildren(p, 'r'))[0];
  const runProps = wChild(firstRun, 'rPr');
  return {
    text: paragraphs.map(paragraphText).join('\n'),
    fill: wAttr(wChild(wChild(tc, 'tcPr'), 'shd'), 'fill'),
    colour: wAttr(wChild(runProps, 'color'), 'val'),
    bold: wChild(runProps, 'b') !== undefined,
  };
}

function paragraphText(p: Element): string {
  return wChildren(p, 'r').flatMap((r) => wChildren(r, 't')).map((t) => t.textContent ?? '').join('');
}
