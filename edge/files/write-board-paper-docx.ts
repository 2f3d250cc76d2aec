import {
  AlignmentType, Document, Footer, HeadingLevel, type IRunOptions, Packer, PageNumber, PageOrientation, Paragraph,
  ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import JSZip from 'jszip';
import { type BoardPaperLayout, type BoardPaperSection, RAG_COLUMN } from '../../core/export/board-paper-layout.js';
import { columnShares } from '../../core/export/column-widths.js';
import { printableLayout } from '../../core/export/paper-text.js';
import { RAG_COLOURS } from '../../core/export/rag-colours.js';
import type { Rag } from '../../core/model/index.js';

/** A4 in twentieths of a point, given portrait; docx swaps them for landscape. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 720; // 1.27 cm: Word's "narrow", room for eleven columns
const TEXT_WIDTH = A4.height - 2 * MARGIN;
const SUMMARY_WIDTHS = [4200, 1200];
const HEADER_FILL = 'D9D9D9';
/** Half-points: 9 pt in tables, 10 pt around them. */
const TABLE_SIZE = 18;
const BODY_SIZE = 20;

export interface DocxOptions {
  /** The document's creation time; given, so the same paper gives the same bytes. */
  created: Date;
}

/**
 * A board paper as a Word document: A4 landscape, the title, its details, a summary table, then
 * each section as a table whose header row repeats on every page, RAG cells shaded.
 *
 * The text is the plan's own, not formula-neutralised: Word never evaluates a run's text ("=1+1"
 * is characters, not a field; fields are separate elements this writer never makes), and a board
 * reading "'=HYPERLINK(…)" would be reading our workaround for spreadsheets, not the plan. The
 * docx package escapes the XML; printableLayout drops what XML cannot hold.
 */
export async function writeBoardPaperDocx(layout: BoardPaperLayout, options: DocxOptions): Promise<Buffer> {
  const paper = printableLayout(layout);
  const document = new Document({
    creator: 'Followthrough',
    title: paper.title,
    description: 'Board paper',
    lastModifiedBy: 'Followthrough',
    styles: {
      default: {
        document: { run: { font: 'Arial', size: BODY_SIZE } },
        heading1: { run: { font: 'Arial', size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 120 } } },
        heading2: { run: { font: 'Arial', size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { ...A4, orientation: PageOrientation.LANDSCAPE },
          margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 360, footer: 360 },
        },
      },
      footers: { default: pageFooter() },
      children: [
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(paper.title)] }),
        ...paper.details.map((d) => new Paragraph({ children: [textRun({ text: `${d.label}: `, bold: true }), new TextRun(d.value)] })),
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Summary')] }),
        summaryTable(paper),
        ...paper.sections.flatMap(sectionBlocks),
      ],
    }],
  });
  return fixDates(await Packer.toBuffer(document), options.created);
}

function summaryTable(paper: BoardPaperLayout): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: SUMMARY_WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: SUMMARY_WIDTHS,
    rows: [
      headerRow(['Summary', 'Count'], SUMMARY_WIDTHS),
      ...paper.summary.map((line) => new TableRow({
        children: [cell(line.label, SUMMARY_WIDTHS[0], line.rag ?? null), cell(String(line.count), SUMMARY_WIDTHS[1], null, AlignmentType.RIGHT)],
      })),
    ],
  });
}

function sectionBlocks(section: BoardPaperSection): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] })];
  if (section.note !== undefined && section.note !== '') blocks.push(new Paragraph({ children: [textRun({ text: section.note, italics: true })] }));
  if (section.rows.length === 0) return [...blocks, new Paragraph('None.')];
  const widths = columnShares(section.columns).map((share) => Math.floor(share * TEXT_WIDTH));
  const ragIndex = section.columns.indexOf(RAG_COLUMN);
  blocks.push(new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      headerRow(section.columns, widths),
      ...section.rows.map((row) => new TableRow({
        children: row.cells.map((text, i) => cell(text, widths[i], i === ragIndex ? row.rag : null)),
      })),
    ],
  }));
  return blocks;
}

/** The header row, marked to repeat at the top of every page the table runs onto. */
function headerRow(headings: readonly string[], widths: readonly number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    children: headings.map((heading, i) => new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
      children: [new Paragraph({ children: [textRun({ text: heading, bold: true, size: TABLE_SIZE })] })],
    })),
  });
}

/** A cell; each line of its text a paragraph; shaded and bold when it carries a RAG. */
function cell(text: string, width: number | undefined, rag: Rag | null, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): TableCell {
  const colours = rag === null ? undefined : RAG_COLOURS[rag];
  return new TableCell({
    width: { size: width ?? 0, type: WidthType.DXA },
    ...(colours ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: colours.fill } } : {}),
    children: text.split('\n').map((line) => new Paragraph({
      ...(alignment ? { alignment } : {}),
      children: [textRun({ text: line, size: TABLE_SIZE, ...(colours ? { bold: true, color: colours.text } : {}) })],
    })),
  });
}

/** Typed as run options, so `bold` is not mistaken for the deprecated String.prototype.bold of TextRun's `string` overload. */
function textRun(options: IRunOptions): TextRun {
  return new TextRun(options);
}

function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [textRun({ size: 16, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
    })],
  });
}

/**
 * The same paper gives the same bytes: docx stamps the core properties and every zip entry with
 * the time it runs, so both are set to `created` and the package is zipped again.
 */
async function fixDates(bytes: Buffer, created: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const stamp = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = zip.file('docProps/core.xml');
  if (core) {
    const xml = await core.async('string');
    zip.file('docProps/core.xml', xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*/g, `$1${stamp}`));
  }
  for (const entry of Object.values(zip.files)) entry.date = created;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
