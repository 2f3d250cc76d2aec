import { describe, expect, it } from 'vitest';
import { parseDelimited, sniffDelimiter, type Delimiter } from './delimited.js';

/** Rows as [line, cells] pairs, the shape most assertions care about. */
function rows(text: string, delimiter?: Delimiter): [number, string[]][] {
  const options = delimiter === undefined ? {} : { delimiter };
  return parseDelimited(text, options).blocks.map((block) => {
    if (block.kind !== 'row') throw new Error('expected only rows');
    return [block.line, block.cells];
  });
}

describe('parseDelimited', () => {
  it.each<[string, string, [number, string[]][]]>([
    ['simple fields', 'No,Action,Lead\n1,Audit,Matron', [[1, ['No', 'Action', 'Lead']], [2, ['1', 'Audit', 'Matron']]]],
    ['quoted delimiter', '1,"Review, then audit",Lead', [[1, ['1', 'Review, then audit', 'Lead']]]],
    ['doubled quotes', '1,"The ""Safe"" ward",x', [[1, ['1', 'The "Safe" ward', 'x']]]],
    ['a quoted field that is only a quote', '"""",b', [[1, ['"', 'b']]]],
    ['embedded LF', '1,"a)\nb)",x\n2,y,z', [[1, ['1', 'a)\nb)', 'x']], [3, ['2', 'y', 'z']]]],
    ['embedded CRLF becomes LF', '1,"a\r\nb",x\r\n2,y,z', [[1, ['1', 'a\nb', 'x']], [3, ['2', 'y', 'z']]]],
    ['embedded CR becomes LF', '1,"a\rb",x\r2,y,z', [[1, ['1', 'a\nb', 'x']], [3, ['2', 'y', 'z']]]],
    ['CRLF records', 'a,b\r\nc,d\r\n', [[1, ['a', 'b']], [2, ['c', 'd']]]],
    ['CR-only records (old Mac Excel)', 'a,b\rc,d', [[1, ['a', 'b']], [2, ['c', 'd']]]],
    ['cells trimmed, inner newlines kept', ' a ,"  b\n c  "', [[1, ['a', 'b\n c']]]],
    ['whitespace before an opening quote', 'a, "b, c" ,d', [[1, ['a', 'b, c', 'd']]]],
    ['a quote mid-field is a character', 'a,He said "no",c', [[1, ['a', 'He said "no"', 'c']]]],
    ['text after a closing quote is kept', '"ab"cd,e', [[1, ['abcd', 'e']]]],
    ['empty cells kept in place', 'a,,c\n,,z', [[1, ['a', '', 'c']], [2, ['', '', 'z']]]],
    ['blank records skipped, lines still counted', 'a,b\n\n , \n,\nc,d', [[1, ['a', 'b']], [5, ['c', 'd']]]],
    ['BOM stripped', '\uFEFFNo,Action\n1,x', [[1, ['No', 'Action']], [2, ['1', 'x']]]],
    ['trailing delimiter gives an empty last cell', 'a,b,\n', [[1, ['a', 'b', '']]]],
    ['unterminated quote keeps the rest of the input', '1,"never closed,\n2,more', [[1, ['1', 'never closed,\n2,more']]]],
    ['empty input', '', []],
    ['only line breaks', '\r\n\n\r', []],
  ])('%s', (_label, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it.each<[string, Delimiter, string, string[][]]>([
    ['tab', '\t', 'a\tb, c\t"d\te"', [['a', 'b, c', 'd\te']]],
    ['semicolon', ';', 'a;b, c;"d;e"', [['a', 'b, c', 'd;e']]],
    ['comma with tabs in cells', ',', 'a\tb,c', [['a\tb', 'c']]],
  ])('explicit %s delimiter', (_label, delimiter, text, expected) => {
    expect(rows(text, delimiter).map(([, cells]) => cells)).toEqual(expected);
  });

  it('records every row as exact, with the name given or a default', () => {
    expect(parseDelimited('a,b', { name: 'plan.csv' })).toEqual({
      name: 'plan.csv',
      blocks: [{ kind: 'row', line: 1, cells: ['a', 'b'], fidelity: 'exact' }],
    });
    expect(parseDelimited('a').name).toBe('pasted text');
  });

  it('keeps a record spanning many lines with the line it starts on', () => {
    const text = 'No,Action\n1,"a) Review\n\nb) Audit\n"\n2,Train';
    expect(rows(text)).toEqual([
      [1, ['No', 'Action']],
      [2, ['1', 'a) Review\n\nb) Audit']],
      [6, ['2', 'Train']],
    ]);
  });
});

describe('sniffDelimiter', () => {
  it.each<[string, string, Delimiter]>([
    ['commas', 'No,Action,Lead\n1,x,y', ','],
    ['tabs', 'No\tAction\tLead\n1\tx, with comma\ty', '\t'],
    ['semicolons beat commas in unquoted prose', 'No;Action;Lead\n1;Train staff, audit, report;Matron\n2;Review;Lead, Deputy', ';'],
    ['commas inside quotes do not count', '"a;b";c;d\n"e;f";g;h', ';'],
    ['a title line without delimiters does not decide', 'Action plan\nNo\tAction\n1\tx\n2\ty', '\t'],
    ['no delimiter at all falls back to comma', 'just text\nmore text', ','],
    ['a single record: the wider split wins', 'a;b;c,d', ';'],
    ['a quoted newline does not split the sniffed record', 'a,"b\nc;d;e;f",g\nh,i,j', ','],
  ])('%s', (_label, text, expected) => {
    expect(sniffDelimiter(text)).toBe(expected);
  });

  it('is used when no delimiter is given', () => {
    expect(rows('a;b\nc;d')).toEqual([[1, ['a', 'b']], [2, ['c', 'd']]]);
  });
});
