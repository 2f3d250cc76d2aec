import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseDelimited } from '../../core/import/delimited.js';
import type { SourceDocument } from '../../core/import/source.js';
import { decodeText, looksBinary } from './decode-text.js';
import { readDocx } from './docx-reader.js';
import { fileSignature, isEncryptedOffice } from './file-signature.js';
import { ImportFileError } from './import-file-error.js';
import { OfficePackage, damaged } from './office-package.js';
import { readXlsx } from './xlsx-reader.js';

/** A plan file as the importer takes it: free text, a table-shaped document, or JSON. */
export type PlanFile =
  | { kind: 'text'; name: string; text: string }
  | { kind: 'document'; name: string; document: SourceDocument }
  | { kind: 'json'; name: string; json: unknown };

const SAVE_AS = 'save it as .docx, .xlsx, .csv or plain text and import that';

/**
 * Reads a plan from disk. The bytes decide what it is before the name does: people rename
 * files, and a ".xls" exported by a web system is often really text.
 */
export async function readPlanFile(path: string): Promise<PlanFile> {
  const name = basename(path) || path;
  const bytes = await readBytes(path, name);
  if (bytes.length === 0) throw emptyFile(name);
  const extension = extname(name).toLowerCase();
  switch (fileSignature(bytes)) {
    case 'zip':
      return readPackage(bytes, name, extension);
    case 'ole2':
      throw new ImportFileError('unsupported', oldOfficeMessage(bytes, name, extension));
    case 'pdf':
      throw new ImportFileError(
        'unsupported',
        `${name}: PDF files cannot be imported; open the original in Word or Excel (or open the PDF in Word) and save or export it as DOCX or text, then import that`,
      );
    case 'rtf':
      throw new ImportFileError('unsupported', `${name}: Rich Text Format (.rtf) files are not supported; open it in Word, save it as .docx and import that`);
    case 'none':
      return readTextFile(bytes, name, extension);
  }
}

async function readBytes(path: string, name: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new ImportFileError('unreadable', `${name}: this is a folder, not a file; give the path of the plan file itself`);
    }
    if (!info.isFile()) throw new ImportFileError('unreadable', `${name}: this is not an ordinary file; copy the plan to a file and import that`);
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ImportFileError('missing', `${path}: no such file; check the name and folder, and that the file has finished downloading`, { cause: error });
    }
    if (code === 'EISDIR') throw new ImportFileError('unreadable', `${name}: this is a folder, not a file; give the path of the plan file itself`, { cause: error });
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? 'read error';
    throw new ImportFileError(
      'unreadable',
      `${name}: the file could not be read (${why}); check you can open it, close it in any program that has it locked, or copy it somewhere else and import the copy`,
      { cause: error },
    );
  }
}

async function readPackage(bytes: Uint8Array, name: string, extension: string): Promise<PlanFile> {
  const pkg = await OfficePackage.open(bytes, name);
  const kind = await pkg.kind();
  if (kind === 'docx') return nonEmpty(await readDocx(bytes, name));
  if (kind === 'xlsx') return nonEmpty(await readXlsx(bytes, name));
  if (kind === 'xlsb') throw new ImportFileError('unsupported', `${name}: Excel binary workbooks (.xlsb) are not supported; save it as .xlsx and import that`);
  if (kind === 'pptx') throw new ImportFileError('unsupported', `${name}: PowerPoint files are not supported; copy the plan into Word or Excel, ${SAVE_AS}`);
  if (kind === 'opendocument') {
    throw new ImportFileError('unsupported', `${name}: OpenDocument files (.odt, .ods) are not supported; save it in Word or Excel format (.docx or .xlsx) and import that`);
  }
  // A .docx or .xlsx without its main part is a damaged Office file, not some other ZIP.
  if (['.docx', '.docm', '.xlsx', '.xlsm'].includes(extension)) throw damaged(name, undefined);
  throw new ImportFileError('unsupported', `${name}: this is a ZIP archive, not a Word or Excel file; extract the plan from it and import that file`);
}

function nonEmpty(document: SourceDocument): PlanFile {
  if (document.blocks.length === 0) throw emptyFile(document.name);
  return { kind: 'document', name: document.name, document };
}

function oldOfficeMessage(bytes: Uint8Array, name: string, extension: string): string {
  if (isEncryptedOffice(bytes)) {
    return `${name}: the file is password-protected; open it, remove the password (File > Info > Protect), save it and import that`;
  }
  if (extension === '.doc' || extension === '.dot') return `${name}: old Word 97-2003 .doc files are not supported; save it as .docx and import that`;
  if (extension === '.xls' || extension === '.xlt') return `${name}: old Excel 97-2003 .xls files are not supported; save it as .xlsx and import that`;
  return `${name}: this is an old Word or Excel 97-2003 file (.doc, .xls) or a password-protected Office file; open it, remove any password, save it as .docx or .xlsx and import that`;
}

function readTextFile(bytes: Uint8Array, name: string, extension: string): PlanFile {
  // Without the ZIP header a .docx or .xlsx cannot be the file it claims to be.
  if (['.docx', '.docm', '.xlsx', '.xlsm'].includes(extension)) throw damaged(name, undefined);
  const text = decodeText(bytes);
  if (looksBinary(text)) throw new ImportFileError('unsupported', `${name}: this is not a file that can be imported; ${SAVE_AS}`);
  if (text.trim() === '') throw emptyFile(name);
  if (extension === '.json') return { kind: 'json', name, json: parseJson(text, name) };
  if (extension === '.csv' || extension === '.tsv') {
    const delimiter = extension === '.tsv' ? '\t' : undefined;
    return nonEmpty(parseDelimited(text, delimiter === undefined ? { name } : { name, delimiter }));
  }
  return { kind: 'text', name, text };
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new ImportFileError('corrupt', `${name}: not valid JSON${detail}; fix the file or export it again`, { cause: error });
  }
}

function emptyFile(name: string): ImportFileError {
  return new ImportFileError('empty', `${name}: the file is empty; check it is the right file and that the plan was saved into it`);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
