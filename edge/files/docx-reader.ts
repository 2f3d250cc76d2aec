import type { Element } from '@xmldom/xmldom';
import type { SourceBlock, SourceDocument } from '../../core/import/source.js';
import { Numbering } from './docx-numbering.js';
import { ImportFileError } from './import-file-error.js';
import { OfficePackage } from './office-package.js';
import { childElements } from './xml.js';
import { alternateBranch, isW, wAttr, wChild, wInt } from './wordml.js';

/**
 * A Word document as the blocks the core reads: its paragraphs and table rows in order,
 * with the text a reader sees (tracked insertions in, deletions out, list labels rebuilt)
 * and every table row keeping its columns aligned across merged cells.
 */
export async function readDocx(bytes: Uint8Array, name: string): Promise<SourceDocument> {
  const pkg = await OfficePackage.open(bytes, name);
  const mainPath = (await pkg.mainPart()) ?? 'word/document.xml';
  const document = await pkg.xml(mainPath);
  const body = document?.documentElement === null ? undefined : wChild(document?.documentElement, 'body');
  if (body === undefined) {
    throw new ImportFileError(
      'corrupt',
      `${name}: the Word document inside the file is missing or damaged; open it in Word, save it again as .docx, and import the new copy`,
    );
  }
  const numberingPath = (await pkg.related(mainPath, 'numbering')) ?? 'word/numbering.xml';
  const stylesPath = (await pkg.related(mainPath, 'styles')) ?? 'word/styles.xml';
  const numbering = new Numbering(await pkg.xml(numberingPath), await pkg.xml(stylesPath));
  const items = new BodyWalker(numbering).blocks(body);
  return { name, blocks: items.map((item, index) => toBlock(item, index + 1)) };
}

/** A paragraph's text or a table row's cells, before they are numbered as blocks. */
type Item = { kind: 'text'; text: string } | { kind: 'row'; cells: string[] };

function toBlock(item: Item, line: number): SourceBlock {
  return item.kind === 'text'
    ? { kind: 'paragraph', line, text: item.text }
    : { kind: 'row', line, cells: item.cells, fidelity: 'exact' };
}

/** Containers whose content is read as if it were not wrapped at all. */
const TRANSPARENT_BLOCK = new Set(['customXml', 'ins', 'moveTo']);
const TRANSPARENT_INLINE = new Set(['ins', 'moveTo', 'hyperlink', 'smartTag', 'customXml', 'fldSimple', 'dir', 'bdo']);

/**
 * Symbol-font characters plans use for ticks and boxes. They live in the Private Use Area,
 * where they mean nothing without the font, so the common ones are mapped to Unicode.
 */
const SYMBOLS = new Map<number, string>([
  [0xf0b7, '•'], [0xf0a7, '▪'], [0xf0fc, '✓'], [0xf0fb, '✗'], [0xf0fd, '☒'], [0xf0fe, '☑'], [0xf0a8, '☐'], [0xf06f, '☐'],
]);

class BodyWalker {
  /** Open complex fields, innermost last: 'code' until w:fldChar separate, then 'result'. */
  private readonly fields: ('code' | 'result')[] = [];

  constructor(private readonly numbering: Numbering) {}

  /**
   * Block-level content of the body, a cell or a text box, appended to `items` (appending,
   * not spreading returned arrays, because a table can have more rows than a call has
   * arguments).
   */
  blocks(container: Element, items: Item[] = []): Item[] {
    for (const child of childElements(container)) {
      const branch = alternateBranch(child);
      const local = child.localName ?? '';
      if (branch !== undefined) this.blocks(branch, items);
      else if (isW(child, 'p')) this.paragraph(child, items);
      else if (isW(child, 'tbl')) this.table(child, items);
      else if (isW(child, 'sdt')) this.blocks(wChild(child, 'sdtContent') ?? child, items);
      else if (TRANSPARENT_BLOCK.has(local) && isW(child, local)) this.blocks(child, items);
    }
    return items;
  }

  /** The paragraph itself, then whatever its text boxes hold. */
  private paragraph(p: Element, items: Item[]): void {
    const markDeleted = wChild(wChild(wChild(p, 'pPr'), 'rPr'), 'del') !== undefined;
    const parts: string[] = [];
    const extras: Item[] = [];
    // Counted before the text is read so that lists in its text boxes number after it.
    const label = markDeleted ? undefined : this.numbering.next(p);
    this.inline(p, parts, extras);
    const text = parts.join('').trim();
    if (text !== '') items.push({ kind: 'text', text: label === undefined ? text : `${label} ${text}` });
    for (const extra of extras) items.push(extra);
  }

  private inline(container: Element, parts: string[], extras: Item[]): void {
    for (const child of childElements(container)) {
      const branch = alternateBranch(child);
      const local = child.localName ?? '';
      if (branch !== undefined) this.inline(branch, parts, extras);
      else if (isW(child, 'r')) this.run(child, parts, extras);
      else if (isW(child, 'sdt')) this.inline(wChild(child, 'sdtContent') ?? child, parts, extras);
      else if (TRANSPARENT_INLINE.has(local) && isW(child, local)) this.inline(child, parts, extras);
      else if (local === 'oMath' || local === 'oMathPara') parts.push(mathText(child));
      // w:del and w:moveFrom (tracked deletions), w:pPr and bookmarks hold no visible text.
    }
  }

  private run(run: Element, parts: string[], extras: Item[]): void {
    for (const child of childElements(run)) {
      const branch = alternateBranch(child);
      if (branch !== undefined) {
        this.run(branch, parts, extras);
        continue;
      }
      if (!isW(child, child.localName ?? '')) continue;
      switch (child.localName) {
        case 't':
          if (!this.fields.includes('code')) parts.push(child.textContent ?? '');
          break;
        case 'tab':
        case 'ptab':
          parts.push('\t');
          break;
        case 'br':
        case 'cr':
          parts.push('\n');
          break;
        case 'noBreakHyphen':
          parts.push('-');
          break;
        case 'sym':
          parts.push(symbol(child));
          break;
        case 'fldChar':
          this.field(wAttr(child, 'fldCharType'));
          break;
        case 'drawing':
        case 'pict':
        case 'object':
          for (const box of textBoxes(child)) this.blocks(box, extras);
          break;
        default:
        // w:delText, w:instrText (field codes), note references and the like are not shown.
      }
    }
  }

  private field(type: string | undefined): void {
    if (type === 'begin') this.fields.push('code');
    else if (type === 'separate' && this.fields.length > 0) this.fields[this.fields.length - 1] = 'result';
    else if (type === 'end') this.fields.pop();
  }

  private table(tbl: Element, items: Item[]): void {
    for (const tr of rowsOf(tbl)) {
      const cells = this.row(tr);
      if (cells.some((cell) => cell !== '')) items.push({ kind: 'row', cells });
    }
  }

  /** One entry per grid column, so that merged and skipped cells keep the others in place. */
  private row(tr: Element): string[] {
    const trPr = wChild(tr, 'trPr');
    if (wChild(trPr, 'del') !== undefined) return [];
    const cells: string[] = Array<string>(gridCount(wInt(trPr, 'gridBefore'), 0)).fill('');
    for (const tc of cellsOf(tr)) {
      const tcPr = wChild(tc, 'tcPr');
      // A merge continuation cell (w:vMerge without "restart", w:hMerge "continue") holds
      // an empty paragraph, so it comes out empty and the core reads it as "same as above".
      // Its text is still taken as it is: text that somehow sits in one is never dropped.
      cells.push(this.cellText(tc));
      const span = gridCount(wInt(tcPr, 'gridSpan'), 1);
      for (let i = 1; i < span; i += 1) cells.push('');
    }
    for (let i = gridCount(wInt(trPr, 'gridAfter'), 0); i > 0; i -= 1) cells.push('');
    return cells;
  }

  /** A cell's paragraphs on separate lines; a nested table's rows as "a | b" lines. */
  private cellText(tc: Element): string {
    const lines: string[] = [];
    for (const item of this.blocks(tc)) {
      const line = item.kind === 'text' ? item.text : item.cells.filter((cell) => cell !== '').join(' | ');
      if (line !== '') lines.push(line);
    }
    return lines.join('\n').trim();
  }
}

/** Word tables have at most 63 columns; a larger count is damage, not a reason to allocate. */
function gridCount(value: number | undefined, fallback: number): number {
  return value === undefined ? fallback : Math.min(Math.max(value, 0), 63);
}

/** Rows of a table, including rows wrapped in content controls or custom XML. */
function rowsOf(tbl: Element): Element[] {
  return wrapped(tbl, 'tr');
}

function cellsOf(tr: Element): Element[] {
  return wrapped(tr, 'tc');
}

function wrapped(parent: Element, localName: string, found: Element[] = []): Element[] {
  for (const child of childElements(parent)) {
    if (isW(child, localName)) found.push(child);
    else if (isW(child, 'sdt')) wrapped(wChild(child, 'sdtContent') ?? child, localName, found);
    else if (isW(child, 'customXml') || isW(child, 'ins') || isW(child, 'moveTo')) wrapped(child, localName, found);
  }
  return found;
}

/** The outermost text boxes in a drawing, reading one branch of each alternate content. */
function textBoxes(element: Element): Element[] {
  const boxes: Element[] = [];
  for (const child of childElements(element)) {
    const branch = alternateBranch(child);
    if (branch !== undefined) boxes.push(...textBoxes(branch));
    else if (isW(child, 'txbxContent')) boxes.push(child);
    else boxes.push(...textBoxes(child));
  }
  return boxes;
}

function mathText(element: Element): string {
  if (element.localName === 't') return element.textContent ?? '';
  return childElements(element).map(mathText).join('');
}

function symbol(sym: Element): string {
  const code = Number.parseInt(wAttr(sym, 'char') ?? '', 16);
  if (!Number.isFinite(code)) return '';
  // Symbol fonts are sometimes addressed without the F000 offset.
  const mapped = SYMBOLS.get(code) ?? SYMBOLS.get(code + 0xf000);
  if (mapped !== undefined) return mapped;
  return code >= 0xe000 && code <= 0xf8ff ? '' : String.fromCodePoint(code);
}
