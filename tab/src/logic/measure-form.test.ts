import { describe, expect, it } from 'vitest';
import { checkMeasure, checkReading, measureValuesOf, parseNumber } from './measure-form.js';

describe('parseNumber', () => {
  it.each<[string, number | null]>([
    ['89.87', 89.87],
    [' 90 % ', 90],
    ['-3', -3],
    ['.5', 0.5],
    ['12.', 12],
    ['', null],
    ['1e3', null],
    ['ninety', null],
    ['1,000', null],
  ])('%j → %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});

describe('checkMeasure', () => {
  const blank = measureValuesOf(null);

  it('sends a plan-level indicator with its target', () => {
    expect(checkMeasure({ ...blank, name: ' Audit compliance ', unit: '%', target: '90' })).toEqual({
      ok: true,
      request: { name: 'Audit compliance', unit: '%', target: 90, direction: 'increase', actionId: null },
    });
  });

  it('ties a measure to an action and allows no target', () => {
    expect(checkMeasure({ ...blank, name: 'Attendance', actionId: 'act-1', direction: 'decrease' })).toMatchObject({ ok: true, request: { target: null, actionId: 'act-1', direction: 'decrease' } });
  });

  it.each([
    [{ name: '' }, { name: 'Give the measure a name.' }],
    [{ name: 'x', target: 'most' }, { target: 'Write the target as a number, such as 90 or 12.5.' }],
    [{ name: 'x', unit: 'u'.repeat(21) }, { unit: 'The unit is too long (at most 20 characters).' }],
  ])('refuses %j', (values, errors) => {
    expect(checkMeasure({ ...blank, ...values })).toEqual({ ok: false, errors });
  });

  it('starts an edit from the measure as stored', () => {
    const measure = { id: 'm', planId: 'p', name: 'Audit', unit: '%', target: 90, direction: 'increase' as const, actionId: 'a-1', values: [], version: 2, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' };
    expect(measureValuesOf(measure)).toEqual({ name: 'Audit', unit: '%', target: '90', direction: 'increase', actionId: 'a-1' });
  });
});

describe('checkReading', () => {
  it('sends a reading with its note, or none', () => {
    expect(checkReading({ date: '2025-06-01', value: '89.87', note: '' }, '2025-06-10')).toEqual({ ok: true, request: { date: '2025-06-01', value: 89.87, note: null } });
    expect(checkReading({ date: '2025-06-10', value: '4', note: ' ward 3 only ' }, '2025-06-10')).toMatchObject({ ok: true, request: { note: 'ward 3 only' } });
  });

  it.each([
    [{ date: '', value: '4', note: '' }, { date: 'Give the date the reading is for.' }],
    [{ date: '2025-06-11', value: '4', note: '' }, { date: 'A reading cannot be dated after today.' }],
    [{ date: '2025-06-01', value: '', note: '' }, { value: 'Give the reading.' }],
    [{ date: '2025-06-01', value: 'high', note: '' }, { value: 'Write the reading as a number, such as 89.87.' }],
    [{ date: '2025-06-01', value: '4', note: 'n'.repeat(501) }, { note: 'The note is too long (at most 500 characters).' }],
  ])('refuses %j', (values, errors) => {
    expect(checkReading(values, '2025-06-10')).toEqual({ ok: false, errors });
  });
});
