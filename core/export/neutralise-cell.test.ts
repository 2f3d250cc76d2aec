import { describe, expect, it } from 'vitest';
import { HOSTILE, hostilePaper } from '../../test/support/paper-fixtures.js';
import { neutraliseCell, spreadsheetLayout } from './neutralise-cell.js';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\n=1+1', "'\n=1+1"],
  ])('prefixes %j with a quote so it stays text', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each([
    ['Audit discharge letters'],
    [''],
    ['2 b'],
    ['Total = 3'],
    ['– a'],
    ["'already quoted"],
  ])('leaves %j alone', (input) => {
    expect(neutraliseCell(input)).toBe(input);
  });
});

describe('spreadsheetLayout', () => {
  const paper = spreadsheetLayout(hostilePaper());
  const texts = [
    paper.title,
    ...paper.details.flatMap((d) => [d.label, d.value]),
    ...paper.summary.map((s) => s.label),
    ...paper.sections.flatMap((s) => [s.heading, ...(s.note === undefined ? [] : [s.note]), ...s.columns, ...s.rows.flatMap((r) => r.cells)]),
  ];

  it('neutralises every text of every section, the summary and the details', () => {
    expect(texts.filter((t) => /^[=+\-@\t\r\n]/.test(t))).toEqual([]);
    expect(texts).toEqual(expect.arrayContaining([`'${HOSTILE.formula}`, `'${HOSTILE.plus}`, `'${HOSTILE.minus}\nsecond line`, `'${HOSTILE.at}`]));
  });

  it('drops what a spreadsheet cannot hold before neutralising, so a hidden character cannot shield a formula', () => {
    const sneaky = spreadsheetLayout({ ...hostilePaper(), title: '\u000B=1+1', details: [{ label: 'Owner', value: '\r=2' }] });
    expect([sneaky.title, sneaky.details[0]?.value]).toEqual(["'=1+1", "'\n=2"]);
  });

  it('leaves the layout it was given raw', () => {
    const raw = hostilePaper();
    spreadsheetLayout(raw);
    expect(raw.details[0]?.value).toBe(HOSTILE.formula);
  });
});
