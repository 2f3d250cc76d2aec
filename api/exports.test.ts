// The board-paper exports in process over the demo plan: each format for the plan and for the
// meeting, read back as a person's software would (exceljs, the DOCX's XML, the HTML's text)
// and checked for content, colour and neutralised formulas; a bad request is a 400.
import type ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAPER_CONTENT_TYPES } from '../core/export/paper-file.js';
import { RAG_COLOURS } from '../core/export/rag-colours.js';
import { ApiErrorBody } from '../core/views/tab-api.js';
import { docxTables, readDocx, readWorkbook, sheet } from '../test/support/paper-readers.js';
import { type ApiCall, openTabApi, PEOPLE, type TabWorld, TODAY } from '../test/support/tab-world.js';
import type { ApiResponse } from './tab-api.js';

const FORUM = 'Quality and Safety Committee';
const MEETING_QUERY = { forum: FORUM, since: '2025-05-26' };

let world: TabWorld;
let call: ApiCall;

beforeEach(async () => ({ world, call } = await openTabApi()));
afterEach(() => world.app.store.close());

const exportPlan = (format: string) => call('GET', `/api/plans/${world.planId}/export`, PEOPLE.stranger, undefined, { format });
const exportMeeting = (format: string, query: Record<string, string> = MEETING_QUERY) => call('GET', '/api/meetings/export', PEOPLE.stranger, undefined, { ...query, format });

function bytesOf(answer: ApiResponse): Uint8Array {
  expect(answer.status).toBe(200);
  if (answer.file === undefined) throw new Error(`no file: ${JSON.stringify(answer.body)}`);
  return answer.file.bytes;
}

/** A sheet's rows as the texts of their cells (a formula would show as an object, and fail). */
function rowsOf(table: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  table.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('GET /api/plans/:planId/export', () => {
  it.each(['xlsx', 'docx', 'html'] as const)('answers %s with its type and a file name from the plan\'s reference', async (format) => {
    const answer = await exportPlan(format);
    expect(answer.file).toMatchObject({ contentType: PAPER_CONTENT_TYPES[format], fileName: `steis-2099-00001-board-paper-${TODAY}.${format}` });
    expect(answer.body).toBeNull();
  });

  it('as XLSX: the summary, every action in the plan\'s columns, RAG-coloured, and the outcome measures', async () => {
    const workbook = await readWorkbook(bytesOf(await exportPlan('xlsx')));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Actions', 'Outcome measures']);
    const actions = rowsOf(sheet(workbook, 'Actions'));
    expect(actions.slice(1).map((row) => row[0])).toEqual(['1 a', '1 b', '2 a', '2 b', '3 a', '3 b']);
    const rag = (actions[0] ?? []).indexOf('RAG') + 1;
    expect(sheet(workbook, 'Actions').getRow(2).getCell(rag).fill).toMatchObject({ fgColor: { argb: `FF${RAG_COLOURS.red.fill}` } });
    const measures = rowsOf(sheet(workbook, 'Outcome measures'));
    expect(measures[0]).toEqual(['1 of 2 outcome measures met.']);
    expect(measures[2]?.slice(0, 2)).toEqual(['Risk assessments reviewed after a change in circumstances (audit)', 'Whole plan']);
    expect(measures[3]?.slice(1, 2)).toEqual(['Action 2 b']);
  });

  it('as XLSX: a hostile action text comes back behind a quote, never a formula', async () => {
    const action = await world.app.store.getAction(world.id('1a'));
    await call('PATCH', `/api/actions/${world.id('1a')}`, PEOPLE.lead, { version: action?.version, fields: { text: '=HYPERLINK("http://evil.example","Click")' } });
    const table = sheet(await readWorkbook(bytesOf(await exportPlan('xlsx'))), 'Actions');
    const cell = table.getRow(2).getCell(3);
    expect([cell.value, cell.formula]).toEqual(['\'=HYPERLINK("http://evil.example","Click")', undefined]);
  });

  it('as DOCX: the actions table and the measures, with the RAG cells shaded', async () => {
    const read = await readDocx(bytesOf(await exportPlan('docx')));
    const [summary, actions, measures] = docxTables(read);
    expect(summary?.[1]?.cells.map((cell) => cell.text)).toEqual(['Actions', '6']);
    expect(actions?.slice(1).map((row) => row.cells[0]?.text)).toEqual(['1 a', '1 b', '2 a', '2 b', '3 a', '3 b']);
    const ragIndex = actions?.[0]?.cells.findIndex((cell) => cell.text === 'RAG') ?? -1;
    expect(actions?.[1]?.cells[ragIndex]).toMatchObject({ text: 'Red', fill: RAG_COLOURS.red.fill });
    expect(measures?.[1]?.cells.map((cell) => cell.text).slice(0, 4)).toEqual(['Risk assessments reviewed after a change in circumstances (audit)', 'Whole plan', '60.49% (10 Feb 2025)', '89.87% (11 May 2025)']);
  });

  it('as HTML: one printable page with the plan and its measures', async () => {
    const html = new TextDecoder().decode(bytesOf(await exportPlan('html')));
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Demo: action plan following an independent mental health homicide review');
    expect(html).toContain('Outcome measures');
    expect(html).toContain('+29.38%');
  });

  it.each([
    ['no format', {}],
    ['a format it does not write', { format: 'pdf' }],
  ])('answers 400 for %s', async (_what, query) => {
    const answer = await call('GET', `/api/plans/${world.planId}/export`, PEOPLE.lead, undefined, query);
    expect([answer.status, ApiErrorBody.parse(answer.body).error.code, answer.file]).toEqual([400, 'BadRequest', undefined]);
  });

  it('answers 404 for a plan that does not exist', async () => {
    expect((await call('GET', '/api/plans/no-such-plan/export', PEOPLE.lead, undefined, { format: 'xlsx' })).status).toBe(404);
  });
});

describe('GET /api/meetings/export', () => {
  it('as XLSX: a sheet per part of the meeting, named for the forum and the meeting\'s date', async () => {
    const answer = await exportMeeting('xlsx');
    expect(answer.file?.fileName).toBe(`quality-and-safety-committee-board-paper-${TODAY}.xlsx`);
    const workbook = await readWorkbook(bytesOf(answer));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Changed since the last meeting', 'Overdue', 'Escalated', 'Awaiting assurance', 'Decisions at this meeting', 'Outcome measures']);
    expect(sheet(workbook, 'Summary').getCell('A1').value).toBe(`${FORUM}: meeting of 10 Jun 2025`);
    const overdue = rowsOf(sheet(workbook, 'Overdue'));
    expect(overdue[2]?.slice(0, 2)).toEqual(['StEIS 2099/00001', '1 a']);
    const rag = (overdue[1] ?? []).indexOf('RAG') + 1;
    expect(sheet(workbook, 'Overdue').getRow(3).getCell(rag).fill).toMatchObject({ fgColor: { argb: `FF${RAG_COLOURS.red.fill}` } });
    expect(rowsOf(sheet(workbook, 'Awaiting assurance'))[2]?.slice(1, 2)).toEqual(['3 b']);
  });

  it('as DOCX: each part under its heading, with the decisions taken at the meeting', async () => {
    await call('POST', `/api/actions/${world.id('3b')}/review`, PEOPLE.reviewer, { decision: 'assure', meeting: { forum: FORUM, date: TODAY } });
    const read = await readDocx(bytesOf(await exportMeeting('docx', { ...MEETING_QUERY, date: TODAY })));
    const headings = read.blocks.flatMap((block) => (block.kind === 'paragraph' && block.style === 'Heading2' ? [block.text] : []));
    expect(headings).toEqual(['Summary', 'Changed since the last meeting', 'Overdue', 'Escalated', 'Awaiting assurance', 'Decisions at this meeting', 'Outcome measures']);
    const texts = docxTables(read).flatMap((table) => table.flatMap((row) => row.cells.map((cell) => cell.text)));
    expect(texts).toContain('Assured at Quality and Safety Committee on 10 Jun 2025.');
    expect(texts).toContain('Status: Complete → Assured');
  });

  it('as HTML: the meeting\'s paper', async () => {
    const html = new TextDecoder().decode(bytesOf(await exportMeeting('html')));
    expect(html).toContain('Awaiting assurance');
    expect(html).toContain('Learning summary circulated; team meeting minutes.');
  });

  it.each([
    ['a bad format', { ...MEETING_QUERY, format: 'csv' }],
    ['no forum', { since: '2025-05-26', format: 'xlsx' }],
    ['no since', { forum: FORUM, format: 'xlsx' }],
  ])('answers 400 for %s', async (_what, query) => {
    const answer = await call('GET', '/api/meetings/export', PEOPLE.lead, undefined, query);
    expect([answer.status, ApiErrorBody.parse(answer.body).error.code]).toEqual([400, 'BadRequest']);
  });
});
