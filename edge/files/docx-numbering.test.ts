import { describe, expect, it } from 'vitest';
import { formatNumber } from './docx-numbering.js';

describe('formatNumber', () => {
  it.each<[number, string, string]>([
    [3, 'decimal', '3'],
    [1, 'lowerLetter', 'a'],
    [26, 'lowerLetter', 'z'],
    [27, 'lowerLetter', 'aa'],
    [53, 'upperLetter', 'AAA'],
    [4, 'lowerRoman', 'iv'],
    [1994, 'upperRoman', 'MCMXCIV'],
    [0, 'upperRoman', '0'],
    [0, 'lowerLetter', '0'],
    [7, 'decimalZero', '07'],
    [12, 'decimalZero', '12'],
    [1, 'ordinal', '1st'],
    [2, 'ordinal', '2nd'],
    [3, 'ordinal', '3rd'],
    [11, 'ordinal', '11th'],
    [22, 'ordinal', '22nd'],
    [5, 'bullet', '•'],
    [5, 'none', ''],
    [5, 'japaneseCounting', '5'],
  ])('%s as %s -> %s', (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });
});
