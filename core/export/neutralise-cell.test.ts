import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './neutralise-cell.js';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
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
