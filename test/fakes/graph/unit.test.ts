import { describe, expect, it } from 'vitest';
import { ifMatchAllows } from './etags.js';
import { parseInstant } from './field-values.js';
import { filterPaths, parseFilter } from './odata-filter.js';

describe('parseFilter', () => {
  it.each([
    ["fields/A eq 'x'", { kind: 'compare', path: ['fields', 'A'], op: 'eq', literal: { type: 'string', value: 'x' } }],
    ["fields/A eq 'it''s'", { kind: 'compare', path: ['fields', 'A'], op: 'eq', literal: { type: 'string', value: "it's" } }],
    ['fields/N ge -2.5', { kind: 'compare', path: ['fields', 'N'], op: 'ge', literal: { type: 'number', value: -2.5 } }],
    ['fields/B eq true', { kind: 'compare', path: ['fields', 'B'], op: 'eq', literal: { type: 'boolean', value: true } }],
    ['fields/B ne null', { kind: 'compare', path: ['fields', 'B'], op: 'ne', literal: { type: 'null' } }],
    ['fields/D lt 2025-01-31T00:00:00Z', { kind: 'compare', path: ['fields', 'D'], op: 'lt', literal: { type: 'string', value: '2025-01-31T00:00:00Z' } }],
    ["displayName eq 'Plans'", { kind: 'compare', path: ['displayName'], op: 'eq', literal: { type: 'string', value: 'Plans' } }],
  ])('reads %s', (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it('binds and tighter than or, and honours parentheses', () => {
    const loose = parseFilter('fields/A eq 1 or fields/B eq 2 and fields/C eq 3');
    expect(loose.kind).toBe('or');
    const grouped = parseFilter('(fields/A eq 1 or fields/B eq 2) and fields/C eq 3');
    expect(grouped.kind).toBe('and');
    expect(filterPaths(grouped).map((p) => p.join('/'))).toEqual(['fields/A', 'fields/B', 'fields/C']);
  });

  it.each(["fields/A eq 'x", 'fields/A like 1', 'fields/A eq', "startswith(fields/A,'x')", '', "fields/A eq 'x' fields/B eq 'y'", "(fields/A eq 'x'"])('refuses %s', (text) => {
    expect(() => parseFilter(text)).toThrow();
  });
});

describe('ifMatchAllows', () => {
  const current = '"0f8fad5b-d9cb-469f-a165-70867728950e,3"';
  it.each([
    [undefined, true],
    ['*', true],
    [current, true],
    ['"{0F8FAD5B-D9CB-469F-A165-70867728950E},3"', true],
    ['W/"0f8fad5b-d9cb-469f-a165-70867728950e,3"', true],
    ['"0f8fad5b-d9cb-469f-a165-70867728950e,2"', false],
    [`"other,1", ${current}`, true],
  ])('If-Match %s → %s', (header, allowed) => {
    expect(ifMatchAllows(header, current)).toBe(allowed);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2025-01-31', Date.UTC(2025, 0, 31)],
    ['2025-01-31T10:00:00Z', Date.UTC(2025, 0, 31, 10)],
    ['2025-01-31T10:00:00+01:00', Date.UTC(2025, 0, 31, 9)],
    ['2025-02-30', null],
    ['31/01/2025', null],
    ['2025-01-31T10:00:00', null],
  ])('%s → %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });
});
