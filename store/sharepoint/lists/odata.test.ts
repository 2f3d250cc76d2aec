import { describe, expect, it } from 'vitest';
import { GraphError } from '../graph/graph-error.js';
import { listSpec } from '../list-schema.js';
import type { FieldFilter } from './list-client.js';
import { fieldsExpand, filterExpression, itemsQueryString } from './odata.js';

const actions = listSpec('actions');
const plans = listSpec('plans');

describe('filterExpression', () => {
  it.each<[FieldFilter[], string]>([
    [[{ field: 'FtKey', op: 'eq', value: 'a-1' }], "fields/FtKey eq 'a-1'"],
    [[{ field: 'FtPlanId', op: 'eq', value: "O'Brien's plan" }], "fields/FtPlanId eq 'O''Brien''s plan'"],
    [[{ field: 'FtPlanId', op: 'eq', value: "' or 1 eq 1 or ''='" }], "fields/FtPlanId eq ''' or 1 eq 1 or ''''='''"],
    [[{ field: 'FtDueDate', op: 'le', value: '2025-06-30' }, { field: 'FtStatus', op: 'ne', value: 'complete' }], "fields/FtDueDate le '2025-06-30' and fields/FtStatus ne 'complete'"],
    [[{ field: 'FtUpdated', op: 'gt', value: '2025-03-01T12:00:00Z' }], "fields/FtUpdated gt '2025-03-01T12:00:00Z'"],
  ])('%j → %s', (where, expected) => {
    expect(filterExpression(actions, where)).toBe(expected);
  });

  it('writes booleans bare', () => {
    expect(filterExpression(plans, [{ field: 'FtCommitted', op: 'eq', value: false }])).toBe('fields/FtCommitted eq false');
  });

  it.each<[FieldFilter, RegExp]>([
    [{ field: 'FtPosition', op: 'eq', value: 1 }, /"FtPosition": it is not an indexed column/],
    [{ field: 'FtData', op: 'eq', value: '{}' }, /"FtData": it is not an indexed column/],
    [{ field: 'FtNope', op: 'eq', value: 'x' }, /"FtNope": the Followthrough Actions list has no such column/],
    [{ field: 'FtDueDate', op: 'lt', value: '31/12/2025' }, /FtDueDate needs a date/],
    [{ field: 'FtDueDate', op: 'lt', value: 20251231 }, /FtDueDate needs a date/],
    [{ field: 'FtStatus', op: 'eq', value: 'done' }, /FtStatus needs one of not-started/],
    [{ field: 'FtPlanId', op: 'eq', value: 7 }, /FtPlanId needs text/],
    [{ field: 'FtKey', op: 'like' as FieldFilter['op'], value: 'x' }, /Unknown filter operator "like"/],
  ])('refuses %j before sending', (clause, message) => {
    expect(() => filterExpression(actions, [clause])).toThrow(message);
    expect(() => filterExpression(actions, [clause])).toThrow(GraphError);
  });

  it('refuses a non-boolean on a boolean column', () => {
    expect(() => filterExpression(plans, [{ field: 'FtCommitted', op: 'eq', value: 'true' }])).toThrow(/FtCommitted needs true or false/);
  });
});

describe('fieldsExpand', () => {
  it('always selects FtKey, once', () => {
    expect(fieldsExpand(actions, ['FtStatus', 'FtKey'])).toBe('fields(select=FtKey,FtStatus)');
    expect(fieldsExpand(actions, [])).toBe('fields(select=FtKey)');
  });

  it('selects Title and every schema column by default', () => {
    expect(fieldsExpand(plans)).toBe(`fields(select=Title,${plans.columns.map((c) => c.name).join(',')})`);
  });

  it('refuses a column the list does not have', () => {
    expect(() => fieldsExpand(actions, ['FtRoleKey'])).toThrow(/"FtRoleKey"/);
  });
});

describe('itemsQueryString', () => {
  it('encodes values but keeps OData readable', () => {
    expect(itemsQueryString(actions, { select: ['FtStatus'], where: [{ field: 'FtPlanId', op: 'eq', value: 'a&b #1' }], pageSize: 50 })).toBe(
      "?expand=fields(select=FtKey,FtStatus)&$filter=fields/FtPlanId%20eq%20'a%26b%20%231'&$top=50",
    );
  });

  it.each([0, 5001, 2.5])('refuses page size %d', (pageSize) => {
    expect(() => itemsQueryString(actions, { pageSize })).toThrow(/pageSize/);
  });
});
