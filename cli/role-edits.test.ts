import { describe, expect, it } from 'vitest';
import type { Person } from '../core/model/index.js';
import { CliError } from './cli-error.js';
import { parsePersonArg } from './person-arg.js';
import { addToRole, describeChanges, removeFromRole, type RoleMembers } from './role-edits.js';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const C = 'cccccccc-0000-4000-8000-000000000003';
const person = (id: string, name: string, email?: string): Person => ({ aadObjectId: id, displayName: name, ...(email === undefined ? {} : { email }) });
const arg = (value: string) => parsePersonArg(value, '--holder');
const names = (members: RoleMembers): [string[], string[]] => [members.holders.map((p) => p.displayName), members.deputies.map((p) => p.displayName)];

const CURRENT: RoleMembers = { holders: [person(A, 'Ann', 'ann@example.nhs.uk')], deputies: [person(B, 'Ben')] };

describe('addToRole', () => {
  it.each([
    ['adds a new holder after those there', [`${C}=Cat`], [], false, [['Ann', 'Cat'], ['Ben']]],
    ['moves a deputy to holder, keeping their name', [B], [], false, [['Ann', 'Ben'], []]],
    ['moves a holder to deputy', [], [A], false, [[], ['Ben', 'Ann']]],
    ['renames in place when a name is given', [`${A}=Ann Smith`], [], false, [['Ann Smith'], ['Ben']]],
    ['keeps the stored name when none is given, whatever the case of the id', [A.toUpperCase()], [], false, [['Ann'], ['Ben']]],
    ['--replace: exactly the people given', [`${C}=Cat`], [], true, [['Cat'], []]],
    ['--replace keeps a stored name for someone given again', [C], [B], true, [[C], ['Ben']]],
  ])('%s', (_what, holders: string[], deputies: string[], replace: boolean, expected) => {
    expect(names(addToRole(CURRENT, { holders: holders.map(arg), deputies: deputies.map(arg) }, replace))).toEqual(expected);
  });

  it('keeps what else is stored about a person (their email) when renaming them', () => {
    expect(addToRole(CURRENT, { holders: [arg(`${A}=Ann Smith`)], deputies: [] }, false).holders).toEqual([person(A, 'Ann Smith', 'ann@example.nhs.uk')]);
  });

  it('refuses a person named twice, as a usage error', () => {
    expect(() => addToRole(CURRENT, { holders: [arg(A)], deputies: [arg(A.toUpperCase())] }, false)).toThrow(expect.objectContaining({ exitCode: 2 }) as CliError);
  });
});

describe('removeFromRole', () => {
  it.each([
    ['a holder', [A], [[], ['Ben']]],
    ['a deputy, by an id in capitals', [B.toUpperCase()], [['Ann'], []]],
    ['both', [A, B], [[], []]],
  ])('takes off %s', (_what, ids, expected) => {
    expect(names(removeFromRole(CURRENT, ids, 'Role'))).toEqual(expected);
  });

  it('names someone who is not there (exit 1: the request cannot be met)', () => {
    expect(() => removeFromRole(CURRENT, [C], 'Director of Nursing')).toThrow(`"${C}" is neither a holder nor a deputy of "Director of Nursing"`);
  });
});

describe('describeChanges', () => {
  it.each([
    ['nothing', CURRENT, []],
    ['an addition', { holders: [...CURRENT.holders, person(C, C)], deputies: CURRENT.deputies }, [`added holder ${C}`]],
    ['a removal', { holders: CURRENT.holders, deputies: [] }, [`removed deputy Ben (${B})`]],
    ['a move and a rename', { holders: [CURRENT.holders[0] ?? person(A, 'Ann'), person(B, 'Ben Jones')], deputies: [] }, [`Ben Jones (${B}): deputy → holder`, `renamed Ben → Ben Jones (${B})`]],
  ])('%s', (_what, after: RoleMembers, expected) => {
    expect(describeChanges(CURRENT, after)).toEqual(expected);
  });
});

describe('parsePersonArg', () => {
  it.each([
    [`${A.toUpperCase()}=  Ann Smith `, { person: { aadObjectId: A, displayName: 'Ann Smith' }, named: true }],
    [A, { person: { aadObjectId: A, displayName: A }, named: false }],
    [`${A}=`, { person: { aadObjectId: A, displayName: A }, named: false }],
    [`${A}=Smith=Jones`, { person: { aadObjectId: A, displayName: 'Smith=Jones' }, named: true }],
  ])('%s', (value, expected) => {
    expect(parsePersonArg(value, '--holder')).toEqual(expected);
  });

  it.each(['ann@example.nhs.uk', '00000000-0000-0000-0000-0000000000020', `{${A}}`, ''])('refuses %j, naming it, as a usage error', (value) => {
    expect(() => parsePersonArg(value, '--deputy')).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringContaining(`--deputy "${value}"`) as string }) as CliError);
  });
});
