import { describe, expect, it } from 'vitest';
import { listSpec } from '../list-schema.js';
import { columnDefinition, listDefinition } from './column-definition.js';
import { dateOnlyOf, fromGraphFields, itemFromFieldValueSet, pathSegment, toGraphFields, toListItem } from './item-mapping.js';

const actions = listSpec('actions');

describe('dateOnlyOf', () => {
  it.each<[string, string | null]>([
    ['2025-06-30', '2025-06-30'],
    ['2025-06-30T00:00:00Z', '2025-06-30'],
    ['2025-06-29T23:00:00Z', '2025-06-30'],
    ['2025-06-30T05:00:00Z', '2025-06-30'],
    ['2025-06-30T01:00:00+01:00', '2025-06-30'],
    ['2025-02-30', null],
    ['30/06/2025', null],
    ['', null],
  ])('%j → %j', (value, expected) => {
    expect(dateOnlyOf(value)).toBe(expected);
  });
});

describe('toGraphFields', () => {
  it('keeps numbers, booleans and text as they are, dateOnly as YYYY-MM-DD, and null to clear', () => {
    expect(toGraphFields(actions, { Title: 'A', FtKey: 'k', FtPosition: 2, FtDueDate: '2025-06-30T00:00:00Z', FtDueText: null, FtStatus: 'blocked', FtUpdated: '2025-03-01T12:00:00Z', FtLeads: undefined })).toEqual({
      Title: 'A',
      FtKey: 'k',
      FtPosition: 2,
      FtDueDate: '2025-06-30',
      FtDueText: null,
      FtStatus: 'blocked',
      FtUpdated: '2025-03-01T12:00:00Z',
    });
    expect(toGraphFields(listSpec('plans'), { FtCommitted: false, FtUpdated: new Date('2025-03-01T12:00:00Z') })).toEqual({ FtCommitted: false, FtUpdated: '2025-03-01T12:00:00.000Z' });
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [{ FtUnknown: 1 }, /"FtUnknown": the Followthrough Actions list has no such column/],
    [{ FtPosition: '2' }, /FtPosition needs a number, not "2"/],
    [{ FtPosition: Number.NaN }, /FtPosition needs a number/],
    [{ FtDueDate: '2025-13-01' }, /FtDueDate needs a date written YYYY-MM-DD/],
    [{ FtStatus: 'done' }, /FtStatus needs one of/],
    [{ FtUpdated: 'yesterday' }, /FtUpdated needs an ISO 8601 date-time/],
    [{ Title: 3 }, /Title must be text/],
  ])('refuses %j', (fields, message) => {
    expect(() => toGraphFields(actions, fields)).toThrow(message);
  });
});

describe('reading items', () => {
  it('drops OData annotations and normalises dateOnly columns', () => {
    expect(fromGraphFields(actions, { '@odata.etag': '"x,1"', FtDueDate: '2025-06-29T23:00:00Z', FtUpdated: '2025-03-01T12:00:00Z', FtPosition: 1 })).toEqual({
      FtDueDate: '2025-06-30',
      FtUpdated: '2025-03-01T12:00:00Z',
      FtPosition: 1,
    });
  });

  it('takes the item eTag, or the fields eTag after an update', () => {
    expect(toListItem(actions, { id: '3', eTag: '"g,2"', fields: { FtKey: 'k' } })).toEqual({ id: '3', eTag: '"g,2"', fields: { FtKey: 'k' } });
    expect(itemFromFieldValueSet(actions, '3', { '@odata.etag': '"g,3"', FtKey: 'k' })).toEqual({ id: '3', eTag: '"g,3"', fields: { FtKey: 'k' } });
  });

  it('reports an answer without id or eTag as outcome unknown, so a create looks itself up', () => {
    expect(() => toListItem(actions, { fields: {} })).toThrow(expect.objectContaining({ code: 'unexpectedResponse', outcome: 'unknown' }));
    expect(() => itemFromFieldValueSet(actions, '3', { FtKey: 'k' })).toThrow(/no eTag/);
  });
});

describe('pathSegment', () => {
  it('encodes ids but keeps the commas of a site id', () => {
    expect(pathSegment('contoso.sharepoint.com,1111,2222')).toBe('contoso.sharepoint.com,1111,2222');
    expect(pathSegment('a/b?c')).toBe('a%2Fb%3Fc');
    expect(() => pathSegment('')).toThrow();
  });
});

describe('columnDefinition', () => {
  it.each([
    [{ name: 'FtA', displayName: 'A', type: 'text', description: 'd', indexed: true, unique: true, required: true }, { indexed: true, enforceUniqueValues: true, required: true, text: {} }],
    [{ name: 'FtA', displayName: 'A', type: 'note', description: 'd' }, { text: { allowMultipleLines: true } }],
    [{ name: 'FtA', displayName: 'A', type: 'number', description: 'd' }, { number: {} }],
    [{ name: 'FtA', displayName: 'A', type: 'boolean', description: 'd', indexed: true }, { indexed: true, boolean: {} }],
    [{ name: 'FtA', displayName: 'A', type: 'dateTime', description: 'd' }, { dateTime: { format: 'dateTime' } }],
    [{ name: 'FtA', displayName: 'A', type: 'dateOnly', description: 'd' }, { dateTime: { format: 'dateOnly' } }],
    [{ name: 'FtA', displayName: 'A', type: 'choice', description: 'd', choices: ['x', 'y'] }, { choice: { choices: ['x', 'y'] } }],
  ] as const)('%j', (spec, facets) => {
    expect(columnDefinition(spec)).toEqual({ name: 'FtA', displayName: 'A', description: 'd', ...facets });
  });

  it('makes a generic list with every column of the spec', () => {
    const definition = listDefinition(actions);
    expect(definition).toMatchObject({ displayName: 'Followthrough Actions', list: { template: 'genericList' } });
    expect(definition.columns.map((c) => c.name)).toEqual(actions.columns.map((c) => c.name));
    expect(definition.columns.find((c) => c.name === 'FtKey')).toMatchObject({ indexed: true, enforceUniqueValues: true, required: true });
  });
});
