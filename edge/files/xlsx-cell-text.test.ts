import type { CellValue } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, formatDate, formatNumber } from './xlsx-cell-text.js';

describe('formatNumber', () => {
  it.each<[number, string | undefined, string]>([
    [42, undefined, '42'],
    [0.1 + 0.2, 'General', '0.3'],
    [2 / 3, undefined, '0.66666666667'],
    [0.76, '0%', '76%'],
    [0.7649, '0.0%', '76.5%'],
    [1, '0%', '100%'],
    [1234.5, '#,##0.00', '1,234.50'],
    [1234.5, '0', '1235'],
    [1234567, '#,##0', '1,234,567'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [1500, '"£"#,##0', '£1,500'],
    [1500, '[$£-809]#,##0.00', '£1,500.00'],
    [-5, '£#,##0;(£#,##0)', '(£5)'],
    [-5, '£#,##0', '-£5'],
    [0, '_-£* #,##0.00_-;-£* #,##0.00_-;_-£* "-"??_-;_-@_-', '£ -'],
    [1234, '_-£* #,##0.00_-;-£* #,##0.00_-;_-£* "-"??_-;_-@_-', '£ 1,234.00'],
    [0.5, '#.00', '.50'],
    [3, '0 "days"', '3 days'],
    [12, '0\\ \\w\\k\\s', '12 wks'],
    [7, '00', '07'],
    [5, '[Red]0.00', '5.00'],
    [0.25, '# ?/?', '0.25'],
    [12345, '0.00E+00', '12345'],
    [45382, 'dd/mm/yyyy', '31/03/2024'],
    [45382, 'mmm-yy', '31/03/2024'],
    [45382.5, 'h:mm', '12:00'],
    [7, '@', '7'],
  ])('%s in %s -> %s', (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each<[Date, string | undefined, string]>([
    [new Date(Date.UTC(2024, 2, 31)), 'mm-dd-yy', '31/03/2024'],
    [new Date(Date.UTC(2024, 0, 5)), 'd mmmm yyyy', '05/01/2024'],
    [new Date(Date.UTC(2024, 0, 5, 9, 30)), 'dd/mm/yyyy hh:mm', '05/01/2024 09:30'],
    [new Date(Date.UTC(2024, 0, 5, 9, 30, 15)), 'hh:mm:ss', '09:30:15'],
    [new Date(Date.UTC(2024, 0, 5, 9, 30)), undefined, '05/01/2024 09:30'],
    [new Date(Date.UTC(2024, 0, 5)), undefined, '05/01/2024'],
    [new Date(Number.NaN), undefined, ''],
  ])('%s in %s -> %s', (date, format, expected) => {
    expect(formatDate(date, format)).toBe(expected);
  });
});

describe('cellText', () => {
  it.each<[string, CellValue, string | undefined, string]>([
    ['empty', null, undefined, ''],
    ['undefined', undefined, undefined, ''],
    ['string with CRLF and CR breaks', 'a\r\nb\rc', undefined, 'a\nb\nc'],
    ['true', true, undefined, 'Yes'],
    ['false', false, undefined, 'No'],
    ['rich text', { richText: [{ text: 'Audit ' }, { text: 'now\r\n', font: { bold: true } }] }, undefined, 'Audit now\n'],
    ['error', { error: '#DIV/0!' }, undefined, '#DIV/0!'],
    ['formula with a percent result', { formula: 'A1/B1', result: 0.5 }, '0%', '50%'],
    ['formula with a date result', { formula: 'TODAY()', result: new Date(Date.UTC(2025, 10, 1)) }, 'dd/mm/yy', '01/11/2025'],
    ['formula with an error result', { formula: 'VLOOKUP(1,A:A,2)', result: { error: '#N/A' } }, undefined, '#N/A'],
    ['formula without a cached result', { formula: 'A1' }, undefined, ''],
    ['shared formula', { sharedFormula: 'A1', result: 3 }, undefined, '3'],
    ['hyperlink', { text: 'Policy', hyperlink: 'https://example.nhs.uk' }, undefined, 'Policy'],
  ])('%s', (_label, value, format, expected) => {
    expect(cellText(value, format)).toBe(expected);
  });

  it('reads a hyperlink whose text is rich text', () => {
    const value = { text: { richText: [{ text: 'Po' }, { text: 'licy' }] }, hyperlink: 'x' } as unknown as CellValue;
    expect(cellText(value, undefined)).toBe('Policy');
  });
});
