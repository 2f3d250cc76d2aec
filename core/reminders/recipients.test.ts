import { describe, expect, it } from 'vitest';
import { type Role, roleKey } from '../model/index.js';
import { leadRecipients, roleDirectory } from './recipients.js';

function role(name: string, holders: string[], deputies: string[] = []): Role {
  const person = (id: string) => ({ aadObjectId: id, displayName: `Name of ${id}` });
  return { id: `r-${name}`, name, key: roleKey(name), holders: holders.map(person), deputies: deputies.map(person) };
}

const DIRECTORY = roleDirectory([
  role('Medical Director', ['u-md']),
  role('Head of Quality', ['u-hq1', 'u-hq2'], ['u-hqd']),
  role('Ward Manager', [], ['u-wmd']),
  role('Vacant Post', []),
  role('Director of Nursing', ['u-dn', 'u-md', 'u-dn']),
  role('Safeguarding Lead', ['u-sg']),
  role('Safeguarding lead', ['u-sg2'], ['u-sgd']),
]);

describe('roleDirectory.people', () => {
  it.each([
    ['Medical Director', ['u-md']],
    ['medical director', ['u-md']], // matched by key: case and punctuation fold
    ['Medical-Director.', ['u-md']],
    ['Head of Quality', ['u-hq1', 'u-hq2']], // holders, not deputies
    ['Ward Manager', ['u-wmd']], // no holder: the deputies
    ['Vacant Post', []],
    ['Chief Executive', []], // no such role
    ['Director of Nursing', ['u-dn', 'u-md']], // each person once
    ['Safeguarding Lead', ['u-sg', 'u-sg2']], // two roles with one key: both
  ])('%s → %j', (name, ids) => {
    expect(DIRECTORY.people(name).map((person) => person.aadObjectId)).toEqual(ids);
  });
});

describe('leadRecipients', () => {
  it.each([
    [['Medical Director'], ['u-md'], []],
    [['Head of Quality', 'Medical Director'], ['u-hq1', 'u-hq2', 'u-md'], []],
    [['Medical Director', 'Director of Nursing'], ['u-md', 'u-dn'], []], // u-md holds both: once
    [['Medical Director', 'medical director'], ['u-md'], []],
    [['Vacant Post', 'Ward Manager'], ['u-wmd'], ['Vacant Post']],
    [['Vacant Post', 'Chief Executive'], [], ['Vacant Post', 'Chief Executive']],
    [[], [], []],
  ])('%j → %j, vacant %j', (leads, ids, vacant) => {
    const found = leadRecipients(leads, DIRECTORY);
    expect(found.people.map((person) => person.aadObjectId)).toEqual(ids);
    expect(found.vacant).toEqual(vacant);
  });
});
