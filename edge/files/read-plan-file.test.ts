import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFileError, type ImportFileErrorCode } from './import-file-error.js';
import { readPlanFile } from './read-plan-file.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'followthrough-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(fileName: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, fileName);
  await writeFile(path, content);
  return path;
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => Array.from(part)));

async function docxBytes(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

async function xlsxBytes(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plan');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An OLE2 compound file header followed by whatever directory names the test needs. */
function ole2(...names: string[]): Uint8Array {
  const header = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array<number>(504).fill(0));
  const directory = names.map((name) => Uint8Array.from(Array.from(name, (ch) => [ch.charCodeAt(0), 0]).flat()));
  return concat(header, ...directory);
}

/** Deterministic noise that is neither UTF-8 nor text. */
function noise(length: number): Uint8Array {
  let seed = 12345;
  return Uint8Array.from({ length }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % 256;
  });
}

describe('readPlanFile reads', () => {
  it('a Word document as a document, whatever its extension says', async () => {
    const table = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Action')] }), new TableCell({ children: [new Paragraph('Lead')] })] })] });
    const content = await docxBytes([new Paragraph('Ward 7 plan'), table]);
    const expected = {
      kind: 'document',
      name: 'renamed.txt',
      document: {
        name: 'renamed.txt',
        blocks: [
          { kind: 'paragraph', line: 1, text: 'Ward 7 plan' },
          { kind: 'row', line: 2, cells: ['Action', 'Lead'], fidelity: 'exact' },
        ],
      },
    };
    expect(await readPlanFile(await put('renamed.txt', content))).toEqual(expected);
    expect(await readPlanFile(await put('plan.docx', content))).toMatchObject({ kind: 'document', name: 'plan.docx' });
  });

  it('a workbook as a document', async () => {
    const path = await put('plan.xlsx', await xlsxBytes([['No', 'Action'], ['1', 'Audit']]));
    expect(await readPlanFile(path)).toEqual({
      kind: 'document',
      name: 'plan.xlsx',
      document: {
        name: 'plan.xlsx',
        blocks: [
          { kind: 'row', line: 1, cells: ['No', 'Action'], fidelity: 'exact' },
          { kind: 'row', line: 2, cells: ['1', 'Audit'], fidelity: 'exact' },
        ],
      },
    });
  });

  it.each<[string, string, string[][]]>([
    ['plan.csv', '\uFEFFNo,Action\r\n1,"Audit, then report"\r\n', [['No', 'Action'], ['1', 'Audit, then report']]],
    ['european.csv', 'No;Action\n1;Audit, then report\n', [['No', 'Action'], ['1', 'Audit, then report']]],
    ['plan.tsv', 'No\tAction, lead\n1\tAudit;report', [['No', 'Action, lead'], ['1', 'Audit;report']]],
    ['UPPER.CSV', 'a,b', [['a', 'b']]],
  ])('%s as delimited rows', async (fileName, content, expected) => {
    const file = await readPlanFile(await put(fileName, content));
    expect(file.kind).toBe('document');
    if (file.kind !== 'document') return;
    expect(file.document.name).toBe(fileName);
    expect(file.document.blocks.map((block) => (block.kind === 'row' ? block.cells : block.text))).toEqual(expected);
  });

  it.each<[string, Uint8Array, string]>([
    ['UTF-8', ascii('Action plan – “Ward 7”\n1. Audit'), 'Action plan – “Ward 7”\n1. Audit'],
    ['UTF-8 with a BOM', concat(bytes(0xef, 0xbb, 0xbf), ascii('Plan')), 'Plan'],
    ['Windows-1252', bytes(0x93, 0x57, 0x61, 0x72, 0x64, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x0d, 0x0a, 0xe9), '“Ward” – €5\r\né'],
    ['UTF-16LE with a BOM (Excel "Unicode text")', bytes(0xff, 0xfe, 0x4e, 0, 0x6f, 0, 0x09, 0, 0x13, 0x20), 'No\t–'],
    ['UTF-16BE with a BOM', bytes(0xfe, 0xff, 0, 0x4e, 0, 0x6f), 'No'],
  ])('%s text as text', async (_label, content, expected) => {
    expect(await readPlanFile(await put('notes.txt', content))).toEqual({ kind: 'text', name: 'notes.txt', text: expected });
  });

  it('files of any other extension, or none, as text when they are text', async () => {
    expect(await readPlanFile(await put('plan.md', '# Plan\n'))).toEqual({ kind: 'text', name: 'plan.md', text: '# Plan\n' });
    // Web systems export "spreadsheets" that are really text.
    expect(await readPlanFile(await put('export.xls', '<table><tr><td>1</td></tr></table>'))).toMatchObject({ kind: 'text' });
    expect(await readPlanFile(await put('README', 'Plan'))).toEqual({ kind: 'text', name: 'README', text: 'Plan' });
  });

  it('JSON as parsed JSON', async () => {
    expect(await readPlanFile(await put('plan.json', '\uFEFF{"plan":{"title":"Ward 7"},"n":[1,2]}'))).toEqual({
      kind: 'json',
      name: 'plan.json',
      json: { plan: { title: 'Ward 7' }, n: [1, 2] },
    });
  });
});

describe('readPlanFile refuses', () => {
  async function failure(path: string): Promise<ImportFileError> {
    const error = await readPlanFile(path).catch((caught: unknown) => caught);
    if (!(error instanceof ImportFileError)) throw new Error(`expected an ImportFileError, got ${String(error)}`);
    expect(error.message).not.toMatch(/\n/);
    return error;
  }

  it.each<[string, string, () => Promise<Uint8Array> | Uint8Array, ImportFileErrorCode, RegExp]>([
    ['a zero-byte file', 'plan.docx', () => new Uint8Array(0), 'empty', /^plan\.docx: the file is empty; /],
    ['a whitespace-only text file', 'plan.txt', () => ascii(' \r\n\t\n'), 'empty', /^plan\.txt: the file is empty/],
    ['a whitespace-only CSV', 'plan.csv', () => ascii('\n\n'), 'empty', /^plan\.csv: the file is empty/],
    ['a CSV of empty records', 'plan.csv', () => ascii(',,\n , \n'), 'empty', /^plan\.csv: the file is empty/],
    ['a whitespace-only JSON file', 'plan.json', () => ascii('  '), 'empty', /^plan\.json: the file is empty/],
    ['a Word document with no text', 'blank.docx', () => docxBytes([new Paragraph('')]), 'empty', /^blank\.docx: the file is empty/],
    ['a workbook with no values', 'blank.xlsx', () => xlsxBytes([]), 'empty', /^blank\.xlsx: the file is empty/],
    ['a truncated .docx', 'cut.docx', async () => (await docxBytes([new Paragraph('Plan')])).slice(0, 300), 'corrupt', /^cut\.docx: the file is damaged or incomplete .*; open it in Word or Excel, save it again/],
    ['a truncated .xlsx', 'cut.xlsx', async () => (await xlsxBytes([['a']])).slice(0, 300), 'corrupt', /^cut\.xlsx: the file is damaged/],
    ['a .docx that is not a ZIP', 'fake.docx', () => ascii('not really a document'), 'corrupt', /^fake\.docx: the file is damaged/],
    ['a .docx ZIP without its document', 'hollow.docx', () => new JSZip().file('docProps/app.xml', '<x/>').generateAsync({ type: 'uint8array' }), 'corrupt', /^hollow\.docx: the file is damaged/],
    ['bad JSON', 'plan.json', () => ascii('{"plan": '), 'corrupt', /^plan\.json: not valid JSON \(.+\); fix the file or export it again$/],
    ['an old Word .doc', 'plan.doc', () => ole2('WordDocument'), 'unsupported', /^plan\.doc: old Word 97-2003 \.doc files are not supported; save it as \.docx and import that$/],
    ['an old Excel .xls', 'plan.xls', () => ole2('Workbook'), 'unsupported', /^plan\.xls: old Excel 97-2003 \.xls files are not supported; save it as \.xlsx/],
    ['an OLE2 file under another name', 'plan.bin', () => ole2('Data'), 'unsupported', /^plan\.bin: .*old Word or Excel 97-2003 file .* or a password-protected Office file; /],
    ['a password-protected .docx', 'secret.docx', () => ole2('EncryptionInfo', 'EncryptedPackage'), 'unsupported', /^secret\.docx: the file is password-protected; .*remove the password/],
    ['a PDF', 'plan.pdf', () => ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'unsupported', /^plan\.pdf: PDF files cannot be imported; .*save or export it as DOCX or text/],
    ['a PDF with junk before the header', 'plan.dat', () => concat(bytes(0, 0, 0), ascii('%PDF-1.4')), 'unsupported', /^plan\.dat: PDF files/],
    ['an RTF file', 'plan.rtf', () => ascii('{\\rtf1\\ansi Plan}'), 'unsupported', /^plan\.rtf: Rich Text Format .*save it as \.docx/],
    ['random bytes', 'plan.txt', () => noise(4096), 'unsupported', /^plan\.txt: this is not a file that can be imported; save it as \.docx, \.xlsx, \.csv or plain text/],
    ['random bytes without any NUL', 'plan.csv', () => noise(4096).map((byte) => byte || 1), 'unsupported', /^plan\.csv: this is not a file/],
    ['a plain ZIP archive', 'plans.zip', () => new JSZip().file('plan.docx', 'x').generateAsync({ type: 'uint8array' }), 'unsupported', /^plans\.zip: this is a ZIP archive, not a Word or Excel file; extract/],
    [
      'an Excel binary workbook',
      'plan.xlsb',
      () =>
        new JSZip()
          .file('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>')
          .file('xl/workbook.bin', 'x')
          .generateAsync({ type: 'uint8array' }),
      'unsupported',
      /^plan\.xlsb: Excel binary workbooks \(\.xlsb\) are not supported; save it as \.xlsx/,
    ],
    ['a PowerPoint file', 'deck.pptx', () => new JSZip().file('ppt/presentation.xml', '<p/>').generateAsync({ type: 'uint8array' }), 'unsupported', /^deck\.pptx: PowerPoint files are not supported/],
    ['an OpenDocument file', 'plan.odt', () => new JSZip().file('mimetype', 'application/vnd.oasis.opendocument.text').generateAsync({ type: 'uint8array' }), 'unsupported', /^plan\.odt: OpenDocument files/],
  ])('%s', async (_label, fileName, make, code, message) => {
    const error = await failure(await put(fileName, await make()));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('a missing file, naming the path given', async () => {
    const path = join(dir, 'nowhere', 'plan.docx');
    const error = await failure(path);
    expect(error.code).toBe('missing');
    expect(error.message).toBe(`${path}: no such file; check the name and folder, and that the file has finished downloading`);
  });

  it('a folder', async () => {
    const folder = join(dir, 'plans');
    await mkdir(folder);
    const error = await failure(folder);
    expect(error.code).toBe('unreadable');
    expect(error.message).toBe('plans: this is a folder, not a file; give the path of the plan file itself');
  });
});
