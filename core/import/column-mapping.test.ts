import { describe, expect, it } from 'vitest';
import { applyColumnMapping } from './column-mapping.js';

const HEADINGS = ['Ref', 'Recommendation', 'Action', 'Owner', 'Notes', 'Target date'];
const GUESSED = ['number', 'recommendation', 'action', 'lead', null, 'due'] as const;

describe('applyColumnMapping', () => {
  it.each([
    ['no mapping keeps the guess', {}, ['number', 'recommendation', 'action', 'lead', null, 'due'], []],
    ['maps an unrecognised heading', { Notes: 'progress' }, ['number', 'recommendation', 'action', 'lead', 'progress', 'due'], []],
    ['"other" unmaps a guessed one', { Owner: 'other' }, ['number', 'recommendation', 'action', null, null, 'due'], []],
    ['a field chosen for one heading leaves the column it was guessed for', { Notes: 'lead' }, ['number', 'recommendation', 'action', null, 'lead', 'due'], []],
    ['two fields swapped', { Owner: 'due', 'Target date': 'lead' }, ['number', 'recommendation', 'action', 'due', null, 'lead'], []],
    ['a heading the table does not have is reported', { Owner: 'lead', Lead: 'lead' }, ['number', 'recommendation', 'action', 'lead', null, 'due'], ['Lead']],
  ] as const)('%s', (_name, mapping, fields, unknown) => {
    expect(applyColumnMapping(HEADINGS, GUESSED, mapping)).toEqual({ fields, unknown });
  });
});
