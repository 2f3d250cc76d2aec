import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BOARD_PAPER_COLUMNS, boardPaperRows } from '../../core/export/board-paper.js';
import { RAG_COLOURS } from '../../core/export/rag-colours.js';
import { writeBoardPaperDocx } from '../../edge/files/write-board-paper-docx.js';
import { parseXml } from '../../edge/files/xml.js';
import { cliHarness } from '../support/cli-harness.js';
import { HOSTILE, hostilePaper } from '../support/paper-fixtures.js';
import { type DocxBlock, docxTables, readDocx } from '../support/paper-readers.js';
import { dueOn, TODAY, tree } from '../support/view-fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'test/fixtures/plans/row-per-line.txt');
const CREATED = new Date('2025-06-20T09:00:00Z');

const { state, run } = cliHarness('followthrough-board-paper-docx-');

const headings = (blocks: DocxBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' && b.style?.startsWith('Heading') ? [`${b.style}: ${b.text}`] : []));

describe('board paper DOCX', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is A4 landscape, with the title, its details, a summary and each section under its heading', async () => {
    const read = await readDocx(await writeBoardPaperDocx(hostilePaper(), { created: CREATED }));
    expect(read.page).toEqual({ width: '16838', height: '11906', orient: 'landscape' });
    expect(headings(read.blocks)).toEqual([`Heading1: ${HOSTILE.markup} review`, 'Heading2: Summary', 'Heading2: Overdue', 'Heading2: Decisions', 'Heading2: Escalated']);
    const texts = read.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(texts).toEqual(expect.arrayContaining([`References: ${HOSTILE.formula}`, 'As of: 20 Jun 2025', `Since the meeting of 12 May 2025 ${HOSTILE.markup}`, 'None.']));

    const [summary, overdue, decisions, ...rest] = docxTables(read);
    expect(rest).toEqual([]);
    expect(summary?.map((r) => r.cells.map((c) => c.text))).toEqual([['Summary', 'Count'], ['Actions', '3'], ['RAG: Red', '1'], [HOSTILE.at, '0']]);
    expect(overdue?.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Ref', 'Action', 'Lead', 'RAG'],
      ['1 a', HOSTILE.formula, HOSTILE.plus, 'Red'],
      ['1 b', `${HOSTILE.minus}\nsecond line`, HOSTILE.markup, 'Amber'],
    ]);
    // The vertical tab XML cannot carry is gone; the words around it stay.
    expect(decisions?.map((r) => r.cells.map((c) => c.text))).toEqual([['Decision', 'By'], [HOSTILE.at, 'Chair of the committee']]);
  });

  it('repeats each table\'s header row on every page, and only the header row', async () => {
    const tables = docxTables(await readDocx(await writeBoardPaperDocx(hostilePaper(), { created: CREATED })));
    expect(tables.map((rows) => rows.map((r) => r.header))).toEqual([[true, false, false, false], [true, false, false], [true, false]]);
    expect(tables.map((rows) => rows[0]?.cells.every((c) => c.bold))).toEqual([true, true, true]);
  });

  it('shades RAG cells in the paper\'s colours, labelled in words, in the table and the summary', async () => {
    const [summary, overdue] = docxTables(await readDocx(await writeBoardPaperDocx(hostilePaper(), { created: CREATED })));
    const ragCells = overdue?.slice(1).map((r) => r.cells[3]);
    expect(ragCells).toEqual([
      { text: 'Red', fill: RAG_COLOURS.red.fill, colour: RAG_COLOURS.red.text, bold: true },
      { text: 'Amber', fill: 'FFC000', colour: '000000', bold: true },
    ]);
    expect(overdue?.[1]?.cells[1]).toMatchObject({ fill: undefined, bold: false });
    expect(summary?.[2]?.cells[0]).toMatchObject({ text: 'RAG: Red', fill: 'C00000', colour: 'FFFFFF' });
  });

  it('keeps hostile text as plain words: escaped XML, no field, no link, every part well-formed', async () => {
    const read = await readDocx(await writeBoardPaperDocx(hostilePaper(), { created: CREATED }));
    const document = read.parts.get('word/document.xml') ?? '';
    expect(document).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar|<w:hyperlink|<script/);
    expect(document).toContain('&lt;script&gt;');
    for (const [path, xml] of read.parts) if (/\.(xml|rels)$/.test(path)) expect(() => parseXml(xml), path).not.toThrow();
    expect(read.parts.get('docProps/core.xml')).toContain('<dc:title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quoted&apos; &lt;b&gt;bold&lt;/b&gt; review</dc:title>');
  });

  it('gives the same bytes for the same paper and creation date, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = await writeBoardPaperDocx(hostilePaper(), { created: CREATED });
    vi.setSystemTime(new Date('2031-07-15T13:37:00Z'));
    const second = await writeBoardPaperDocx(hostilePaper(), { created: CREATED });
    expect(Buffer.compare(first, second)).toBe(0);
    const core = (await readDocx(first)).parts.get('docProps/core.xml') ?? '';
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-06-20T09:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-06-20T09:00:00Z</dcterms:modified>');
  });

  it.each([HOSTILE.formula, HOSTILE.plus, HOSTILE.minus, HOSTILE.at])('a plan action reading %j shows as written: Word evaluates nothing', async (text) => {
    const plan = tree([{ number: '1', actions: [{ id: 'a1', ref: 'a', text, ...dueOn('2025-09-30'), leadText: text, rag: 'amber' }] }], { title: text });
    const read = await readDocx(await writeBoardPaperDocx(boardPaperRows(plan, [], TODAY), { created: CREATED }));
    const actions = docxTables(read)[1];
    expect(actions?.[0]?.cells.map((c) => c.text)).toEqual([...BOARD_PAPER_COLUMNS]);
    const row = actions?.[1]?.cells;
    expect([row?.[2]?.text, row?.[3]?.text]).toEqual([text, text]);
    expect(headings(read.blocks)[0]).toBe(`Heading1: ${text}`);
    expect(read.parts.get('word/document.xml')).not.toMatch(/<w:fldSimple|<w:instrText|<w:hyperlink/);
  });
});

describe('followthrough export --docx', () => {
  it('writes the plan as a Word board paper dated by the clock', async () => {
    await run('import', FIXTURE);
    const file = join(state.dir, 'board.docx');
    const result = await run('export', 'review of care', '--docx', file);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(`(3 actions) written to ${file}`);
    const read = await readDocx(readFileSync(file));
    expect(headings(read.blocks)).toEqual(['Heading1: Action plan following the independent review of care provided to Mr A', 'Heading2: Summary', 'Heading2: Actions']);
    const actions = docxTables(read)[1];
    expect(actions?.slice(1).map((r) => [r.cells[0]?.text, r.cells[6]?.text, r.cells[7]?.fill])).toEqual([
      ['1', 'In progress', 'FFC000'],
      ['2', 'Not started', 'C00000'],
      ['3', 'Not known', undefined],
    ]);
    expect(read.parts.get('docProps/core.xml')).toContain('2025-06-20T09:00:00Z</dcterms:created>');
  });
});
