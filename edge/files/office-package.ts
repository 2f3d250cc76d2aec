import JSZip from 'jszip';
import { posix } from 'node:path';
import type { Document } from '@xmldom/xmldom';
import { ImportFileError } from './import-file-error.js';
import { childElements, parseXml } from './xml.js';

/** What kind of file a ZIP holds, judged by the parts inside it. */
export type PackageKind = 'docx' | 'xlsx' | 'xlsb' | 'pptx' | 'opendocument' | 'other';

/**
 * An Office Open XML file (DOCX, XLSX) opened as the ZIP of parts it is. Part names are
 * case-insensitive in OOXML, and the main part is found through the package relationships
 * because a few producers do not put it at word/document.xml.
 */
export class OfficePackage {
  private readonly names = new Map<string, string>();

  private constructor(
    private readonly zip: JSZip,
    readonly fileName: string,
  ) {
    for (const path of Object.keys(zip.files)) this.names.set(path.toLowerCase(), path);
  }

  static async open(bytes: Uint8Array, fileName: string): Promise<OfficePackage> {
    try {
      return new OfficePackage(await JSZip.loadAsync(bytes), fileName);
    } catch (error) {
      throw damaged(fileName, error);
    }
  }

  has(path: string): boolean {
    return this.names.has(path.toLowerCase());
  }

  async text(path: string): Promise<string | undefined> {
    const actual = this.names.get(path.toLowerCase());
    const entry = actual === undefined ? null : this.zip.file(actual);
    if (entry === null) return undefined;
    try {
      return await entry.async('string');
    } catch (error) {
      throw damaged(this.fileName, error);
    }
  }

  async xml(path: string): Promise<Document | undefined> {
    const text = await this.text(path);
    if (text === undefined) return undefined;
    try {
      return parseXml(text);
    } catch (error) {
      throw damaged(this.fileName, error);
    }
  }

  /** The target of the first relationship of `from` whose type ends with `/type`. */
  async related(from: string, type: string): Promise<string | undefined> {
    const relsPath = from === '' ? '_rels/.rels' : posix.join(posix.dirname(from), '_rels', `${posix.basename(from)}.rels`);
    const rels = await this.xml(relsPath);
    const root = rels?.documentElement;
    if (root === undefined || root === null) return undefined;
    for (const rel of childElements(root)) {
      const target = rel.getAttribute('Target');
      if (!(rel.getAttribute('Type') ?? '').endsWith(`/${type}`) || target === null) continue;
      if (rel.getAttribute('TargetMode') === 'External') continue;
      const resolved = target.startsWith('/') ? target : posix.join(posix.dirname(from), target);
      return posix.normalize(resolved).replace(/^\/+/, '');
    }
    return undefined;
  }

  async mainPart(): Promise<string | undefined> {
    return this.related('', 'officeDocument');
  }

  async kind(): Promise<PackageKind> {
    const main = (await this.mainPart())?.toLowerCase() ?? '';
    if (main.startsWith('word/') || this.has('word/document.xml')) return 'docx';
    if (main.startsWith('xl/') && main.endsWith('.bin')) return 'xlsb';
    if (main.startsWith('xl/') || this.has('xl/workbook.xml')) return 'xlsx';
    if (main.startsWith('ppt/') || this.has('ppt/presentation.xml')) return 'pptx';
    const mimetype = (await this.text('mimetype')) ?? '';
    return mimetype.startsWith('application/vnd.oasis.opendocument') ? 'opendocument' : 'other';
  }
}

export function damaged(fileName: string, cause: unknown): ImportFileError {
  return new ImportFileError(
    'corrupt',
    `${fileName}: the file is damaged or incomplete and cannot be opened; open it in Word or Excel, save it again, and import the new copy`,
    { cause },
  );
}
