import {
  AlignmentType,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import JSZip from 'jszip';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceBlock } from '../../core/import/source.js';
import { readDocx } from './docx-reader.js';
import { ImportFileError } from './import-file-error.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'followthrough-docx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the document to the temporary folder and reads it back the way an import does. */
async function roundTrip(doc: Document, fileName: string): Promise<SourceBlock[]> {
  const path = join(dir, fileName);
  await writeFile(path, await Packer.toBuffer(doc));
  const document = await readDocx(new Uint8Array(await readFile(path)), fileName);
  expect(document.name).toBe(fileName);
  return document.blocks;
}

const date = '2024-01-01T00:00:00Z';
const cell = (...paragraphs: (Paragraph | Table)[]): TableCell => new TableCell({ children: paragraphs });
const text = (value: string): Paragraph => new Paragraph(value);
const listItem = (value: string, reference: string, level = 0, instance?: number): Paragraph =>
  new Paragraph({ text: value, numbering: instance === undefined ? { reference, level } : { reference, level, instance } });

describe('readDocx on a plan written by the docx package', () => {
  function planDocument(): Document {
    return new Document({
      numbering: {
        config: [
          { reference: 'letters', levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '%1)', alignment: AlignmentType.START }] },
          { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: 'o', alignment: AlignmentType.START }] },
          {
            reference: 'outline',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
              { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.START },
              { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', alignment: AlignmentType.START },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Action plan: Ward 7 review')] }),
            new Paragraph(''),
            new Table({
              rows: [
                new TableRow({
                  tableHeader: true,
                  children: [cell(text('No')), cell(text('Recommendation')), new TableCell({ children: [text('Action and lead')], columnSpan: 2 }), cell(text('Due'))],
                }),
                new TableRow({
                  children: [
                    new TableCell({ children: [text('1')], rowSpan: 2 }),
                    cell(text('Improve physical health monitoring.'), text(''), text('Include GP letters.')),
                    cell(listItem('Audit care plans', 'letters'), listItem('Train staff', 'letters')),
                    cell(text('Matron'), text('Ward manager')),
                    cell(text('March 2024')),
                  ],
                }),
                new TableRow({
                  children: [
                    cell(text('Share learning.')),
                    cell(listItem('Report to board', 'letters'), listItem('Restarted list', 'letters', 0, 2)),
                    cell(listItem('Clinical lead', 'bullets'), listItem('Deputy director', 'bullets')),
                    cell(text('Q1 24/25')),
                  ],
                }),
              ],
            }),
            listItem('Governance', 'outline', 0),
            listItem('Terms of reference', 'outline', 1),
            listItem('Quorum', 'outline', 2),
            listItem('Membership', 'outline', 1),
            listItem('Reporting', 'outline', 0),
            listItem('Monthly', 'outline', 1),
            new Paragraph({
              children: [
                new TextRun('Status:'),
                new TextRun({ children: [new Tab(), 'complete'] }),
                new InsertedTextRun({ text: ' and signed off', id: 1, author: 'QI lead', date }),
                new DeletedTextRun({ text: ' pending', id: 2, author: 'QI lead', date }),
                new TextRun({ text: 'next line', break: 1 }),
                new ExternalHyperlink({ link: 'https://example.nhs.uk', children: [new TextRun(' (policy)')] }),
              ],
            }),
          ],
        },
      ],
    });
  }

  it('reproduces paragraphs, aligned rows, list labels and tracked changes in order', async () => {
    expect(await roundTrip(planDocument(), 'plan.docx')).toEqual([
      { kind: 'paragraph', line: 1, text: 'Action plan: Ward 7 review' },
      { kind: 'row', line: 2, fidelity: 'exact', cells: ['No', 'Recommendation', 'Action and lead', '', 'Due'] },
      {
        kind: 'row',
        line: 3,
        fidelity: 'exact',
        cells: ['1', 'Improve physical health monitoring.\nInclude GP letters.', 'a) Audit care plans\nb) Train staff', 'Matron\nWard manager', 'March 2024'],
      },
      {
        kind: 'row',
        line: 4,
        fidelity: 'exact',
        cells: ['', 'Share learning.', 'c) Report to board\na) Restarted list', '• Clinical lead\n• Deputy director', 'Q1 24/25'],
      },
      { kind: 'paragraph', line: 5, text: '1. Governance' },
      { kind: 'paragraph', line: 6, text: '1.1 Terms of reference' },
      { kind: 'paragraph', line: 7, text: '(i) Quorum' },
      { kind: 'paragraph', line: 8, text: '1.2 Membership' },
      { kind: 'paragraph', line: 9, text: '2. Reporting' },
      { kind: 'paragraph', line: 10, text: '2.1 Monthly' },
      { kind: 'paragraph', line: 11, text: 'Status:\tcomplete and signed off\nnext line (policy)' },
    ]);
  });

  it('puts a nested table into its cell, one row per line', async () => {
    const nested = new Table({
      rows: [
        new TableRow({ children: [cell(text('Audit')), cell(text('')), cell(text('Q2'))] }),
        new TableRow({ children: [cell(text('Re-audit')), cell(text('Lead')), cell(text('Q4'))] }),
      ],
    });
    const doc = new Document({
      sections: [{ children: [new Table({ rows: [new TableRow({ children: [cell(text('1')), cell(text('Actions:'), nested, text('See minutes'))] })] })] }],
    });
    expect(await roundTrip(doc, 'nested.docx')).toEqual([
      { kind: 'row', line: 1, fidelity: 'exact', cells: ['1', 'Actions:\nAudit | Q2\nRe-audit | Lead | Q4\nSee minutes'] },
    ]);
  });
});

const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  v: 'urn:schemas-microsoft-com:vml',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
};
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface WordParts {
  body: string;
  numbering?: string;
  styles?: string;
  /** Where the main part lives; producers other than Word sometimes move it. */
  mainPath?: string;
  namespace?: string;
}

/** A minimal .docx written by hand, for markup the docx package does not produce. */
async function wordFile(parts: WordParts): Promise<Uint8Array> {
  const ns = parts.namespace ?? NS.w;
  const mainPath = parts.mainPath ?? 'word/document.xml';
  const xmlns = `xmlns:w="${ns}" xmlns:mc="${NS.mc}" xmlns:wps="${NS.wps}" xmlns:v="${NS.v}" xmlns:m="${NS.m}"`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', relationships([['officeDocument', `/${mainPath}`]]));
  zip.file(mainPath, `<?xml version="1.0" encoding="UTF-8"?><w:document ${xmlns}><w:body>${parts.body}</w:body></w:document>`);
  const rels: [string, string][] = [];
  if (parts.numbering !== undefined) {
    zip.file('word/numbering.xml', `<w:numbering xmlns:w="${ns}">${parts.numbering}</w:numbering>`);
    rels.push(['numbering', 'numbering.xml']);
  }
  if (parts.styles !== undefined) {
    zip.file('word/styles.xml', `<w:styles xmlns:w="${ns}">${parts.styles}</w:styles>`);
    rels.push(['styles', 'styles.xml']);
  }
  const slash = mainPath.lastIndexOf('/');
  zip.file(`${mainPath.slice(0, slash)}/_rels/${mainPath.slice(slash + 1)}.rels`, relationships(rels));
  return zip.generateAsync({ type: 'uint8array' });
}

function relationships(rels: [string, string][]): string {
  const items = rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${target}"/>`);
  return `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

const p = (inner: string, pPr = ''): string => `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${inner}</w:p>`;
const r = (value: string): string => `<w:r><w:t xml:space="preserve">${value}</w:t></w:r>`;
const tc = (inner: string, tcPr = ''): string => `<w:tc>${tcPr === '' ? '' : `<w:tcPr>${tcPr}</w:tcPr>`}${inner}</w:tc>`;
const tr = (inner: string, trPr = ''): string => `<w:tr>${trPr === '' ? '' : `<w:trPr>${trPr}</w:trPr>`}${inner}</w:tr>`;
const tbl = (inner: string): string => `<w:tbl><w:tblGrid/>${inner}</w:tbl>`;
const num = (numId: number, ilvl = 0): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, format: string, lvlText: string, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${lvlText}"/>${extra}</w:lvl>`;

async function blocksOf(parts: WordParts): Promise<SourceBlock[]> {
  return (await readDocx(await wordFile(parts), 'hand.docx')).blocks;
}

async function textsOf(parts: WordParts): Promise<string[]> {
  return (await blocksOf(parts)).map((block) => (block.kind === 'paragraph' ? block.text : block.cells.join(' ¦ ')));
}

describe('readDocx on hand-written WordprocessingML', () => {
  it.each<[string, string, string[]]>([
    ['skips empty and whitespace-only paragraphs', p('') + p(r('  ')) + p(r('kept')), ['kept']],
    ['keeps the text of runs split mid-word', p(r('Rev') + r('iew') + r(' audit')), ['Review audit']],
    ['reads tabs, breaks and non-breaking hyphens', p(`<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t></w:r>`), ['a\tb\nc\nd-e']],
    ['drops deleted text and keeps inserted and moved text', p(`<w:del><w:r><w:delText>old</w:delText></w:r></w:del><w:ins>${r('new')}</w:ins><w:moveFrom>${r('gone')}</w:moveFrom><w:moveTo>${r(' here')}</w:moveTo>`), ['new here']],
    ['shows a field result, not its code', p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('the policy')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r('.')}`), ['the policy.']],
    ['reads a simple field and a smart tag', p(`<w:fldSimple w:instr=" DATE ">${r('1 May 2024')}</w:fldSimple><w:smartTag>${r(' Trust')}</w:smartTag>`), ['1 May 2024 Trust']],
    ['reads block and inline content controls', `<w:sdt><w:sdtPr/><w:sdtContent>${p(`<w:sdt><w:sdtContent>${r('Chosen lead')}</w:sdtContent></w:sdt>`)}</w:sdtContent></w:sdt>`, ['Chosen lead']],
    ['maps symbol-font ticks and keeps real symbols', p(`<w:r><w:t>Done </w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="Arial" w:char="2713"/><w:sym w:font="Wingdings" w:char="F021"/></w:r>`), ['Done ✓✓']],
    ['reads equations', p(`${r('Target ')}<m:oMath><m:r><m:t>≥95%</m:t></m:r></m:oMath>`), ['Target ≥95%']],
    [
      'reads a text box once, after its paragraph',
      p(
        `${r('Anchor')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>${p(r('Box text'))}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p(r('Box text'))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      ) + p(r('After')),
      ['Anchor', 'Box text', 'After'],
    ],
    [
      'keeps columns for gridBefore, gridAfter, gridSpan and hMerge',
      tbl(tr(tc(p(r('b'))) + tc(p(r('c')), '<w:gridSpan w:val="2"/>'), '<w:gridBefore w:val="1"/><w:gridAfter w:val="1"/>') + tr(tc(p(r('x')), '<w:hMerge w:val="restart"/>') + tc(p(''), '<w:hMerge w:val="continue"/>') + tc(p(r('y'))))),
      [' ¦ b ¦ c ¦  ¦ ', 'x ¦  ¦ y'],
    ],
    [
      'treats vMerge without a value as a continuation and keeps any text in one',
      tbl(tr(tc(p(r('1')), '<w:vMerge w:val="restart"/>') + tc(p(r('a')))) + tr(tc(p(''), '<w:vMerge/>') + tc(p(r('b')))) + tr(tc(p(r('stray')), '<w:vMerge w:val="continue"/>') + tc(p(r('c'))))),
      ['1 ¦ a', ' ¦ b', 'stray ¦ c'],
    ],
    ['skips tracked-deleted rows and wholly empty rows', tbl(tr(tc(p(r('gone'))), '<w:del/>') + tr(tc(p('')) + tc(p(''))) + tr(tc(p(r('kept'))))), ['kept']],
    ['reads rows and cells wrapped in content controls', tbl(`<w:sdt><w:sdtContent>${tr(`<w:sdt><w:sdtContent>${tc(p(r('in control')))}</w:sdtContent></w:sdt>${tc(p(r('plain')))}`)}</w:sdtContent></w:sdt>`), ['in control ¦ plain']],
  ])('%s', async (_label, body, expected) => {
    expect(await textsOf({ body })).toEqual(expected);
  });

  it('numbers blocks by their position in the document', async () => {
    expect(await blocksOf({ body: p(r('Title')) + p('') + tbl(tr(tc(p(r('a')))) + tr(tc(p(r('b'))))) + p(r('End')) })).toEqual([
      { kind: 'paragraph', line: 1, text: 'Title' },
      { kind: 'row', line: 2, cells: ['a'], fidelity: 'exact' },
      { kind: 'row', line: 3, cells: ['b'], fidelity: 'exact' },
      { kind: 'paragraph', line: 4, text: 'End' },
    ]);
  });

  it('rebuilds labels in every numbering format, with overrides, restarts and legal numbering', async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'upperLetter', '%2.')}${lvl(2, 'decimalZero', '%1.%2.%3', '<w:isLgl/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', '%1.')}${lvl(1, 'ordinal', '%2', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="3">${lvl(0, 'lowerLetter', '(%1)')}${lvl(1, 'none', '')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="26"/></w:lvlOverride></w:num>';
    const body =
      p(r('Scope'), num(1, 0)) +
      p(r('Wards'), num(1, 1)) +
      p(r('Beds'), num(1, 2)) +
      p(r('Staff'), num(1, 1)) +
      p(r('Review'), num(1, 0)) +
      p(r('Board'), num(1, 1)) +
      p(r('One'), num(2, 0)) +
      p(r('first'), num(2, 1)) +
      p(r('Two'), num(2, 0)) +
      p(r('second'), num(2, 1)) +
      p(r('Late'), num(3, 0)) +
      p(r('Later'), num(3, 0)) +
      p(r('Unlabelled'), num(3, 1)) +
      p(r('Not a list'), num(0, 0)) +
      p(r('Unknown list'), num(9, 0));
    expect(await textsOf({ body, numbering })).toEqual([
      'I. Scope',
      'A. Wards',
      '1.1.1 Beds',
      'B. Staff',
      'II. Review',
      'A. Board',
      '1. One',
      '1st first',
      '2. Two',
      '2nd second',
      '(z) Late',
      '(aa) Later',
      'Unlabelled',
      'Not a list',
      'Unknown list',
    ]);
  });

  it('counts empty list items but not list items deleted with their paragraph mark', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="1">${lvl(0, 'lowerLetter', '%1)')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
    const deletedMark = `${num(1)}<w:rPr><w:del/></w:rPr>`;
    const body = p(r('first'), num(1)) + p('', num(1)) + p(`<w:del><w:r><w:delText>removed</w:delText></w:r></w:del>`, deletedMark) + p(r('third'), num(1));
    expect(await textsOf({ body, numbering })).toEqual(['a) first', 'c) third']);
  });

  it('takes numbering from paragraph styles, their base styles and list styles', async () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1', '<w:pStyle w:val="Heading1"/>')}${lvl(1, 'decimal', '%1.%2', '<w:pStyle w:val="Heading2"/>')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="2"><w:styleLink w:val="PlanList"/>${lvl(0, 'lowerRoman', '%1)')}</w:abstractNum>` +
      '<w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="PlanList"/></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>';
    const styles =
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>' +
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/></w:style>` +
      `<w:style w:type="paragraph" w:styleId="ActionItem"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="numbering" w:styleId="PlanList"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>`;
    const style = (id: string): string => `<w:pStyle w:val="${id}"/>`;
    const body =
      p(r('Findings'), style('Heading1')) +
      p(r('Staffing'), style('Heading2')) +
      p(r('Training'), style('Heading2')) +
      p(r('Actions'), style('Heading1')) +
      p(r('Audit'), style('ActionItem')) +
      p(r('Report'), style('ActionItem')) +
      p(r('Plain'), style('Normal')) +
      p(r('Switched off'), `${style('ActionItem')}<w:numPr><w:numId w:val="0"/></w:numPr>`);
    expect(await textsOf({ body, numbering, styles })).toEqual(['1 Findings', '1.1 Staffing', '1.2 Training', '2 Actions', 'i) Audit', 'ii) Report', 'Plain', 'Switched off']);
  });

  it('reads numbering with tolerable defaults when the definitions are sparse', async () => {
    const numbering = '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>';
    expect(await textsOf({ body: p(r('x'), num(1)) + p(r('y'), '<w:numPr><w:numId w:val="1"/></w:numPr>'), numbering })).toEqual(['1. x', '2. y']);
  });

  it('finds the main part through the package relationships and reads strict OOXML', async () => {
    expect(await textsOf({ body: p(r('Moved')), mainPath: 'word/document2.xml' })).toEqual(['Moved']);
    expect(await textsOf({ body: p(r('Strict')), namespace: 'http://purl.oclc.org/ooxml/wordprocessingml/main' })).toEqual(['Strict']);
  });

  it.each<[string, () => Promise<Uint8Array>]>([
    ['not a ZIP at all', () => Promise.resolve(new TextEncoder().encode('plain text, not a document'))],
    ['a ZIP without a Word document in it', async () => new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'uint8array' })],
    ['a document part that is not well-formed XML', async () => new JSZip().file('word/document.xml', '<w:document><w:body>').generateAsync({ type: 'uint8array' })],
    ['a truncated file', async () => (await wordFile({ body: p(r('x')) })).slice(0, 200)],
  ])('throws a corrupt ImportFileError for %s', async (_label, make) => {
    const error = await readDocx(await make(), 'broken.docx').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ code: 'corrupt', message: expect.stringMatching(/^broken\.docx: .*; .*save it again/) as unknown });
  });
});
